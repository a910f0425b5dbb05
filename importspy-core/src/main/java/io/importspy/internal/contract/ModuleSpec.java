package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;

/**
 * The {@code module:} section: how the checked module identifies itself and what it ships.
 *
 * @param name      must equal any of the names the module has
 * @param version   constraint on the module's first-found version
 * @param filename  glob on the module's file name
 * @param manifest  main attributes of {@code META-INF/MANIFEST.MF}
 * @param services  service types and the providers each must list
 * @param resources entries that must exist
 * @param location  where {@code module:} was written (or the contract start when absent)
 */
@API(status = INTERNAL, since = "0.1.0")
public record ModuleSpec(Optional<Located<String>> name, Optional<Located<VersionConstraint>> version,
                         Optional<Located<String>> filename, List<ValueSpec> manifest, List<ServiceSpec> services,
                         List<Located<String>> resources, Location location) {
    public ModuleSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(location, "location");
        manifest = List.copyOf(manifest);
        services = List.copyOf(services);
        resources = List.copyOf(resources);
    }

    /** A module section that requires nothing. */
    public static ModuleSpec empty(Location location) {
        return new ModuleSpec(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(),
                location);
    }
}
