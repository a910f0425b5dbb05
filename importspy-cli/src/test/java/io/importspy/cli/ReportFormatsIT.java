package io.importspy.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --format sarif} and {@code --format junit} end to end, on plugin JARs compiled by javac. */
@SuppressWarnings("unchecked")
class ReportFormatsIT {
    /** A contract under a relative path, as a CI job names it: SARIF keeps it relative. */
    static final Path CONTRACTS = Path.of("target", "report-formats-it");
    static final String RETURNS_INT = "importspy: 1\nclasses:\n  - name: com.acme.Greeter\n"
            + "    methods:\n      - name: greet\n        returns: int\n";
    static final String PARAMETER_NAMES = "importspy: 1\nclasses:\n  - name: com.acme.Greeter\n"
            + "    methods:\n      - name: greet\n        parameters: [{name: who, type: String}]\n";

    @TempDir
    static Path dir;
    static Path greeter;
    static Path broken;

    @BeforeAll
    static void build() {
        greeter = TestPlugins.greeterJar(dir, "greeter-1.2.0.jar", TestPlugins.GREETER);
        broken = TestPlugins.greeterJar(dir, "greeter-broken-1.2.0.jar",
                "package com.acme;\npublic final class Greeter { }\n");
    }

    static Path contract(String name, String text) throws IOException {
        return Files.writeString(Files.createDirectories(CONTRACTS).resolve(name), text);
    }

    @Nested
    class Sarif {
        @Test
        void reports_each_violation_as_a_result_located_in_the_relative_contract_file() throws IOException {
            Path contract = contract("returns-int.yml", RETURNS_INT);

            MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), "--runtime", "none",
                    "--format", "sarif", greeter.toString(), broken.toString());

            assertThat(outcome.err()).isEmpty();
            assertThat(outcome.exit()).isEqualTo(1);
            Map<String, Object> log = (Map<String, Object>) Json.parse(outcome.out());
            assertThat(log).containsEntry("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
                    .containsEntry("version", "2.1.0");
            Map<String, Object> run = only(log.get("runs"));
            Map<String, Object> driver = (Map<String, Object>) ((Map<String, Object>) run.get("tool")).get("driver");
            assertThat(driver).containsEntry("name", "ImportSpy");
            assertThat(maps(driver.get("rules"))).extracting(rule -> rule.get("id"))
                    .containsExactly("importspy/mismatch-method", "importspy/missing-method");
            assertThat(maps(run.get("invocations"))).singleElement()
                    .isEqualTo(Map.of("executionSuccessful", true));

            List<Map<String, Object>> results = maps(run.get("results"));
            assertThat(results).extracting(r -> r.get("ruleId"), r -> r.get("level")).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("importspy/mismatch-method", "error"),
                    org.assertj.core.groups.Tuple.tuple("importspy/missing-method", "error"));
            Map<String, Object> mismatch = results.get(0);
            assertThat((String) ((Map<String, Object>) mismatch.get("message")).get("text"))
                    .startsWith(greeter + ": ").contains(" Fix: ").endsWith(".");
            assertThat((Map<String, Object>) mismatch.get("partialFingerprints")).containsOnlyKeys("importspy/v1");
            Map<String, Object> location = (Map<String, Object>) only(mismatch.get("locations")).get("physicalLocation");
            assertThat(location.get("artifactLocation"))
                    .isEqualTo(Map.of("uri", "target/report-formats-it/returns-int.yml"));
            assertThat(location.get("region")).isEqualTo(Map.of("startLine", 6L, "startColumn", 18L));
            assertThat((Map<String, Object>) mismatch.get("properties")).containsEntry("target", greeter.toString())
                    .containsEntry("subject", "com.acme.Greeter#greet").containsEntry("expected", "int")
                    .containsEntry("found", "java.lang.String");
            assertThat((Map<String, Object>) results.get(1).get("properties")).containsEntry("target", broken.toString());
        }

        @Test
        void a_compliant_target_gives_no_results_and_exit_0() throws IOException {
            Path contract = contract("names-only.yml", "importspy: 1\nclasses:\n  - name: com.acme.Greeter\n");

            MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), "--runtime", "none",
                    "--format", "sarif", greeter.toString());

            assertThat(outcome.err()).isEmpty();
            assertThat(outcome.exit()).isZero();
            Map<String, Object> run = only(((Map<String, Object>) Json.parse(outcome.out())).get("runs"));
            assertThat(run.get("results")).isEqualTo(List.of());
        }

        @Test
        void unverified_checks_are_warnings_unless_strict() throws IOException {
            Path contract = contract("parameter-names.yml", PARAMETER_NAMES);

            MainTest.Outcome lenient = MainTest.run("validate", "-c", contract.toString(), "--runtime", "none",
                    "--format", "sarif", greeter.toString());
            MainTest.Outcome strict = MainTest.run("validate", "-c", contract.toString(), "--runtime", "none",
                    "--format", "sarif", "--strict", greeter.toString());

            assertThat(lenient.exit()).isZero();
            assertThat(strict.exit()).isEqualTo(1);
            assertThat(onlyResult(lenient.out())).containsEntry("ruleId", "importspy/unverified-method")
                    .containsEntry("level", "warning");
            assertThat(onlyResult(strict.out())).containsEntry("level", "error");
        }

        @Test
        void the_runnable_jar_names_its_version_as_the_tool_version() throws Exception {
            Path contract = contract("returns-int-fat.yml", RETURNS_INT);
            Path out = dir.resolve("fat.sarif");
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", RuntimeAndReportsIT.FAT_JAR.toString(), "validate", "-c", contract.toString(),
                    "--runtime", "none", "--format", "sarif", "--output", out.toString(), greeter.toString());

            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String console = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(console).contains("NOT COMPLIANT") // the text report, on stdout
                    .endsWith("1 target, 0 compliant, 1 violation, 0 unverified\n");
            assertThat(process.exitValue()).isEqualTo(1);
            Map<String, Object> run = only(((Map<String, Object>) Json.parse(Files.readString(out))).get("runs"));
            Map<String, Object> driver = (Map<String, Object>) ((Map<String, Object>) run.get("tool")).get("driver");
            assertThat(driver).containsEntry("version", projectVersion());
        }
    }

    @Nested
    class JUnit {
        @Test
        void writes_a_suite_per_target_with_a_failure_per_violation_to_the_output_file() throws IOException {
            Path contract = contract("returns-int-junit.yml", RETURNS_INT);
            Path report = dir.resolve("TEST-importspy.xml");

            MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), "--runtime", "none",
                    "--format", "junit", "--output", report.toString(), greeter.toString(), broken.toString());

            assertThat(outcome.err()).isEmpty();
            assertThat(outcome.out()).contains("NOT COMPLIANT").endsWith("2 targets, 0 compliant, 2 violations, 0 unverified\n");
            assertThat(outcome.exit()).isEqualTo(1);
            Document xml = parse(Files.readString(report, StandardCharsets.UTF_8));
            assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("2");
            List<Element> suites = elements(xml, "testsuite");
            assertThat(suites).extracting(suite -> suite.getAttribute("name"))
                    .containsExactly("importspy: " + greeter, "importspy: " + broken);
            List<Element> cases = elements(xml, "testcase");
            assertThat(cases).extracting(c -> c.getAttribute("name"))
                    .containsExactly("com.acme.Greeter#greet (method)", "com.acme.Greeter#greet (method)");
            assertThat(cases).extracting(c -> c.getAttribute("classname")).containsOnly("importspy.com.acme.greeter.method");
            List<Element> failures = elements(xml, "failure");
            assertThat(failures).extracting(f -> f.getAttribute("type")).containsExactly("mismatch", "missing");
            assertThat(failures.get(0).getTextContent()).startsWith("expected: int\nfound: java.lang.String\nfix: ")
                    .endsWith("\nlocation: " + contract + ":6:18").hasLineCount(4);
        }

        @Test
        void a_compliant_target_is_one_passing_test_case_on_stdout() throws IOException {
            Path contract = contract("names-only-junit.yml", "importspy: 1\nclasses:\n  - name: com.acme.Greeter\n");

            MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), "--runtime", "none",
                    "--format", "junit", greeter.toString());

            assertThat(outcome.err()).isEmpty();
            assertThat(outcome.exit()).isZero();
            Document xml = parse(outcome.out());
            assertThat(elements(xml, "testcase")).singleElement()
                    .satisfies(c -> assertThat(c.getAttribute("name")).isEqualTo("contract satisfied"))
                    .satisfies(c -> assertThat(c.getChildNodes().getLength()).isZero());
        }

        @Test
        void unverified_checks_are_skipped_unless_strict() throws IOException {
            Path contract = contract("parameter-names-junit.yml", PARAMETER_NAMES);

            MainTest.Outcome lenient = MainTest.run("validate", "-c", contract.toString(), "--runtime", "none",
                    "--format", "junit", greeter.toString());
            MainTest.Outcome strict = MainTest.run("validate", "-c", contract.toString(), "--runtime", "none",
                    "--format", "junit", "--strict", greeter.toString());

            assertThat(lenient.exit()).isZero();
            assertThat(elements(parse(lenient.out()), "skipped")).hasSize(1);
            assertThat(elements(parse(lenient.out()), "failure")).isEmpty();
            assertThat(strict.exit()).isEqualTo(1);
            assertThat(elements(parse(strict.out()), "failure")).singleElement()
                    .satisfies(f -> assertThat(f.getAttribute("type")).isEqualTo("unverified"));
            assertThat(elements(parse(strict.out()), "skipped")).isEmpty();
        }
    }

    private static Map<String, Object> onlyResult(String sarif) {
        Map<String, Object> run = only(((Map<String, Object>) Json.parse(sarif)).get("runs"));
        return only(run.get("results"));
    }

    private static Map<String, Object> only(Object list) {
        List<Map<String, Object>> maps = maps(list);
        assertThat(maps).hasSize(1);
        return maps.get(0);
    }

    private static List<Map<String, Object>> maps(Object list) {
        return (List<Map<String, Object>>) list;
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                    xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    private static List<Element> elements(Document xml, String tag) {
        NodeList nodes = xml.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static String projectVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            properties.load(in);
        }
        return properties.getProperty("version");
    }
}
