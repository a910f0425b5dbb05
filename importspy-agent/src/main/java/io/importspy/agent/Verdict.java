package io.importspy.agent;

import io.importspy.internal.report.PlainText;

import java.util.List;
import java.util.Objects;

/**
 * The agent's verdict on one code source.
 *
 * @param codeSource the JAR, class directory or code-source URL
 * @param outcome    admitted, audited (admitted with violations) or refused
 * @param contract   the contract, or the policy's rule, that decided
 * @param reason     for a refusal, the text every stub of the code source throws; for an audit, the findings
 * @param cacheable  whether the verdict depends on nothing but the bytes, the policy and the path (no deployments
 *                   to check against this JVM), so that the start-up cache may keep it
 */
record Verdict(String codeSource, Outcome outcome, String contract, String reason, boolean cacheable) {
    /** What happens to a code source's classes. */
    enum Outcome { ADMITTED, AUDITED, REFUSED }

    Verdict {
        Objects.requireNonNull(codeSource, "codeSource");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(reason, "reason");
    }

    static Verdict refused(String codeSource, String contract, String reason) {
        return new Verdict(codeSource, Outcome.REFUSED, contract, reason, false);
    }

    /** This verdict on a copy of the code source at {@code where}: the same bytes, decided by the same rule. */
    Verdict at(String where) {
        String first = reason.lines().findFirst().orElse("");
        String rest = reason.substring(first.length());
        String text = refused() ? "ImportSpy refused " + PlainText.visible(where) + " (the same bytes as "
                + PlainText.visible(codeSource) + "; none of its code runs):" + rest
                : reason.replace(PlainText.visible(codeSource) + ": ", PlainText.visible(where) + ": ");
        return new Verdict(where, outcome, contract, text, cacheable);
    }

    boolean refused() {
        return outcome == Outcome.REFUSED;
    }

    /** The outcome as the JFR event and the log write it. */
    String word() {
        return outcome.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The lines the agent logs for this verdict: the audit findings, or nothing. */
    List<String> findings() {
        return outcome == Outcome.AUDITED ? reason.lines().toList() : List.of();
    }
}
