package io.importspy.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recorded runtimes, secrets, JSON reports, {@code --strict} and several targets, through the command line;
 * the secret tests run the real fat JAR in a child process whose environment holds the secret.
 */
class RuntimeAndReportsIT {
    static final String SECRET_VALUE = "s3cr3t-value";
    static final Path FAT_JAR = Path.of("target", "importspy.jar");

    @TempDir
    static Path dir;
    static Path greeter;
    static Path broken;

    @BeforeAll
    static void build() {
        greeter = TestPlugins.greeterJar(dir, "greeter-1.2.0.jar", TestPlugins.GREETER);
        broken = TestPlugins.greeterJar(dir, "greeter-broken-1.2.0.jar", """
                package com.acme;
                public final class Greeter {
                    public static final String NAME = "broken";
                }
                """);
    }

    static Path contract(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Nested
    class A_recorded_runtime {
        @Test
        void written_by_inspect_runtime_is_read_back_by_validate_runtime_file() throws IOException {
            Path contract = contract("deployments.yml", """
                    importspy: 1
                    deployments:
                      - os: [aix]
                      - java:
                          version: "[17,)"
                        environment:
                          properties:
                            java.vm.specification.version: {}
                    """);
            MainTest.Outcome recorded = MainTest.run("inspect", "--runtime", "-c", contract.toString());
            assertThat(recorded.err()).isEmpty();
            assertThat(recorded.exit()).isZero();
            assertThat(recorded.out()).startsWith("importspy-runtime: 1\n").contains("java.vm.specification.version");
            Path runtime = Files.writeString(dir.resolve("runtime.yml"), recorded.out());

            MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), "--runtime",
                    runtime.toString(), greeter.toString());

            assertThat(outcome.err()).isEmpty();
            assertThat(outcome.out()).startsWith(greeter + " (com.acme.greeter 1.2.0): COMPLIANT\n");
            assertThat(outcome.exit()).isZero();
        }

        @Test
        void records_a_named_variable_or_property_that_is_not_set_as_null_and_validate_reports_it_missing()
                throws IOException {
            String name = "IMPORTSPY_TEST_VARIABLE_NEVER_SET";
            assertThat(System.getenv(name)).isNull();
            Path contract = contract("unset.yml", "importspy: 1\ndeployments:\n  - environment:\n"
                    + "      variables: {" + name + ": {}}\n      properties: {importspy.test.never.set: x}\n");
            MainTest.Outcome recorded = MainTest.run("inspect", "--runtime", "-c", contract.toString());
            assertThat(recorded.exit()).isZero();
            assertThat(recorded.out()).contains("    " + name + ": null\n", "  importspy.test.never.set: null\n");
            Path runtime = Files.writeString(dir.resolve("runtime-unset.yml"), recorded.out());

            MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), "--runtime",
                    runtime.toString(), greeter.toString());

            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.out()).contains("x missing  environment variable " + name + " is not set",
                    "x missing  system property importspy.test.never.set is not set");
        }

        @Test
        void checks_a_variable_or_property_it_did_not_record_as_unverified_not_missing() throws IOException {
            Path old = contract("old.yml", "importspy: 1\ndeployments:\n  - os: [linux, macos, windows]\n");
            Path now = contract("now.yml", "importspy: 1\ndeployments:\n  - environment:\n"
                    + "      variables: {MODE: production}\n      properties: {app.profile: prod}\n");
            MainTest.Outcome recorded = MainTest.run("inspect", "--runtime", "-c", old.toString());
            Path runtime = Files.writeString(dir.resolve("runtime-old.yml"), recorded.out());

            MainTest.Outcome lenient = MainTest.run("validate", "-c", now.toString(), "--runtime", runtime.toString(),
                    greeter.toString());
            MainTest.Outcome strict = MainTest.run("validate", "-c", now.toString(), "--runtime", runtime.toString(),
                    "--strict", greeter.toString());

            assertThat(lenient.exit()).isZero();
            assertThat(lenient.out()).contains(
                    "environment variable MODE cannot be checked: the recorded runtime does not record its value",
                    "system property app.profile cannot be checked: the recorded runtime does not record its value")
                    .doesNotContain("is not set");
            assertThat(strict.exit()).isEqualTo(1);
        }

        @Test
        void with_a_secret_recorded_absent_fails_with_absent_in_text_and_json() throws IOException {
            String name = "IMPORTSPY_TEST_SECRET_NEVER_SET";
            assertThat(System.getenv(name)).isNull();
            Path contract = contract("secret.yml", "importspy: 1\ndeployments:\n  - environment:\n"
                    + "      secrets: [" + name + "]\n");
            MainTest.Outcome recorded = MainTest.run("inspect", "--runtime", "-c", contract.toString());
            assertThat(recorded.out()).contains("    " + name + ": absent\n");
            Path runtime = Files.writeString(dir.resolve("runtime-without-secret.yml"), recorded.out());

            MainTest.Outcome text = MainTest.run("validate", "-c", contract.toString(), "--runtime",
                    runtime.toString(), greeter.toString());
            MainTest.Outcome json = MainTest.run("validate", "-c", contract.toString(), "--runtime",
                    runtime.toString(), "--format", "json", greeter.toString());

            assertThat(text.exit()).isEqualTo(1);
            assertThat(text.err()).isEmpty();
            assertThat(text.out()).contains("x missing  secret " + name + " is not set or empty  (" + contract + ":4:17)",
                    "expected: <present>  found: <absent>");
            assertThat(json.exit()).isEqualTo(1);
            Map<String, Object> violation = onlyViolation(json.out());
            assertThat(violation).containsEntry("category", "missing").containsEntry("context", "environment")
                    .containsEntry("subject", "secret " + name).containsEntry("found", "<absent>");
        }
    }

    @Nested
    class A_secret_value {
        /** Mentions DB_PASSWORD as a secret, and as a variable with another value in a closer entry. */
        static final String CONTRACT = """
                importspy: 1
                deployments:
                  - environment:
                      variables:
                        DB_PASSWORD: not-the-password
                  - os: [aix]
                    environment:
                      variables:
                        DB_PASSWORD: {pattern: "x.*"}
                      secrets: [DB_PASSWORD]
                """;

        @Test
        void never_appears_in_any_output_of_validate_or_inspect_runtime() throws Exception {
            assertThat(FAT_JAR).as("the fat JAR built by the package phase").isRegularFile();
            Path contract = contract("secret-value.yml", CONTRACT);
            Path satisfied = contract("secret-present.yml",
                    "importspy: 1\ndeployments:\n  - environment:\n      secrets: [DB_PASSWORD]\n");

            Run recordedFull = fatJar("inspect", "--runtime");
            Run recorded = fatJar("inspect", "--runtime", "-c", contract.toString());
            Path runtime = Files.writeString(dir.resolve("runtime-with-secret.yml"), recorded.out());
            List<Run> runs = List.of(recordedFull, recorded,
                    fatJar("validate", "-c", contract.toString(), greeter.toString()),
                    fatJar("validate", "-c", contract.toString(), "--format", "json", greeter.toString()),
                    fatJar("validate", "-c", contract.toString(), "--runtime", runtime.toString(), greeter.toString()),
                    fatJar("validate", "-c", contract.toString(), "--runtime", runtime.toString(),
                            "--format", "json", greeter.toString()),
                    fatJar("validate", "-c", satisfied.toString(), "--verbose", greeter.toString()),
                    fatJar("validate", "-c", contract.toString(), "--verbose", "--format", "json",
                            dir.resolve("missing.jar").toString()));

            for (Run run : runs) {
                assertThat(run.out() + run.err()).as("output of %s", run.args()).doesNotContain(SECRET_VALUE);
            }
            assertThat(recorded.exit()).isZero();
            assertThat(recorded.out()).contains("  secrets:\n    DB_PASSWORD: present\n").doesNotContain("variables:\n    DB");
            assertThat(recordedFull.out()).contains("  secrets: {}\n");
            assertThat(runs.get(2).exit()).isEqualTo(1);
            assertThat(runs.get(2).out()).contains("environment variable DB_PASSWORD is not \"not-the-password\"",
                    "found: <present>");
            assertThat(runs.get(3).exit()).isEqualTo(1);
            assertThat(onlyViolation(runs.get(3).out())).containsEntry("found", "<present>");
            assertThat(runs.get(4).exit()).as("a secret's value is not recorded, so it cannot be compared").isZero();
            assertThat(runs.get(4).out()).contains("environment variable DB_PASSWORD cannot be checked");
            assertThat(runs.get(6).exit()).isZero();
            assertThat(runs.get(7).exit()).isEqualTo(2);
        }

        private Run fatJar(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", FAT_JAR.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("DB_PASSWORD", SECRET_VALUE);
            builder.environment().remove("NO_COLOR");
            Path out = Files.createTempFile(dir, "out", ".txt");
            Path err = Files.createTempFile(dir, "err", ".txt");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finishes", command).isTrue();
            return new Run(List.of(args), process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    /** One run of the fat JAR. */
    record Run(List<String> args, int exit, String out, String err) {
    }

    @Nested
    class Reports {
        @Test
        void json_parses_and_has_every_documented_member() throws IOException {
            Path contract = contract("json.yml", "importspy: 1\nclasses:\n  - name: com.acme.Greeter\n"
                    + "    methods:\n      - name: greet\n        returns: int\n");

            MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), "--runtime", "none",
                    "--format", "json", greeter.toString(), broken.toString());

            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.err()).isEmpty();
            @SuppressWarnings("unchecked")
            Map<String, Object> report = (Map<String, Object>) Json.parse(outcome.out());
            assertThat(report).containsOnlyKeys("compliant", "targets").containsEntry("compliant", false);
            List<Map<String, Object>> targets = list(report.get("targets"));
            assertThat(targets).hasSize(2);
            for (Map<String, Object> target : targets) {
                assertThat(target).containsOnlyKeys("target", "module", "compliant", "violations");
                assertThat(target.get("module")).isEqualTo(Map.of("name", "com.acme.greeter", "version", "1.2.0"));
                assertThat(target.get("compliant")).isEqualTo(false);
            }
            assertThat(targets).extracting(t -> t.get("target")).containsExactly(greeter.toString(), broken.toString());
            Map<String, Object> mismatch = list(targets.get(0).get("violations")).get(0);
            assertThat(mismatch).containsOnlyKeys("category", "context", "subject", "expected", "found", "message",
                    "solution", "location");
            assertThat(mismatch).containsEntry("category", "mismatch").containsEntry("context", "method")
                    .containsEntry("subject", "com.acme.Greeter#greet").containsEntry("expected", "int")
                    .containsEntry("found", "java.lang.String");
            assertThat(mismatch.get("location")).isEqualTo(Map.of("file", contract.toString(), "line", 6L, "column", 18L));
            assertThat(list(targets.get(1).get("violations"))).singleElement()
                    .satisfies(v -> assertThat(v).containsEntry("category", "missing")
                            .containsEntry("subject", "com.acme.Greeter#greet"));
        }

        @Test
        void strict_turns_an_unverified_check_into_exit_1() throws IOException {
            Path contract = contract("names.yml", "importspy: 1\nclasses:\n  - name: com.acme.Greeter\n"
                    + "    methods:\n      - name: greet\n        parameters: [{name: who, type: String}]\n");

            MainTest.Outcome lenient = MainTest.run("validate", "-c", contract.toString(), "--runtime", "none",
                    greeter.toString());
            MainTest.Outcome strict = MainTest.run("validate", "-c", contract.toString(), "--runtime", "none",
                    "--strict", greeter.toString());

            assertThat(lenient.exit()).isZero();
            assertThat(lenient.out()).contains(": COMPLIANT\n").endsWith("1 target, 1 compliant, 0 violations, 1 unverified\n");
            assertThat(strict.exit()).isEqualTo(1);
            assertThat(strict.out()).contains(": NOT COMPLIANT\n", "unverified",
                    "the names of the parameters of method com.acme.Greeter#greet(String) are unknown");
            assertThat(strict.err()).isEmpty();
        }

        @Test
        void several_targets_are_all_reported_and_one_failure_fails_the_run() throws IOException {
            Path contract = contract("greet.yml", "importspy: 1\nclasses:\n  - name: com.acme.Greeter\n"
                    + "    methods:\n      - name: greet\n        parameters: [String]\n");

            MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), "--runtime", "none",
                    greeter.toString(), broken.toString());

            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.err()).isEmpty();
            assertThat(outcome.out())
                    .contains(greeter + " (com.acme.greeter 1.2.0): COMPLIANT\n")
                    .contains(broken + " (com.acme.greeter 1.2.0): NOT COMPLIANT\n")
                    .contains("class com.acme.Greeter lacks method greet(String)  (" + contract + ":5:9)")
                    .endsWith("2 targets, 1 compliant, 1 violation, 0 unverified\n");
            assertThat(outcome.out().indexOf(greeter.toString())).isLessThan(outcome.out().indexOf(broken.toString()));
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    static Map<String, Object> onlyViolation(String json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) Json.parse(json);
        List<Map<String, Object>> violations = list(list(report.get("targets")).get(0).get("violations"));
        assertThat(violations).hasSize(1);
        return violations.get(0);
    }
}
