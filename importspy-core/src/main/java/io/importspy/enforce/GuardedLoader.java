package io.importspy.enforce;

import io.importspy.API;
import io.importspy.contract.Policy;
import io.importspy.contract.SpyModel;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.contract.Contracts;
import io.importspy.internal.contract.Policies;
import io.importspy.internal.inspect.ClassSelection;
import io.importspy.internal.inspect.Inspector;
import io.importspy.internal.java.RealPaths;
import io.importspy.internal.pipeline.PolicyReports;
import io.importspy.internal.pipeline.InspectionListener;
import io.importspy.internal.pipeline.Pipeline;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.STABLE;

/**
 * Guarded loading for hosts: validates a plugin's bytes against a contract and only then creates its class
 * loader ({@link URLClassLoader}, or a {@link ModuleLayer} when the plugin is a named module). In
 * {@link EnforcementMode#ENFORCE} mode (the default) a non-compliant plugin gets no loader and none of its
 * classes is ever defined; in {@link EnforcementMode#AUDIT} mode it is loaded and its report kept.
 *
 * <pre>{@code
 * GuardedLoader guard = GuardedLoader.of(Spy.contract(Path.of("plugin-contract.yml")));
 * try (GuardedPlugin plugin = guard.load(Path.of("plugins/greeter.jar"))) {
 *     plugin.providers(Greeter.class).forEach(Greeter::greet);
 * }
 * }</pre>
 *
 * <p>Given a {@link Policy} instead of one contract ({@link #of(Policy)}), each plugin is checked against the
 * contract of the first rule that matches it, in that rule's mode; a plugin the policy allows is admitted
 * unchecked, and one no rule matches gets the policy's default.
 *
 * <p>Immutable and thread-safe: the {@code with…} methods return new loaders, and one loader may check and
 * load plugins from several threads at once (each load validates its own private copy of the JAR).
 */
@API(status = STABLE, since = "0.1.0")
public final class GuardedLoader {
    private final Policy policy;
    private final Optional<SpyModel> contract;
    private final EnforcementMode mode;
    private final ClassLoader parent;
    private final ModuleLayer parentLayer;
    private final Strictness strictness;
    private final InspectionListener listener;

    private GuardedLoader(Policy policy, Optional<SpyModel> contract, EnforcementMode mode, ClassLoader parent,
                          ModuleLayer parentLayer, Strictness strictness, InspectionListener listener) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.contract = Objects.requireNonNull(contract, "contract");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.parent = parent;
        this.parentLayer = Objects.requireNonNull(parentLayer, "parentLayer");
        this.strictness = Objects.requireNonNull(strictness, "strictness");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A loader enforcing {@code contract}, with the system class loader and the boot layer as parents. */
    public static GuardedLoader of(SpyModel contract) {
        return new GuardedLoader(Policy.single(contract, Policy.Mode.ENFORCE), Optional.of(contract),
                EnforcementMode.ENFORCE, ClassLoader.getSystemClassLoader(), ModuleLayer.boot(), Strictness.LENIENT,
                InspectionListener.NONE);
    }

    /**
     * A loader applying {@code policy}: each plugin gets the contract and mode of the first rule that matches
     * it, else the policy's default. The system class loader and the boot layer are the parents.
     */
    public static GuardedLoader of(Policy policy) {
        return new GuardedLoader(policy, Optional.empty(), EnforcementMode.ENFORCE, ClassLoader.getSystemClassLoader(),
                ModuleLayer.boot(), Strictness.LENIENT, InspectionListener.NONE);
    }

    /**
     * A loader applying the policy file at {@code policy}.
     *
     * @throws io.importspy.contract.ContractException listing every problem of the policy and its contracts
     */
    public static GuardedLoader ofPolicy(Path policy) {
        return of(Policies.read(policy));
    }

    /** A loader enforcing the contract file at {@code contract}. */
    public static GuardedLoader of(Path contract) {
        return of(Contracts.read(contract));
    }

    /**
     * This loader in {@code mode}: {@link EnforcementMode#AUDIT} only reports, {@code ENFORCE} refuses. With a
     * policy, {@code AUDIT} turns every enforcing rule and a refusing default into audit (a dry run), and
     * {@code ENFORCE} keeps each rule's own mode.
     */
    public GuardedLoader withMode(EnforcementMode mode) {
        return new GuardedLoader(policy, contract, mode, parent, parentLayer, strictness, listener);
    }

    /** This loader with {@code parent} as the parent of every plugin class loader (the host's API lives there). */
    public GuardedLoader withParent(ClassLoader parent) {
        return new GuardedLoader(policy, contract, mode, parent, parentLayer, strictness, listener);
    }

    /** This loader with {@code layer} as the parent of the layers of named-module plugins. */
    public GuardedLoader withParentLayer(ModuleLayer layer) {
        return new GuardedLoader(policy, contract, mode, parent, layer, strictness, listener);
    }

    /** This loader counting unverified checks as failures ({@link Strictness#STRICT}) or not. */
    public GuardedLoader withStrictness(Strictness strictness) {
        return new GuardedLoader(policy, contract, mode, parent, parentLayer, strictness, listener);
    }

    /** This loader telling {@code observer} of every plugin it inspects (for tests). */
    GuardedLoader withListener(InspectionListener observer) {
        return new GuardedLoader(policy, contract, mode, parent, parentLayer, strictness, observer);
    }

    /**
     * The contract this loader enforces.
     *
     * @throws IllegalStateException when the loader applies a policy (see {@link #policy()})
     */
    public SpyModel contract() {
        return contract.orElseThrow(() -> new IllegalStateException("this loader applies the policy "
                + policy.file() + ", not one contract; see policy()"));
    }

    /** The policy this loader applies; for a single-contract loader, that contract for every plugin. */
    public Policy policy() {
        return policy;
    }

    /** Whether this loader audits or enforces. */
    public EnforcementMode mode() {
        return mode;
    }

    /**
     * Validates {@code plugin} (with {@code dependencies} resolving its supertypes) without loading it.
     *
     * @throws io.importspy.inspect.InspectionException when a JAR is missing or corrupt, or adds unvalidated code
     */
    public Report check(Path plugin, List<Path> dependencies) {
        Checked checked = inspect(plugin, dependencies);
        discard(checked);
        return checked.report();
    }

    /** Validates and, when allowed, loads {@code plugin} alone. See {@link #load(Path, List)}. */
    public GuardedPlugin load(Path plugin) {
        return load(plugin, List.of());
    }

    /**
     * Validates {@code plugin} and only then creates its class loader, which also holds {@code dependencies}
     * (the plugin's own libraries: they resolve supertypes during validation and are copied and pinned with
     * the plugin, so that the loader reads the bytes that were checked; their classes are not held to the
     * contract, and only the providers the plugin itself declares are ever instantiated). A plugin or library
     * whose manifest adds other JARs ({@code Class-Path}, {@code Launcher-Agent-Class}, a JAR index) is refused.
     *
     * @throws ContractViolationException in enforce mode, when the plugin violates the contract; no loader
     *                                    was created and no class defined
     * @throws io.importspy.inspect.InspectionException when a JAR is missing or corrupt, adds unvalidated code, or
     *                                                  is a named-module plugin that cannot be resolved in the
     *                                                  parent layer
     */
    public GuardedPlugin load(Path plugin, List<Path> dependencies) {
        return admit(inspect(plugin, dependencies));
    }

    /**
     * A validated plugin: what enforcement decided, before any loader exists.
     *
     * @param plugin    the plugin as the host named it
     * @param bytes     the private copy that was validated and that a loader may read (see {@link Snapshot})
     * @param libraries the private copies of the plugin's libraries, in the order given
     * @param originals the libraries as the host named them
     * @param mode      what to do with it when it is not compliant
     */
    record Checked(Path plugin, Path bytes, List<Path> libraries, List<Path> originals, ModuleFacts facts,
                   Report report, EnforcementMode mode) {
        Checked {
            libraries = List.copyOf(libraries);
            originals = List.copyOf(originals);
        }
    }

    /**
     * Copies {@code plugin} and its {@code dependencies}, refuses any that would add unvalidated code
     * ({@link CodeAdding}), and validates the plugin's copy; every error names the host's paths.
     */
    Checked inspect(Path plugin, List<Path> dependencies) {
        Map<Path, String> labels = new HashMap<>();
        List<Path> copies = new ArrayList<>();
        Path bytes = null;
        try {
            // resolved once: the bytes copied and the policy's decision by path are of one and the same file
            Path source = RealPaths.of(plugin);
            bytes = Snapshot.of(source, plugin);
            labels.put(bytes, plugin.toString());
            CodeAdding.refuse(bytes, plugin.toString());
            for (Path dependency : dependencies) {
                Path copy = Snapshot.of(dependency);
                copies.add(copy);
                labels.put(copy, dependency.toString());
                CodeAdding.refuse(copy, dependency.toString());
            }
            List<Path> hosts = CodeSources.visibleFiles(parent);
            List<Path> visible = new ArrayList<>(copies);
            visible.addAll(hosts);
            Policy.Decision decision = decide(source, bytes);
            EnforcementMode applied = mode == EnforcementMode.AUDIT || decision.mode() != Policy.Mode.ENFORCE
                    ? EnforcementMode.AUDIT : EnforcementMode.ENFORCE;
            if (decision.contract().isEmpty()) {
                ModuleFacts facts = Snapshot.relabel(Inspector.withClasspath(List.of())
                        .inspect(bytes, ClassSelection.named(Set.of())), plugin);
                Report report = new Report(policy.file(), List.of(PolicyReports.decided(plugin.toString(),
                        facts.identity(), policy, decision)), strictness);
                Log.validated("plugin", report, false);
                return new Checked(plugin, bytes, copies, dependencies, facts, report, applied);
            }
            // resolved as the plugin's loader will: the parent's classes first, its own libraries after it
            Pipeline pipeline = Pipeline.of(decision.contract().get(), hosts, listener).withLibraries(copies);
            ModuleFacts facts = Snapshot.relabel(pipeline.inspect(bytes, labels), plugin);
            Shadowing.refuse(facts, parent, plugin.toString());
            TargetReport target = pipeline.validate(facts, Optional.of(pipeline.hostRuntime(visible)));
            List<TargetReport> targets = new ArrayList<>();
            targets.add(target.withTarget(plugin.toString()));
            targets.addAll(LibraryReferences.check(decision.contract().get(), hosts, copies, labels, listener));
            Report report = pipeline.report(targets, strictness);
            Log.validated("plugin", report, false);
            return new Checked(plugin, bytes, copies, dependencies, facts, report, applied);
        } catch (RuntimeException e) {
            if (bytes != null) {
                Snapshot.discard(bytes, plugin);
            }
            for (int i = 0; i < copies.size(); i++) {
                Snapshot.discard(copies.get(i), dependencies.get(i));
            }
            throw e;
        }
    }

    /**
     * The policy's decision for the plugin whose real path is {@code source} (where its copy was read from, not
     * resolved again: a link swapped since cannot move the decision to another file), matched with the
     * snapshot's identity.
     */
    private Policy.Decision decide(Path source, Path bytes) {
        if (contract.isPresent()) {
            return policy.decideResolved(source, List.of());
        }
        return policy.decideResolved(source, PolicyReports.names(Inspector.withClasspath(List.of()).identify(bytes)));
    }

    /** Forgets a checked plugin that will not be admitted. */
    static void discard(Checked checked) {
        Snapshot.discard(checked.bytes(), checked.plugin());
        for (int i = 0; i < checked.libraries().size(); i++) {
            Snapshot.discard(checked.libraries().get(i), checked.originals().get(i));
        }
    }

    GuardedPlugin admit(Checked checked) {
        if (!checked.report().isCompliant()) {
            if (checked.mode() == EnforcementMode.ENFORCE) {
                discard(checked);
                throw ContractViolationException.of(checked.report());
            }
            Log.audited(checked.report());
        }
        List<Path> paths = new ArrayList<>();
        paths.add(checked.bytes());
        paths.addAll(checked.libraries());
        try {
            Optional<String> moduleName = namedModule(checked.bytes(), checked.plugin());
            if (moduleName.isPresent()) {
                ModuleLayer layer = defineLayer(checked.plugin(), paths, moduleName.get());
                return new GuardedPlugin(checked, layer.findLoader(moduleName.get()), Optional.of(layer), null);
            }
            URLClassLoader loader = new URLClassLoader("importspy-guarded:" + checked.plugin().getFileName(),
                    urls(paths), parent);
            return new GuardedPlugin(checked, loader, Optional.empty(), loader);
        } catch (RuntimeException | Error notAdmitted) {
            discard(checked); // no loader reads the copies: they go now, not at exit
            throw notAdmitted;
        }
    }

    /**
     * The name of the module the copy {@code bytes} of {@code plugin} declares in its module-info, or empty for a JAR
     * without one (whose file name may well make no automatic module name).
     *
     * @throws InspectionException when it has a module-info that the JVM refuses: validation judged it as a named
     *                             module, so it is never loaded as anything else
     */
    private static Optional<String> namedModule(Path bytes, Path plugin) {
        try {
            Set<ModuleReference> found = ModuleFinder.of(bytes).findAll();
            return found.stream().map(ModuleReference::descriptor).filter(d -> !d.isAutomatic())
                    .map(java.lang.module.ModuleDescriptor::name).findFirst();
        } catch (FindException e) {
            if (hasModuleInfo(bytes)) {
                throw new InspectionException("plugin '" + plugin + "' has a module-info that the JVM refuses ("
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                        + "); it is judged as a named module, so it cannot be loaded as another kind", e);
            }
            return Optional.empty();
        }
    }

    /** Whether the JAR or class directory at {@code path} has a module-info this Java reads. */
    private static boolean hasModuleInfo(Path path) {
        if (java.nio.file.Files.isDirectory(path)) {
            return java.nio.file.Files.isRegularFile(path.resolve("module-info.class"));
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(path.toFile(), false, java.util.zip.ZipFile.OPEN_READ,
                java.util.jar.JarFile.runtimeVersion())) {
            return jar.getJarEntry("module-info.class") != null;
        } catch (java.io.IOException | RuntimeException unreadable) {
            return true; // not readable as a JAR: refused rather than loaded as something else
        }
    }

    private ModuleLayer defineLayer(Path plugin, List<Path> paths, String moduleName) {
        try {
            Configuration configuration = parentLayer.configuration()
                    .resolve(ModuleFinder.of(paths.toArray(Path[]::new)), ModuleFinder.of(), Set.of(moduleName));
            return parentLayer.defineModulesWithOneLoader(configuration, parent);
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            throw new InspectionException("plugin '" + plugin + "' (module " + moduleName
                    + ") cannot be resolved in its parent layer: " + e.getMessage()
                    + "; give its required modules as dependencies or in the parent layer", e);
        }
    }

    private static URL[] urls(List<Path> paths) {
        URL[] urls = new URL[paths.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = paths.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new InspectionException("plugin path '" + paths.get(i) + "' is not a file URL", e);
            }
        }
        return urls;
    }
}
