package io.importspy.enforce;

import io.importspy.API;
import io.importspy.ImportSpyException;
import io.importspy.report.TextReport;
import io.importspy.validate.Report;

import java.util.Objects;

import static io.importspy.API.Status.STABLE;

/**
 * Thrown when a module fails its import contract in {@link EnforcementMode#ENFORCE} mode. Carries the
 * full report; the message is the report as the command line prints it.
 */
@API(status = STABLE, since = "0.1.0")
public final class ContractViolationException extends ImportSpyException {
    private static final long serialVersionUID = 1L;

    private final transient Report report;

    private ContractViolationException(Report report, String message) {
        super(message);
        this.report = report;
    }

    /** The exception for a non-compliant {@code report}. */
    public static ContractViolationException of(Report report) {
        Objects.requireNonNull(report, "report");
        return new ContractViolationException(report, TextReport.render(report).stripTrailing());
    }

    /** The full report: every target, every violation, in contract order. */
    public Report report() {
        return report;
    }
}
