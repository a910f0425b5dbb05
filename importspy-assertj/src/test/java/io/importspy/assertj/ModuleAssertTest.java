package io.importspy.assertj;

import io.importspy.RuntimeSource;
import io.importspy.Spy;
import io.importspy.ValidationOptions;
import io.importspy.contract.ContractException;
import io.importspy.report.TextReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.importspy.assertj.ImportSpyAssertions.assertThat;
import static io.importspy.assertj.ImportSpyAssertions.assertThatThrownBy;

/** {@code assertThat(module).compliesWith(contract)} on classes compiled by the real javac. */
class ModuleAssertTest {
    @TempDir
    static Path dir;
    static Path api;
    static Path plugin;

    @BeforeAll
    static void compile() throws IOException {
        api = compile("api", Map.of(
                "com/acme/spi/Greeter.java", "package com.acme.spi; public interface Greeter { String greet(String who); }",
                "com/acme/spi/AbstractGreeter.java", "package com.acme.spi; public abstract class AbstractGreeter"
                        + " implements Greeter { public String name() { return getClass().getSimpleName(); } }"), dir);
        plugin = compile("plugin", Map.of("com/acme/PoliteGreeter.java",
                "package com.acme; public class PoliteGreeter extends com.acme.spi.AbstractGreeter {"
                        + " public String greet(String who) { return \"Good day, \" + who; } }"), api);
    }

    /** Compiles {@code sources} (file name to text) with the real javac into {@code dir/name}. */
    private static Path compile(String name, Map<String, String> sources, Path classpath) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-d", dir.resolve(name).toString(), "-cp", classpath.toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path path = dir.resolve(name + "-src").resolve(source.getKey());
            Files.createDirectories(path.getParent());
            arguments.add(Files.writeString(path, source.getValue()).toString());
        }
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new));
        assertThat(status).as("javac").isZero();
        return dir.resolve(name);
    }

    private static Path contract(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private static final String GREETER = """
            importspy: 1
            classes:
              - name: com.acme.PoliteGreeter
                implements: [com.acme.spi.Greeter]
                methods:
                  - name: greet
                    parameters: [String]
                    returns: String
            """;

    @Test
    void a_compliant_module_passes() throws IOException {
        assertThat(plugin).withClasspath(api).compliesWith(contract("greeter.yml", GREETER));
    }

    @Test
    void a_violation_fails_with_the_text_report_as_message() throws IOException {
        Path contract = contract("100%-greeter.yml", GREETER + "      - name: farewell\n");
        String report = TextReport.render(Spy.validate(Spy.contract(contract),
                ValidationOptions.defaults().withClasspath(List.of(api)), List.of(plugin)));

        assertThatThrownBy(() -> assertThat(plugin).withClasspath(api).compliesWith(contract))
                .isInstanceOf(AssertionError.class)
                .hasMessage(report)
                .hasMessageContaining("x missing  class com.acme.PoliteGreeter lacks method farewell  (" + contract + ":9:9)");
    }

    @Test
    void a_description_comes_before_the_report() throws IOException {
        Path contract = contract("farewell.yml", GREETER + "      - name: farewell\n");
        assertThatThrownBy(() -> assertThat(plugin).as("greeter plugin").withClasspath(api).compliesWith(contract))
                .hasMessageStartingWith("[greeter plugin] " + plugin + " (plugin): NOT COMPLIANT");
    }

    @Nested
    class Options {
        @Test
        void without_the_class_path_an_inherited_method_is_unverified_which_fails_only_strictly() throws IOException {
            Path contract = contract("inherited.yml", """
                    importspy: 1
                    classes:
                      - name: com.acme.PoliteGreeter
                        methods:
                          - name: name
                            returns: String
                    """);
            assertThat(plugin).compliesWith(contract);
            assertThatThrownBy(() -> assertThat(plugin).strictly().compliesWith(contract))
                    .hasMessageContaining("unverified");
            assertThat(plugin).withClasspath(List.of(api)).strictly().compliesWith(contract);
        }

        @Test
        void deployments_are_checked_against_the_runtime_asked_for() throws IOException {
            Path contract = contract("future-java.yml", """
                    importspy: 1
                    deployments:
                      - java:
                          version: "[99,)"
                    """);
            assertThatThrownBy(() -> assertThat(plugin).compliesWith(contract))
                    .hasMessageContaining("[99,)");
            assertThat(plugin).withRuntime(RuntimeSource.none()).compliesWith(contract);
        }
    }

    @Nested
    class Negative_and_bad_input {
        @Test
        void does_not_comply_with_passes_on_a_violation_and_fails_on_compliance() throws IOException {
            Path compliant = contract("ok.yml", GREETER);
            Path violated = contract("violated.yml", GREETER + "      - name: farewell\n");
            assertThat(plugin).withClasspath(api).doesNotComplyWith(violated);
            assertThatThrownBy(() -> assertThat(plugin).withClasspath(api).doesNotComplyWith(compliant))
                    .hasMessageStartingWith("Expected " + plugin + " to violate " + compliant + ", but it complies:\n"
                            + plugin + " (plugin): COMPLIANT");
        }

        @Test
        void an_invalid_contract_is_no_assertion_failure_but_a_located_contract_error() throws IOException {
            Path contract = contract("typo.yml", "importspy: 1\nclases: []\n");
            assertThatThrownBy(() -> assertThat(plugin).compliesWith(contract))
                    .isInstanceOf(ContractException.class)
                    .hasMessageStartingWith(contract + ":2:1: unknown key 'clases'");
        }

        @Test
        void a_null_module_fails_as_assertj_does() throws IOException {
            Path contract = contract("null.yml", GREETER);
            assertThatThrownBy(() -> assertThat((Path) null).compliesWith(contract))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expecting actual not to be null");
        }
    }
}
