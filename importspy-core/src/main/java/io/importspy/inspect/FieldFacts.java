package io.importspy.inspect;

import io.importspy.API;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * A field declared by a class.
 *
 * @param name        field name
 * @param type        generic type when the class file records one, else the erased type
 * @param erasure     erased type, with a fully qualified binary name
 * @param modifiers   source-level modifiers
 * @param constant    compiled constant value (ConstantValue attribute, or a live value in embedded mode):
 *                    {@code Boolean}, {@code Character}, {@code Byte}, {@code Short}, {@code Integer},
 *                    {@code Long}, {@code Float}, {@code Double} or {@code String}
 * @param annotations annotations on the field
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record FieldFacts(String name, JavaType type, JavaType erasure, Set<Modifier> modifiers,
                         Optional<Object> constant, List<AnnotationFacts> annotations) {
    public FieldFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(erasure, "erasure");
        modifiers = Set.copyOf(modifiers);
        Objects.requireNonNull(constant, "constant");
        annotations = List.copyOf(annotations);
    }
}
