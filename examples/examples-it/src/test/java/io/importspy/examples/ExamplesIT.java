package io.importspy.examples;

import io.importspy.testsupport.GoldenFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs each example with the one command the READMEs give, and checks that it behaves as documented. What
 * the broken examples print is pinned whole in golden files (src/test/resources/golden, the checkout's
 * path written as {@code <root>}); regenerate them with {@code -Dimportspy.golden.update=true}.
 */
class ExamplesIT {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    /** What a finished command printed (stdout and stderr together) and its exit code. */
    private record Run(int exitCode, String output) {
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().remove("REBUILD");
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", List.of(command)).isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static Run importspy(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", "importspy-cli/target/importspy.jar"));
        command.addAll(List.of(arguments));
        return run(command.toArray(String[]::new));
    }

    /** Compares what a run printed, with the checkout's absolute path as {@code <root>}, with a golden file. */
    private static void assertGolden(String name, Run run) {
        GoldenFiles.assertMatches(GOLDEN.resolve(name), run.output().replace(ROOT.toString(), "<root>"));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void the_pipeline_plugin_satisfies_its_contract_and_the_broken_one_does_not() throws Exception {
        String api = "examples/pipeline/api/target/pipeline-api-1.0.0.jar";
        Run compliant = importspy("validate", "-c", "examples/pipeline/spymodel.yml", "--classpath", api,
                "examples/pipeline/plugin/target/extension-1.0.0.jar");
        assertThat(compliant.exitCode()).as(compliant.output()).isZero();
        assertThat(compliant.output()).contains("COMPLIANT", "1 target, 1 compliant, 0 violations, 0 unverified");

        Run broken = importspy("validate", "-c", "examples/pipeline/spymodel.yml", "--classpath", api,
                "examples/pipeline/plugin-broken/target/extension-broken-1.0.0.jar");
        assertThat(broken.exitCode()).as(broken.output()).isEqualTo(1);
        assertGolden("pipeline-broken.txt", broken);

        Run json = importspy("validate", "-c", "examples/pipeline/spymodel.yml", "--classpath", api, "--format", "json",
                "examples/pipeline/plugin-broken/target/extension-broken-1.0.0.jar");
        assertThat(json.exitCode()).as(json.output()).isEqualTo(1);
        assertGolden("pipeline-broken.json", json);
    }

    @Test
    void the_embedded_framework_starts_the_compliant_application_and_refuses_the_broken_one() throws Exception {
        Run example = run("bash", "examples/embedded/run.sh");
        assertThat(example.exitCode()).as(example.output()).isZero();
        assertGolden("embedded.txt", example);
    }

    @Test
    void the_plugin_host_runs_the_polite_plugin_and_no_code_of_the_rogue_one() throws Exception {
        Path marker = ROOT.resolve("examples/host/host/target/rogue-was-here.txt");
        Run example = run("bash", "examples/host/run.sh");
        assertThat(example.exitCode()).as(example.output()).isZero();
        assertThat(example.output()).contains("refused  greeter-rogue-1.0.0.jar",
                "com.example.rogue.RogueGreeter lacks field PLUGIN_API_LEVEL").doesNotContain("ROGUE CODE RAN");
        assertGolden("host.txt", example);
        assertThat(marker).doesNotExist();
    }

    @Test
    void the_jdbc_host_admits_the_real_postgresql_driver() throws Exception {
        assertThat(Files.exists(ROOT.resolve("examples/jdbc/target/drivers/postgresql-42.7.13.jar"))).isTrue();
        Run example = run("bash", "examples/jdbc/run.sh");
        assertThat(example.exitCode()).as(example.output()).isZero();
        assertThat(example.output()).contains("admitted postgresql-42.7.13.jar (org.postgresql.jdbc 42.7.13)",
                "accepts jdbc:postgresql://localhost:5432/app: true");
    }

    @Test
    void the_license_extension_checks_real_modules_from_the_command_line_the_library_and_maven() throws Exception {
        String contract = "examples/license/license.yml";
        String extension = "examples/license/extension/target/license-extension-1.0.0.jar";
        String apache = "examples/license/extension/target/modules/commons-lang3.jar";
        String bsd = "examples/license/extension/target/modules/postgresql.jar";
        String refused = "org.postgresql.jdbc is licensed under BSD-2-Clause, which x-license does not allow";

        Run permitted = importspy("validate", "-c", contract, "--extensions", extension, apache);
        assertThat(permitted.exitCode()).as(permitted.output()).isZero();
        Run licensed = importspy("validate", "-c", contract, "--extensions", extension, bsd);
        assertThat(licensed.exitCode()).as(licensed.output()).isEqualTo(1);
        assertThat(licensed.output()).contains(refused, "license.yml:7:3");
        Run without = importspy("validate", "-c", contract, apache);
        assertThat(without.exitCode()).as(without.output()).isEqualTo(2);
        assertThat(without.output().strip()).startsWith("importspy: " + contract
                + ":6:1: no extension provides 'x-license' (looked in the class path)").doesNotContain("\tat ");
        Run runtime = importspy("inspect", "--runtime", "--extensions", extension);
        assertThat(runtime.exitCode()).as(runtime.output()).isZero();
        assertThat(runtime.output()).containsPattern("(?m)^facts:\\n  container\\.cpu\\.count: '[0-9]+'");

        // the library: a host with the extension beside ImportSpy on its class path
        String classpath = "importspy-core/target/importspy-core-0.1.0-SNAPSHOT.jar" + java.io.File.pathSeparator
                + extension;
        Run library = run(javaBinary(), "-cp", classpath, "examples/license/LicenseCheck.java", contract, bsd);
        assertThat(library.exitCode()).as(library.output()).isEqualTo(1);
        assertThat(library.output()).contains(refused);

        // Maven: the plugin with the extension as a plugin dependency, run by this build before these tests
        String json = Files.readString(ROOT.resolve("examples/license/maven-check/target/importspy/importspy.json"));
        assertThat(json).contains(refused, "\"context\": \"license\"", "commons-lang3.jar");
    }
}
