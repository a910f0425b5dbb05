package io.importspy.inspect;

import io.importspy.API;
import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * What a class file (or a live class) says about one class.
 *
 * <p>Supertypes are recorded twice: erased ({@code superclass}, {@code interfaces}: binary names, as
 * the class file's {@code super_class} and {@code interfaces} items hold them) and generic
 * ({@code genericSuperclass}, {@code genericInterfaces}: as the class's Signature attribute writes them,
 * e.g. {@code java.util.ArrayList<java.lang.String>}). A class without a Signature attribute has generic
 * supertypes equal to its erased ones, without type arguments.
 *
 * @param name              binary name with dots for packages and {@code $} for nesting ({@code a.b.Outer$Inner})
 * @param origin            where these facts were read
 * @param kind              class, interface, enum, record or annotation
 * @param modifiers         source-level modifiers (for nested classes, from the InnerClasses attribute)
 * @param superclass        binary name of the direct superclass; empty for {@code java.lang.Object} and interfaces
 * @param interfaces        binary names of directly implemented (or extended) interfaces
 * @param typeParameters    names of the class's own type parameters, in declaration order ({@code E} of
 *                          {@code ArrayList<E>}); empty for a class that is not generic
 * @param genericSuperclass the direct superclass with its type arguments; present exactly when
 *                          {@code superclass} is, and naming the same class
 * @param genericInterfaces the direct interfaces with their type arguments, in the order (and naming the
 *                          classes) of {@code interfaces}
 * @param annotations       annotations on the class
 * @param fields            declared fields
 * @param methods           declared methods and constructors
 * @param classFileMajor    class-file major version (61 for Java 17); 0 for live classes
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ClassFacts(String name, Origin origin, ClassKind kind, Set<Modifier> modifiers,
                         Optional<String> superclass, List<String> interfaces, List<String> typeParameters,
                         Optional<JavaType> genericSuperclass, List<JavaType> genericInterfaces,
                         List<AnnotationFacts> annotations, List<FieldFacts> fields, List<MethodFacts> methods,
                         int classFileMajor) {
    public ClassFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(kind, "kind");
        modifiers = Set.copyOf(modifiers);
        Objects.requireNonNull(superclass, "superclass");
        interfaces = List.copyOf(interfaces);
        typeParameters = List.copyOf(typeParameters);
        Objects.requireNonNull(genericSuperclass, "genericSuperclass");
        genericInterfaces = List.copyOf(genericInterfaces);
        annotations = List.copyOf(annotations);
        fields = List.copyOf(fields);
        methods = List.copyOf(methods);
        if (!superclass.equals(genericSuperclass.map(JavaType::name))) {
            throw new IllegalArgumentException("generic superclass " + genericSuperclass.orElse(null) + " of "
                    + name + " does not name its superclass " + superclass.orElse(null));
        }
        if (!interfaces.equals(genericInterfaces.stream().map(JavaType::name).toList())) {
            throw new IllegalArgumentException("generic interfaces " + genericInterfaces + " of " + name
                    + " do not name its interfaces " + interfaces);
        }
    }

    /**
     * Facts of a class without generic signature information: no type parameters, and generic supertypes
     * equal to the erased ones.
     */
    public ClassFacts(String name, Origin origin, ClassKind kind, Set<Modifier> modifiers,
                      Optional<String> superclass, List<String> interfaces, List<AnnotationFacts> annotations,
                      List<FieldFacts> fields, List<MethodFacts> methods, int classFileMajor) {
        this(name, origin, kind, modifiers, superclass, interfaces, List.of(), superclass.map(JavaType::of),
                interfaces.stream().map(JavaType::of).toList(), annotations, fields, methods, classFileMajor);
    }
}
