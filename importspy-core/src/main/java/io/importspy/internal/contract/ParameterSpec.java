package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.java.JavaType;

import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;

/**
 * One parameter of a required method or constructor.
 *
 * @param name     the parameter name, checked only where bytecode records names
 * @param type     the parameter type
 * @param location where the parameter was written
 */
@API(status = INTERNAL, since = "0.1.0")
public record ParameterSpec(Optional<String> name, JavaType type, Location location) {
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
    }
}
