package io.importspy.agent;

import java.lang.System.Logger.Level;

/** The agent's {@code System.Logger}, found only when first used (after the start-up check). */
final class Log {
    private Log() {
    }

    private static final class Holder {
        static final System.Logger LOG = System.getLogger("io.importspy.agent");
    }

    static void verdict(Verdict verdict) {
        System.Logger log = Holder.LOG;
        if (verdict.outcome() == Verdict.Outcome.AUDITED) {
            verdict.findings().forEach(line -> log.log(Level.WARNING, line));
        } else if (verdict.refused()) {
            log.log(Level.WARNING, verdict.reason().lines().findFirst().orElse("ImportSpy refused "
                    + verdict.codeSource()));
        } else if (log.isLoggable(Level.DEBUG)) {
            log.log(Level.DEBUG, "importspy: admitted " + verdict.codeSource() + " by " + verdict.contract());
        }
    }
}
