package io.importspy.validate;

import io.importspy.API;
import io.importspy.contract.Location;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.EXPERIMENTAL;
import static io.importspy.API.Status.STABLE;

/**
 * The verdict on one target: every violation found, in contract order.
 *
 * @param target            the target as the user named it
 * @param moduleName        the module's primary name, when it has one
 * @param moduleVersion     the module's version, when it has one: of several, the one that met the
 *                          contract's {@code module.version}, else the first declared
 * @param violations        every violation, in contract order (deployment violations last)
 * @param deploymentsTried  how many deployment entries were tried (0 when not checked)
 * @param selections        what each {@code select:} entry of the contract selected, in contract order
 * @param suppressed        violations a baseline lists, with its justification: reported, but they fail
 *                          nothing (empty without a baseline)
 */
@API(status = STABLE, since = "0.1.0")
public record TargetReport(String target, Optional<String> moduleName, Optional<String> moduleVersion,
                           List<Violation> violations, int deploymentsTried, List<Selection> selections,
                           List<Suppressed> suppressed) {
    public TargetReport {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(moduleName, "moduleName");
        Objects.requireNonNull(moduleVersion, "moduleVersion");
        violations = List.copyOf(violations);
        selections = List.copyOf(selections);
        suppressed = List.copyOf(suppressed);
    }

    /** A verdict without selections, with nothing suppressed. */
    public TargetReport(String target, Optional<String> moduleName, Optional<String> moduleVersion,
                        List<Violation> violations, int deploymentsTried) {
        this(target, moduleName, moduleVersion, violations, deploymentsTried, List.of(), List.of());
    }

    /**
     * What one {@code select:} entry selected.
     *
     * @param selector the selector as written ({@code select {provides: com.acme.spi.Greeter}})
     * @param location where the entry is written
     * @param classes  binary names of the selected classes
     */
    public record Selection(String selector, Location location, List<String> classes) {
        public Selection {
            Objects.requireNonNull(selector, "selector");
            Objects.requireNonNull(location, "location");
            classes = List.copyOf(classes);
        }
    }

    /** This verdict, for the target named {@code otherTarget}. */
    public TargetReport withTarget(String otherTarget) {
        return new TargetReport(otherTarget, moduleName, moduleVersion, violations, deploymentsTried, selections,
                suppressed);
    }

    /**
     * A violation that a baseline entry suppresses.
     *
     * @param violation     the violation, as validation found it
     * @param justification why it is accepted, as the baseline says
     * @param entry         where the baseline lists it
     */
    @API(status = EXPERIMENTAL, since = "0.1.0")
    public record Suppressed(Violation violation, String justification, Location entry) {
        public Suppressed {
            Objects.requireNonNull(violation, "violation");
            Objects.requireNonNull(justification, "justification");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** This verdict with {@code remaining} as its violations and {@code suppressed} as what a baseline suppressed. */
    public TargetReport withSuppressed(List<Violation> remaining, List<Suppressed> suppressed) {
        return new TargetReport(target, moduleName, moduleVersion, remaining, deploymentsTried, selections,
                suppressed);
    }

    /**
     * The name reports know the target by across runs, whatever path it was given by: its module's name, else
     * its file name. SARIF fingerprints and JUnit class names are made from it.
     */
    public String identity() {
        if (moduleName.isPresent()) {
            return moduleName.get();
        }
        String path = target.replace('\\', '/');
        while (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Whether no violation fails under {@code strictness}. */
    public boolean isCompliant(Strictness strictness) {
        for (Violation violation : violations) { // a loop: noneMatch spins JDK lambda classes on first use
            if (violation.fails(strictness)) {
                return false;
            }
        }
        return true;
    }
}
