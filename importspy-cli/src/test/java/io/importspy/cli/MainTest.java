package io.importspy.cli;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @TempDir
    Path dir;

    /** The outcome of one command. */
    record Outcome(int exit, String out, String err) {
    }

    static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code validate -c contract --runtime none OPTIONS... target}: a module check with no deployment checks. */
    static Outcome validate(Path contract, Path target, String... options) {
        String[] args = new String[options.length + 6];
        args[0] = "validate";
        args[1] = "-c";
        args[2] = contract.toString();
        args[3] = "--runtime";
        args[4] = "none";
        System.arraycopy(options, 0, args, 5, options.length);
        args[args.length - 1] = target.toString();
        return run(args);
    }

    @Nested
    class Bad_input {
        @Test
        void an_unknown_option_is_one_line_on_stderr_and_exit_2() {
            Outcome outcome = run("validate", "--frobnicate", "-c", "c.yml", "a.jar");

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err()).isEqualTo(
                    "importspy: Unknown option: '--frobnicate'; see 'importspy validate --help'\n");
        }

        @Test
        void a_missing_contract_option_is_named() {
            Outcome outcome = run("validate", "a.jar");

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err()).isEqualTo("importspy: give the contract with -c FILE, or a policy with "
                    + "--policy FILE\n");
        }

        @Test
        void a_missing_target_is_named() {
            Outcome outcome = run("validate", "-c", "c.yml");

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err()).isEqualTo("importspy: Missing required parameter: 'TARGET'; "
                    + "see 'importspy validate --help'\n");
        }

        @Test
        void a_contract_file_that_does_not_exist_is_named() throws Exception {
            Path target = Files.createDirectory(dir.resolve("classes"));
            Path contract = dir.resolve("nope.yml");

            Outcome outcome = run("validate", "-c", contract.toString(), target.toString());

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err()).isEqualTo("importspy: contract '" + contract + "' not found\n");
        }

        @Test
        void every_missing_file_is_one_line() throws Exception {
            Path contract = Files.writeString(dir.resolve("spymodel.yml"), "importspy: 1\n");

            Outcome outcome = run("validate", "-c", contract.toString(), "--runtime", "prod.yml",
                    "--classpath", "lib1.jar" + java.io.File.pathSeparator + "lib2.jar", "a.jar", "b.jar");

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err().lines()).containsExactly(
                    "importspy: target 'a.jar' not found",
                    "importspy: target 'b.jar' not found",
                    "importspy: class-path entry 'lib1.jar' not found",
                    "importspy: class-path entry 'lib2.jar' not found",
                    "importspy: runtime record 'prod.yml' not found");
        }

        @Test
        void a_directory_given_as_contract_is_not_a_file() {
            Outcome outcome = run("validate", "-c", dir.toString(), dir.toString());

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.err()).isEqualTo("importspy: contract '" + dir + "' is not a file\n");
        }

        @Test
        void an_unknown_format_lists_the_formats() {
            Outcome outcome = run("validate", "--format", "xml", "-c", "c.yml", "a.jar");

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err()).startsWith("importspy: Invalid value for option '--format' (text|json|sarif|junit): "
                    + "expected one of "
                    + "[TEXT, JSON, SARIF, JUNIT] (case-insensitive) but was 'xml'").hasLineCount(1);
        }

        @Test
        void no_command_at_all_asks_for_one() {
            Outcome outcome = run();

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err()).isEqualTo(
                    "importspy: a command is required: validate, audit, diff, inspect or schema; see 'importspy --help'\n");
        }

        @Test
        void inspect_needs_a_target_or_runtime_but_not_both() {
            Outcome neither = run("inspect");
            Outcome both = run("inspect", "--runtime", "a.jar");

            assertThat(neither.exit()).isEqualTo(2);
            assertThat(neither.err()).isEqualTo(
                    "importspy: give either a TARGET or --runtime; see 'importspy inspect --help'\n");
            assertThat(both.exit()).isEqualTo(2);
            assertThat(both.err()).isEqualTo(neither.err());
            assertThat(neither.out() + both.out()).isEmpty();
        }

        @Test
        void inspect_takes_a_contract_only_with_runtime() {
            Outcome outcome = run("inspect", "-c", "c.yml", "a.jar");

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.err()).isEqualTo("importspy: -c/--contract and --classpath only apply to --runtime; "
                    + "see 'importspy inspect --help'\n");
        }

        @Test
        void a_file_name_with_control_characters_cannot_forge_a_line_or_drive_the_terminal() {
            Outcome outcome = run("inspect", "evil\u001b[2K.jar\nimportspy: all compliant");

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.err()).isEqualTo("importspy: target 'evil\\u001b[2K.jar; importspy: all compliant' "
                    + "not found\n");
        }

        @Test
        void inspect_of_a_missing_target_is_named() {
            Outcome outcome = run("inspect", "missing.jar");

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err()).isEqualTo("importspy: target 'missing.jar' not found\n");
        }

        @Test
        void an_unwritable_output_is_named() {
            assertThat(org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                    () -> ValidateCommand.write(dir.resolve("no/such/dir/report.txt"), "x")).problems())
                    .containsExactly("cannot write the report to '" + dir.resolve("no/such/dir/report.txt")
                            + "': its directory does not exist");
        }
    }

    @Nested
    class Version_and_help {
        @Test
        void version_names_the_tool_and_the_java_it_runs_on() {
            Outcome outcome = run("--version");

            assertThat(outcome.exit()).isZero();
            assertThat(outcome.err()).isEmpty();
            assertThat(outcome.out()).matches("importspy \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nJava .+\n");
        }

        @Test
        void help_lists_the_commands_and_the_exit_codes() {
            Outcome outcome = run("--help");

            assertThat(outcome.exit()).isZero();
            assertThat(outcome.err()).isEmpty();
            assertThat(outcome.out()).startsWith("Usage: importspy [-hV] [COMMAND]")
                    .contains("  validate  ", "  inspect   ", "  2  bad input", "  3  internal error");
        }

        @Test
        void validate_help_shows_every_option() {
            Outcome outcome = run("validate", "--help");

            assertThat(outcome.exit()).isZero();
            assertThat(outcome.out()).contains("--contract=FILE", "--format=text|json|sarif|junit", "--output=FILE",
                    "--classpath=PATHS", "--runtime=current|none|FILE", "--strict", "--verbose", "TARGET...");
        }

        @Test
        void inspect_help_warns_that_environments_hold_credentials() {
            Outcome outcome = run("inspect", "--help");

            assertThat(outcome.exit()).isZero();
            assertThat(outcome.out().replaceAll("\\s+", " "))
                    .contains("Environment variables are printed only when the contract given with -c names them");
        }
    }

    @Test
    void one_line_joins_the_lines_of_a_message() {
        assertThat(Main.oneLine("first\n  second\r\nthird\n")).isEqualTo("first; second; third");
    }
}
