package io.importspy.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static io.importspy.cli.TestPlugins.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input through the command line: exit 2, one line per problem on stderr naming the file (and for
 * a contract the line and column) and what is wrong, and nothing at all on stdout.
 */
class BadInputIT {
    @TempDir
    static Path dir;
    static Path plugin;
    static Path contract;

    @BeforeAll
    static void build() throws IOException {
        plugin = TestPlugins.greeterJar(dir, "greeter-1.2.0.jar", TestPlugins.GREETER);
        contract = Files.writeString(dir.resolve("spymodel.yml"), "importspy: 1\nclasses:\n  - name: com.acme.Greeter\n");
    }

    /** Exit 2, nothing on stdout, and exactly {@code lines} on stderr. */
    static void assertBadInput(MainTest.Outcome outcome, String... lines) {
        assertThat(outcome.out()).as("stdout").isEmpty();
        assertThat(outcome.err()).as("stderr").isEqualTo(String.join("", Arrays.stream(lines)
                .map(line -> "importspy: " + line + "\n").toList()));
        assertThat(outcome.exit()).isEqualTo(2);
    }

    /** Exit 2, nothing on stdout, one line on stderr that starts with {@code start} and contains {@code parts}. */
    static void assertOneLine(MainTest.Outcome outcome, String start, String... parts) {
        assertThat(outcome.out()).as("stdout").isEmpty();
        assertThat(outcome.err()).as("stderr").startsWith("importspy: " + start).hasLineCount(1)
                .doesNotContain("\tat ", "Exception");
        for (String part : parts) {
            assertThat(outcome.err()).contains(part);
        }
        assertThat(outcome.exit()).isEqualTo(2);
    }

    static MainTest.Outcome validate(Path contractFile, String... more) {
        String[] args = new String[more.length + 5];
        args[0] = "validate";
        args[1] = "-c";
        args[2] = contractFile.toString();
        args[3] = "--runtime";
        args[4] = "none";
        System.arraycopy(more, 0, args, 5, more.length);
        return MainTest.run(args);
    }

    static Path contract(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Nested
    class Broken_targets {
        @Test
        void a_missing_target_is_named() {
            Path missing = dir.resolve("nowhere/plugin.jar");

            assertBadInput(validate(contract, missing.toString()), "target '" + missing + "' not found");
            assertBadInput(MainTest.run("inspect", missing.toString()), "target '" + missing + "' not found");
        }

        @Test
        void a_truncated_jar_is_not_a_readable_jar() throws IOException {
            byte[] real = Files.readAllBytes(TestPlugins.jarOf(picocli.CommandLine.class));
            Path truncated = Files.write(dir.resolve("truncated.jar"), Arrays.copyOf(real, real.length / 2));

            assertOneLine(validate(contract, truncated.toString()), truncated + ": not a readable JAR (");
            assertOneLine(MainTest.run("inspect", truncated.toString()), truncated + ": not a readable JAR (");
        }

        @Test
        void an_empty_file_is_not_a_readable_jar() throws IOException {
            Path empty = Files.write(dir.resolve("empty.jar"), new byte[0]);

            assertBadInput(validate(contract, empty.toString()), empty + ": not a readable JAR (zip file is empty)");
        }

        @Test
        void a_directory_without_classes_says_what_to_give_instead() throws IOException {
            Path resources = Files.createDirectories(dir.resolve("resources-only/META-INF"));
            Files.writeString(resources.resolve("notes.txt"), "no classes here");
            Path target = resources.getParent();

            assertBadInput(validate(contract, target.toString()), target + ": no class files in this directory;"
                    + " give a JAR or a directory of compiled classes (e.g. target/classes)");
        }

        @Test
        void a_garbage_class_file_the_contract_names_is_named_with_its_jar() {
            Path garbage = TestPlugins.jarWithEntries(dir.resolve("garbage.jar"),
                    Map.of("com/acme/Greeter.class", bytes("garbage\n")));

            assertBadInput(validate(contract, garbage.toString()),
                    garbage + "!com/acme/Greeter.class: not a valid class file (only 8 bytes)");
            assertBadInput(MainTest.run("inspect", garbage.toString()),
                    garbage + "!com/acme/Greeter.class: not a valid class file (only 8 bytes)");
        }

        @Test
        void a_garbage_class_file_the_contract_does_not_name_is_never_read() throws IOException {
            Path garbage = TestPlugins.jarWithEntries(dir.resolve("half-garbage.jar"),
                    Map.of("com/acme/Greeter.class", Files.readAllBytes(classOf(plugin)),
                            "com/acme/Broken.class", bytes("\u00ca\u00fe garbage")));

            MainTest.Outcome outcome = validate(contract, garbage.toString());

            assertThat(outcome.err()).isEmpty();
            assertThat(outcome.exit()).isZero();
        }

        private Path classOf(Path jar) throws IOException {
            Path extracted = dir.resolve("Greeter.class");
            try (var zip = java.nio.file.FileSystems.newFileSystem(jar)) {
                Files.copy(zip.getPath("com/acme/Greeter.class"), extracted,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return extracted;
        }
    }

    @Nested
    class Broken_contracts {
        @Test
        void malformed_yaml_is_located() throws IOException {
            Path file = contract("malformed.yml", "importspy: 1\nclasses: [\n");

            assertOneLine(validate(file, plugin.toString()), file + ":3:1: invalid YAML: ");
        }

        @Test
        void an_unknown_key_suggests_the_closest_one() throws IOException {
            Path file = contract("unknown-key.yml", "importspy: 1\nclasses:\n  - name: com.acme.Greeter\n"
                    + "    methods:\n      - name: greet\n        modifers: [public]\n");

            assertBadInput(validate(file, plugin.toString()),
                    file + ":6:9: unknown key 'modifers' in method; did you mean 'modifiers'?");
        }

        @Test
        void a_value_of_the_wrong_type_says_what_is_expected() throws IOException {
            Path file = contract("wrong-type.yml", "importspy: 1\nclasses:\n  - name: com.acme.Greeter\n    methods: greet\n");

            assertBadInput(validate(file, plugin.toString()),
                    file + ":4:14: 'methods' must be a list of methods, not 'greet'");
        }

        @Test
        void unknown_kind_os_arch_and_modifier_are_each_one_line() throws IOException {
            Path file = contract("enums.yml", """
                    importspy: 1
                    classes:
                      - name: com.acme.Greeter
                        kind: struct
                        modifiers: [pubic]
                    deployments:
                      - os: [beos]
                        arch: [z80]
                    """);

            assertBadInput(validate(file, plugin.toString()),
                    file + ":4:11: 'kind' must be one of class, interface, enum, record, annotation, not 'struct'",
                    file + ":5:17: unknown modifier 'pubic'; did you mean 'public'?",
                    file + ":7:10: unknown operating system 'beos'; known: aix, freebsd, linux, macos, netbsd, openbsd,"
                            + " solaris, windows",
                    file + ":8:12: unknown architecture 'z80'; known: aarch64, arm, loongarch64, ppc64, ppc64le,"
                            + " riscv64, s390x, x86, x86_64");
        }

        @Test
        void an_unparseable_version_shows_how_to_write_one() throws IOException {
            Path file = contract("version.yml", "importspy: 1\nmodule:\n  version: \"[1.0,\"\n");

            assertBadInput(validate(file, plugin.toString()), file + ":3:12: invalid version range '[1.0,': a range"
                    + " opened with '[' is never closed with ']' or ')'; write it as in Maven, e.g. \"[1.2,2.0)\","
                    + " \"[17,)\" or \"(,1.0],[1.2,)\"");
        }

        @Test
        void an_unsupported_format_names_the_one_supported() throws IOException {
            Path file = contract("format2.yml", "importspy: 2\n");

            assertBadInput(validate(file, plugin.toString()),
                    file + ":1:12: unsupported format 'importspy: 2'; this version of ImportSpy reads format 1");
        }

        @Test
        void an_empty_contract_says_how_to_start() throws IOException {
            Path file = contract("empty.yml", "");

            assertBadInput(validate(file, plugin.toString()), file + ":1:1: contract is empty; start with 'importspy: 1'");
        }

        @Test
        void a_contract_that_is_not_a_mapping_says_so() throws IOException {
            Path file = contract("list.yml", "- importspy: 1\n- classes: []\n");

            assertBadInput(validate(file, plugin.toString()),
                    file + ":1:1: a contract must be a mapping of keys such as 'importspy: 1', not a list");
        }

        @Test
        void a_tag_that_would_construct_an_object_is_refused_in_one_line() throws IOException {
            Path file = contract("tag.yml", "importspy: 1\nmodule: !!java.io.File /etc/passwd\n");

            assertBadInput(validate(file, plugin.toString()), file + ":2:9: tag '!!java.io.File' is not allowed;"
                    + " a contract holds plain YAML values only (remove the tag)");
        }

        @Test
        void an_alias_bomb_is_stopped() throws IOException {
            StringBuilder bomb = new StringBuilder("importspy: 1\nx0: &x0 [a, a, a, a, a, a, a, a, a, a]\n");
            for (int i = 1; i < 10; i++) {
                bomb.append("x").append(i).append(": &x").append(i).append(" [")
                        .append(String.join(", ", java.util.Collections.nCopies(10, "*x" + (i - 1)))).append("]\n");
            }
            Path file = contract("bomb.yml", bomb.toString());

            // x1 to x3 expand to 12,330 nodes; the 8th alias of x4 (line 6, column 10 + 7 * 5) passes 100,000
            assertBadInput(validate(file, plugin.toString()), file + ":6:45: contract expands to more than 100000 YAML"
                    + " nodes through aliases; write the entries out instead");
        }

        @Test
        void a_contract_of_seventeen_mebibytes_is_refused_before_it_is_parsed() throws IOException {
            String padding = "# " + "x".repeat(77) + "\n";
            Path file = contract("huge.yml", "importspy: 1\n" + padding.repeat(17 * 1024 * 1024 / padding.length()));
            long size = Files.size(file);

            assertBadInput(validate(file, plugin.toString()),
                    file + ":1:1: contract is " + size + " bytes; the limit is 16 MiB");
        }

        @Test
        void every_error_of_a_contract_is_reported_in_file_order() throws IOException {
            Path file = contract("three.yml", """
                    importspy: 1
                    module:
                      nmae: com.acme.greeter
                    classes:
                      - name: com.acme.Greeter
                        kind: klass
                    deployments:
                      - java:
                          version: "[17,"
                    """);

            MainTest.Outcome outcome = validate(file, plugin.toString());

            assertThat(outcome.err().lines()).hasSize(3);
            assertThat(outcome.err().lines().toList().get(0))
                    .isEqualTo("importspy: " + file + ":3:3: unknown key 'nmae' in module; did you mean 'name'?");
            assertThat(outcome.err().lines().toList().get(1)).isEqualTo("importspy: " + file
                    + ":6:11: 'kind' must be one of class, interface, enum, record, annotation, not 'klass'");
            assertThat(outcome.err().lines().toList().get(2))
                    .startsWith("importspy: " + file + ":9:16: invalid version range '[17,'");
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.exit()).isEqualTo(2);
        }

        @Test
        void a_missing_contract_file_is_named() {
            Path missing = dir.resolve("no-such-contract.yml");

            assertBadInput(validate(missing, plugin.toString()), "contract '" + missing + "' not found");
        }
    }

    @Nested
    class Bad_options {
        @Test
        void an_unknown_format_lists_the_known_ones() {
            assertBadInput(validate(contract, "--format", "xml", plugin.toString()),
                    "Invalid value for option '--format' (text|json|sarif|junit): expected one of [TEXT, JSON, SARIF, "
                            + "JUNIT] (case-insensitive) but was 'xml'; see 'importspy validate --help'");
        }

        @Test
        void a_missing_runtime_record_is_named() {
            Path missing = dir.resolve("production-runtime.yml");

            assertBadInput(MainTest.run("validate", "-c", contract.toString(), "--runtime", missing.toString(),
                    plugin.toString()), "runtime record '" + missing + "' not found");
        }

        @Test
        void a_corrupt_runtime_record_is_located() throws IOException {
            Path corrupt = contract("corrupt-runtime.yml", "importspy-runtime: 1\nos: [linux\n");

            assertOneLine(MainTest.run("validate", "-c", contract.toString(), "--runtime", corrupt.toString(),
                    plugin.toString()), corrupt + ":3:1: not valid YAML (");
        }

        @Test
        void a_runtime_record_with_an_unknown_key_lists_the_known_ones() throws IOException {
            Path odd = contract("odd-runtime.yml", "importspy-runtime: 1\nhostname: prod-7\n");

            assertBadInput(MainTest.run("validate", "-c", contract.toString(), "--runtime", odd.toString(),
                    plugin.toString()), odd + ":2:1: unknown key 'hostname' in the recorded runtime; expected one of"
                    + " arch, environment, facts, importspy-runtime, java, libraries, os, properties");
        }

        @Test
        void a_truncated_class_path_entry_is_named() throws IOException {
            byte[] real = Files.readAllBytes(TestPlugins.jarOf(picocli.CommandLine.class));
            Path truncated = Files.write(dir.resolve("truncated-lib.jar"), Arrays.copyOf(real, real.length / 3));

            assertOneLine(validate(contract, "--classpath", truncated.toString(), plugin.toString()),
                    truncated + ": not a readable JAR (");
        }
    }
}
