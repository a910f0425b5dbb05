package io.importspy.report;

import io.importspy.API;
import io.importspy.internal.report.PlainText;
import io.importspy.validate.Category;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;

import static io.importspy.API.Status.STABLE;

/**
 * Renders a {@link Report} for people: one block per target, one entry per violation, a summary line.
 *
 * <pre>
 * greeter.jar (com.acme.greeter 1.2.0): NOT COMPLIANT
 *   x missing  class com.acme.Plugin lacks method init(Context)  (spymodel.yml:14:5)
 *       expected: method init(Context)  found: &lt;absent&gt;
 *       fix: add the method to the class, or remove it from the contract
 *
 * 1 target, 0 compliant, 1 violation, 0 unverified
 * </pre>
 *
 * <p>Unverified checks are warnings ({@code !}) unless the report is strict, where they fail ({@code x}).
 * Colour is a {@link ColorMode}: callers decide whether their output is a terminal.
 */
@API(status = STABLE, since = "0.1.0")
public final class TextReport {

    private final ColorMode mode;

    private TextReport(ColorMode mode) {
        this.mode = mode;
    }

    /** The report as plain text, one line per {@code \n}, ending with the summary line and a newline. */
    public static String render(Report report) {
        return render(report, ColorMode.PLAIN);
    }

    /** The report as text, coloured or not. */
    public static String render(Report report, ColorMode mode) {
        return new TextReport(mode).renderReport(report);
    }

    private String renderReport(Report report) {
        StringBuilder text = new StringBuilder();
        for (TargetReport target : report.targets()) {
            renderTarget(text, target, report.strictness());
            text.append('\n');
        }
        report.baseline().ifPresent(baseline -> renderStale(text, baseline, report.strictness()));
        text.append(summary(report)).append('\n');
        return text.toString();
    }

    private void renderTarget(StringBuilder text, TargetReport target, Strictness strictness) {
        text.append(bold(clean(target.target())));
        target.moduleName().ifPresent(name -> text.append(" (").append(clean(name))
                .append(target.moduleVersion().map(v -> " " + clean(v)).orElse("")).append(')'));
        text.append(": ");
        text.append(target.isCompliant(strictness) ? paint(Ansi.GREEN, "COMPLIANT") : paint(Ansi.RED, "NOT COMPLIANT"));
        text.append('\n');
        for (Violation violation : target.violations()) {
            renderViolation(text, violation, strictness);
        }
        for (TargetReport.Selection selection : target.selections()) {
            int count = selection.classes().size();
            text.append("  ").append(dim(clean(selection.selector()) + " selected " + count
                    + (count == 1 ? " class" : " classes") + (count == 0 ? "" : ": "
                    + clean(String.join(", ", selection.classes().subList(0, Math.min(count, 10))))
                    + (count > 10 ? ", ..." : "")) + " (" + clean(selection.location().toString()) + ")"))
                    .append('\n');
        }
        for (TargetReport.Suppressed suppressed : target.suppressed()) {
            Violation violation = suppressed.violation();
            text.append("  ").append(dim("-")).append(' ').append(dim("suppressed")).append("  ")
                    .append(clean(violation.category().label() + ": " + violation.message()))
                    .append("  ").append(dim("(" + clean(violation.location().toString()) + ")")).append('\n');
            text.append("      ").append(dim("justification:")).append(' ').append(clean(suppressed.justification()))
                    .append("  ").append(dim("(" + clean(suppressed.entry().toString()) + ")")).append('\n');
        }
        long deploymentViolations = 0;
        for (Violation v : target.violations()) {
            if (Contexts.of(v.context()).deployment()) {
                deploymentViolations++;
            }
        }
        if (target.deploymentsTried() > 1 && deploymentViolations > 0) {
            text.append("  ").append(dim("no deployment matched; tried " + target.deploymentsTried()
                    + " entries, showing the closest")).append('\n');
        }
    }

    private void renderViolation(StringBuilder text, Violation violation, Strictness strictness) {
        boolean fails = violation.fails(strictness);
        String marker = fails ? paint(Ansi.RED, mode == ColorMode.ANSI ? "✗" : "x") : paint(Ansi.YELLOW, "!");
        text.append("  ").append(marker).append(' ').append(paint(fails ? Ansi.RED : Ansi.YELLOW,
                violation.category().label()));
        text.append("  ").append(clean(violation.message()));
        text.append("  ").append(dim("(" + clean(violation.location().toString()) + ")")).append('\n');
        text.append("      ").append(dim("expected:")).append(' ').append(clean(violation.expected()))
                .append("  ").append(dim("found:")).append(' ').append(clean(violation.found())).append('\n');
        text.append("      ").append(dim("fix:")).append(' ').append(clean(violation.solution())).append('\n');
    }

    /** The baseline's entries that matched no violation: warnings, failures when strict. */
    private void renderStale(StringBuilder text, Report.Baseline baseline, Strictness strictness) {
        if (baseline.stale().isEmpty()) {
            return;
        }
        boolean fails = strictness == Strictness.STRICT;
        text.append(bold(clean(baseline.file()))).append(": ")
                .append(paint(fails ? Ansi.RED : Ansi.YELLOW, baseline.stale().size()
                        + (baseline.stale().size() == 1 ? " stale entry" : " stale entries"))).append('\n');
        for (Report.Stale stale : baseline.stale()) {
            String marker = fails ? paint(Ansi.RED, mode == ColorMode.ANSI ? "✗" : "x") : paint(Ansi.YELLOW, "!");
            text.append("  ").append(marker).append(' ').append(paint(fails ? Ansi.RED : Ansi.YELLOW, "stale"))
                    .append("  ").append(clean(stale.category().label() + " " + stale.context().label() + " "
                            + stale.subject() + " of " + stale.target() + " matches no violation"))
                    .append("  ").append(dim("(" + clean(stale.location().toString()) + ")")).append('\n');
            text.append("      ").append(dim("fix:")).append(" remove the entry: its violation is gone, or its "
                    + "requirement changed").append('\n');
        }
        text.append('\n');
    }

    private String summary(Report report) {
        int targets = report.targets().size();
        long compliant = 0;
        long violations = 0;
        long unverified = 0;
        for (TargetReport target : report.targets()) {
            compliant += target.isCompliant(report.strictness()) ? 1 : 0;
            for (Violation v : target.violations()) {
                if (v.category() == Category.UNVERIFIED) {
                    unverified++;
                } else {
                    violations++;
                }
            }
        }
        String line = plural(targets, "target") + ", " + compliant + " compliant, "
                + plural(violations, "violation") + ", " + unverified + " unverified";
        if (report.baseline().isPresent()) {
            long suppressed = 0;
            for (TargetReport target : report.targets()) {
                suppressed += target.suppressed().size();
            }
            line += ", " + suppressed + " suppressed, " + report.baseline().get().stale().size() + " stale";
        }
        return report.isCompliant() ? paint(Ansi.GREEN, line) : paint(Ansi.RED, line);
    }

    /** Text from a module or contract with control characters made visible ({@link PlainText#visible}). */
    static String clean(String text) {
        return PlainText.visible(text);
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private String bold(String text) {
        return paint(Ansi.BOLD, text);
    }

    private String dim(String text) {
        return paint(Ansi.DIM, text);
    }

    private String paint(Ansi style, String text) {
        return mode == ColorMode.ANSI ? style.code + text + Ansi.RESET.code : text;
    }

    /** The few SGR codes used. */
    private enum Ansi {
        RESET("\u001b[0m"), BOLD("\u001b[1m"), DIM("\u001b[2m"), RED("\u001b[31m"), GREEN("\u001b[32m"),
        YELLOW("\u001b[33m");

        private final String code;

        Ansi(String code) {
            this.code = code;
        }
    }
}
