package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * A field a class must declare or inherit.
 *
 * @param name      field name
 * @param type      the field's type
 * @param modifiers modifiers that must all be present
 * @param value     the constant value expected: a {@link ScalarValue}, or a list of them
 * @param location  where the entry was written
 */
@API(status = INTERNAL, since = "0.1.0")
public record FieldSpec(String name, Optional<Located<JavaType>> type, Optional<Located<Set<Modifier>>> modifiers,
                        Optional<Located<Object>> value, Location location) {
    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(modifiers, "modifiers");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}
