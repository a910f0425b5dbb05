package io.importspy.validate;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.contract.ClassSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a module's facts and a runtime's facts against a contract: a pure function, no I/O. Collects
 * every violation in contract order (module, then each class, then deployments); never stops at the first.
 *
 * <pre>{@code
 * TargetReport report = Validator.validate(model, facts, Optional.of(runtime));
 * report.violations().forEach(v -> System.out.println(v.message() + " (" + v.location() + ")"));
 * }</pre>
 */
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
        for (ClassSpec spec : model.classes()) {
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
        ModuleRules.check(model.module(), module, violations::add);
        for (ClassSpec spec : model.classes()) {
            ClassRules.check(spec, module, violations::add);
        }
        int tried = 0;
        if (runtime.isPresent() && !model.deployments().isEmpty()) {
            violations.addAll(DeploymentRules.check(model.deployments(), runtime.get()));
            tried = model.deployments().size();
        }
        return new TargetReport(module.target(), module.identity().primaryName(), module.identity().version(),
                violations, tried);
    }
}
