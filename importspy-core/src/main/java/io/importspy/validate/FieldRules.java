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
                out.accept(MemberViolations.fieldInheritanceUnknown(owner.name(), spec.name(), hierarchy.unresolved(),
                        spec.location()));
            } else {
                out.accept(MemberViolations.fieldMissing(owner.name(), spec.name(), spec.location()));
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
        Optional<FieldFacts> own = field(facts, name, true);
        if (own.isPresent()) {
            return own;
        }
        for (ClassFacts supertype : hierarchy.supertypes()) {
            Optional<FieldFacts> inherited = field(supertype, name, false);
            if (inherited.isPresent()) {
                return Optional.of(hierarchy.bindingsOf(supertype).member(inherited.get()));
            }
        }
        return Optional.empty();
    }

    /** The field {@code name} that {@code facts} declares, a private one only when {@code orPrivate}. */
    private static Optional<FieldFacts> field(ClassFacts facts, String name, boolean orPrivate) {
        for (FieldFacts f : facts.fields()) {
            if (f.name().equals(name) && (orPrivate || !f.modifiers().contains(Modifier.PRIVATE))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static void checkType(String subject, Located<JavaType> type, FieldFacts field, Consumer<Violation> out) {
        if (!TypeMatcher.matches(type.value(), field.type(), field.erasure())) {
            out.accept(MemberViolations.fieldTypeMismatch(subject, type.value().toString(), Texts.type(field.type()),
                    type.location()));
        }
    }

    private static void checkValue(String subject, Located<Object> value, FieldFacts field, Consumer<Violation> out) {
        String expected = Values.yaml(value.value());
        if (field.constant().isEmpty()) {
            out.accept(MemberViolations.fieldConstantUnknown(subject, expected, value.location()));
            return;
        }
        Object constant = field.constant().get();
        if (!Values.constantEquals(value.value(), constant, field.erasure())) {
            out.accept(MemberViolations.fieldValueMismatch(subject, expected, Values.java(constant),
                    Values.ambiguity(value.value(), constant, field.erasure()), value.location()));
        }
    }
}
