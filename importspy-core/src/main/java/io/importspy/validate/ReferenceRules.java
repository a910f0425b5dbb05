package io.importspy.validate;

import io.importspy.contract.Location;
import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.ReferencesSpec;
import io.importspy.internal.inspect.ClassNames;
import io.importspy.internal.inspect.ReferenceFacts;
import io.importspy.internal.inspect.ReferenceFacts.Breach;
import io.importspy.internal.inspect.ReferenceFacts.Reference;
import io.importspy.internal.java.ReferencePattern;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code references:} rule: one violation per referencing method (or field, or class declaration) and
 * contract rule it breaks, naming what it references and the first source line; one unverified violation
 * per referencing class and class that could not be found to resolve its member references.
 */
final class ReferenceRules implements Rule<ReferencesSpec> {
    /** The context of every violation of this rule. */
    static final Context REFERENCE = Context.of("reference");

    @Override
    public Class<ReferencesSpec> section() {
        return ReferencesSpec.class;
    }

    /** Every reading of each class name that a pattern writes with dots, so that an ambiguous one is told. */
    @Override
    public Set<String> classesToRead(ReferencesSpec spec) {
        Set<String> names = new LinkedHashSet<>();
        for (Located<ReferencePattern> pattern : patterns(spec)) {
            pattern.value().literalClass().filter(name -> name.indexOf('.') > 0).ifPresent(names::add);
        }
        return names;
    }

    @Override
    public void check(ReferencesSpec spec, Facts facts, Sink sink) {
        if (!ambiguous(spec, facts.module(), sink::report)) {
            check(spec, facts.module(), sink::report);
        }
    }

    private static List<Located<ReferencePattern>> patterns(ReferencesSpec spec) {
        List<Located<ReferencePattern>> all = new ArrayList<>(spec.forbid());
        spec.allow().ifPresent(allow -> all.addAll(allow.value()));
        return all;
    }

    /**
     * Whether a pattern names one class with dots that several classes answer (in the module, on its class path or
     * in the JDK): {@code a.b.Outer.Inner} is class {@code Inner} of package {@code a.b.Outer} or nested
     * {@code a.b.Outer$Inner}, and a pattern matches both. Each is reported, and no reference is judged by the
     * patterns: which class a rule means is not what the contract can say, so neither reading is picked.
     */
    private static boolean ambiguous(ReferencesSpec spec, ModuleFacts module, Consumer<Violation> out) {
        boolean ambiguous = false;
        Set<String> own = null; // the module's class names, listed once when a pattern needs them
        for (Located<ReferencePattern> pattern : patterns(spec)) {
            Optional<String> name = pattern.value().literalClass().filter(n -> n.indexOf('.') > 0);
            if (name.isEmpty()) {
                continue;
            }
            if (own == null) {
                own = new java.util.HashSet<>(module.classNames());
            }
            Set<String> moduleClasses = own;
            List<String> existing = ClassNames.candidates(name.get()).stream()
                    .filter(candidate -> module.anyClass(candidate).isPresent() || moduleClasses.contains(candidate)).toList();
            if (existing.size() > 1) {
                String nested = existing.stream().filter(n -> n.indexOf('$') >= 0).findFirst()
                        .orElse(existing.get(existing.size() - 1));
                out.accept(Violation.invalid(REFERENCE, "references").expected("one class named " + name.get())
                        .found(String.join(", ", existing))
                        .message("class name " + name.get() + " in reference pattern " + pattern.value()
                                + " is ambiguous: " + String.join(" and ", existing) + " both exist, so no reference"
                                + " is judged by the patterns")
                        .fix("write the binary name in the pattern (" + nested + " for the nested class), or rename"
                                + " one of them").at(pattern.location()));
                ambiguous = true;
            }
        }
        return ambiguous;
    }

    /** The references of one referencing member that break one rule. */
    private record Group(Breach breach, String origin, Reference first, List<String> targets, Location location,
                         String rule) {
    }

    static void check(ReferencesSpec spec, ModuleFacts module, Consumer<Violation> out) {
        Optional<ReferenceFacts> facts = module.section(ReferenceFacts.class);
        if (facts.isEmpty()) {
            out.accept(Violation.unverified(REFERENCE, "references").expected("references: checked")
                    .found("<not read>").message("what the module references is unknown: it was read from live "
                            + "classes, whose bytecode ImportSpy does not read")
                    .fix("validate the module's JAR or class directory (importspy validate, or guarded loading)")
                    .at(spec.location()));
            return;
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Reference reference : facts.get().references()) {
            Location location;
            String rule;
            if (reference.breach() == Breach.FORBIDDEN) {
                Located<ReferencePattern> pattern = forbidding(spec, reference);
                location = pattern.location();
                rule = pattern.value().toString();
            } else if (reference.breach() == Breach.NOT_ALLOWED) {
                location = spec.allow().orElseThrow().location();
                rule = "allow";
            } else {
                location = spec.location();
                rule = "unresolved " + reference.missing().orElse("?");
            }
            String origin = reference.breach() == Breach.UNRESOLVED ? reference.fromClass() : reference.fromClass()
                    + reference.fromMember().map(m -> "#" + m).orElse("");
            String key = reference.breach() + "\0" + origin + "\0" + rule;
            Group group = groups.get(key);
            if (group == null) {
                group = new Group(reference.breach(), origin, reference, new ArrayList<>(), location, rule);
                groups.put(key, group);
            }
            if (!group.targets().contains(reference.target())) {
                group.targets().add(reference.target());
            }
        }
        for (Group group : groups.values()) {
            out.accept(violation(spec, group));
        }
    }

    /** The first {@code forbid} pattern the reference matches (the inspection found that one does). */
    private static Located<ReferencePattern> forbidding(ReferencesSpec spec, Reference reference) {
        for (Located<ReferencePattern> pattern : spec.forbid()) {
            ReferencePattern p = pattern.value();
            boolean matches = reference.member().isEmpty() ? p.matchesClass(reference.targetClass())
                    : reference.field() ? p.matchesField(reference.targetClass(), reference.member().get())
                    : p.matchesMember(reference.targetClass(), reference.member().get(), reference.parameters());
            if (matches) {
                return pattern;
            }
        }
        return spec.forbid().get(0);
    }

    private static Violation violation(ReferencesSpec spec, Group group) {
        Reference first = group.first();
        List<String> named = new ArrayList<>(group.targets());
        named.removeIf(t -> t.indexOf('#') < 0 && group.targets().stream().anyMatch(m -> m.startsWith(t + "#")));
        String targets = Texts.list(named);
        String them = named.size() == 1 ? targets : "them";
        String where = first.origin();
        String fromClass = first.fromClass();
        if (group.breach() == Breach.UNRESOLVED) {
            String missing = first.missing().orElse("?");
            return Violation.unverified(REFERENCE, fromClass).expected("references resolved")
                    .found("<unresolved " + missing + ">")
                    .message("whether class " + fromClass + " may reference " + targets + " is unknown: the class "
                            + "declaring it cannot be found, because " + missing + " could not be read")
                    .fix(Fixes.onClassPath(List.of(missing))).at(group.location());
        }
        if (group.breach() == Breach.FORBIDDEN) {
            return Violation.invalid(REFERENCE, group.origin()).expected("no reference to " + group.rule())
                    .found(targets + at(first))
                    .message(where + " references " + targets + ", which references.forbid excludes ("
                            + group.rule() + ")")
                    .fix(Fixes.orRemoveFrom("stop referencing " + them + " in " + fromClass, group.rule(),
                            "references.forbid"))
                    .at(group.location());
        }
        List<String> allowed = spec.allow().orElseThrow().value().stream().map(p -> p.value().toString()).toList();
        return Violation.invalid(REFERENCE, group.origin())
                .expected("references within " + (allowed.isEmpty() ? "the module itself" : Texts.list(allowed)))
                .found(targets + at(first))
                .message(where + " references " + targets + ", which references.allow does not allow")
                .fix(Fixes.or("stop referencing " + them + " in " + fromClass, "add a pattern for "
                        + them + " to references.allow in the contract"))
                .at(group.location());
    }

    private static String at(Reference reference) {
        return reference.line().isPresent() ? " at line " + reference.line().getAsInt() : "";
    }
}
