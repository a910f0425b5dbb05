package io.importspy.enforce;

import io.importspy.API;
import io.importspy.contract.SpyModel;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.contract.Contracts;
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
 * GuardedLoader guard = GuardedLoader.of(Contracts.read(Path.of("plugin-contract.yml")));
 * try (GuardedPlugin plugin = guard.load(Path.of("plugins/greeter.jar"))) {
 *     plugin.providers(Greeter.class).forEach(Greeter::greet);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: the {@code with…} methods return new loaders, and one loader may check and
 * load plugins from several threads at once (each load validates its own private copy of the JAR).
 */
@API(status = STABLE, since = "0.1.0")
public final class GuardedLoader {
    private final SpyModel contract;
    private final EnforcementMode mode;
    private final ClassLoader parent;
    private final ModuleLayer parentLayer;
    private final Strictness strictness;
    private final InspectionListener listener;

    private GuardedLoader(SpyModel contract, EnforcementMode mode, ClassLoader parent, ModuleLayer parentLayer,
                          Strictness strictness, InspectionListener listener) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.parent = parent;
        this.parentLayer = Objects.requireNonNull(parentLayer, "parentLayer");
        this.strictness = Objects.requireNonNull(strictness, "strictness");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A loader enforcing {@code contract}, with the system class loader and the boot layer as parents. */
    public static GuardedLoader of(SpyModel contract) {
        return new GuardedLoader(contract, EnforcementMode.ENFORCE, ClassLoader.getSystemClassLoader(),
                ModuleLayer.boot(), Strictness.LENIENT, InspectionListener.NONE);
    }

    /** A loader enforcing the contract file at {@code contract}. */
    public static GuardedLoader of(Path contract) {
        return of(Contracts.read(contract));
    }

    /** This loader in {@code mode}: {@link EnforcementMode#AUDIT} only reports, {@code ENFORCE} refuses. */
    public GuardedLoader withMode(EnforcementMode mode) {
        return new GuardedLoader(contract, mode, parent, parentLayer, strictness, listener);
    }

    /** This loader with {@code parent} as the parent of every plugin class loader (the host's API lives there). */
    public GuardedLoader withParent(ClassLoader parent) {
        return new GuardedLoader(contract, mode, parent, parentLayer, strictness, listener);
    }

    /** This loader with {@code layer} as the parent of the layers of named-module plugins. */
    public GuardedLoader withParentLayer(ModuleLayer layer) {
        return new GuardedLoader(contract, mode, parent, layer, strictness, listener);
    }

    /** This loader counting unverified checks as failures ({@link Strictness#STRICT}) or not. */
    public GuardedLoader withStrictness(Strictness strictness) {
        return new GuardedLoader(contract, mode, parent, parentLayer, strictness, listener);
    }

    /** This loader telling {@code observer} of every plugin it inspects (for tests). */
    GuardedLoader withListener(InspectionListener observer) {
        return new GuardedLoader(contract, mode, parent, parentLayer, strictness, observer);
    }

    /** The contract this loader enforces. */
    public SpyModel contract() {
        return contract;
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
     */
    record Checked(Path plugin, Path bytes, List<Path> libraries, List<Path> originals, ModuleFacts facts,
                   Report report) {
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
            bytes = Snapshot.of(plugin);
            labels.put(bytes, plugin.toString());
            CodeAdding.refuse(bytes, plugin.toString());
            for (Path dependency : dependencies) {
                Path copy = Snapshot.of(dependency);
                copies.add(copy);
                labels.put(copy, dependency.toString());
                CodeAdding.refuse(copy, dependency.toString());
            }
            List<Path> visible = new ArrayList<>(copies);
            visible.addAll(CodeSources.visibleFiles(parent));
            Pipeline pipeline = Pipeline.of(contract, visible, listener);
            ModuleFacts facts = Snapshot.relabel(pipeline.inspect(bytes, labels), plugin);
            TargetReport target = pipeline.validate(facts, Optional.of(pipeline.hostRuntime(visible)));
            Report report = Snapshot.relabel(pipeline.report(List.of(target), strictness), plugin);
            Log.validated("plugin", report, false);
            return new Checked(plugin, bytes, copies, dependencies, facts, report);
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

    /** Forgets a checked plugin that will not be admitted. */
    static void discard(Checked checked) {
        Snapshot.discard(checked.bytes(), checked.plugin());
        for (int i = 0; i < checked.libraries().size(); i++) {
            Snapshot.discard(checked.libraries().get(i), checked.originals().get(i));
        }
    }

    GuardedPlugin admit(Checked checked) {
        if (!checked.report().isCompliant()) {
            if (mode == EnforcementMode.ENFORCE) {
                discard(checked);
                throw ContractViolationException.of(checked.report());
            }
            Log.audited(checked.report());
        }
        List<Path> paths = new ArrayList<>();
        paths.add(checked.bytes());
        paths.addAll(checked.libraries());
        Optional<String> moduleName = namedModule(checked.bytes());
        if (moduleName.isPresent()) {
            ModuleLayer layer = defineLayer(checked.plugin(), paths, moduleName.get());
            return new GuardedPlugin(checked, layer.findLoader(moduleName.get()), Optional.of(layer), null);
        }
        URLClassLoader loader = new URLClassLoader("importspy-guarded:" + checked.plugin().getFileName(),
                urls(paths), parent);
        return new GuardedPlugin(checked, loader, Optional.empty(), loader);
    }

    /** The module name when {@code plugin} declares a module-info (automatic modules do not count). */
    private static Optional<String> namedModule(Path plugin) {
        try {
            Set<ModuleReference> found = ModuleFinder.of(plugin).findAll();
            return found.stream().map(ModuleReference::descriptor).filter(d -> !d.isAutomatic())
                    .map(java.lang.module.ModuleDescriptor::name).findFirst();
        } catch (FindException e) {
            return Optional.empty();
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
