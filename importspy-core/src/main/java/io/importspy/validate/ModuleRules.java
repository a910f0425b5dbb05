package io.importspy.validate;

import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.ModuleIdentity;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.ModuleSpec;
import io.importspy.internal.contract.ServiceSpec;
import io.importspy.internal.contract.ValueSpec;
import io.importspy.internal.contract.VersionConstraint;
import io.importspy.internal.inspect.MultiRelease;
import io.importspy.internal.inspect.Resources;
import io.importspy.internal.java.Glob;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The {@code module:} rule: name, version, file name, manifest, services, resources. */
final class ModuleRules implements Rule<ModuleSpec> {
    @Override
    public Class<ModuleSpec> section() {
        return ModuleSpec.class;
    }

    @Override
    public void check(ModuleSpec spec, Facts module, Sink sink) {
        check(spec, module.module(), sink::report);
    }

    private static void check(ModuleSpec spec, ModuleFacts facts, Consumer<Violation> out) {
        ModuleIdentity identity = facts.identity();
        spec.name().ifPresent(name -> checkName(name, identity, out));
        spec.version().ifPresent(version -> checkVersion(version, identity, out));
        spec.filename().ifPresent(glob -> {
            if (!Glob.compile(glob.value()).matches(identity.fileName())) {
                out.accept(ModuleViolations.filenameMismatch(glob.value(), identity.fileName(), glob.location()));
            }
        });
        spec.manifest().forEach(attribute -> checkManifest(attribute, facts, out));
        spec.services().forEach(service -> checkService(service, facts, out));
        if (spec.resources().isEmpty()) {
            return;
        }
        int java = facts.section(MultiRelease.class).map(MultiRelease::servedJava)
                .orElseGet(() -> Runtime.version().feature());
        Resources resources = Resources.of(facts.entries(), facts.isMultiRelease(), java);
        for (Located<String> resource : spec.resources()) {
            String entry = resource.value().startsWith("/") ? resource.value().substring(1) : resource.value();
            if (resources.served(entry) == null) {
                out.accept(ModuleViolations.resourceMissing(entry, resources.newerOnly(entry), java,
                        resource.location()));
            }
        }
    }

    private static void checkName(Located<String> name, ModuleIdentity identity, Consumer<Violation> out) {
        List<String> names = new ArrayList<>();
        for (ModuleIdentity.Declared declared : identity.names()) {
            if (!names.contains(declared.value())) {
                names.add(declared.value());
            }
        }
        if (names.contains(name.value())) {
            return;
        }
        if (names.isEmpty()) {
            out.accept(ModuleViolations.nameMissing(name.value(), name.location()));
        } else {
            out.accept(ModuleViolations.nameMismatch(name.value(), names, name.location()));
        }
    }

    /**
     * A module may declare its version in several places, often in different spellings of one release
     * (guava: {@code 33.3.1.jre} in Bundle-Version, as OSGi requires, {@code 33.3.1-jre} in pom.properties):
     * the constraint is met when any declared version satisfies it. A mismatch names every version compared,
     * with where it was declared.
     */
    private static void checkVersion(Located<VersionConstraint> constraint, ModuleIdentity identity,
                                     Consumer<Violation> out) {
        String expected = constraint.value().toString();
        if (identity.versions().isEmpty()) {
            out.accept(ModuleViolations.versionMissing(expected, constraint.location()));
            return;
        }
        if (satisfying(constraint.value(), identity).isEmpty()) {
            Map<String, List<String>> sources = new LinkedHashMap<>();
            identity.versions().forEach(d -> sources.computeIfAbsent(d.value(), v -> new ArrayList<>()).add(d.source()));
            List<String> compared = sources.entrySet().stream()
                    .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").toList();
            out.accept(ModuleViolations.versionMismatch(expected, compared, constraint.location()));
        }
    }

    /** The first version the module declares that satisfies {@code constraint}. */
    private static Optional<String> satisfying(VersionConstraint constraint, ModuleIdentity identity) {
        for (ModuleIdentity.Declared declared : identity.versions()) {
            if (Versions.satisfies(constraint, declared.value())) {
                return Optional.of(declared.value());
            }
        }
        return Optional.empty();
    }

    /**
     * The version a report shows for the module: the one that met the contract's {@code module.version}, when
     * one did; else the first one declared.
     */
    static Optional<String> reportedVersion(ModuleSpec spec, ModuleIdentity identity) {
        return spec.version().flatMap(c -> satisfying(c.value(), identity)).or(identity::version);
    }

    /** The value of main attribute {@code name} (case-insensitive, as the JAR File Specification says), or null. */
    private static String manifestValue(ModuleFacts facts, String name) {
        for (Map.Entry<String, String> entry : facts.manifest().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static void checkManifest(ValueSpec attribute, ModuleFacts facts, Consumer<Violation> out) {
        String value = manifestValue(facts, attribute.name());
        if (value == null) {
            out.accept(ModuleViolations.manifestMissing(attribute.name(), attribute.matcher().describe(),
                    attribute.location()));
        } else {
            attribute.matcher().mismatch(value).ifPresent(reported -> out.accept(
                    ModuleViolations.manifestMismatch(attribute.name(), reported, value, attribute.location())));
        }
    }

    private static void checkService(ServiceSpec spec, ModuleFacts facts, Consumer<Violation> out) {
        List<String> providers = providers(spec.service(), facts);
        if (providers.isEmpty()) {
            out.accept(ModuleViolations.serviceMissing(spec.service(), spec.providers(), spec.location()));
            return;
        }
        for (String provider : spec.providers()) {
            boolean listed = false;
            for (String p : providers) {
                listed |= TypeMatcher.normalize(p).equals(TypeMatcher.normalize(provider));
            }
            if (!listed) {
                out.accept(ModuleViolations.providerMissing(spec.service(), provider, providers, spec.location()));
            }
        }
    }

    private static List<String> providers(String service, ModuleFacts facts) {
        List<String> direct = facts.services().get(service);
        if (direct != null) {
            return direct;
        }
        String normalized = TypeMatcher.normalize(service);
        return facts.services().entrySet().stream()
                .filter(e -> TypeMatcher.normalize(e.getKey()).equals(normalized))
                .flatMap(e -> e.getValue().stream()).toList();
    }
}
