package io.importspy.agent;

import io.importspy.validate.Report;

import java.util.Objects;
import java.util.Optional;

/**
 * The agent's verdict on one code source.
 *
 * @param codeSource the JAR or class directory
 * @param outcome    admitted, audited (admitted with violations) or refused
 * @param contract   the contract (or the policy's rule) that decided
 * @param report     the report when validation ran or the policy refused
 * @param reason     for a refusal, the text every stub of the code source throws
 */
record Verdict(String codeSource, Outcome outcome, String contract, Optional<Report> report, String reason) {
    /** What happens to a code source's classes. */
    enum Outcome { ADMITTED, AUDITED, REFUSED }

    /** What is admitted without any check: code with no file behind it, and the JDK's own modules. */
    static final Verdict UNCHECKED = new Verdict("<no code source>", Outcome.ADMITTED, "none", Optional.empty(), "");

    Verdict {
        Objects.requireNonNull(codeSource, "codeSource");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(reason, "reason");
    }

    boolean refused() {
        return outcome == Outcome.REFUSED;
    }
}
