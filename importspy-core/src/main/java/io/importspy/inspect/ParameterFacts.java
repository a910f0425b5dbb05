package io.importspy.inspect;

import io.importspy.API;
import io.importspy.java.JavaType;

import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * One parameter of a method or constructor.
 *
 * @param name    the name, when the class file records it (MethodParameters or LocalVariableTable)
 * @param type    generic type when recorded, else the erased type
 * @param erasure erased type, fully qualified
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ParameterFacts(Optional<String> name, JavaType type, JavaType erasure) {
    public ParameterFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(erasure, "erasure");
    }
}
