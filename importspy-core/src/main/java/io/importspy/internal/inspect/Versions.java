package io.importspy.internal.inspect;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.FieldFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.java.Modifier;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the versions of one class in a multi-release JAR ({@code a/B.class}, {@code META-INF/versions/21/a/B.class},
 * ...) have in common, for a contract that every Java's version meets. Compared is what a contract can see of a
 * member: name, types, API modifiers, constant and annotations; modifiers of how a member is implemented (such as
 * {@code synchronized}) and parameter names aside, as real multi-release JARs differ in them.
 */
final class Versions {
    private Versions() {
    }

    /**
     * {@code judged} with only those of its non-private fields and methods that every one of {@code others} has
     * too (its private ones kept): what a contract that each version meets may require of the class.
     */
    static ClassFacts common(ClassFacts judged, List<ClassFacts> others) {
        Set<Object> fields = null;
        Set<Object> methods = null;
        for (ClassFacts other : others) {
            fields = retained(fields, fieldKeys(other));
            methods = retained(methods, methodKeys(other));
        }
        if (fields == null) {
            return judged;
        }
        List<FieldFacts> keptFields = new ArrayList<>();
        for (FieldFacts field : judged.fields()) {
            if (field.modifiers().contains(Modifier.PRIVATE) || fields.contains(key(field))) {
                keptFields.add(field);
            }
        }
        List<MethodFacts> keptMethods = new ArrayList<>();
        for (MethodFacts method : judged.methods()) {
            if (method.synthetic() || method.modifiers().contains(Modifier.PRIVATE) || methods.contains(key(method))) {
                keptMethods.add(method);
            }
        }
        if (keptFields.size() == judged.fields().size() && keptMethods.size() == judged.methods().size()) {
            return judged;
        }
        return judged.toBuilder().fields(keptFields).methods(keptMethods).build();
    }

    private static Set<Object> retained(Set<Object> sofar, Set<Object> these) {
        if (sofar == null) {
            return these;
        }
        sofar.retainAll(these);
        return sofar;
    }

    /** Modifiers of how a member is implemented, not of its API: versions of a real JAR differ in them. */
    private static final Set<Modifier> IMPLEMENTATION = Set.of(Modifier.SYNCHRONIZED, Modifier.NATIVE,
            Modifier.TRANSIENT, Modifier.VOLATILE, Modifier.STRICTFP);

    private static Set<Object> fieldKeys(ClassFacts facts) {
        Set<Object> keys = new HashSet<>();
        for (FieldFacts field : facts.fields()) {
            keys.add(key(field));
        }
        return keys;
    }

    private static Set<Object> methodKeys(ClassFacts facts) {
        Set<Object> keys = new HashSet<>();
        for (MethodFacts method : facts.methods()) {
            keys.add(key(method));
        }
        return keys;
    }

    private static Object key(FieldFacts field) {
        return List.of(field.name(), field.type(), api(field.modifiers()), field.constant(),
                Set.copyOf(field.annotations()));
    }

    private static Object key(MethodFacts method) {
        List<Object> parameters = new ArrayList<>();
        method.parameters().forEach(p -> parameters.add(p.type()));
        return List.of(method.name(), parameters, method.returnType(), api(method.modifiers()),
                Set.copyOf(method.exceptions()), method.varargs(), Set.copyOf(method.annotations()),
                method.typeParameters());
    }

    private static Set<Modifier> api(Set<Modifier> modifiers) {
        Set<Modifier> api = new HashSet<>(modifiers);
        api.removeAll(IMPLEMENTATION);
        return api;
    }
}
