package io.importspy.inspect;

import io.importspy.java.JavaType;

import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of a method or constructor.
 *
 * @param name    the name, when the class file records it (MethodParameters or LocalVariableTable)
 * @param type    generic type when recorded, else the erased type
 * @param erasure erased type, fully qualified
 */
public record ParameterFacts(Optional<String> name, JavaType type, JavaType erasure) {
    public ParameterFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(erasure, "erasure");
    }
}
