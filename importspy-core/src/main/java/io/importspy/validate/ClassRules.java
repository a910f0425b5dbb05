package io.importspy.validate;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.contract.AnnotationSpec;
import io.importspy.internal.contract.ClassSpec;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.contract.SelectSpec;
import io.importspy.internal.inspect.ClassNames;
import io.importspy.internal.inspect.ClassVersions;
import io.importspy.internal.inspect.ShadowedClasses;
import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@code classes:} rule. Each entry is checked in contract order: presence, kind, modifiers, extends,
 * implements, annotations, then fields, constructors and methods; an entry that selects its classes
 * ({@code select:}) is checked by {@link SelectRules}, for each class it selects.
 */
final class ClassRules implements Rule<Sections.Classes> {
    @Override
    public Class<Sections.Classes> section() {
        return Sections.Classes.class;
    }

    /**
     * The classes the contract requires, and the annotation types it names by qualified name (to tell
     * {@code @Inherited} ones and their elements; a simple name cannot be looked up).
     */
    @Override
    public Set<String> classesToRead(Sections.Classes section) {
        Set<String> names = new HashSet<>();
        for (ClassSpec spec : section.classes()) {
            if (spec.select().isEmpty()) {
                names.add(spec.name()); // the classes a selection selects are read through its query
            } else { // every reading of a dotted class name a selection writes, so that an ambiguous one is told
                SelectSpec select = spec.select().get();
                java.util.stream.Stream.of(select.implemented(), select.extended(), select.annotated())
                        .flatMap(Optional::stream).map(Located::value).filter(ClassRules::dottedName).forEach(names::add);
            }
            // every reading of a dotted supertype name, so that an ambiguous one is told (see supertypeAmbiguity)
            spec.superclass().map(s -> s.value().name()).filter(ClassRules::dottedName).ifPresent(names::add);
            for (Located<JavaType> iface : spec.interfaces()) {
                if (dottedName(iface.value().name())) {
                    names.add(iface.value().name());
                }
            }
            for (AnnotationSpec annotation : spec.annotations()) {
                String name = annotation.type().name();
                if (name.indexOf('.') > 0) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    @Override
    public void check(Sections.Classes section, Facts facts, Sink sink) {
        for (ClassSpec spec : section.classes()) {
            if (spec.select().isPresent()) {
                SelectRules.check(spec, facts.module(), sink::report).ifPresent(selected -> sink.selected(
                        "select " + selected.select().describe(), selected.select().location(), selected.classes()));
            } else {
                check(spec, facts.module(), sink::report);
            }
        }
    }

    /** The rules of one entry that names its class (or of one class a selection selected). */
    static void check(ClassSpec spec, ModuleFacts module, Consumer<Violation> out) {
        List<ClassFacts> named = module.moduleClasses(spec.name());
        if (named.size() > 1) {
            out.accept(ClassViolations.ambiguous(spec.name(), named.stream().map(ClassFacts::name).toList(),
                    spec.location()));
            return;
        }
        Optional<ShadowedClasses.Shadowed> shadowed = shadowed(spec.name(), module);
        if (shadowed.isPresent()) { // the copy judged would never run, and the class that runs is not the module's
            out.accept(ClassViolations.shadowed(spec.name(), shadowed.get().copy(), shadowed.get().servedFirst(),
                    spec.location()));
            return;
        }
        Optional<ClassFacts> found = named.isEmpty() ? Optional.empty() : Optional.of(named.get(0));
        if (found.isEmpty()) {
            Violation missing = ClassViolations.classMissing(spec.name(), spec.location());
            Optional<String> meant = Suggestions.closestClass(spec.name(), module.classNames());
            out.accept(meant.isEmpty() ? missing : missing.withMessageSuffix("; did you mean " + meant.get() + "?"));
            return;
        }
        ClassFacts judged = found.get();
        Optional<ClassVersions> versions = module.section(ClassVersions.class);
        if (versions.isEmpty()) {
            checkClass(spec, judged, module, out);
            return;
        }
        // the Java that will load the class is unknown: the class is judged as every other Java loads it as well,
        // with the versions of its supertypes that Java loads, and what only such a Java lacks is reported naming
        // the versions it loads
        List<Violation> ofJudged = new ArrayList<>();
        checkClass(spec, judged, module, ofJudged::add);
        ofJudged.forEach(out);
        Set<Violation> told = new HashSet<>(ofJudged);
        for (int release : versions.get().releases()) {
            ModuleFacts view = versions.get().view(release, module);
            ClassFacts loaded = view.classes().get(judged.name());
            List<String> differing = new ArrayList<>();
            boolean classDiffers = versions.get().differs(judged.name(), release, module);
            if (classDiffers) {
                differing.add(versions.get().entry(judged.name(), release, module));
            }
            for (ClassFacts supertype : Hierarchy.of(loaded, view).supertypes()) {
                if (versions.get().differs(supertype.name(), release, module)) {
                    differing.add(versions.get().entry(supertype.name(), release, module));
                }
            }
            if (differing.isEmpty()) {
                continue;
            }
            String suffix = differing.size() == 1 && classDiffers
                    ? " (in " + differing.get(0) + ", the version of the class another Java loads)"
                    : " (on Java " + release + ", which loads " + String.join(", ", differing) + ")";
            checkClass(spec, loaded, view, violation -> {
                if (!ofJudged.contains(violation)) {
                    Violation inThatJava = violation.withMessageSuffix(suffix);
                    if (told.add(inThatJava)) {
                        out.accept(inThatJava);
                    }
                }
            });
        }
    }

    /** The class path's copy served in place of the module's class that {@code name} denotes, if inspection told one. */
    private static Optional<ShadowedClasses.Shadowed> shadowed(String name, ModuleFacts module) {
        Optional<ShadowedClasses> section = module.section(ShadowedClasses.class);
        if (section.isPresent()) {
            for (String candidate : ClassNames.candidates(name)) {
                ShadowedClasses.Shadowed shadowed = section.get().byName().get(candidate);
                if (shadowed != null) {
                    return Optional.of(shadowed);
                }
            }
        }
        return Optional.empty();
    }

    /** The rules of one entry on one version of its class. */
    private static void checkClass(ClassSpec spec, ClassFacts facts, ModuleFacts module, Consumer<Violation> out) {
        Hierarchy hierarchy = Hierarchy.of(facts, module);
        spec.kind().ifPresent(kind -> checkKind(spec, kind, facts, out));
        spec.modifiers().ifPresent(modifiers -> checkModifiers(spec, modifiers, facts, module, out));
        spec.superclass().filter(superclass -> unambiguous(spec, "extends", superclass, module, out))
                .ifPresent(superclass -> {
            if (facts.kind() == ClassKind.INTERFACE || facts.kind() == ClassKind.ANNOTATION) {
                checkInterfaceExtends(spec, facts.kind(), superclass, hierarchy, out);
            } else {
                checkExtends(spec, superclass, hierarchy, out);
            }
        });
        for (Located<JavaType> iface : spec.interfaces()) {
            if (unambiguous(spec, "implements", iface, module, out)) {
                checkImplements(spec, iface, hierarchy, out);
            }
        }
        spec.annotations().forEach(annotation -> AnnotationRules.check(spec, annotation, facts, hierarchy, module, out));
        spec.fields().forEach(field -> FieldRules.check(spec, field, facts, hierarchy, out));
        spec.constructors().forEach(constructor -> MethodRules.checkConstructor(spec, constructor, facts, module, out));
        spec.methods().forEach(method -> MethodRules.checkMethod(spec, method, facts, hierarchy, module, out));
    }

    /** A qualified name: it may denote a class of a package or a nested class ({@link ClassNames#candidates}). */
    private static boolean dottedName(String name) {
        return name.indexOf('.') > 0;
    }

    /**
     * Whether the supertype name a contract writes denotes one class only; when the module, its class path or
     * the JDK hold several of its readings ({@code a.b.Outer.Inner}: class {@code Inner} of package
     * {@code a.b.Outer}, and nested {@code a.b.Outer$Inner}), reports it ambiguous, as for a class the contract
     * names: a plugin could otherwise meet {@code implements: a.b.Outer.Inner} with a look-alike of its own.
     */
    private static boolean unambiguous(ClassSpec spec, String relation, Located<JavaType> supertype,
                                       ModuleFacts module, Consumer<Violation> out) {
        String name = supertype.value().name();
        if (!dottedName(name)) {
            return true;
        }
        List<String> existing = new ArrayList<>();
        for (String candidate : ClassNames.candidates(name)) {
            if (module.anyClass(candidate).isPresent()) {
                existing.add(candidate);
            }
        }
        if (existing.size() < 2) {
            return true;
        }
        out.accept(ClassViolations.ambiguousSupertype(spec.name(), relation, supertype.value().toString(), existing,
                supertype.location()));
        return false;
    }

    private static void checkKind(ClassSpec spec, Located<ClassKind> kind, ClassFacts facts, Consumer<Violation> out) {
        if (facts.kind() != kind.value()) {
            out.accept(ClassViolations.kindMismatch(spec.name(), kind.value().keyword(), facts.kind().keyword(),
                    kind.location()));
        }
    }

    /**
     * Class files have no flag for {@code non-sealed}: a class is non-sealed when a direct supertype is sealed
     * and the class itself is neither final nor sealed (JLS 8.1.1.2); unverified when a direct supertype was
     * not read.
     */
    private static void checkModifiers(ClassSpec spec, Located<Set<Modifier>> modifiers, ClassFacts facts,
                                       ModuleFacts module, Consumer<Violation> out) {
        Set<Modifier> actual = EnumSet.noneOf(Modifier.class);
        actual.addAll(facts.modifiers());
        Located<Set<Modifier>> required = modifiers;
        Optional<Violation> unknown = Optional.empty();
        if (modifiers.value().contains(Modifier.NON_SEALED) && !actual.contains(Modifier.NON_SEALED)) {
            List<String> unread = new ArrayList<>();
            if (nonSealed(facts, module, unread)) {
                actual.add(Modifier.NON_SEALED);
            } else if (!unread.isEmpty()) {
                Set<Modifier> rest = EnumSet.copyOf(modifiers.value());
                rest.remove(Modifier.NON_SEALED);
                required = new Located<>(rest, modifiers.location());
                unknown = Optional.of(unresolved(spec, modifiers, "non-sealed", unread, "whether class " + spec.name()
                        + " is non-sealed is unknown: its direct supertype "
                        + Texts.list(unread) + " could not be read"));
            }
        }
        modifierViolation(Context.CLASS, spec.name(), "class " + spec.name(), required, actual).ifPresent(out);
        unknown.ifPresent(out);
    }

    /** Whether a direct supertype is sealed and the class is neither final nor sealed; unread supertypes go to {@code unread}. */
    private static boolean nonSealed(ClassFacts facts, ModuleFacts module, List<String> unread) {
        if (facts.modifiers().contains(Modifier.FINAL) || facts.modifiers().contains(Modifier.SEALED)) {
            return false;
        }
        List<String> direct = new ArrayList<>();
        facts.superclass().filter(s -> !"java.lang.Object".equals(s)).ifPresent(direct::add);
        direct.addAll(facts.interfaces());
        boolean sealedSupertype = false;
        for (String name : direct) {
            Optional<ClassFacts> supertype = module.anyClass(name);
            if (supertype.isEmpty()) {
                unread.add(name);
            } else if (supertype.get().modifiers().contains(Modifier.SEALED)) {
                sealedSupertype = true;
            }
        }
        return sealedSupertype;
    }

    /** One violation naming every required modifier that {@code actual} lacks, or none. */
    static Optional<Violation> modifierViolation(Context context, String subject, String what,
                                                 Located<Set<Modifier>> required, Set<Modifier> actual) {
        Set<Modifier> lacking = required.value().isEmpty() ? EnumSet.noneOf(Modifier.class)
                : EnumSet.copyOf(required.value());
        lacking.removeAll(actual);
        if (lacking.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ClassViolations.modifiersLacking(context, subject, what, required.value(), actual, lacking,
                required.location()));
    }

    private static void checkExtends(ClassSpec spec, Located<JavaType> superclass, Hierarchy hierarchy,
                                     Consumer<Violation> out) {
        String expected = superclass.value().toString();
        List<String> matches = nameMatches(superclass, hierarchy.superclassNames());
        if (!matches.isEmpty()) {
            typeArguments(spec, superclass, Relation.EXTENDS, matches, hierarchy).ifPresent(out);
            return;
        }
        List<String> chain = hierarchy.superclassNames();
        if (hierarchy.chainBreak().isPresent()) {
            String missing = hierarchy.chainBreak().get();
            out.accept(unresolved(spec, superclass, "extends " + expected, List.of(missing),
                    "whether class " + spec.name() + " extends " + expected + " is unknown: its superclass "
                            + missing + " could not be read"));
            return;
        }
        out.accept(ClassViolations.extendsMismatch(spec.name(), expected, chain, superclass.location()));
    }

    /** An interface extends its super-interfaces: {@code extends} is looked for among them, transitively. */
    private static void checkInterfaceExtends(ClassSpec spec, ClassKind kind, Located<JavaType> superinterface,
                                              Hierarchy hierarchy, Consumer<Violation> out) {
        String expected = superinterface.value().toString();
        List<String> matches = nameMatches(superinterface, hierarchy.interfaceNames());
        if (!matches.isEmpty()) {
            typeArguments(spec, superinterface, Relation.EXTENDS, matches, hierarchy).ifPresent(out);
            return;
        }
        String what = kind.keyword() + " " + spec.name();
        if (!hierarchy.unresolved().isEmpty()) {
            out.accept(unresolved(spec, superinterface, "extends " + expected, hierarchy.unresolved(),
                    "whether " + what + " extends " + expected + " is unknown: its super-interface "
                            + Texts.list(hierarchy.unresolved())
                            + " could not be read"));
            return;
        }
        List<String> all = hierarchy.interfaceNames();
        out.accept(ClassViolations.interfaceExtendsMismatch(spec.name(), what, expected, all,
                superinterface.location()));
    }

    /** The names among {@code names} that the name of {@code required} matches. */
    private static List<String> nameMatches(Located<JavaType> required, List<String> names) {
        List<String> matches = new ArrayList<>();
        for (String name : names) {
            if (TypeMatcher.nameMatches(required.value().name(), name)) {
                matches.add(name);
            }
        }
        return matches;
    }

    private static void checkImplements(ClassSpec spec, Located<JavaType> iface, Hierarchy hierarchy,
                                        Consumer<Violation> out) {
        String expected = iface.value().toString();
        List<String> matches = nameMatches(iface, hierarchy.interfaceNames());
        if (!matches.isEmpty()) {
            typeArguments(spec, iface, Relation.IMPLEMENTS, matches, hierarchy).ifPresent(out);
            return;
        }
        if (!hierarchy.unresolved().isEmpty()) {
            out.accept(unresolved(spec, iface, "implements " + expected, hierarchy.unresolved(),
                    "whether class " + spec.name() + " implements " + expected + " is unknown: its supertype "
                            + Texts.list(hierarchy.unresolved())
                            + " could not be read"));
            return;
        }
        List<String> all = hierarchy.interfaceNames();
        out.accept(ClassViolations.implementsMismatch(spec.name(), expected, all, iface.location()));
    }

    /** How a required supertype relates to the class, for messages. */
    private enum Relation {
        EXTENDS("extends", "extend"), IMPLEMENTS("implements", "implement");

        final String keyword;
        final String verb;

        Relation(String keyword, String verb) {
            this.keyword = keyword;
            this.verb = verb;
        }
    }

    /**
     * Compares the type arguments a contract writes on a supertype with those the class gives it (after
     * substituting type variables along the hierarchy): a MISMATCH when they differ, UNVERIFIED when the
     * class files do not tell; nothing when they agree or the contract writes none.
     *
     * @param names the supertypes whose name matches the required one (usually one)
     */
    private static Optional<Violation> typeArguments(ClassSpec spec, Located<JavaType> required, Relation relation,
                                                     List<String> names, Hierarchy hierarchy) {
        JavaType type = required.value();
        if (type.arguments().isEmpty()) {
            return Optional.empty();
        }
        List<Hierarchy.Reached> reached = new ArrayList<>();
        for (String name : names) {
            Hierarchy.Reached one = hierarchy.reached(name);
            if (one.type().isPresent() && TypeMatcher.matches(type, one.type().get())) {
                return Optional.empty();
            }
            reached.add(one);
        }
        Optional<Hierarchy.Reached> unknown = Optional.empty();
        for (Hierarchy.Reached one : reached) {
            if (one.type().isEmpty()) {
                unknown = Optional.of(one);
                break;
            }
        }
        if (unknown.isPresent()) {
            String name = names.get(reached.indexOf(unknown.get()));
            return Optional.of(ClassViolations.typeArgumentsUnknown(spec.name(), relation.keyword, type.toString(),
                    type.name(), name, unknown.get().unknown().orElseThrow(),
                    required.location()));
        }
        JavaType found = reached.get(0).type().orElseThrow();
        return Optional.of(ClassViolations.typeArgumentsMismatch(spec.name(), relation.keyword, relation.verb,
                type.toString(), type.name(), Texts.type(found), found.arguments().isEmpty(),
                required.location()));
    }

    /** The UNVERIFIED violation for a check that depends on supertypes that were not read. */
    static Violation unresolved(ClassSpec spec, Located<?> node, String expected, List<String> missing,
                                String message) {
        return ClassViolations.unresolved(spec.name(), expected, missing, message, node.location());
    }
}
