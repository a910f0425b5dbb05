package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;

import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;

/**
 * A library that must be present beside the checked module.
 *
 * @param name     {@code groupId:artifactId}, an artifactId, or a module name
 * @param version  constraint on the library's version
 * @param location where the entry was written
 */
@API(status = INTERNAL, since = "0.1.0")
public record LibrarySpec(String name, Optional<Located<VersionConstraint>> version, Location location) {
    public LibrarySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(location, "location");
    }
}
