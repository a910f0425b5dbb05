package io.importspy.validate;

import java.util.List;
import java.util.Objects;

/**
 * The verdict on every target of one validation run.
 *
 * @param contract   the contract file name
 * @param targets    one report per target, in the order given
 * @param strictness whether unverified checks count as failures
 */
public record Report(String contract, List<TargetReport> targets, Strictness strictness) {
    public Report {
        Objects.requireNonNull(contract, "contract");
        targets = List.copyOf(targets);
        Objects.requireNonNull(strictness, "strictness");
    }

    /** Whether every target is compliant. */
    public boolean isCompliant() {
        return targets.stream().allMatch(t -> t.isCompliant(strictness));
    }
}
