package io.importspy.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Several reports in one run: {@code --format F --output FILE} pairs, in command-line order. */
class ReportOutputsTest {
    private static final String SUMMARY = "1 target, 0 compliant, 1 violation, 0 unverified\n";

    @TempDir
    static Path dir;
    static Path plugin;
    static Path violated;

    @BeforeAll
    static void build() throws IOException {
        plugin = TestPlugins.greeterJar(dir, "greeter-1.2.0.jar", TestPlugins.GREETER);
        violated = Files.writeString(dir.resolve("bad.yml"), """
                importspy: 1
                classes:
                  - name: com.acme.Greeter
                    methods:
                      - name: wave
                """);
    }

    private static MainTest.Outcome validate(String... options) {
        return MainTest.validate(violated, plugin, options);
    }

    @Nested
    class Pairs {
        @Test
        void write_each_format_to_its_file_and_the_text_report_to_stdout() throws IOException {
            Path sarif = dir.resolve("a.sarif");
            Path junit = dir.resolve("b.xml");

            MainTest.Outcome outcome = validate("--format", "sarif", "--output", sarif.toString(), "--strict",
                    "--format=junit", "--output=" + junit);

            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.out()).contains("NOT COMPLIANT").endsWith(SUMMARY);
            assertThat(outcome.err()).isEmpty();
            assertThat(Files.readString(sarif)).startsWith("{").contains("\"version\": \"2.1.0\"", "lacks method wave");
            assertThat(Files.readString(junit)).startsWith("<?xml").contains("<testsuites", "lacks method wave");
        }

        @Test
        void a_last_format_without_output_goes_to_stdout_and_the_summary_to_stderr() throws IOException {
            Path sarif = dir.resolve("c.sarif");

            MainTest.Outcome outcome = validate("--format", "sarif", "--output", sarif.toString(), "--format", "json");

            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.out()).startsWith("{\n  \"compliant\": false,");
            assertThat(outcome.err()).isEqualTo(SUMMARY);
            assertThat(Files.readString(sarif)).contains("\"runs\"");
        }

        @Test
        void with_the_text_report_in_a_file_stdout_stays_empty() throws IOException {
            Path text = dir.resolve("d.txt");
            Path json = dir.resolve("d.json");

            MainTest.Outcome outcome = validate("--format", "text", "--output", text.toString(), "--format", "json",
                    "--output", json.toString());

            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err()).isEqualTo(SUMMARY);
            assertThat(Files.readString(text)).endsWith(SUMMARY);
            assertThat(Files.readString(json)).contains("\"compliant\": false");
        }

        @Test
        void one_format_and_one_output_pair_in_either_order() throws IOException {
            Path json = dir.resolve("e.json");

            MainTest.Outcome outcome = validate("--output", json.toString(), "--format", "json");

            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(Files.readString(json)).startsWith("{\n  \"compliant\": false,");
            assertThat(outcome.out()).endsWith(SUMMARY);
        }

        @Test
        void quiet_writes_the_files_and_prints_nothing() throws IOException {
            Path sarif = dir.resolve("f.sarif");
            Path junit = dir.resolve("f.xml");

            MainTest.Outcome outcome = validate("--quiet", "--format", "sarif", "--output", sarif.toString(),
                    "--format", "junit", "--output", junit.toString());

            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.out() + outcome.err()).isEmpty();
            assertThat(sarif).isNotEmptyFile();
            assertThat(junit).isNotEmptyFile();
        }
    }

    @Nested
    class Mismatched_pairs {
        @Test
        void a_format_without_its_output_is_named_with_exit_2_and_nothing_is_written() {
            Path junit = dir.resolve("g.xml");

            MainTest.Outcome outcome = validate("--format", "sarif", "--format", "junit", "--output", junit.toString());

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err()).isEqualTo("importspy: '--format sarif' (the 1st --format) has no --output after "
                    + "it; with several reports, write '--format FORMAT --output FILE' for each (a last --format "
                    + "without --output goes to stdout)\n");
            assertThat(junit).doesNotExist();
        }

        @Test
        void an_output_without_its_format_is_named() {
            Path a = dir.resolve("h.sarif");
            Path b = dir.resolve("h.xml");

            MainTest.Outcome outcome = validate("--format", "sarif", "--output", a.toString(), "--output", b.toString());

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.err()).startsWith("importspy: '--output " + b + "' (the 2nd --output) has no --format "
                    + "before it; ").hasLineCount(1);
            assertThat(a).doesNotExist();
        }

        @Test
        void every_problem_is_one_line() {
            MainTest.Outcome outcome = validate("--output", "x.sarif", "--format", "sarif", "--format", "junit",
                    "--format", "json", "--output", "y.json");

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.err().lines()).containsExactly(
                    "importspy: '--output x.sarif' (the 1st --output) has no --format before it; with several reports, "
                            + "write '--format FORMAT --output FILE' for each (a last --format without --output goes "
                            + "to stdout)",
                    "importspy: '--format sarif' (the 1st --format) has no --output after it; with several reports, "
                            + "write '--format FORMAT --output FILE' for each (a last --format without --output goes "
                            + "to stdout)",
                    "importspy: '--format junit' (the 2nd --format) has no --output after it; with several reports, "
                            + "write '--format FORMAT --output FILE' for each (a last --format without --output goes "
                            + "to stdout)");
        }

        @Test
        void one_file_for_two_reports_is_refused() {
            Path same = dir.resolve("same.out");

            MainTest.Outcome outcome = validate("--format", "sarif", "--output", same.toString(), "--format", "json",
                    "--output", dir.resolve(".").resolve("same.out").toString());

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.err()).startsWith("importspy: '--output ").contains("(the 2nd --output) names a file "
                    + "another --output already writes").hasLineCount(1);
            assertThat(same).doesNotExist();
        }
    }
}
