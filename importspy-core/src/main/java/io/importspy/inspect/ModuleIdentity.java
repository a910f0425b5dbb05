package io.importspy.inspect;

import io.importspy.API;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * How a module identifies itself: every name and version it declares, each with where it was found.
 *
 * @param names    names in this order of sources: module-info, Automatic-Module-Name,
 *                 Bundle-SymbolicName, groupId:artifactId and artifactId (pom.properties), file stem
 * @param versions versions in this order of sources: module-info, Bundle-Version,
 *                 Implementation-Version, pom.properties
 * @param fileName the file (or directory) name of the module
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ModuleIdentity(List<Declared> names, List<Declared> versions, String fileName) {
    public ModuleIdentity {
        names = List.copyOf(names);
        versions = List.copyOf(versions);
        Objects.requireNonNull(fileName, "fileName");
    }

    /**
     * One declared name or version.
     *
     * @param value  the name or version
     * @param source where it was declared: {@code module-info}, {@code Automatic-Module-Name},
     *               {@code Bundle-SymbolicName}, {@code Bundle-Version}, {@code Implementation-Version},
     *               {@code pom.properties}, {@code file name}
     */
    public record Declared(String value, String source) {
        public Declared {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(source, "source");
        }
    }

    /** The most authoritative name: the first one found. */
    public Optional<String> primaryName() {
        return names.isEmpty() ? Optional.empty() : Optional.of(names.get(0).value());
    }

    /**
     * The first version found. A contract's {@code module.version} is met by any of {@link #versions()}, not
     * only by this one.
     */
    public Optional<String> version() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0).value());
    }
}
