package io.importspy.validate;

import io.importspy.contract.Location;
import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.ParameterFacts;
import io.importspy.internal.contract.ClassSpec;
import io.importspy.internal.contract.ConstructorSpec;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.MethodSpec;
import io.importspy.internal.contract.ParameterSpec;
import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;
import io.importspy.validate.MemberViolations.Member;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The rules of required methods and constructors: find the overloads (methods also inherited), pick the
 * one with exactly the required parameters (or any), then check parameter names, return type,
 * exceptions and modifiers. Of several eligible overloads the one with the fewest violations is reported.
 */
final class MethodRules {
    private static final String OBJECT = "java.lang.Object";

    private MethodRules() {
    }

    static void checkMethod(ClassSpec owner, MethodSpec spec, ClassFacts facts, Hierarchy hierarchy,
                            ModuleFacts module, Consumer<Violation> out) {
        String signature = spec.name() + spec.parameters().map(Texts::parameters).orElse("");
        Member member = new Member(Context.METHOD, owner.name() + "#" + signature, "method " + signature,
                "method " + owner.name() + "#" + signature);
        List<MethodFacts> candidates = hierarchy.overloads(spec.name(), name -> methodsNamed(name, facts, hierarchy));
        if (candidates.isEmpty() || noneMatch(spec.parameters(), candidates)) {
            if (!hierarchy.unresolved().isEmpty()) {
                out.accept(MemberViolations.memberInheritanceUnknown(owner.name(), member, hierarchy.unresolved(),
                        spec.location()));
                return;
            }
        }
        Optional<List<Violation>> best = bestOverload(owner, member, spec.parameters(), candidates,
                spec.location(), out, m -> {
                    List<Violation> found = new ArrayList<>();
                    spec.returns().ifPresent(r -> checkReturn(member, r, m).ifPresent(found::add));
                    spec.throwsTypes().forEach(t -> checkThrows(member, t, m, module).ifPresent(found::add));
                    spec.modifiers().ifPresent(mods -> ClassRules.modifierViolation(Context.METHOD,
                            member.subject(), member.what(), mods, m.modifiers()).ifPresent(found::add));
                    return found;
                });
        best.ifPresent(violations -> violations.forEach(out));
    }

    static void checkConstructor(ClassSpec owner, ConstructorSpec spec, ClassFacts facts, ModuleFacts module,
                                 Consumer<Violation> out) {
        String simple = Texts.simpleName(owner.name());
        String signature = simple + spec.parameters().map(Texts::parameters).orElse("");
        Member member = new Member(Context.CONSTRUCTOR,
                owner.name() + "#<init>" + spec.parameters().map(Texts::parameters).orElse(""),
                spec.parameters().isPresent() ? "constructor " + signature : "a constructor",
                "constructor " + owner.name() + "#<init>" + spec.parameters().map(Texts::parameters).orElse(""));
        List<MethodFacts> candidates = new ArrayList<>();
        for (MethodFacts m : facts.methods()) {
            if (m.isConstructor() && !m.synthetic()) {
                candidates.add(m);
            }
        }
        Optional<List<Violation>> best = bestOverload(owner, member, spec.parameters(), candidates,
                spec.location(), out, m -> {
                    List<Violation> found = new ArrayList<>();
                    spec.throwsTypes().forEach(t -> checkThrows(member, t, m, module).ifPresent(found::add));
                    spec.modifiers().ifPresent(mods -> ClassRules.modifierViolation(Context.CONSTRUCTOR,
                            member.subject(), member.what(), mods, m.modifiers()).ifPresent(found::add));
                    return found;
                });
        best.ifPresent(violations -> violations.forEach(out));
    }

    /** The violations of the best eligible overload, or empty when a presence violation was reported. */
    private static Optional<List<Violation>> bestOverload(ClassSpec owner, Member member,
                                                          Optional<List<ParameterSpec>> parameters,
                                                          List<MethodFacts> candidates,
                                                          Location location, Consumer<Violation> out,
                                                          Function<MethodFacts, List<Violation>> checks) {
        if (candidates.isEmpty()) {
            out.accept(MemberViolations.memberMissing(owner.name(), member, location));
            return Optional.empty();
        }
        List<MethodFacts> eligible = candidates;
        if (parameters.isPresent()) {
            eligible = new ArrayList<>();
            for (MethodFacts m : candidates) {
                if (parametersMatch(parameters.get(), m)) {
                    eligible.add(m);
                }
            }
        }
        if (eligible.isEmpty()) {
            out.accept(noOverloadMatches(owner, member, parameters.orElseThrow(), candidates, location));
            return Optional.empty();
        }
        // the first overload with the fewest failures, then the fewest violations
        List<Violation> best = null;
        int bestFailures = 0;
        for (MethodFacts method : eligible) {
            List<Violation> found = new ArrayList<>();
            parameters.ifPresent(p -> found.addAll(checkNames(member, p, method)));
            found.addAll(checks.apply(method));
            int failures = failures(found);
            if (best == null || failures < bestFailures || failures == bestFailures && found.size() < best.size()) {
                best = found;
                bestFailures = failures;
            }
        }
        return Optional.of(best);
    }

    private static int failures(List<Violation> violations) {
        int failures = 0;
        for (Violation violation : violations) {
            failures += violation.category() != Category.UNVERIFIED ? 1 : 0;
        }
        return failures;
    }

    /**
     * The MISMATCH for required parameters no overload has, naming the closest overloads first (same parameter
     * count first, then most parameters matching in place).
     */
    private static Violation noOverloadMatches(ClassSpec owner, Member member, List<ParameterSpec> required,
                                               List<MethodFacts> candidates, Location location) {
        List<String> closest = candidates.stream()
                .sorted(Comparator.comparingInt((MethodFacts m) -> Math.abs(m.parameters().size() - required.size()))
                        .thenComparing(Comparator.comparingInt((MethodFacts m) -> matchingInPlace(required, m))
                                .reversed()))
                .map(m -> signature(owner, m)).toList();
        return MemberViolations.noOverloadMatches(owner.name(), member, closest,
                Context.CONSTRUCTOR.equals(member.context()) ? null : candidates.get(0).name(), location);
    }

    /** How many required parameters match the method's parameter at the same position. */
    private static int matchingInPlace(List<ParameterSpec> required, MethodFacts method) {
        int matching = 0;
        for (int i = 0; i < Math.min(required.size(), method.parameters().size()); i++) {
            ParameterFacts actual = method.parameters().get(i);
            matching += TypeMatcher.matches(required.get(i).type(), actual.type(), actual.erasure()) ? 1 : 0;
        }
        return matching;
    }

    private static boolean noneMatch(Optional<List<ParameterSpec>> parameters, List<MethodFacts> candidates) {
        if (parameters.isEmpty()) {
            return false;
        }
        for (MethodFacts m : candidates) {
            if (parametersMatch(parameters.get(), m)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Methods named {@code name}: declared ones first, then inherited ones from the superclass chain and
     * the interfaces (default methods included), skipping synthetic and bridge methods, private members of
     * supertypes, static interface methods, and overridden methods. Inherited methods are seen with the type
     * arguments the class gives its supertypes: {@code add(E)} of {@code ArrayList<String>} is {@code add(String)}.
     */
    private static List<MethodFacts> methodsNamed(String name, ClassFacts facts, Hierarchy hierarchy) {
        List<MethodFacts> found = new ArrayList<>();
        Set<String> erasures = new HashSet<>();
        collect(name, hierarchy.methodsNamed(facts, name), Bindings.start(), false, false, found, erasures);
        boolean isInterface = facts.kind() == ClassKind.INTERFACE || facts.kind() == ClassKind.ANNOTATION;
        for (ClassFacts supertype : hierarchy.supertypes()) {
            if (isInterface && OBJECT.equals(supertype.name())) {
                continue; // an interface has Object's public methods only, below
            }
            List<MethodFacts> named = hierarchy.methodsNamed(supertype, name);
            if (!named.isEmpty()) { // binding a supertype's type variables costs more than this look
                collect(name, named, hierarchy.bindingsOf(supertype), true, hierarchy.isInterface(supertype),
                        found, erasures);
            }
        }
        if (isInterface) {
            collect(name, ObjectMembers.ofInterface(name), Bindings.start(), true, false, found, erasures);
        }
        return found;
    }

    /**
     * Adds the methods named {@code name} of one class's {@code methods}, as the checked class sees them (type
     * variables of a supertype substituted), unless a class met before declares one with the same erased
     * parameters (it overrides this one). Methods of one class are all kept, even with the same parameters: class files may
     * hold several that differ only in their return type (Scala's overloads, bridges without the flag).
     */
    private static void collect(String name, List<MethodFacts> methods, Bindings bindings, boolean inherited,
                                boolean fromInterface, List<MethodFacts> found, Set<String> erasures) {
        Set<String> overridden = Set.copyOf(erasures);
        for (MethodFacts declared : methods) {
            if (!declared.name().equals(name) || declared.synthetic() || declared.isConstructor()) {
                continue;
            }
            if (inherited && (declared.modifiers().contains(Modifier.PRIVATE)
                    || fromInterface && declared.modifiers().contains(Modifier.STATIC))) {
                continue;
            }
            MethodFacts method = bindings.member(declared);
            StringBuilder erasure = new StringBuilder("(");
            for (ParameterFacts parameter : method.parameters()) {
                erasure.append(erasure.length() > 1 ? "," : "").append(parameter.erasure());
            }
            erasure.append(')');
            if (!overridden.contains(erasure.toString())) {
                erasures.add(erasure.toString());
                found.add(method);
            }
        }
    }

    /** Whether a method has exactly the required parameter types (varargs only where it is varargs). */
    static boolean parametersMatch(List<ParameterSpec> required, MethodFacts method) {
        List<ParameterFacts> actual = method.parameters();
        if (required.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < required.size(); i++) {
            JavaType type = required.get(i).type();
            if (type.varargs() && !(method.varargs() && i == actual.size() - 1)) {
                return false;
            }
            if (!TypeMatcher.matches(type, actual.get(i).type(), actual.get(i).erasure())) {
                return false;
            }
        }
        return true;
    }

    /** Names are compared where both sides have them; one UNVERIFIED violation where the bytecode has none. */
    private static List<Violation> checkNames(Member member, List<ParameterSpec> required, MethodFacts method) {
        List<Violation> found = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        Optional<ParameterSpec> firstUnnamed = Optional.empty();
        for (int i = 0; i < required.size(); i++) {
            ParameterSpec spec = required.get(i);
            if (spec.name().isEmpty()) {
                continue;
            }
            Optional<String> actual = method.parameters().get(i).name();
            if (actual.isEmpty()) {
                unnamed.add(spec.name().get());
                firstUnnamed = firstUnnamed.isPresent() ? firstUnnamed : Optional.of(spec);
            } else if (!actual.get().equals(spec.name().get())) {
                found.add(MemberViolations.parameterNameMismatch(member, i + 1, spec.name().get(), actual.get(),
                        spec.location()));
            }
        }
        firstUnnamed.ifPresent(spec -> found.add(0,
                MemberViolations.parameterNamesUnknown(member, unnamed, spec.location())));
        return found;
    }

    private static Optional<Violation> checkReturn(Member member, Located<JavaType> returns, MethodFacts method) {
        if (TypeMatcher.matches(returns.value(), method.returnType(), method.erasedReturn())) {
            return Optional.empty();
        }
        return Optional.of(MemberViolations.returnMismatch(member, returns.value().toString(),
                Texts.type(method.returnType()), returns.location()));
    }

    /**
     * A listed exception is declared when the method declares it or a subclass of it (callers that catch the
     * listed one are safe); unverified when a declared exception's superclasses could not be read.
     */
    private static Optional<Violation> checkThrows(Member member, Located<JavaType> exception, MethodFacts method,
                                                   ModuleFacts module) {
        List<String> unread = new ArrayList<>();
        for (JavaType declared : method.exceptions()) {
            if (TypeMatcher.matches(exception.value(), declared)
                    || !declared.variable() && Exceptions.isSubclass(declared.name(), exception.value(), module, unread)) {
                return Optional.empty();
            }
        }
        String declared = Texts.list(method.exceptions().stream().map(Texts::type).toList());
        if (!unread.isEmpty()) {
            String names = Texts.list(unread);
            return Optional.of(MemberViolations.throwsUnknown(member, exception.value().toString(), declared, names,
                    exception.location()));
        }
        return Optional.of(MemberViolations.throwsMismatch(member, exception.value().toString(), declared,
                exception.location()));
    }

    private static String signature(ClassSpec owner, MethodFacts method) {
        return (method.isConstructor() ? Texts.simpleName(owner.name()) : method.name()) + Texts.parameters(method);
    }
}
