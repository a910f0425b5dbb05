package io.importspy.enforce;

import io.importspy.API;
import io.importspy.inspect.ModuleFacts;
import io.importspy.validate.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

import static io.importspy.API.Status.STABLE;

/**
 * A plugin admitted by a {@link GuardedLoader}: its report, and the class loader (or module layer) created
 * for it after validation. Closing it closes the class loader it owns.
 *
 * <p>Thread-safe: its state is fixed when it is admitted; {@link #close()} should come after the last use of
 * its classes, as with any class loader.
 */
@API(status = STABLE, since = "0.1.0")
public final class GuardedPlugin implements AutoCloseable {
    private final Path path;
    private final ModuleFacts module;
    private final Report report;
    private final ClassLoader loader;
    private final Optional<ModuleLayer> layer;
    private final URLClassLoader owned;
    private final Path bytes;

    /** {@code bytes}: the validated private copy the loader reads (deleted on close), or {@code path} itself. */
    GuardedPlugin(Path path, ModuleFacts module, Report report, ClassLoader loader, Optional<ModuleLayer> layer,
                  URLClassLoader owned, Path bytes) {
        this.path = Objects.requireNonNull(path, "path");
        this.module = Objects.requireNonNull(module, "module");
        this.report = Objects.requireNonNull(report, "report");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.layer = Objects.requireNonNull(layer, "layer");
        this.owned = owned;
        this.bytes = Objects.requireNonNull(bytes, "bytes");
    }

    /** The plugin JAR, as the host named it (classes are read from a private copy of it, made when it was validated). */
    public Path path() {
        return path;
    }

    /** What inspection found about the plugin. */
    public ModuleFacts module() {
        return module;
    }

    /** The verdict on the plugin: compliant, or (in audit mode only) not. */
    public Report report() {
        return report;
    }

    /** Whether the plugin satisfies the contract. */
    public boolean isCompliant() {
        return report.isCompliant();
    }

    /** The class loader that defines the plugin's classes. */
    public ClassLoader classLoader() {
        return loader;
    }

    /** The module layer holding the plugin, when it is a named module. */
    public Optional<ModuleLayer> layer() {
        return layer;
    }

    /**
     * Loads a class of the plugin without initializing it.
     *
     * @throws IllegalArgumentException naming the class and the plugin when it cannot be loaded
     */
    public Class<?> loadClass(String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("class '" + name + "' cannot be loaded from plugin '" + path + "' ("
                    + e + "); check the name, or that the plugin ships it");
        }
    }

    /**
     * The providers of {@code service} that this plugin itself declares ({@code META-INF/services} or
     * module-info {@code provides}), instantiated in declaration order; providers of the parent loader or
     * layer are left out.
     *
     * @throws java.util.ServiceConfigurationError when a provider cannot be instantiated
     */
    public <S> List<S> providers(Class<S> service) {
        // On the module path ImportSpy is a named module that cannot declare the host's service types.
        GuardedPlugin.class.getModule().addUses(service);
        if (layer.isPresent()) {
            ModuleLayer own = layer.get();
            return ServiceLoader.load(own, service).stream()
                    .filter(p -> p.type().getModule().getLayer() == own).map(ServiceLoader.Provider::get).toList();
        }
        return ServiceLoader.load(service, loader).stream()
                .filter(p -> p.type().getClassLoader() == loader).map(ServiceLoader.Provider::get).toList();
    }

    /**
     * Closes the plugin's class loader when this plugin owns one ({@code URLClassLoader}) and deletes the
     * private copy of the JAR it was loaded from.
     */
    @Override
    public void close() {
        try {
            if (owned != null) {
                owned.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("plugin '" + path + "' class loader cannot be closed: " + e.getMessage(), e);
        } finally {
            Snapshot.discard(bytes, path);
        }
    }

    @Override
    public String toString() {
        return "plugin " + path + (isCompliant() ? " (compliant)" : " (non-compliant, audited)");
    }
}
