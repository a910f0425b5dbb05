package io.importspy.internal.contract;

import io.importspy.contract.Location;
import io.importspy.contract.SpyModel;
import io.importspy.internal.java.Glob;
import io.importspy.internal.java.Platforms;
import io.importspy.internal.spi.Extensions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Walks the YAML tree of a contract (format 1) and builds its {@link SpyModel}, collecting every error. */
final class ContractReader {
    static final List<String> TOP_KEYS = List.of("importspy", "module", "classes", "references", "deployments");
    static final List<String> MODULE_KEYS = List.of("name", "version", "filename", "manifest", "services", "resources",
            "digest", "signed", "signers");
    static final List<String> DEPLOYMENT_KEYS = List.of("arch", "os", "java", "environment", "libraries", "facts");
    /** How the keys an extension owns start. */
    static final String EXTENSION_PREFIX = "x-";
    static final List<String> JAVA_KEYS = List.of("version", "vendor", "implementation");
    static final List<String> ENVIRONMENT_KEYS = List.of("variables", "secrets", "properties");
    static final List<String> LIBRARY_KEYS = List.of("name", "version");

    private final Problems problems = new Problems();
    private final NodeReader nodes = new NodeReader(problems);
    private final String file;

    private final Extensions extensions;

    private ContractReader(String file, Extensions extensions) {
        this.file = file;
        this.extensions = extensions;
    }

    /**
     * Reads contract text.
     *
     * @throws ContractException with every problem found
     */
    static SpyModel read(String text, String file) {
        return read(text, file, Extensions.installed());
    }

    /**
     * Reads contract text whose {@code x-} sections and required facts are those of {@code extensions}.
     *
     * @throws ContractException with every problem found
     */
    static SpyModel read(String text, String file, Extensions extensions) {
        return new ContractReader(file, extensions).read(text);
    }

    private SpyModel read(String text) {
        Location start = new Location(file, 1, 1);
        Optional<YamlNode> root = new YamlReader(file, problems).read(text);
        if (root.isEmpty() || (root.get() instanceof YamlNode.Scalar && ((YamlNode.Scalar) root.get()).isNull())) {
            problems.add(start, "contract is empty; start with 'importspy: 1'");
            problems.throwIfAny();
        }
        if (!(root.get() instanceof YamlNode.Mapping)) {
            problems.add(root.get().location(), "a contract must be a mapping of keys such as 'importspy: 1', not "
                    + root.get().describe());
            problems.throwIfAny();
        }
        YamlNode.Mapping whole = (YamlNode.Mapping) root.get();
        List<YamlNode.Entry> extended = new ArrayList<>();
        List<YamlNode.Entry> builtIn = new ArrayList<>();
        for (YamlNode.Entry entry : whole.entries()) {
            (entry.name().startsWith(EXTENSION_PREFIX) ? extended : builtIn).add(entry);
        }
        Section top = Section.open(new YamlNode.Mapping(builtIn, whole.location()), "the contract", TOP_KEYS, problems);
        format(top, start);
        ModuleSpec module = top.entry("module").flatMap(this::module).orElse(ModuleSpec.empty(start));
        IntegritySpec integrity = top.get("module").filter(YamlNode.Mapping.class::isInstance)
                .map(m -> new IntegrityReader(nodes).integrity(Section.of((YamlNode.Mapping) m)))
                .orElse(IntegritySpec.none());
        Optional<ReferencesSpec> references = top.entry("references").flatMap(new ReferencesReader(nodes)::references);
        List<ClassSpec> classes = top.get("classes").map(new ClassReader(nodes)::classes).orElse(List.of());
        List<DeploymentSpec> deployments = top.get("deployments").map(this::deployments).orElse(List.of());
        List<ExtensionSection> owned = extended.isEmpty() ? List.of()
                : new ExtensionReader(problems, extensions).read(extended);
        problems.throwIfAny();
        // The model's sections, in contract order; a new section is read above and added here.
        List<Object> sections = new ArrayList<>();
        sections.add(module);
        if (!integrity.isEmpty()) {
            sections.add(integrity);
        }
        sections.add(new Sections.Classes(classes));
        references.ifPresent(sections::add);
        sections.add(new Sections.Deployments(deployments, extensions));
        if (!owned.isEmpty()) {
            sections.add(new Sections.Extended(owned));
        }
        return SpyModel.of(1, start, sections);
    }

    private void format(Section top, Location start) {
        Optional<YamlNode> format = top.get("importspy");
        if (format.isEmpty()) {
            problems.add(start, "missing 'importspy: 1'; add it as the first line of the contract");
            return;
        }
        YamlNode node = format.get();
        if (node instanceof YamlNode.Scalar) {
            Object value = ((YamlNode.Scalar) node).value();
            if (Long.valueOf(1).equals(value) || "1".equals(value)) {
                return;
            }
            problems.add(node.location(), value == null ? "'importspy' has no value; write 'importspy: 1'"
                    : "unsupported format 'importspy: " + ((YamlNode.Scalar) node).text()
                    + "'; this version of ImportSpy reads format 1");
            return;
        }
        nodes.wrongShape(node, "importspy", "1");
    }

    private Optional<ModuleSpec> module(YamlNode.Entry entry) {
        return nodes.mapping(entry.value(), "module", "a mapping such as {name: com.acme.plugin}").map(mapping -> {
            Section section = Section.open(mapping, "module", MODULE_KEYS, problems);
            return new ModuleSpec(
                    section.get("name").flatMap(n -> nodes.name(n, "name",
                            "the module's name, such as com.acme.plugin")),
                    section.get("version").flatMap(n -> nodes.version(n, "version")),
                    section.get("filename").flatMap(n -> nodes.name(n, "filename",
                            "a file name or glob, such as plugin-*.jar")).filter(this::isGlob),
                    section.get("manifest").map(n -> nodes.values(n, "manifest", "Plugin-Id")).orElse(List.of()),
                    section.get("services").map(this::services).orElse(List.of()),
                    section.get("resources").map(this::resources).orElse(List.of()),
                    entry.key().location());
        });
    }

    /** Whether {@code glob} is well formed; reports why not. */
    private boolean isGlob(Located<String> glob) {
        try {
            Glob.compile(glob.value());
            return true;
        } catch (IllegalArgumentException malformed) {
            problems.add(glob.location(), malformed.getMessage() + " (in 'filename')");
            return false;
        }
    }

    private List<Located<String>> resources(YamlNode node) {
        List<Located<String>> resources = new ArrayList<>(nodes.locatedTexts(node, "resources", "resource paths"));
        resources.removeIf(path -> {
            if (path.value().isEmpty()) {
                problems.add(path.location(),
                        "empty resource path in 'resources'; write a path such as greeter.properties");
                return true;
            }
            return false;
        });
        return resources;
    }

    private List<ServiceSpec> services(YamlNode node) {
        List<ServiceSpec> services = new ArrayList<>();
        nodes.mapping(node, "services", "a mapping of service types to provider lists").ifPresent(mapping -> {
            for (YamlNode.Entry entry : mapping.entries()) {
                Optional<Located<String>> service = nodes.className(entry.key(), "services");
                YamlNode value = entry.value();
                if (value instanceof YamlNode.Scalar && ((YamlNode.Scalar) value).isNull()) {
                    problems.add(value.location(), "'" + entry.name()
                            + "' has no providers; write [] to accept any provider");
                    continue;
                }
                List<String> providers = new ArrayList<>();
                nodes.items(value, entry.name(), "a list of provider classes or a single one", false)
                        .ifPresent(items -> items.forEach(item -> nodes.className(item, entry.name())
                                .ifPresent(p -> providers.add(p.value()))));
                service.ifPresent(s -> services.add(new ServiceSpec(s.value(), providers, s.location())));
            }
        });
        return services;
    }

    private List<DeploymentSpec> deployments(YamlNode node) {
        List<DeploymentSpec> deployments = new ArrayList<>();
        nodes.sequence(node, "deployments", "a list of deployments").ifPresent(items -> {
            for (YamlNode item : items) {
                if (!(item instanceof YamlNode.Mapping)) {
                    problems.add(item.location(), "'deployments' entries must be mappings such as {os: linux}, not "
                            + item.describe());
                    continue;
                }
                deployments.add(deployment((YamlNode.Mapping) item));
            }
        });
        return deployments;
    }

    private DeploymentSpec deployment(YamlNode.Mapping mapping) {
        Section section = Section.open(mapping, "deployment", DEPLOYMENT_KEYS, problems);
        Optional<Located<List<String>>> arch = section.get("arch")
                .flatMap(n -> platforms(n, "arch", "architecture", Platforms::normalizeArch, Platforms.architectures()));
        Optional<Located<List<String>>> os = section.get("os")
                .flatMap(n -> platforms(n, "os", "operating system", Platforms::normalizeOs,
                        Platforms.operatingSystems()));
        Optional<JavaSpec> java = section.entry("java").flatMap(this::java);
        List<ValueSpec> variables = List.of();
        List<Located<String>> secrets = List.of();
        List<ValueSpec> properties = List.of();
        Optional<YamlNode> environmentNode = section.get("environment");
        if (environmentNode.isPresent()) {
            Optional<YamlNode.Mapping> environment = nodes.mapping(environmentNode.get(), "environment",
                    "a mapping such as {variables: {MODE: production}}");
            if (environment.isPresent()) {
                Section env = Section.open(environment.get(), "environment", ENVIRONMENT_KEYS, problems);
                variables = new ArrayList<>();
                List<ValueSpec> listed = env.get("variables").map(n -> nodes.values(n, "variables", "MODE"))
                        .orElse(List.of());
                for (ValueSpec v : listed) {
                    if (isVariableName(new Located<>(v.name(), v.location()),
                            "write the name as the key and the value after the colon, as in "
                                    + v.name().substring(0, Math.max(0, v.name().indexOf('='))) + ": value")) {
                        variables.add(v);
                    }
                }
                secrets = new ArrayList<>();
                List<Located<String>> named = env.get("secrets")
                        .map(n -> nodes.locatedTexts(n, "secrets", "variable names")).orElse(List.of());
                for (Located<String> s : named) {
                    if (!nodes.isEmptyName(s, "secrets", "DB_PASSWORD")
                            && isVariableName(s, "list secrets by name only")) {
                        secrets.add(s);
                    }
                }
                properties = env.get("properties").map(n -> nodes.values(n, "properties", "file.encoding"))
                        .orElse(List.of());
            }
        }
        List<LibrarySpec> libraries = section.get("libraries").map(this::libraries).orElse(List.of());
        List<ValueSpec> facts = new ArrayList<>();
        Optional<YamlNode> factsNode = section.get("facts");
        if (factsNode.isPresent()) {
            for (ValueSpec fact : nodes.values(factsNode.get(), "facts", "container.memory.limit")) {
                if (isFactName(fact)) {
                    facts.add(fact);
                }
            }
        }
        return new DeploymentSpec(arch, os, java, variables, secrets, properties, libraries, facts,
                mapping.location());
    }

    /** Whether {@code fact} is named {@code namespace.key}, as fact sources name their facts; reports why not. */
    private boolean isFactName(ValueSpec fact) {
        int dot = fact.name().indexOf('.');
        if (dot > 0 && dot < fact.name().length() - 1) {
            return true;
        }
        problems.add(fact.location(), "fact '" + fact.name() + "' has no namespace; facts are named by the source"
                + " that gives them and a key, such as container.memory.limit");
        return false;
    }

    /**
     * Whether {@code name} can name an environment variable; one with '=' is reported without what follows
     * the '=', which may be a secret's value.
     */
    private boolean isVariableName(Located<String> name, String fix) {
        int equals = name.value().indexOf('=');
        if (equals < 0) {
            return true;
        }
        problems.add(name.location(), "'" + name.value().substring(0, equals) + "=…' is not a variable name: "
                + "it contains '='; " + fix);
        return false;
    }

    private Optional<Located<List<String>>> platforms(YamlNode node, String key, String what,
                                                      Function<String, Optional<String>> normalize,
                                                      Set<String> known) {
        List<String> names = new ArrayList<>(known);
        Collections.sort(names);
        return nodes.items(node, key, "a list of names or a single one", false).map(items -> {
            List<String> canonical = new ArrayList<>();
            for (YamlNode item : items) {
                nodes.text(item, key).ifPresent(name -> {
                    Optional<String> normalized = normalize.apply(name.value());
                    if (normalized.isEmpty()) {
                        problems.add(name.location(), "unknown " + what + " '" + name.value() + "'"
                                + Problems.suggestion(name.value(), names, "known: " + String.join(", ", names)));
                    } else if (!canonical.contains(normalized.get())) {
                        canonical.add(normalized.get());
                    }
                });
            }
            return new Located<>(canonical, node.location());
        });
    }

    private Optional<JavaSpec> java(YamlNode.Entry entry) {
        return nodes.mapping(entry.value(), "java", "a mapping such as {version: \"[17,)\"}").map(mapping -> {
            Section section = Section.open(mapping, "java", JAVA_KEYS, problems);
            return new JavaSpec(
                    section.get("version").flatMap(n -> nodes.version(n, "version")),
                    section.get("vendor").flatMap(n -> nodes.texts(n, "vendor", "vendors")),
                    section.get("implementation").flatMap(n -> nodes.texts(n, "implementation", "implementations")),
                    entry.key().location());
        });
    }

    private List<LibrarySpec> libraries(YamlNode node) {
        List<LibrarySpec> libraries = new ArrayList<>();
        nodes.sequence(node, "libraries", "a list of libraries").ifPresent(items -> {
            for (YamlNode item : items) {
                if (item instanceof YamlNode.Mapping) {
                    Section section = Section.open((YamlNode.Mapping) item, "library", LIBRARY_KEYS, problems);
                    Optional<Located<VersionConstraint>> version =
                            section.get("version").flatMap(n -> nodes.version(n, "version"));
                    Optional<YamlNode> name = section.get("name").filter(v -> !(v instanceof YamlNode.Scalar
                            && (((YamlNode.Scalar) v).isNull() || ((YamlNode.Scalar) v).text().isBlank())));
                    if (name.isEmpty()) {
                        problems.add(item.location(), "'libraries' entry needs a 'name'");
                    }
                    name.flatMap(n -> nodes.text(n, "name"))
                            .ifPresent(n -> libraries.add(new LibrarySpec(n.value(), version, item.location())));
                } else if (item instanceof YamlNode.Scalar && !((YamlNode.Scalar) item).isNull()) {
                    nodes.text(item, "libraries")
                            .filter(n -> !nodes.isEmptyName(n, "libraries", "org.slf4j:slf4j-api"))
                            .ifPresent(n -> libraries.add(
                                    new LibrarySpec(n.value(), Optional.empty(), item.location())));
                } else {
                    problems.add(item.location(), "'libraries' entries must be names or {name: x, version: \"...\"}, not "
                            + item.describe());
                }
            }
        });
        return libraries;
    }
}
