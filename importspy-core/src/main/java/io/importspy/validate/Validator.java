package io.importspy.validate;

import io.importspy.API;
import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.contract.ClassSpec;
import io.importspy.internal.contract.DeploymentSpec;
import io.importspy.internal.contract.Sections;

import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * Checks a module's facts and a runtime's facts against a contract: a pure function, no I/O. Collects
 * every violation in contract order (module, then each class, then deployments); never stops at the first.
 *
 * <pre>{@code
 * TargetReport report = Validator.validate(model, facts, Optional.of(runtime));
 * report.violations().forEach(v -> System.out.println(v.message() + " (" + v.location() + ")"));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class Validator {
    private Validator() {
    }

    /**
     * The classes whose facts validating against {@code model} uses, for inspection to read (with their
     * supertypes): the classes the contract requires, and the annotation types it names by qualified name
     * (to tell {@code @Inherited} ones and their elements; a simple name cannot be looked up).
     */
    public static Set<String> classesToRead(SpyModel model) {
        Set<String> names = new HashSet<>();
        for (ClassSpec spec : Sections.classes(model)) {
            names.add(spec.name());
            spec.annotations().stream().map(a -> a.type().name()).filter(n -> n.indexOf('.') > 0).forEach(names::add);
        }
        return names;
    }

    /**
     * Validates one module.
     *
     * <p>A check that cannot be made (a supertype that was not read, parameter names the bytecode does not
     * record, a field without a compiled constant, a secret a recorded runtime did not record) yields an
     * {@link Category#UNVERIFIED} violation, never a silent pass.
     *
     * @param runtime the runtime to check deployments against; empty skips the deployment checks
     */
    public static TargetReport validate(SpyModel model, ModuleFacts module, Optional<RuntimeFacts> runtime) {
        List<Violation> violations = new ArrayList<>();
        ModuleRules.check(Sections.module(model), module, violations::add);
        for (ClassSpec spec : Sections.classes(model)) {
            ClassRules.check(spec, module, violations::add);
        }
        List<DeploymentSpec> deployments = Sections.deployments(model);
        int tried = 0;
        if (runtime.isPresent() && !deployments.isEmpty()) {
            violations.addAll(DeploymentRules.check(deployments, runtime.get()));
            tried = deployments.size();
        }
        return new TargetReport(module.target(), module.identity().primaryName(), module.identity().version(),
                violations, tried);
    }
}
