package io.importspy.inspect;

import io.importspy.java.ClassKind;
import io.importspy.java.Modifier;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a class file (or a live class) says about one class.
 *
 * @param name        binary name with dots for packages and {@code $} for nesting ({@code a.b.Outer$Inner})
 * @param origin      where these facts were read
 * @param kind        class, interface, enum, record or annotation
 * @param modifiers   source-level modifiers (for nested classes, from the InnerClasses attribute)
 * @param superclass  binary name of the direct superclass; empty for {@code java.lang.Object} and interfaces
 * @param interfaces  binary names of directly implemented (or extended) interfaces
 * @param annotations annotations on the class
 * @param fields      declared fields
 * @param methods     declared methods and constructors
 * @param classFileMajor class-file major version (61 for Java 17); 0 for live classes
 */
public record ClassFacts(String name, Origin origin, ClassKind kind, Set<Modifier> modifiers,
                         Optional<String> superclass, List<String> interfaces, List<AnnotationFacts> annotations,
                         List<FieldFacts> fields, List<MethodFacts> methods, int classFileMajor) {
    public ClassFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(kind, "kind");
        modifiers = Set.copyOf(modifiers);
        Objects.requireNonNull(superclass, "superclass");
        interfaces = List.copyOf(interfaces);
        annotations = List.copyOf(annotations);
        fields = List.copyOf(fields);
        methods = List.copyOf(methods);
    }
}
