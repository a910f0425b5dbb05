package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;

/**
 * The {@code java:} part of a deployment.
 *
 * @param version         constraint on {@code Runtime.version()}
 * @param vendors         accepted values of {@code java.vendor}, any of which will do
 * @param implementations accepted JVM implementations (HotSpot, OpenJ9, GraalVM, ...), any of which will do
 * @param location        where {@code java:} was written
 */
@API(status = INTERNAL, since = "0.1.0")
public record JavaSpec(Optional<Located<VersionConstraint>> version, Optional<Located<List<String>>> vendors,
                       Optional<Located<List<String>>> implementations, Location location) {
    public JavaSpec {
        Objects.requireNonNull(version, "version");
        vendors = vendors.map(v -> new Located<>(List.copyOf(v.value()), v.location()));
        implementations = implementations.map(v -> new Located<>(List.copyOf(v.value()), v.location()));
        Objects.requireNonNull(location, "location");
    }
}
