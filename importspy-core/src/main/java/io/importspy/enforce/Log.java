package io.importspy.enforce;

import io.importspy.validate.Report;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;

import java.lang.System.Logger.Level;

import static io.importspy.internal.report.PlainText.visible;

/**
 * ImportSpy's runtime logging through {@link System.Logger} named {@code io.importspy}: one DEBUG line per
 * validation, one WARNING per violation in audit mode, nothing at INFO or above on success. What a module or a
 * file name brings into a line has its control characters made visible, so no line can be forged.
 */
final class Log {
    static final System.Logger LOGGER = System.getLogger("io.importspy");

    private Log() {
    }

    static void validated(String what, Report report, boolean cached) {
        if (!LOGGER.isLoggable(Level.DEBUG)) {
            return;
        }
        for (TargetReport target : report.targets()) {
            long failing = target.violations().stream().filter(v -> v.fails(report.strictness())).count();
            String verdict = failing == 0 ? "compliant" : failing + (failing == 1 ? " violation" : " violations");
            LOGGER.log(Level.DEBUG, "importspy: {0} {1} against {2}: {3}{4}", visible(what), describe(target),
                    visible(report.contract()), verdict, cached ? " (cached)" : "");
        }
    }

    static void audited(Report report) {
        for (TargetReport target : report.targets()) {
            for (Violation violation : target.violations()) {
                if (violation.fails(report.strictness())) {
                    LOGGER.log(Level.WARNING, "importspy audit: {0}: {1} ({2})", describe(target),
                            visible(violation.message()), visible(violation.location()));
                }
            }
        }
    }

    /** A plugin refused without a report (corrupt, unreadable, adding unvalidated code). */
    static void refused(java.nio.file.Path plugin, String reason) {
        LOGGER.log(Level.WARNING, "importspy: plugin {0} refused: {1}", visible(plugin), visible(reason));
    }

    /** The target as a log line names it, its control characters (a file name may hold a line feed) made visible. */
    static String describe(TargetReport target) {
        return visible(target.moduleName().map(name -> name + target.moduleVersion().map(v -> " " + v).orElse("")
                + " (" + target.target() + ")").orElse(target.target()));
    }
}
