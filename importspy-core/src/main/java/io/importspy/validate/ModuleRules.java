package io.importspy.validate;

import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.ModuleIdentity;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.ModuleSpec;
import io.importspy.internal.contract.ServiceSpec;
import io.importspy.internal.contract.ValueSpec;
import io.importspy.internal.contract.VersionConstraint;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The {@code module:} rules: name, version, file name, manifest, services, resources. */
final class ModuleRules {
    private ModuleRules() {
    }

    static void check(ModuleSpec spec, ModuleFacts facts, Consumer<Violation> out) {
        ModuleIdentity identity = facts.identity();
        spec.name().ifPresent(name -> checkName(name, identity, out));
        spec.version().ifPresent(version -> checkVersion(version, identity, out));
        spec.filename().ifPresent(glob -> {
            if (!Glob.matches(glob.value(), identity.fileName())) {
                out.accept(new Violation(Category.MISMATCH, Context.MODULE, "module.filename", glob.value(),
                        identity.fileName(),
                        "module file " + identity.fileName() + " does not match " + glob.value(),
                        "rename the module file to match " + glob.value() + ", or change module.filename in the contract",
                        glob.location()));
            }
        });
        spec.manifest().forEach(attribute -> checkManifest(attribute, facts, out));
        spec.services().forEach(service -> checkService(service, facts, out));
        for (Located<String> resource : spec.resources()) {
            String entry = resource.value().startsWith("/") ? resource.value().substring(1) : resource.value();
            if (!facts.entries().contains(entry)) {
                out.accept(new Violation(Category.MISSING, Context.MODULE, "resource " + entry, entry, Texts.ABSENT,
                        "module lacks resource " + entry,
                        "add " + entry + " to the module, or remove it from module.resources in the contract",
                        resource.location()));
            }
        }
    }

    private static void checkName(Located<String> name, ModuleIdentity identity, Consumer<Violation> out) {
        List<String> names = identity.names().stream().map(ModuleIdentity.Declared::value).distinct().toList();
        if (names.contains(name.value())) {
            return;
        }
        String solution = "set Automatic-Module-Name (or the module-info name) to " + name.value()
                + ", or change module.name in the contract";
        if (names.isEmpty()) {
            out.accept(new Violation(Category.MISSING, Context.MODULE, "module", name.value(), Texts.NONE,
                    "module declares no name, so it cannot be " + name.value(), solution, name.location()));
        } else {
            out.accept(new Violation(Category.MISMATCH, Context.MODULE, "module", name.value(), Texts.list(names),
                    "module is not named " + name.value() + "; its names are " + Texts.list(names),
                    solution, name.location()));
        }
    }

    private static void checkVersion(Located<VersionConstraint> constraint, ModuleIdentity identity,
                                     Consumer<Violation> out) {
        String expected = constraint.value().toString();
        if (identity.version().isEmpty()) {
            out.accept(new Violation(Category.MISSING, Context.MODULE, "module.version", expected, Texts.NONE,
                    "module declares no version, so it cannot satisfy " + expected,
                    "declare a version (Implementation-Version or pom.properties), or remove module.version from the contract",
                    constraint.location()));
            return;
        }
        String version = identity.version().get();
        if (!Versions.satisfies(constraint.value(), version)) {
            out.accept(new Violation(Category.MISMATCH, Context.MODULE, "module.version", expected, version,
                    "module version " + version + " does not satisfy " + expected,
                    "use a module version within " + expected + ", or change module.version in the contract",
                    constraint.location()));
        }
    }

    private static void checkManifest(ValueSpec attribute, ModuleFacts facts, Consumer<Violation> out) {
        String subject = "manifest " + attribute.name();
        // attribute names are case-insensitive (JAR File Specification)
        String value = facts.manifest().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(attribute.name()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (value == null) {
            out.accept(new Violation(Category.MISSING, Context.MODULE, subject, attribute.matcher().describe(),
                    Texts.ABSENT, "module manifest lacks attribute " + attribute.name(),
                    "add " + attribute.name() + " to META-INF/MANIFEST.MF, or remove it from module.manifest in the contract",
                    attribute.location()));
        } else if (!attribute.matcher().test(value)) {
            out.accept(new Violation(Category.MISMATCH, Context.MODULE, subject, attribute.matcher().describe(),
                    "\"" + value + "\"", "module manifest attribute " + attribute.name() + " is \"" + value
                    + "\", not " + attribute.matcher().describe(),
                    "set " + attribute.name() + " to " + attribute.matcher().describe()
                            + " in META-INF/MANIFEST.MF, or change module.manifest in the contract",
                    attribute.location()));
        }
    }

    private static void checkService(ServiceSpec spec, ModuleFacts facts, Consumer<Violation> out) {
        String subject = "service " + spec.service();
        List<String> providers = providers(spec.service(), facts);
        if (providers.isEmpty()) {
            out.accept(new Violation(Category.MISSING, Context.MODULE, subject,
                    spec.providers().isEmpty() ? "a provider" : Texts.list(spec.providers()), Texts.ABSENT,
                    "module provides no service " + spec.service(),
                    "list a provider in META-INF/services/" + spec.service()
                            + " (or module-info provides), or remove the service from the contract",
                    spec.location()));
            return;
        }
        for (String provider : spec.providers()) {
            boolean listed = providers.stream().anyMatch(p ->
                    TypeMatcher.normalize(p).equals(TypeMatcher.normalize(provider)));
            if (!listed) {
                out.accept(new Violation(Category.MISSING, Context.MODULE, subject, provider, Texts.list(providers),
                        "module does not provide " + spec.service() + " with " + provider,
                        "add " + provider + " to META-INF/services/" + spec.service()
                                + " (or module-info provides), or remove it from the contract",
                        spec.location()));
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
