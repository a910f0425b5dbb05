package io.importspy.validate;

import io.importspy.API;

import java.util.List;
import java.util.Objects;

import static io.importspy.API.Status.STABLE;

/**
 * The verdict on every target of one validation run. Immutable, like everything it holds: safe to share
 * between threads and to keep after the run.
 *
 * @param contract   the contract file name
 * @param targets    one report per target, in the order given
 * @param strictness whether unverified checks count as failures
 */
@API(status = STABLE, since = "0.1.0")
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
