package io.importspy.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole pipeline through the command line, on a plugin JAR compiled by javac. */
class CliEndToEndIT {
    @TempDir
    static Path dir;
    static Path plugin;

    @BeforeAll
    static void buildPlugin() throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/com/acme"));
        Files.writeString(sources.resolve("Greeter.java"), """
                package com.acme;
                public final class Greeter {
                    public static final String NAME = "greeter";
                    public Greeter() { }
                    public String greet(String who) { return "hello " + who; }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int result = javac.run(null, null, null, "-d", classes.toString(),
                sources.resolve("Greeter.java").toString());
        assertThat(result).isZero();
        plugin = dir.resolve("greeter-1.2.0.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), "com.acme.greeter");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "1.2.0");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugin), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
    }

    @Test
    void a_compliant_plugin_exits_0_with_a_compliant_report() throws IOException {
        Path contract = Files.writeString(dir.resolve("ok.yml"), """
                importspy: 1
                module:
                  name: com.acme.greeter
                  version: "[1.2,2)"
                classes:
                  - name: com.acme.Greeter
                    methods:
                      - name: greet
                        parameters: [String]
                        returns: String
                """);

        MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), "--runtime", "none",
                plugin.toString());

        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.exit()).isZero();
        assertThat(outcome.out()).startsWith(plugin + " (com.acme.greeter 1.2.0): COMPLIANT\n")
                .endsWith("1 target, 1 compliant, 0 violations, 0 unverified\n");
    }

    @Test
    void a_missing_method_exits_1_and_is_reported_in_json() throws IOException {
        Path contract = Files.writeString(dir.resolve("bad.yml"), """
                importspy: 1
                classes:
                  - name: com.acme.Greeter
                    methods:
                      - name: init
                """);

        MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), "--format", "json",
                "--runtime", "none", plugin.toString());

        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.out()).startsWith("{\n  \"compliant\": false,").contains("\"category\": \"missing\"",
                "\"context\": \"method\"", "\"line\": 5");
    }

    @Test
    void an_invalid_contract_exits_2_with_its_errors_located() throws IOException {
        Path contract = Files.writeString(dir.resolve("spymodel.yml"), "importspy: 1\nclases: []\n");

        MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), plugin.toString());

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err()).startsWith("importspy: ").contains("spymodel.yml:2:1: ").contains("clases");
    }

    @Test
    void the_contract_inspect_writes_is_satisfied_by_the_plugin() throws IOException {
        MainTest.Outcome inspected = MainTest.run("inspect", plugin.toString());
        assertThat(inspected.exit()).isZero();
        Path contract = Files.writeString(dir.resolve("inspected.yml"), inspected.out());

        MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), "--runtime", "none",
                plugin.toString());

        assertThat(outcome.out()).contains(": COMPLIANT");
        assertThat(outcome.exit()).isZero();
    }

    @Test
    void inspect_pin_writes_the_digest_that_validates_exactly_this_file() throws Exception {
        MainTest.Outcome inspected = MainTest.run("inspect", "--pin", plugin.toString());
        assertThat(inspected.exit()).isZero();
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(plugin)));
        assertThat(inspected.out()).contains("  digest: \"sha256:" + sha256 + "\"")
                .contains("# not pinned: signers (the JAR is unsigned)");
        Path contract = Files.writeString(dir.resolve("pinned.yml"), inspected.out());
        assertThat(MainTest.run("validate", "-c", contract.toString(), "--runtime", "none", plugin.toString()).exit())
                .isZero();

        Path changed = dir.resolve("changed/greeter-1.2.0.jar");
        Files.createDirectories(changed.getParent());
        Files.copy(plugin, changed);
        Files.write(changed, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND); // still a readable ZIP
        MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), "--runtime", "none",
                changed.toString());
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.out()).contains("module file has digest sha256:").contains("not the pinned sha256:" + sha256);
    }

    @Test
    void a_corrupt_target_exits_2_with_one_line() throws IOException {
        Path contract = Files.writeString(dir.resolve("min.yml"), "importspy: 1\n");
        Path corrupt = Files.writeString(dir.resolve("corrupt.jar"), "not a zip");

        MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), corrupt.toString());

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err()).startsWith("importspy: ").contains("corrupt.jar").hasLineCount(1);
    }
}
