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
 * <p>Immutable, compared by value. Make one with {@link #builder}, so that a fact added later does not
 * break the call.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class RuntimeFacts {
    private final String os;
    private final String arch;
    private final String javaVersion;
    private final String javaVendor;
    private final String javaImplementation;
    private final Map<String, String> variables;
    private final Map<String, String> properties;
    private final Map<String, Boolean> secrets;
    private final List<LibraryFacts> libraries;
    private final boolean recorded;
    private final Set<String> unsetVariables;
    private final Set<String> unsetProperties;
    private final Map<String, String> facts;

    private RuntimeFacts(Builder b) {
        this.os = b.os;
        this.arch = b.arch;
        this.javaVersion = b.javaVersion;
        this.javaVendor = b.javaVendor;
        this.javaImplementation = b.javaImplementation;
        this.variables = copy(b.variables, "variables");
        this.properties = copy(b.properties, "properties");
        this.secrets = copy(b.secrets, "secrets");
        this.libraries = List.copyOf(b.libraries);
        this.recorded = b.recorded;
        this.unsetVariables = copy(b.unsetVariables, "unsetVariables");
        this.unsetProperties = copy(b.unsetProperties, "unsetProperties");
        this.facts = copy(b.facts, "facts");
    }

    /** An ordered, unmodifiable copy; a null key or value is refused here, not met later. */
    private static <V> Map<String, V> copy(Map<String, V> map, String what) {
        Map<String, V> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, () -> what + " holds a null name"),
                Objects.requireNonNull(value, () -> what + " holds a null value for " + key)));
        return Collections.unmodifiableMap(copy);
    }

    private static Set<String> copy(Set<String> set, String what) {
        Set<String> copy = new LinkedHashSet<>();
        set.forEach(name -> copy.add(Objects.requireNonNull(name, () -> what + " holds a null name")));
        return Collections.unmodifiableSet(copy);
    }

    /**
     * A builder of the runtime with this platform and Java: a live one (every variable and property not
     * given is unset) unless marked {@link Builder#recorded()}.
     *
     * @param os                 canonical OS name ({@code linux}, {@code macos}, {@code windows}, ...) or the raw
     *                           {@code os.name} lower-cased when it has no canonical name
     * @param arch               canonical architecture ({@code x86_64}, {@code aarch64}, ...) or raw {@code os.arch}
     * @param javaVersion        {@code Runtime.version()} as text, e.g. {@code 17.0.15+6}
     * @param javaVendor         {@code java.vendor}
     * @param javaImplementation {@code HotSpot}, {@code OpenJ9}, {@code GraalVM}, ... derived from {@code java.vm.name}
     */
    public static Builder builder(String os, String arch, String javaVersion, String javaVendor,
                                  String javaImplementation) {
        return new Builder(os, arch, javaVersion, javaVendor, javaImplementation);
    }

    /** A builder holding these facts, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder(os, arch, javaVersion, javaVendor, javaImplementation).variables(variables)
                .properties(properties).secrets(secrets).libraries(libraries).unsetVariables(unsetVariables)
                .unsetProperties(unsetProperties).facts(facts);
        return recorded ? builder.recorded() : builder;
    }

    /** Canonical OS name, or the raw {@code os.name} lower-cased when it has none. */
    public String os() {
        return os;
    }

    /** Canonical architecture, or the raw {@code os.arch}. */
    public String arch() {
        return arch;
    }

    /** {@code Runtime.version()} as text, e.g. {@code 17.0.15+6}. */
    public String javaVersion() {
        return javaVersion;
    }

    /** {@code java.vendor}. */
    public String javaVendor() {
        return javaVendor;
    }

    /** {@code HotSpot}, {@code OpenJ9}, {@code GraalVM}, ... derived from {@code java.vm.name}. */
    public String javaImplementation() {
        return javaImplementation;
    }

    /**
     * Environment variables known (all of them for the running JVM; for a recorded runtime, only those
     * recorded); secret variables are never recorded here.
     */
    public Map<String, String> variables() {
        return variables;
    }

    /** System properties known. */
    public Map<String, String> properties() {
        return properties;
    }

    /** Recorded presence of secret variables; for the running JVM empty, presence is read from {@link #variables()}. */
    public Map<String, Boolean> secrets() {
        return secrets;
    }

    /** Libraries present beside the module. */
    public List<LibraryFacts> libraries() {
        return libraries;
    }

    /**
     * Whether these facts were recorded (read back from {@code inspect --runtime}): then a variable, property
     * or secret the record does not name is unknown, not unset.
     */
    public boolean recorded() {
        return recorded;
    }

    /** Environment variables recorded as not set (the contract named them, the runtime did not have them). */
    public Set<String> unsetVariables() {
        return unsetVariables;
    }

    /** System properties recorded as not set. */
    public Set<String> unsetProperties() {
        return unsetProperties;
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

    /**
     * The facts that installed {@link io.importspy.spi.Extension.FactSource}s add, by full name
     * ({@code container.memory.limit}); empty when no contract asked for one.
     */
    public Map<String, String> facts() {
        return facts;
    }

    /**
     * Whether these facts say if fact {@code name} is known: always for a live runtime (a fact no source gives is
     * absent); for a recorded one only when it recorded the fact.
     */
    public boolean knowsFact(String name) {
        return !recorded || facts.containsKey(name);
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

    /** This runtime with {@code facts} (by full name) instead of its own. */
    public RuntimeFacts withFacts(Map<String, String> facts) {
        return toBuilder().facts(facts).build();
    }

    /** This runtime with {@code libraries} instead of its own. */
    public RuntimeFacts withLibraries(List<LibraryFacts> libraries) {
        return toBuilder().libraries(libraries).build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuntimeFacts r && r.os.equals(os) && r.arch.equals(arch)
                && r.javaVersion.equals(javaVersion) && r.javaVendor.equals(javaVendor)
                && r.javaImplementation.equals(javaImplementation) && r.variables.equals(variables)
                && r.properties.equals(properties) && r.secrets.equals(secrets) && r.libraries.equals(libraries)
                && r.recorded == recorded && r.unsetVariables.equals(unsetVariables)
                && r.unsetProperties.equals(unsetProperties) && r.facts.equals(facts);
    }

    /** Combines the facts as a record does. */
    @Override
    public int hashCode() {
        int hash = os.hashCode();
        for (Object part : List.of(arch, javaVersion, javaVendor, javaImplementation, variables, properties, secrets,
                libraries)) {
            hash = hash * 31 + part.hashCode();
        }
        hash = hash * 31 + Boolean.hashCode(recorded);
        hash = hash * 31 + unsetVariables.hashCode();
        hash = hash * 31 + unsetProperties.hashCode();
        return hash * 31 + facts.hashCode();
    }

    /** The platform and Java only: variables, properties and secrets may hold credentials. */
    @Override
    public String toString() {
        return "RuntimeFacts[os=" + os + ", arch=" + arch + ", javaVersion=" + javaVersion + ", javaVendor="
                + javaVendor + ", javaImplementation=" + javaImplementation + ", libraries=" + libraries
                + ", recorded=" + recorded + "]";
    }

    /** Builds {@link RuntimeFacts}; a fact not set is empty, and the runtime is live unless {@link #recorded()}. */
    public static final class Builder {
        private final String os;
        private final String arch;
        private final String javaVersion;
        private final String javaVendor;
        private final String javaImplementation;
        private Map<String, String> variables = Map.of();
        private Map<String, String> properties = Map.of();
        private Map<String, Boolean> secrets = Map.of();
        private List<LibraryFacts> libraries = List.of();
        private boolean recorded;
        private Set<String> unsetVariables = Set.of();
        private Set<String> unsetProperties = Set.of();
        private Map<String, String> facts = Map.of();

        private Builder(String os, String arch, String javaVersion, String javaVendor, String javaImplementation) {
            this.os = Objects.requireNonNull(os, "os");
            this.arch = Objects.requireNonNull(arch, "arch");
            this.javaVersion = Objects.requireNonNull(javaVersion, "javaVersion");
            this.javaVendor = Objects.requireNonNull(javaVendor, "javaVendor");
            this.javaImplementation = Objects.requireNonNull(javaImplementation, "javaImplementation");
        }

        /** The environment variables known, in order. */
        public Builder variables(Map<String, String> variables) {
            this.variables = Objects.requireNonNull(variables, "variables");
            return this;
        }

        /** The system properties known, in order. */
        public Builder properties(Map<String, String> properties) {
            this.properties = Objects.requireNonNull(properties, "properties");
            return this;
        }

        /** The recorded presence of secret variables. */
        public Builder secrets(Map<String, Boolean> secrets) {
            this.secrets = Objects.requireNonNull(secrets, "secrets");
            return this;
        }

        /** The libraries present beside the module. */
        public Builder libraries(List<LibraryFacts> libraries) {
            this.libraries = Objects.requireNonNull(libraries, "libraries");
            return this;
        }

        /** Marks the facts as recorded: a variable, property or secret they do not name is unknown, not unset. */
        public Builder recorded() {
            this.recorded = true;
            return this;
        }

        /** The environment variables recorded as not set. */
        public Builder unsetVariables(Set<String> unsetVariables) {
            this.unsetVariables = Objects.requireNonNull(unsetVariables, "unsetVariables");
            return this;
        }

        /** The system properties recorded as not set. */
        public Builder unsetProperties(Set<String> unsetProperties) {
            this.unsetProperties = Objects.requireNonNull(unsetProperties, "unsetProperties");
            return this;
        }

        /** The facts extensions add, by full name ({@code container.memory.limit}). */
        public Builder facts(Map<String, String> facts) {
            this.facts = Objects.requireNonNull(facts, "facts");
            return this;
        }

        /** The facts. */
        public RuntimeFacts build() {
            return new RuntimeFacts(this);
        }
    }
}
