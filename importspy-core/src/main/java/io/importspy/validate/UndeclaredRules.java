package io.importspy.validate;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.FieldFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.ParameterFacts;
import io.importspy.internal.contract.ClassSpec;
import io.importspy.internal.contract.ConstructorSpec;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.MethodSpec;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.contract.SelectSpec;
import io.importspy.internal.inspect.ClassHeader;
import io.importspy.internal.inspect.ClassHeaders;
import io.importspy.internal.inspect.ClassNames;
import io.importspy.internal.inspect.ClassQuery;
import io.importspy.internal.inspect.Selections;
import io.importspy.internal.java.NameGlob;
import io.importspy.internal.validate.Readings;
import io.importspy.java.Modifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Drift, the other way round: what the module has within the contract's classes and packages and the contract
 * does not declare, each one {@link Category#UNDECLARED} violation. For each {@code classes:} entry found in the
 * module, every public or protected field, constructor and method the class itself declares (not inherited, not
 * synthetic or bridge) that no entry of the contract matches; a method entry without {@code parameters} declares
 * every overload of its name, a constructor entry without them, every constructor. And every public or protected
 * class (nested ones too; not anonymous or local) of the contract's packages that no entry names or selects: the
 * package of each named class, and the classes each {@code select: {name: ...}} glob covers. Run only when asked
 * ({@code validate --undeclared}, {@link io.importspy.ValidationOptions#reportingUndeclared()}), after the
 * built-in rules; inspection reads the classes of those packages for it.
 */
final class UndeclaredRules implements Rule<Sections.Classes> {
    @Override
    public Class<Sections.Classes> section() {
        return Sections.Classes.class;
    }

    @Override
    public Set<String> classesToRead(Sections.Classes section) {
        return Set.of(); // the classes rule reads every named class already
    }

    @Override
    public void check(Sections.Classes section, Facts facts, Sink sink) {
        ModuleFacts module = facts.module();
        Set<String> declared = new HashSet<>();
        for (ClassSpec spec : section.classes()) {
            if (spec.select().isPresent()) {
                declared.addAll(selected(spec.select().get(), module));
                continue;
            }
            List<ClassFacts> named = module.moduleClasses(spec.name());
            named.forEach(type -> declared.add(type.name()));
            if (named.size() == 1) {
                check(spec, named.get(0), sink);
            }
        }
        List<String> classes = module.classNames();
        Set<String> known = new HashSet<>(classes);
        Map<String, List<String>> byPackage = new HashMap<>();
        for (String name : classes) {
            byPackage.computeIfAbsent(Readings.packageOf(name), p -> new ArrayList<>()).add(name);
        }
        Set<String> reported = new HashSet<>();
        for (ClassSpec spec : section.classes()) {
            for (String name : scope(spec, module, classes, byPackage)) {
                if (!declared.contains(name) && published(name, module, known) && reported.add(name)) {
                    String pkg = Readings.packageOf(name);
                    sink.report(Violation.undeclared(Context.CLASS, name)
                            .expected("no public class in " + describe(pkg) + " beyond those the contract declares")
                            .found("class " + name)
                            .message(describe(pkg) + " has class " + name + ", which the contract does not declare")
                            .fix("declare class " + name + " in the contract's classes, or remove it from the module")
                            .at(spec.location()));
                }
            }
        }
    }

    /**
     * The module's classes an entry puts in the contract's packages: for an entry naming a class the module
     * holds, every class of that class's package (nested classes included); for a selection by {@code name},
     * every class the glob covers, whatever the other selector keys. Other selections have classes anywhere in
     * the module, so they put no package in scope.
     */
    private static List<String> scope(ClassSpec spec, ModuleFacts module, List<String> classes,
                                      Map<String, List<String>> byPackage) {
        if (spec.select().isPresent()) {
            Optional<NameGlob> glob = spec.select().get().name().map(Located::value);
            return glob.isEmpty() ? List.of() : classes.stream().filter(glob.get()::matches).toList();
        }
        List<ClassFacts> named = module.moduleClasses(spec.name());
        return named.size() != 1 ? List.of()
                : byPackage.getOrDefault(Readings.packageOf(named.get(0).name()), List.of());
    }

    /** The classes a selection selects, as the selection rule finds them (none when that cannot be told). */
    private static List<String> selected(SelectSpec select, ModuleFacts module) {
        ClassQuery query = Readings.query(select);
        Optional<ClassHeaders> headers = module.section(ClassHeaders.class);
        if (query.needsHeaders() && headers.isEmpty()) {
            return List.of();
        }
        List<String> names = headers.map(h -> List.copyOf(h.module().keySet())).orElseGet(module::classNames);
        return Selections.select(query, module.services(), names, headers).selected();
    }

    /**
     * Whether a class of the module is part of its API as {@code importspy inspect} writes it: public or
     * protected, named in source (not anonymous or local), inside enclosing classes that are part of it too. The
     * module's class headers tell for classes not read whole (an enclosing class that is not public).
     */
    private static boolean published(String name, ModuleFacts module, Set<String> classes) {
        Optional<Set<Modifier>> modifiers = module.moduleClass(name).map(ClassFacts::modifiers)
                .or(() -> module.section(ClassHeaders.class).map(h -> h.module().get(name)).map(ClassHeader::modifiers));
        if (modifiers.isEmpty() || !visible(modifiers.get()) || !ClassNames.namedInSource(name)) {
            return false;
        }
        Optional<String> outer = ClassNames.enclosing(name);
        return outer.isEmpty() || !classes.contains(outer.get()) || published(outer.get(), module, classes);
    }

    private static String describe(String pkg) {
        return pkg.isEmpty() ? "the unnamed package" : "package " + pkg;
    }

    private static void check(ClassSpec spec, ClassFacts type, Sink sink) {
        for (FieldFacts field : type.fields()) {
            if (visible(field.modifiers()) && spec.fields().stream().noneMatch(f -> f.name().equals(field.name()))) {
                String subject = type.name() + "." + field.name();
                sink.report(Violation.undeclared(Context.FIELD, subject)
                        .expected("no field " + field.name() + " beyond those the contract declares")
                        .found("field " + field.name() + ": " + field.type())
                        .message("class " + type.name() + " has field " + field.name()
                                + ", which the contract does not declare")
                        .fix("declare field " + field.name() + " in the contract's entry for " + type.name()
                                + ", or remove it from the module")
                        .at(spec.location()));
            }
        }
        for (MethodFacts method : type.methods()) {
            if (method.synthetic() || !visible(method.modifiers()) || method.name().equals("<clinit>")) {
                continue;
            }
            if (method.isConstructor()) {
                if (!declared(spec.constructors(), method)) {
                    String signature = "(" + parameters(method) + ")";
                    sink.report(Violation.undeclared(Context.CONSTRUCTOR, type.name() + signature)
                            .expected("no constructor beyond those the contract declares")
                            .found("constructor " + signature)
                            .message("class " + type.name() + " has constructor " + signature
                                    + ", which the contract does not declare")
                            .fix("declare constructor " + signature + " in the contract's entry for " + type.name()
                                    + ", or remove it from the module")
                            .at(spec.location()));
                }
            } else if (!declaredMethod(spec.methods(), method)) {
                String signature = method.name() + "(" + parameters(method) + ")";
                sink.report(Violation.undeclared(Context.METHOD, type.name() + "#" + signature)
                        .expected("no method beyond those the contract declares")
                        .found("method " + signature + ": " + method.returnType())
                        .message("class " + type.name() + " has method " + signature
                                + ", which the contract does not declare")
                        .fix("declare method " + signature + " in the contract's entry for " + type.name()
                                + ", or remove it from the module")
                        .at(spec.location()));
            }
        }
    }

    private static boolean declared(List<ConstructorSpec> constructors, MethodFacts constructor) {
        for (ConstructorSpec spec : constructors) {
            if (spec.parameters().isEmpty() || MethodRules.parametersMatch(spec.parameters().get(), constructor)) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaredMethod(List<MethodSpec> methods, MethodFacts method) {
        for (MethodSpec spec : methods) {
            if (spec.name().equals(method.name())
                    && (spec.parameters().isEmpty() || MethodRules.parametersMatch(spec.parameters().get(), method))) {
                return true;
            }
        }
        return false;
    }

    private static String parameters(MethodFacts method) {
        List<String> types = new ArrayList<>();
        for (ParameterFacts parameter : method.parameters()) {
            types.add(parameter.type().toString());
        }
        return String.join(", ", types);
    }

    private static boolean visible(Set<Modifier> modifiers) {
        return modifiers.contains(Modifier.PUBLIC) || modifiers.contains(Modifier.PROTECTED);
    }
}
