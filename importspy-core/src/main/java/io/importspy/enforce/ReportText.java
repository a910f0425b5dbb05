package io.importspy.enforce;

import io.importspy.validate.Report;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;

/** The text of a {@link ContractViolationException}: the report as the command line prints it. */
final class ReportText {
    private ReportText() {
    }

    static String render(Report report) {
        StringBuilder text = new StringBuilder();
        for (TargetReport target : report.targets()) {
            if (target.isCompliant(report.strictness())) {
                continue;
            }
            long failing = target.violations().stream().filter(v -> v.fails(report.strictness())).count();
            text.append(Log.describe(target)).append(" violates ").append(report.contract()).append(": ")
                    .append(failing).append(failing == 1 ? " violation" : " violations");
            for (Violation v : target.violations()) {
                text.append("\n  ").append(v.category().label()).append(' ').append(v.context().label())
                        .append(' ').append(v.subject()).append(": ").append(v.message())
                        .append(" (").append(v.location()).append(')')
                        .append("\n    expected: ").append(v.expected()).append("; found: ").append(v.found())
                        .append("\n    fix: ").append(v.solution());
            }
            text.append('\n');
        }
        return text.toString().stripTrailing();
    }
}
