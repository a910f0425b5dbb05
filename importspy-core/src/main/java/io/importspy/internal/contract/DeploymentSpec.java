package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;

/**
 * One entry of {@code deployments:}: a runtime in which the module may run. All its parts must hold.
 *
 * @param architectures canonical architecture names, any of which will do (see {@code io.importspy.internal.java.Platforms})
 * @param systems       canonical operating-system names, any of which will do
 * @param java          Java runtime requirements
 * @param variables     environment variables and their values
 * @param secrets       environment variables that must be present and non-empty; values never read into reports
 * @param properties    Java system properties and their values
 * @param libraries     modules that must be present beside the checked one
 * @param facts         facts that extensions add to the runtime ({@code container.memory.limit}) and their values
 * @param location      where the entry was written
 */
@API(status = INTERNAL, since = "0.1.0")
public record DeploymentSpec(Optional<Located<List<String>>> architectures, Optional<Located<List<String>>> systems,
                             Optional<JavaSpec> java, List<ValueSpec> variables, List<Located<String>> secrets,
                             List<ValueSpec> properties, List<LibrarySpec> libraries, List<ValueSpec> facts,
                             Location location) {
    public DeploymentSpec {
        architectures = architectures.map(a -> new Located<>(List.copyOf(a.value()), a.location()));
        systems = systems.map(s -> new Located<>(List.copyOf(s.value()), s.location()));
        Objects.requireNonNull(java, "java");
        variables = List.copyOf(variables);
        secrets = List.copyOf(secrets);
        properties = List.copyOf(properties);
        libraries = List.copyOf(libraries);
        facts = List.copyOf(facts);
        Objects.requireNonNull(location, "location");
    }

    /** An entry that requires no extension's facts. */
    public DeploymentSpec(Optional<Located<List<String>>> architectures, Optional<Located<List<String>>> systems,
                          Optional<JavaSpec> java, List<ValueSpec> variables, List<Located<String>> secrets,
                          List<ValueSpec> properties, List<LibrarySpec> libraries, Location location) {
        this(architectures, systems, java, variables, secrets, properties, libraries, List.of(), location);
    }
}
