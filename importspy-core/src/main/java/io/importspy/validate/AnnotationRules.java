package io.importspy.validate;

import io.importspy.inspect.AnnotationFacts;
import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.contract.AnnotationSpec;
import io.importspy.internal.contract.ClassSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rules of one required class annotation: present on the class, or on a superclass when its type is
 * {@code @Inherited} (as {@link Class#getAnnotation} sees it: the superclass chain, never interfaces); then its
 * element values. A value the class does not write is the annotation's default, which class files of the
 * annotation type hold but the facts do not yet carry: such a value is unverified, not a mismatch.
 */
final class AnnotationRules {
    private static final String INHERITED = "java.lang.annotation.Inherited";

    private AnnotationRules() {
    }

    static void check(ClassSpec spec, AnnotationSpec annotation, ClassFacts facts, Hierarchy hierarchy,
                      ModuleFacts module, Consumer<Violation> out) {
        String type = annotation.type().toString();
        Optional<AnnotationFacts> found = matching(type, facts);
        Optional<String> from = Optional.empty();
        boolean notInherited = false;
        if (found.isEmpty()) {
            for (ClassFacts superclass : hierarchy.superclasses()) {
                Optional<AnnotationFacts> onSuperclass = matching(type, superclass);
                if (onSuperclass.isEmpty()) {
                    continue;
                }
                Optional<ClassFacts> annotationType = module.anyClass(onSuperclass.get().type());
                if (annotationType.isEmpty()) {
                    out.accept(unknownInheritance(spec, annotation, "its superclass "
                            + superclass.name() + " has it, but the annotation type "
                            + onSuperclass.get().type() + " could not be read to tell whether"
                            + " it is @Inherited", List.of(onSuperclass.get().type())));
                    return;
                }
                if (inherited(annotationType.get())) {
                    found = onSuperclass;
                    from = Optional.of(superclass.name());
                } else {
                    notInherited = true;
                }
                break;
            }
        }
        if (found.isEmpty()) {
            Optional<ClassFacts> annotationType = module.anyClass(annotation.type().name());
            boolean mayInherit = !notInherited && annotationType.map(AnnotationRules::inherited).orElse(true);
            if (hierarchy.chainBreak().isPresent() && mayInherit) {
                String missing = hierarchy.chainBreak().get();
                out.accept(unknownInheritance(spec, annotation, "its superclass " + missing
                        + " could not be read", List.of(missing)));
                return;
            }
            List<String> present = facts.annotations().stream().map(a -> "@" + a.type()).toList();
            out.accept(ClassViolations.annotationMissing(spec.name(), type, present, annotation.location()));
            return;
        }
        checkValues(spec, annotation, found.get(), from, module, out);
    }

    private static Optional<AnnotationFacts> matching(String type, ClassFacts facts) {
        return facts.annotations().stream().filter(a -> TypeMatcher.nameMatches(type, a.type())).findFirst();
    }

    private static boolean inherited(ClassFacts annotationType) {
        return annotationType.annotations().stream().anyMatch(a -> INHERITED.equals(a.type()));
    }

    private static Violation unknownInheritance(ClassSpec spec, AnnotationSpec annotation, String why,
                                                List<String> unread) {
        return ClassViolations.annotationInheritanceUnknown(spec.name(), annotation.type().toString(), why, unread,
                annotation.location());
    }

    /** Compares the values the contract writes: a MISMATCH for values that differ, UNVERIFIED for defaults. */
    private static void checkValues(ClassSpec spec, AnnotationSpec annotation, AnnotationFacts found,
                                    Optional<String> from, ModuleFacts module, Consumer<Violation> out) {
        String type = annotation.type().toString();
        String on = "annotation @" + type + " on class " + spec.name() + from.map(s -> " (inherited from " + s + ")")
                .orElse("");
        Optional<ClassFacts> annotationType = module.anyClass(found.type());
        List<String> wrong = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        List<String> defaulted = new ArrayList<>();
        List<String> defaultedExpected = new ArrayList<>();
        for (Map.Entry<String, Object> element : annotation.values().entrySet()) {
            String key = element.getKey();
            Object value = found.values().get(key);
            boolean declared = annotationType.map(t -> t.methods().stream().anyMatch(m -> m.name().equals(key)))
                    .orElse(true);
            if (value == null && declared) {
                defaulted.add(key);
                defaultedExpected.add(key + " = " + Values.yaml(element.getValue()));
            } else if (value == null || !Values.annotationEquals(element.getValue(), value)) {
                wrong.add(key);
                expected.add(key + " = " + Values.yaml(element.getValue()));
                actual.add(key + " = " + (value == null ? "<no such element>" : Values.java(value)));
            }
        }
        if (!wrong.isEmpty()) {
            out.accept(ClassViolations.annotationValuesMismatch(spec.name(), type, on, expected, actual, wrong,
                    annotation.location()));
        }
        if (!defaulted.isEmpty()) {
            out.accept(ClassViolations.annotationDefaultsUnknown(spec.name(), type, on, defaultedExpected, defaulted,
                    annotation.location()));
        }
    }
}
