package io.importspy.enforce;

import io.importspy.API;
import io.importspy.inspect.ModuleFacts;
import io.importspy.validate.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
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
    private final GuardedLoader.Checked checked;

    /** {@code checked} holds the validated private copies the loader reads (deleted on close). */
    GuardedPlugin(GuardedLoader.Checked checked, ClassLoader loader, Optional<ModuleLayer> layer, URLClassLoader owned) {
        this.checked = Objects.requireNonNull(checked, "checked");
        this.path = checked.plugin();
        this.module = checked.facts();
        this.report = checked.report();
        this.loader = Objects.requireNonNull(loader, "loader");
        this.layer = Objects.requireNonNull(layer, "layer");
        this.owned = owned;
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
     * module-info {@code provides}, as validated), instantiated in declaration order; providers of the parent
     * loader or layer, and providers that only the plugin's libraries declare, are left out: a library is
     * no part of what the contract judged. On the class path the declared classes are loaded and instantiated
     * by name (no other {@code META-INF/services} file is read, so a library's broken one does no harm).
     *
     * @throws java.util.ServiceConfigurationError naming the plugin as the host gave it, when a provider cannot
     *                                             be loaded or instantiated
     */
    public <S> List<S> providers(Class<S> service) {
        // On the module path ImportSpy is a named module that cannot declare the host's service types.
        GuardedPlugin.class.getModule().addUses(service);
        List<String> declared = module.services().getOrDefault(service.getName(), List.of());
        if (declared.isEmpty()) {
            return List.of();
        }
        if (layer.isPresent()) {
            ModuleLayer own = layer.get();
            try {
                return ServiceLoader.load(own, service).stream()
                        .filter(p -> p.type().getModule().getLayer() == own && declared.contains(p.type().getName()))
                        .map(ServiceLoader.Provider::get).toList();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                throw providerError(service, "", e);
            }
        }
        List<S> providers = new ArrayList<>();
        for (String name : new LinkedHashSet<>(declared)) {
            instantiate(service, name).ifPresent(providers::add);
        }
        return List.copyOf(providers);
    }

    /** Provider {@code name}, as {@link ServiceLoader} makes one on the class path; empty when not the plugin's. */
    private <S> Optional<S> instantiate(Class<S> service, String name) {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw providerError(service, " " + name, e);
        }
        if (type.getClassLoader() != loader) {
            return Optional.empty(); // a class of the parent: not the plugin's
        }
        if (!service.isAssignableFrom(type)) {
            throw providerError(service, " " + name, new ClassCastException("not a subtype of " + service.getName()));
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            if (!Modifier.isPublic(type.getModifiers())) {
                throw new IllegalAccessException("the class is not public");
            }
            return Optional.of(service.cast(constructor.newInstance()));
        } catch (InvocationTargetException e) {
            throw providerError(service, " " + name, e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw providerError(service, " " + name, e);
        }
    }

    private ServiceConfigurationError providerError(Class<?> service, String provider, Throwable cause) {
        return new ServiceConfigurationError("plugin '" + path + "': provider" + provider + " of " + service.getName()
                + " cannot be instantiated (" + cause + ")", cause);
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
            GuardedLoader.discard(checked);
        }
    }

    @Override
    public String toString() {
        return "plugin " + path + (isCompliant() ? " (compliant)" : " (non-compliant, audited)");
    }
}
