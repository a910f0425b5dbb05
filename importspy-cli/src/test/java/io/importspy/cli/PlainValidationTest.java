package io.importspy.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain {@code validate} command lines are run without building picocli's model; every other command line
 * goes to picocli. Both paths give the same output and exit code (the {@code --} end-of-options marker
 * makes a command line picocli's without changing its meaning).
 */
class PlainValidationTest {
    @TempDir
    static Path dir;
    static Path plugin;
    static Path compliant;
    static Path violated;

    @BeforeAll
    static void build() throws IOException {
        plugin = TestPlugins.greeterJar(dir, "greeter-1.2.0.jar", TestPlugins.GREETER);
        compliant = Files.writeString(dir.resolve("ok.yml"), """
                importspy: 1
                classes:
                  - name: com.acme.Greeter
                    methods:
                      - name: greet
                        parameters: [String]
                        returns: String
                """);
        violated = Files.writeString(dir.resolve("bad.yml"), """
                importspy: 1
                classes:
                  - name: com.acme.Greeter
                    methods:
                      - name: wave
                """);
    }

    @Nested
    class Reads_without_picocli {
        @Test
        void the_contract_and_a_target() {
            assertThat(PlainValidation.read("validate", "-c", "c.yml", "a.jar")).isPresent();
        }

        @Test
        void every_option_spelled_out_or_with_an_equals_sign_and_several_targets() {
            assertThat(PlainValidation.read("validate", "--contract=c.yml", "--format", "json", "--output=r.json",
                    "--classpath", "a.jar", "--classpath=b.jar", "--runtime", "none", "--strict", "--verbose",
                    "t1.jar", "t2")).isPresent();
        }

        @Test
        void a_format_in_any_case() {
            assertThat(PlainValidation.read("validate", "--format", "Sarif", "-c", "c.yml", "a.jar")).isPresent();
        }
    }

    @Nested
    class Leaves_to_picocli {
        @ParameterizedTest
        @ValueSource(strings = {
                "validate a.jar",                              // no contract
                "validate -c c.yml",                           // no target
                "inspect -c c.yml a.jar",                      // another command
                "-c c.yml validate a.jar",                     // an option before the command
                "validate -c c.yml --help a.jar",              // help
                "validate -c c.yml -V a.jar",                  // version
                "validate -cc.yml a.jar",                      // a value attached to a short option
                "validate -c c.yml -c d.yml a.jar",            // an option given twice
                "validate -c c.yml --strict --strict a.jar",   // a flag given twice
                "validate -c c.yml --strict=true a.jar",       // a flag with a value
                "validate -c c.yml --format xml a.jar",        // an unknown format
                "validate -c c.yml --format= a.jar",           // an empty value
                "validate -c c.yml --frobnicate a.jar",        // an unknown option
                "validate -c c.yml -- a.jar",                  // the end-of-options marker
                "validate -c c.yml @args.txt",                 // an argument file
                "validate -c --strict a.jar",                  // a value that looks like an option
                "validate -c c.yml a.jar --output",            // an option without its value
        })
        void a_command_line_that_is_not_plain(String commandLine) {
            assertThat(PlainValidation.read(commandLine.split(" "))).isEmpty();
        }
    }

    @Nested
    class Gives_what_picocli_gives {
        @Test
        void for_a_compliant_target() {
            assertSameOutcome("-c", compliant.toString(), "--runtime", "none", plugin.toString());
        }

        @Test
        void for_a_violation_reported_in_json() {
            MainTest.Outcome plain = assertSameOutcome("-c", violated.toString(), "--format", "json",
                    "--runtime=none", plugin.toString());
            assertThat(plain.exit()).isEqualTo(1);
            assertThat(plain.out()).contains("\"compliant\"");
        }

        @Test
        void for_missing_files() {
            MainTest.Outcome plain = assertSameOutcome("-c", dir.resolve("nope.yml").toString(), "missing.jar");
            assertThat(plain.exit()).isEqualTo(2);
            assertThat(plain.err()).startsWith("importspy: contract '" + dir.resolve("nope.yml") + "' not found\n");
        }

        @Test
        void for_a_bad_runtime_with_verbose_in_its_first_line() {
            MainTest.Outcome plain = MainTest.run("validate", "-c", compliant.toString(), "--verbose",
                    "--runtime", "\0", plugin.toString());
            MainTest.Outcome picocli = MainTest.run("validate", "-c", compliant.toString(), "--verbose",
                    "--runtime", "\0", "--", plugin.toString());
            assertThat(plain.exit()).isEqualTo(picocli.exit()).isEqualTo(2);
            assertThat(plain.err().lines().findFirst()).isEqualTo(picocli.err().lines().findFirst())
                    .contains("importspy: --runtime '\0' is neither current, none nor a file path");
        }

        private MainTest.Outcome assertSameOutcome(String... options) {
            String[] plainArgs = new String[options.length + 1];
            plainArgs[0] = "validate";
            System.arraycopy(options, 0, plainArgs, 1, options.length);
            String[] picocliArgs = new String[options.length + 2];
            System.arraycopy(plainArgs, 0, picocliArgs, 0, plainArgs.length - 1);
            picocliArgs[plainArgs.length - 1] = "--";
            picocliArgs[plainArgs.length] = plainArgs[plainArgs.length - 1];
            assertThat(PlainValidation.read(plainArgs)).isPresent();
            assertThat(PlainValidation.read(picocliArgs)).isEmpty();

            MainTest.Outcome plain = MainTest.run(plainArgs);
            MainTest.Outcome picocli = MainTest.run(picocliArgs);

            assertThat(plain).isEqualTo(picocli);
            return plain;
        }
    }
}
