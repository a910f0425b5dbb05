package io.importspy.inspect;

import io.importspy.API;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * What a JVM runtime is: platform, Java, environment and libraries. Either read from the running JVM
 * or recorded elsewhere with {@code importspy inspect --runtime} and read back.
 *
 * @param os                 canonical OS name ({@code linux}, {@code macos}, {@code windows}, ...) or the raw
 *                           {@code os.name} lower-cased when it has no canonical name
 * @param arch               canonical architecture ({@code x86_64}, {@code aarch64}, ...) or raw {@code os.arch}
 * @param javaVersion        {@code Runtime.version()} as text, e.g. {@code 17.0.15+6}
 * @param javaVendor         {@code java.vendor}
 * @param javaImplementation {@code HotSpot}, {@code OpenJ9}, {@code GraalVM}, ... derived from {@code java.vm.name}
 * @param variables          environment variables known (all of them for the running JVM; for a recorded
 *                           runtime, only those recorded); secret variables are never recorded here
 * @param properties         system properties known
 * @param secrets            recorded presence of secret variables; for the running JVM this is empty and
 *                           presence is read from {@code variables}
 * @param libraries          libraries present beside the module
 * @param recorded           whether these facts were recorded (read back from {@code inspect --runtime}):
 *                           then a variable, property or secret the record does not name is unknown, not unset
 * @param unsetVariables     environment variables recorded as not set (the contract named them, the runtime
 *                           did not have them)
 * @param unsetProperties    system properties recorded as not set
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record RuntimeFacts(String os, String arch, String javaVersion, String javaVendor, String javaImplementation,
                           Map<String, String> variables, Map<String, String> properties,
                           Map<String, Boolean> secrets, List<LibraryFacts> libraries,
                           boolean recorded, Set<String> unsetVariables, Set<String> unsetProperties) {
    public RuntimeFacts {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(javaVendor, "javaVendor");
        Objects.requireNonNull(javaImplementation, "javaImplementation");
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
        libraries = List.copyOf(libraries);
        unsetVariables = Collections.unmodifiableSet(new LinkedHashSet<>(unsetVariables));
        unsetProperties = Collections.unmodifiableSet(new LinkedHashSet<>(unsetProperties));
    }

    /**
     * Facts of a live runtime: every variable and property not in {@code variables} or {@code properties}
     * is unset.
     */
    public RuntimeFacts(String os, String arch, String javaVersion, String javaVendor, String javaImplementation,
                        Map<String, String> variables, Map<String, String> properties,
                        Map<String, Boolean> secrets, List<LibraryFacts> libraries) {
        this(os, arch, javaVersion, javaVendor, javaImplementation, variables, properties, secrets, libraries,
                false, Set.of(), Set.of());
    }

    /**
     * Whether these facts say if environment variable {@code name} is set: always for a live runtime; for a
     * recorded one only when it recorded the name, with a value or as unset (also as a secret recorded absent).
     * When this is {@code true}, a name absent from {@link #variables()} is not set.
     */
    public boolean knowsVariable(String name) {
        return !recorded || variables.containsKey(name) || unsetVariables.contains(name)
                || Boolean.FALSE.equals(secrets.get(name));
    }

    /** Whether these facts say if system property {@code name} is set; see {@link #knowsVariable}. */
    public boolean knowsProperty(String name) {
        return !recorded || properties.containsKey(name) || unsetProperties.contains(name);
    }

    /**
     * Whether a secret is present and non-empty; the value itself is never exposed by this record's
     * users. Empty when a recorded runtime did not record this variable at all.
     */
    public Optional<Boolean> secretPresent(String name) {
        if (secrets.containsKey(name)) {
            return Optional.of(secrets.get(name));
        }
        if (variables.containsKey(name)) {
            return Optional.of(!variables.get(name).isEmpty());
        }
        if (recorded) {
            return unsetVariables.contains(name) ? Optional.of(false) : Optional.empty();
        }
        return secrets.isEmpty() ? Optional.of(false) : Optional.empty();
    }

    /** This runtime with {@code libraries} instead of its own. */
    public RuntimeFacts withLibraries(List<LibraryFacts> libraries) {
        return new RuntimeFacts(os, arch, javaVersion, javaVendor, javaImplementation, variables, properties,
                secrets, libraries, recorded, unsetVariables, unsetProperties);
    }
}
