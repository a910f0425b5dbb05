package io.importspy.internal.inspect;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.MethodFacts;
import io.importspy.java.Modifier;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rule for multi-release JARs: validation judges one class for a name, so every version of it that some
 * Java would load ({@code a/B.class}, {@code META-INF/versions/21/a/B.class}, ...) must have the same API as the
 * one judged; otherwise a Java other than the one that validated (a host on Java 21, a check on Java 17) would
 * load a class nobody judged. Compared is what a contract can see: kind, modifiers, supertypes, type
 * parameters, annotations, and the non-private, non-synthetic fields and methods (as sets, parameter names and
 * modifiers of implementation such as {@code synchronized} aside); private members and code may differ, as they
 * do in real multi-release JARs.
 */
final class Versions {
    private Versions() {
    }

    /**
     * Requires {@code other} (read from {@code otherWhere}) to have the API of {@code judged} (from {@code where}).
     *
     * @throws InspectionException naming both entries and the first difference
     */
    static void requireSame(ClassFacts judged, String where, ClassFacts other, String otherWhere) {
        String difference = difference(judged, other);
        if (difference != null) {
            throw new InspectionException(otherWhere + ": another Java version loads this class instead of "
                    + where.substring(where.lastIndexOf('!') + 1) + ", which was judged, and its " + difference
                    + "; a multi-release JAR must give every Java version the same API");
        }
    }

    /** Modifiers in their declaration order, so that a message is the same in every JVM. */
    private static String ordered(Set<Modifier> modifiers) {
        return modifiers.isEmpty() ? "[]" : java.util.EnumSet.copyOf(modifiers).toString();
    }

    private static String difference(ClassFacts a, ClassFacts b) {
        if (a.kind() != b.kind() || !a.modifiers().equals(b.modifiers())) {
            return "kind or modifiers differ (" + b.kind() + " " + ordered(b.modifiers()) + ", not " + a.kind() + " "
                    + ordered(a.modifiers()) + ")";
        }
        if (!a.superclass().equals(b.superclass()) || !a.genericSuperclass().equals(b.genericSuperclass())) {
            return "superclass differs (" + b.superclass().orElse("none") + ", not " + a.superclass().orElse("none")
                    + ")";
        }
        if (!Set.copyOf(a.interfaces()).equals(Set.copyOf(b.interfaces()))
                || !Set.copyOf(a.genericInterfaces()).equals(Set.copyOf(b.genericInterfaces()))) {
            return "interfaces differ (" + b.interfaces() + ", not " + a.interfaces() + ")";
        }
        if (!a.typeParameters().equals(b.typeParameters()) || !Set.copyOf(a.annotations()).equals(Set.copyOf(b.annotations()))) {
            return "type parameters or annotations differ";
        }
        if (!visibleFields(a).equals(visibleFields(b))) {
            return "fields differ";
        }
        Set<String> methods = visibleMethods(a);
        Set<String> others = visibleMethods(b);
        if (!methods.equals(others)) {
            Set<String> only = new HashSet<>(others);
            only.removeAll(methods);
            Set<String> missing = new HashSet<>(methods);
            missing.removeAll(others);
            return "methods differ (" + (only.isEmpty() ? "" : "it adds " + only + (missing.isEmpty() ? "" : ", "))
                    + (missing.isEmpty() ? "" : "it lacks " + missing) + ")";
        }
        return null;
    }

    /** Modifiers of how a member is implemented, not of its API: versions of a real JAR differ in them. */
    private static final Set<Modifier> IMPLEMENTATION = Set.of(Modifier.SYNCHRONIZED, Modifier.NATIVE,
            Modifier.TRANSIENT, Modifier.VOLATILE, Modifier.STRICTFP);

    private static Set<Object> visibleFields(ClassFacts facts) {
        return facts.fields().stream().filter(f -> !f.modifiers().contains(Modifier.PRIVATE))
                .map(f -> List.of(f.name(), f.type(), api(f.modifiers()), f.constant(), Set.copyOf(f.annotations())))
                .collect(Collectors.toSet());
    }

    private static List<Modifier> api(Set<Modifier> modifiers) {
        return modifiers.stream().filter(m -> !IMPLEMENTATION.contains(m)).sorted().toList();
    }

    private static Set<String> visibleMethods(ClassFacts facts) {
        return facts.methods().stream().filter(m -> !m.synthetic() && !m.modifiers().contains(Modifier.PRIVATE))
                .map(Versions::describe).collect(Collectors.toSet());
    }

    private static String describe(MethodFacts method) {
        List<String> parameters = method.parameters().stream().map(p -> p.type().toString()).toList();
        return api(method.modifiers()).stream().map(m -> m.name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(" ")) + " " + method.returnType() + " " + method.name() + "(" + String.join(", ", parameters) + ")"
                + (method.exceptions().isEmpty() ? "" : " throws " + method.exceptions())
                + (method.varargs() ? " varargs" : "") + (method.annotations().isEmpty() ? "" : " " + method.annotations())
                + (method.typeParameters().isEmpty() ? "" : " <" + method.typeParameters() + ">");
    }
}
