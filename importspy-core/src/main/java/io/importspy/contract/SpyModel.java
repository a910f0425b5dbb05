package io.importspy.contract;

import io.importspy.internal.contract.ClassSpec;
import io.importspy.internal.contract.DeploymentSpec;
import io.importspy.internal.contract.ModuleSpec;

import java.util.List;
import java.util.Objects;

/**
 * A parsed import contract: the minimum a module and its runtime must satisfy.
 *
 * @param format      the contract format ({@code importspy:}); always 1 for now
 * @param module      identity requirements; {@link ModuleSpec#empty} when the contract has no {@code module:}
 * @param classes     class requirements in contract order
 * @param deployments runtime requirements; the runtime must satisfy at least one (none: not checked)
 * @param location    where the contract starts (file, 1, 1)
 */
public record SpyModel(int format, ModuleSpec module, List<ClassSpec> classes, List<DeploymentSpec> deployments,
                       Location location) {
    public SpyModel {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(location, "location");
        classes = List.copyOf(classes);
        deployments = List.copyOf(deployments);
    }

    /** The contract's file name, as given by the user. */
    public String file() {
        return location.file();
    }
}
