package io.importspy.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What CI needs of {@code validate}: the summary on stderr beside a report file, --quiet, --color, completion. */
class CiReportsTest {
    private static final String ESC = "\u001b[";

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
    class With_output {
        @Test
        void of_a_machine_format_the_text_report_still_goes_to_stdout() throws IOException {
            Path report = dir.resolve("report.sarif");

            MainTest.Outcome outcome = MainTest.run("validate", "-c", violated.toString(), "--runtime", "none",
                    "--format", "sarif", "--output", report.toString(), plugin.toString());

            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.out()).contains("NOT COMPLIANT", "lacks method wave")
                    .endsWith("1 target, 0 compliant, 1 violation, 0 unverified\n");
            assertThat(outcome.err()).isEmpty();
            assertThat(Files.readString(report)).contains("\"version\": \"2.1.0\"");
        }

        @Test
        void of_the_text_report_the_summary_line_goes_to_stderr() throws IOException {
            Path report = dir.resolve("report.txt");

            MainTest.Outcome outcome = MainTest.run("validate", "-c", violated.toString(), "--runtime", "none",
                    "--output", report.toString(), plugin.toString());

            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err()).isEqualTo("1 target, 0 compliant, 1 violation, 0 unverified\n");
            assertThat(Files.readString(report)).contains("lacks method wave");
        }

        @Test
        void and_quiet_only_the_file_is_written() throws IOException {
            Path report = dir.resolve("quiet.json");

            MainTest.Outcome outcome = MainTest.run("validate", "--quiet", "-c", violated.toString(), "--runtime",
                    "none", "--format", "json", "--output", report.toString(), plugin.toString());

            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.out() + outcome.err()).isEmpty();
            assertThat(Files.readString(report)).contains("\"compliant\": false");
        }
    }

    @Test
    void quiet_prints_nothing_but_keeps_the_exit_code_and_the_errors() {
        MainTest.Outcome violation = MainTest.run("validate", "--quiet", "-c", violated.toString(), "--runtime",
                "none", plugin.toString());
        MainTest.Outcome missing = MainTest.run("validate", "--quiet", "-c", violated.toString(), "missing.jar");

        assertThat(violation.exit()).isEqualTo(1);
        assertThat(violation.out() + violation.err()).isEmpty();
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("importspy: target 'missing.jar' not found\n");
    }

    @Nested
    class Color {
        @Test
        void always_colours_even_a_pipe() {
            MainTest.Outcome outcome = MainTest.run("validate", "--color=always", "-c", violated.toString(),
                    "--runtime", "none", plugin.toString());

            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.out()).contains(ESC);
        }

        @Test
        void never_and_auto_on_a_pipe_do_not() {
            for (String color : new String[] {"never", "auto", "NEVER"}) {
                MainTest.Outcome outcome = MainTest.run("validate", "--color", color, "-c", violated.toString(),
                        "--runtime", "none", plugin.toString());

                assertThat(outcome.exit()).as(color).isEqualTo(1);
                assertThat(outcome.out()).as(color).contains("lacks method wave").doesNotContain(ESC);
            }
        }

        @Test
        void an_unknown_value_lists_the_values() {
            MainTest.Outcome outcome = MainTest.run("validate", "--color", "rainbow", "-c", compliant.toString(),
                    plugin.toString());

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.err()).isEqualTo("importspy: Invalid value for option '--color': expected one of "
                    + "[AUTO, ALWAYS, NEVER] (case-insensitive) but was 'rainbow'; see 'importspy validate --help'\n");
        }
    }

    @Test
    void completion_prints_picocli_s_bash_script_for_every_command_and_option() {
        MainTest.Outcome outcome = MainTest.run("completion");

        assertThat(outcome.exit()).isZero();
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.out()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_importspy", "validate", "inspect", "--contract", "--format",
                        "--classpath", "--color");
    }
}
