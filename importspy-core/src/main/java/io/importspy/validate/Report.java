package io.importspy.validate;

import io.importspy.API;
import io.importspy.contract.Location;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.EXPERIMENTAL;
import static io.importspy.API.Status.STABLE;

/**
 * The verdict on every target of one validation run. Immutable, like everything it holds: safe to share
 * between threads and to keep after the run.
 *
 * @param contract   the contract file name
 * @param targets    one report per target, in the order given
 * @param strictness whether unverified checks count as failures
 * @param baseline   the baseline applied to the violations, if any: what it suppressed is in each target's
 *                   {@link TargetReport#suppressed()}, what it lists in vain is {@link Baseline#stale()}
 */
@API(status = STABLE, since = "0.1.0")
public record Report(String contract, List<TargetReport> targets, Strictness strictness, Optional<Baseline> baseline) {
    public Report {
        Objects.requireNonNull(contract, "contract");
        targets = List.copyOf(targets);
        Objects.requireNonNull(strictness, "strictness");
        Objects.requireNonNull(baseline, "baseline");
    }

    /** A report without a baseline. */
    public Report(String contract, List<TargetReport> targets, Strictness strictness) {
        this(contract, targets, strictness, Optional.empty());
    }

    /**
     * Whether every target is compliant; under {@link Strictness#STRICT}, a stale baseline entry fails too (an
     * entry that suppresses nothing today would silently suppress the violation if it came back).
     */
    public boolean isCompliant() {
        boolean stale = baseline.isPresent() && !baseline.get().stale().isEmpty();
        if (stale && strictness == Strictness.STRICT) {
            return false;
        }
        for (TargetReport target : targets) { // a loop: allMatch spins JDK lambda classes on first use
            if (!target.isCompliant(strictness)) {
                return false;
            }
        }
        return true;
    }

    /** This report with {@code baselined} as its targets, after {@code applied} was applied. */
    public Report withBaseline(List<TargetReport> baselined, Baseline applied) {
        return new Report(contract, baselined, strictness, Optional.of(applied));
    }

    /**
     * A baseline applied to a report.
     *
     * @param file  the baseline file, as given
     * @param stale its entries that match no violation of the report, in file order
     */
    @API(status = EXPERIMENTAL, since = "0.1.0")
    public record Baseline(String file, List<Stale> stale) {
        public Baseline {
            Objects.requireNonNull(file, "file");
            stale = List.copyOf(stale);
        }
    }

    /**
     * A baseline entry that matches no violation: what it names, and where it is written.
     *
     * @param target        the target identity it names ({@link TargetReport#identity()})
     * @param category      the category it names
     * @param context       the context it names
     * @param subject       the subject it names
     * @param expected      the expected text it names
     * @param justification its justification
     * @param location      where the baseline writes it
     */
    @API(status = EXPERIMENTAL, since = "0.1.0")
    public record Stale(String target, Category category, Context context, String subject, String expected,
                        String justification, Location location) {
        public Stale {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(justification, "justification");
            Objects.requireNonNull(location, "location");
        }
    }
}
