package io.importspy.bench;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.contract.ClassSpec;
import io.importspy.internal.contract.Contracts;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.inspect.ClassSelection;
import io.importspy.internal.inspect.Inspector;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Validator;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** One parsed contract and its target, validated the way the external mode does it: inspect named, validate. */
final class LazyValidation {
    private final SpyModel model;
    private final Path target;
    private final Set<String> names;
    private final Inspector inspector = Inspector.withClasspath(List.of());

    LazyValidation(String yaml, String fileName, Path target) {
        this.model = Contracts.parse(yaml, fileName);
        this.target = target;
        this.names = Sections.classes(model).stream().map(ClassSpec::name).collect(Collectors.toUnmodifiableSet());
    }

    /** Inspects the classes the contract names (and their supertypes) and validates them. */
    TargetReport run() {
        ModuleFacts facts = inspector.inspect(target, ClassSelection.named(names));
        return Validator.validate(model, facts, Optional.empty());
    }

    /** How many classes one run reads (named classes plus the supertypes needed to resolve them). */
    int classesRead() {
        return inspector.inspect(target, ClassSelection.named(names)).classes().size();
    }

    /** Fails loudly unless the contract holds: a benchmark of a failing validation would measure the wrong path. */
    LazyValidation requireCompliant() {
        TargetReport report = run();
        if (!report.isCompliant(Strictness.STRICT)) {
            String violations = report.violations().stream()
                    .map(v -> v.location() + ": " + v.message())
                    .collect(Collectors.joining("\n  "));
            throw new IllegalStateException(model.file() + " is not compliant with " + target + ":\n  " + violations);
        }
        return this;
    }

    int contractClasses() {
        return names.size();
    }
}
