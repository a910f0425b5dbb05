package io.importspy.validate;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.FieldFacts;
import io.importspy.internal.contract.ClassSpec;
import io.importspy.internal.contract.FieldSpec;
import io.importspy.internal.contract.Located;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.Optional;
import java.util.function.Consumer;

/** The rules of one field ("attribute") of a class: presence (declared or inherited), type, modifiers, value. */
final class FieldRules {
    private FieldRules() {
    }

    static void check(ClassSpec owner, FieldSpec spec, ClassFacts facts, Hierarchy hierarchy,
                      Consumer<Violation> out) {
        String subject = owner.name() + "." + spec.name();
        Optional<FieldFacts> found = find(spec.name(), facts, hierarchy);
        if (found.isEmpty()) {
            if (!hierarchy.unresolved().isEmpty()) {
                out.accept(new Violation(Category.UNVERIFIED, Context.FIELD, subject, "field " + spec.name(),
                        "<unresolved " + Texts.list(hierarchy.unresolved().stream().map(TypeMatcher::normalize).toList())
                                + ">",
                        "whether class " + owner.name() + " inherits field " + spec.name()
                                + " is unknown: a supertype could not be read",
                        ClassRules.solutionForUnresolved(hierarchy.unresolved()), spec.location()));
            } else {
                out.accept(new Violation(Category.MISSING, Context.FIELD, subject, "field " + spec.name(),
                        Texts.ABSENT, "class " + owner.name() + " lacks field " + spec.name(),
                        "add field " + spec.name() + " to " + owner.name() + ", or remove it from the contract",
                        spec.location()));
            }
            return;
        }
        FieldFacts field = found.get();
        spec.type().ifPresent(type -> checkType(subject, type, field, out));
        spec.modifiers().ifPresent(modifiers -> ClassRules.modifierViolation(Context.FIELD, subject,
                "field " + subject, modifiers, field.modifiers()).ifPresent(out));
        spec.value().ifPresent(value -> checkValue(subject, value, field, out));
    }

    /** The field declared by the class, else the nearest non-private one of a supertype, its type as the class sees it. */
    private static Optional<FieldFacts> find(String name, ClassFacts facts, Hierarchy hierarchy) {
        Optional<FieldFacts> own = facts.fields().stream().filter(f -> f.name().equals(name)).findFirst();
        if (own.isPresent()) {
            return own;
        }
        for (ClassFacts supertype : hierarchy.supertypes()) {
            Optional<FieldFacts> inherited = supertype.fields().stream()
                    .filter(f -> f.name().equals(name) && !f.modifiers().contains(Modifier.PRIVATE)).findFirst();
            if (inherited.isPresent()) {
                return Optional.of(hierarchy.bindingsOf(supertype).member(inherited.get()));
            }
        }
        return Optional.empty();
    }

    private static void checkType(String subject, Located<JavaType> type, FieldFacts field, Consumer<Violation> out) {
        if (!TypeMatcher.matches(type.value(), field.type(), field.erasure())) {
            out.accept(new Violation(Category.MISMATCH, Context.FIELD, subject, type.value().toString(),
                    Texts.type(field.type()), "field " + subject + " has type " + Texts.type(field.type())
                    + ", not " + type.value(),
                    "declare " + subject + " as " + type.value() + ", or change its type in the contract",
                    type.location()));
        }
    }

    private static void checkValue(String subject, Located<Object> value, FieldFacts field, Consumer<Violation> out) {
        String expected = Values.yaml(value.value());
        if (field.constant().isEmpty()) {
            out.accept(new Violation(Category.UNVERIFIED, Context.FIELD, subject, expected, "<no compiled constant>",
                    "field " + subject + " has no compiled constant; its value is checked only in embedded mode",
                    "check the value in embedded mode, or make " + subject + " a compile-time constant",
                    value.location()));
            return;
        }
        Object constant = field.constant().get();
        if (!Values.constantEquals(value.value(), constant, field.erasure())) {
            out.accept(new Violation(Category.MISMATCH, Context.FIELD, subject, expected, Values.java(constant),
                    "field " + subject + " is " + Values.java(constant) + ", not " + expected,
                    "set " + subject + " to " + expected + ", or change its value in the contract",
                    value.location()));
        }
    }
}
