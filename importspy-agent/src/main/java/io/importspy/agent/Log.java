package io.importspy.agent;

import io.importspy.internal.report.PlainText;

import java.lang.System.Logger.Level;

/** The agent's {@code System.Logger}, found only when first used (after the start-up check). */
final class Log {
    private Log() {
    }

    private static final class Holder {
        static final System.Logger LOG = System.getLogger("io.importspy.agent");
    }

    /**
     * Logs audit findings and refusals, control characters made visible (a file name may hold a line feed); admissions
     * are not logged (finding a logger costs every JVM's start-up).
     */
    static void verdict(Verdict verdict) {
        if (verdict.outcome() == Verdict.Outcome.ADMITTED) {
            return;
        }
        System.Logger log = Holder.LOG;
        if (verdict.outcome() == Verdict.Outcome.AUDITED) {
            verdict.findings().forEach(line -> log.log(Level.WARNING, PlainText.visible(line)));
        } else if (verdict.refused()) {
            log.log(Level.WARNING, PlainText.visible(verdict.reason().lines().findFirst().orElse("ImportSpy refused "
                    + verdict.codeSource())));
        }
    }
}
