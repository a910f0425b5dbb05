package io.importspy.internal.inspect;

import io.importspy.API;
import io.importspy.inspect.AnnotationFacts;
import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.Origin;
import io.importspy.java.ClassKind;
import io.importspy.java.Modifier;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * What the head of a class file says about a class: enough to select classes by kind, modifiers,
 * supertypes and annotations without reading their fields and methods.
 *
 * @param name        binary name ({@code a.b.Outer$Inner})
 * @param origin      where the class file was read
 * @param kind        class, interface, enum, record or annotation
 * @param modifiers   source-level modifiers (for nested classes, from the InnerClasses attribute)
 * @param superclass  binary name of the direct superclass; empty for {@code java.lang.Object} and interfaces
 * @param interfaces  binary names of the direct interfaces
 * @param annotations binary names of the annotation types on the class (any retention the class file keeps)
 */
@API(status = INTERNAL, since = "0.1.0")
public record ClassHeader(String name, Origin origin, ClassKind kind, Set<Modifier> modifiers,
                          Optional<String> superclass, List<String> interfaces, List<String> annotations) {
    public ClassHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(kind, "kind");
        modifiers = Set.copyOf(modifiers);
        Objects.requireNonNull(superclass, "superclass");
        interfaces = List.copyOf(interfaces);
        annotations = List.copyOf(annotations);
    }

    /** The header of a class whose full facts were read. */
    public static ClassHeader of(ClassFacts facts) {
        return new ClassHeader(facts.name(), facts.origin(), facts.kind(), facts.modifiers(), facts.superclass(),
                facts.interfaces(), facts.annotations().stream().map(AnnotationFacts::type).toList());
    }
}
