package io.importspy.inspect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
 */
public record RuntimeFacts(String os, String arch, String javaVersion, String javaVendor, String javaImplementation,
                           Map<String, String> variables, Map<String, String> properties,
                           Map<String, Boolean> secrets, List<LibraryFacts> libraries) {
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
        return secrets.isEmpty() ? Optional.of(false) : Optional.empty();
    }

    /** This runtime with {@code libraries} instead of its own. */
    public RuntimeFacts withLibraries(List<LibraryFacts> libraries) {
        return new RuntimeFacts(os, arch, javaVersion, javaVendor, javaImplementation, variables, properties,
                secrets, libraries);
    }
}
