package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;

import java.util.Objects;

import static io.importspy.API.Status.INTERNAL;

/**
 * A contract value together with where it was written, so that a violation of it can point there.
 *
 * @param value    the value, never {@code null}
 * @param location where the value was written
 */
@API(status = INTERNAL, since = "0.1.0")
public record Located<T>(T value, Location location) {
    public Located {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}
