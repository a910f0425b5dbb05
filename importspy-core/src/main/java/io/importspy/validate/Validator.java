package io.importspy.validate;

import io.importspy.API;
import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.contract.Sections;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * Checks a module's facts and a runtime's facts against a contract: a pure function, no I/O. Runs a list of
 * {@link Rule}s, one per contract section, in order (the built-in ones: module, then classes, then
 * deployments, then the {@code x-} sections, each checked by its extension's rule); collects every violation in contract order and never stops at the first.
 *
 * <pre>{@code
 * TargetReport report = Validator.validate(model, facts, Optional.of(runtime));
 * report.violations().forEach(v -> System.out.println(v.message() + " (" + v.location() + ")"));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class Validator {
    private static final List<Rule<?>> BUILT_IN = List.of(new ModuleRules(), new IntegrityRules(),
            new ClassRules(), new ReferenceRules(), new DeploymentRules(), new ExtensionRules());

    private Validator() {
    }

    private static final List<Rule<?>> WITH_UNDECLARED = List.of(new ModuleRules(), new ClassRules(),
            new UndeclaredRules(), new DeploymentRules(), new ExtensionRules());

    /**
     * The built-in rules and, after the classes rule, the one reporting what the contract's classes have and the
     * contract does not declare ({@link Category#UNDECLARED}).
     */
    public static List<Rule<?>> rulesWithUndeclared() {
        return WITH_UNDECLARED;
    }

    /** The rules of the built-in sections, in the order their violations are reported. */
    public static List<Rule<?>> builtInRules() {
        return BUILT_IN;
    }

    /**
     * The classes whose facts validating against {@code model} uses, for inspection to read (with their
     * supertypes): those the built-in rules name.
     */
    public static Set<String> classesToRead(SpyModel model) {
        return classesToRead(model, BUILT_IN);
    }

    /** The classes whose facts {@code rules} read when they validate against {@code model}. */
    public static Set<String> classesToRead(SpyModel model, List<? extends Rule<?>> rules) {
        Set<String> names = new HashSet<>();
        for (Rule<?> rule : rules) {
            names.addAll(classesToRead(model, rule));
        }
        return names;
    }

    private static <S> Set<String> classesToRead(SpyModel model, Rule<S> rule) {
        Optional<S> section = model.section(rule.section());
        return section.isPresent() ? rule.classesToRead(section.get()) : Set.of();
    }

    /**
     * Validates one module with the built-in rules.
     *
     * <p>A check that cannot be made (a supertype that was not read, parameter names the bytecode does not
     * record, a field without a compiled constant, a secret a recorded runtime did not record) yields an
     * {@link Category#UNVERIFIED} violation, never a silent pass.
     *
     * @param runtime the runtime to check deployments against; empty skips the deployment checks
     */
    public static TargetReport validate(SpyModel model, ModuleFacts module, Optional<RuntimeFacts> runtime) {
        return validate(model, module, runtime, BUILT_IN);
    }

    /**
     * Validates one module with {@code rules}, in their order; a rule whose section the contract lacks is
     * skipped.
     */
    public static TargetReport validate(SpyModel model, ModuleFacts module, Optional<RuntimeFacts> runtime,
                                        List<? extends Rule<?>> rules) {
        Rule.Facts facts = new Rule.Facts(module, runtime);
        Findings findings = new Findings();
        for (Rule<?> rule : rules) {
            check(model, rule, facts, findings);
        }
        return new TargetReport(module.target(), module.identity().primaryName(),
                ModuleRules.reportedVersion(Sections.module(model), module.identity()), findings.violations,
                findings.tried, findings.selections, List.of());
    }

    private static <S> void check(SpyModel model, Rule<S> rule, Rule.Facts facts, Findings findings) {
        Optional<S> section = model.section(rule.section());
        if (section.isPresent()) {
            rule.check(section.get(), facts, findings);
        }
    }

    /** What the rules of one validation report. */
    private static final class Findings implements Rule.Sink {
        private final List<Violation> violations = new ArrayList<>();
        private final List<TargetReport.Selection> selections = new ArrayList<>();
        private int tried;

        @Override
        public void report(Violation violation) {
            violations.add(violation);
        }

        @Override
        public void tried(int entries) {
            tried += entries;
        }

        @Override
        public void selected(String selector, io.importspy.contract.Location location, List<String> classes) {
            selections.add(new TargetReport.Selection(selector, location, classes));
        }
    }
}
