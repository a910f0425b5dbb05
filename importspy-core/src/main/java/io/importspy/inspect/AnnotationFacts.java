package io.importspy.inspect;

import io.importspy.API;

import java.util.Map;
import java.util.Objects;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * An annotation as compiled into a class file (retention CLASS or RUNTIME).
 *
 * <p>Element values: boxed primitives ({@code Boolean}, {@code Character}, {@code Byte}, {@code Short},
 * {@code Integer}, {@code Long}, {@code Float}, {@code Double}), {@code String}, an enum constant as
 * its constant name, a class literal as its binary name (e.g. {@code java.lang.String}), a nested
 * annotation as {@code AnnotationFacts}, an array as a {@code List}.
 *
 * @param type   binary name of the annotation type
 * @param values explicitly given element values (defaults are not included)
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record AnnotationFacts(String type, Map<String, Object> values) {
    public AnnotationFacts {
        Objects.requireNonNull(type, "type");
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
