package io.importspy.report;

import io.importspy.contract.Location;
import io.importspy.validate.Category;
import io.importspy.validate.Context;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportTest {

    @Nested
    class Plain {
        @Test
        void renders_one_block_per_target_and_a_summary() {
            assertThat(TextReport.render(Reports.twoTargets(Strictness.LENIENT))).isEqualTo("""
                    libs/greeter-1.2.0.jar (com.acme.greeter 1.2.0): COMPLIANT

                    plugin.jar (com.acme.plugin): NOT COMPLIANT
                      x missing  class com.acme.Plugin lacks method init(Context)  (spymodel.yml:14:5)
                          expected: method init(Context)  found: <absent>
                          fix: add init(Context) to com.acme.Plugin, or remove it from the contract
                      ! unverified  the parameter names of com.acme.Plugin#start(String) are not in the class file  \
                    (spymodel.yml:20:9)
                          expected: parameter name 'who'  found: <no names in bytecode>
                          fix: compile the module with -parameters, or drop the name from the contract
                      x invalid  the operating system windows is not allowed  (spymodel.yml:30:9)
                          expected: one of [linux, macos]  found: windows
                          fix: run on linux or macos, or add windows to the contract
                      no deployment matched; tried 3 entries, showing the closest

                    2 targets, 1 compliant, 2 violations, 1 unverified
                    """);
        }

        @Test
        void has_no_escape_codes_and_only_ascii() {
            String text = TextReport.render(Reports.twoTargets(Strictness.LENIENT), ColorMode.PLAIN);

            assertThat(text).doesNotContain("\u001b").matches("\\p{ASCII}*");
        }

        @Test
        void shows_unverified_checks_as_failures_when_strict() {
            String text = TextReport.render(Reports.twoTargets(Strictness.STRICT));

            assertThat(text).contains("  x unverified  the parameter names").doesNotContain("  ! ");
        }

        @Test
        void a_target_with_only_warnings_is_compliant_unless_strict() {
            TargetReport target = new TargetReport("a.jar", Optional.empty(), Optional.empty(),
                    List.of(Reports.unverifiedParameterName()), 0);

            assertThat(TextReport.render(new Report("c.yml", List.of(target), Strictness.LENIENT)))
                    .startsWith("a.jar: COMPLIANT\n")
                    .endsWith("\n1 target, 1 compliant, 0 violations, 1 unverified\n");
            assertThat(TextReport.render(new Report("c.yml", List.of(target), Strictness.STRICT)))
                    .startsWith("a.jar: NOT COMPLIANT\n")
                    .endsWith("\n1 target, 0 compliant, 0 violations, 1 unverified\n");
        }

        @Test
        void says_nothing_about_deployments_when_only_one_entry_was_tried() {
            TargetReport target = new TargetReport("a.jar", Optional.empty(), Optional.empty(),
                    List.of(Reports.wrongOs()), 1);

            assertThat(TextReport.render(new Report("c.yml", List.of(target), Strictness.LENIENT)))
                    .doesNotContain("deployment");
        }

        @Test
        void makes_control_characters_from_a_module_visible() {
            Violation hostile = new Violation(Category.MISMATCH, Context.FIELD, "a.B#NAME", "\"x\"",
                    "\"\u001b[2J\nforged line\"", "field a.B#NAME has another value", "fix the value",
                    new Location("c.yml", 1, 1));
            TargetReport target = new TargetReport("a.jar", Optional.empty(), Optional.empty(), List.of(hostile), 0);

            String text = TextReport.render(new Report("c.yml", List.of(target), Strictness.LENIENT));

            assertThat(text).contains("found: \"\\u001b[2J\\u000aforged line\"").doesNotContain("\u001b");
        }
    }

    @Nested
    class Coloured {
        private final String text = TextReport.render(Reports.twoTargets(Strictness.LENIENT), ColorMode.ANSI);

        @Test
        void paints_verdicts_green_and_red() {
            assertThat(text).contains("\u001b[32mCOMPLIANT\u001b[0m").contains("\u001b[31mNOT COMPLIANT\u001b[0m");
        }

        @Test
        void marks_failures_with_a_red_cross_and_warnings_with_a_yellow_bang() {
            assertThat(text).contains("  \u001b[31m✗\u001b[0m \u001b[31mmissing\u001b[0m  class com.acme.Plugin")
                    .contains("  \u001b[33m!\u001b[0m \u001b[33munverified\u001b[0m  the parameter names");
        }

        @Test
        void reads_as_the_plain_report_once_the_codes_are_removed() {
            String stripped = text.replaceAll("\u001b\\[[0-9;]*m", "").replace('✗', 'x');

            assertThat(stripped).isEqualTo(TextReport.render(Reports.twoTargets(Strictness.LENIENT)));
        }
    }
}
