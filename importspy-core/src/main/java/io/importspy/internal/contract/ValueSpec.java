package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;

import java.util.Objects;

import static io.importspy.API.Status.INTERNAL;

/**
 * A named textual value a contract requires: a manifest attribute, an environment variable or a
 * system property.
 *
 * @param name     attribute, variable or property name
 * @param matcher  what the value must be
 * @param location where the entry was written
 */
@API(status = INTERNAL, since = "0.1.0")
public record ValueSpec(String name, ValueMatcher matcher, Location location) {
    public ValueSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(location, "location");
    }
}
