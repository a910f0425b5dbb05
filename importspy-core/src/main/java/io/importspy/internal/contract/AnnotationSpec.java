package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.java.JavaType;

import java.util.Map;
import java.util.Objects;

import static io.importspy.API.Status.INTERNAL;

/**
 * An annotation a class must carry, with element values that must match when given.
 *
 * <p>Values are {@link ScalarValue}s (YAML's reading of a scalar and its text as written), or a
 * {@code List} of them. An enum constant is written as its name, a class literal as the class name.
 *
 * @param type     the annotation type
 * @param values   element name to expected value, in contract order
 * @param location where the entry was written
 */
@API(status = INTERNAL, since = "0.1.0")
public record AnnotationSpec(JavaType type, Map<String, Object> values, Location location) {
    public AnnotationSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
