package io.importspy.inspect;

import io.importspy.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * A library present beside the checked module (a class-path JAR or a module of the module layer).
 *
 * @param names   every name it has (module name, groupId:artifactId, artifactId, file stem, ...)
 * @param version its first-found version
 * @param source  where it is (a path or a module name)
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record LibraryFacts(List<String> names, Optional<String> version, String source) {
    public LibraryFacts {
        names = List.copyOf(names);
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
    }

    /** The library described by a module's identity. */
    public static LibraryFacts of(ModuleIdentity identity, String source) {
        List<String> names = new ArrayList<>();
        for (ModuleIdentity.Declared name : identity.names()) {
            if (!names.contains(name.value())) {
                names.add(name.value());
            }
        }
        return new LibraryFacts(names, identity.version(), source);
    }
}
