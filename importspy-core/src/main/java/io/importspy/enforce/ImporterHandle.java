package io.importspy.enforce;

import io.importspy.API;
import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.validate.Report;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;
import static io.importspy.API.Status.STABLE;

/**
 * The importer of a protected module, as {@link io.importspy.Spy#importspy} found and validated it: its class,
 * its module's facts, its class loader, and a way to load and instantiate its classes by name.
 *
 * <p>The static {@code importspy} methods here are embedded mode's work behind {@code Spy.importspy}; call that.
 */
@API(status = STABLE, since = "0.1.0")
public final class ImporterHandle {
    private final Class<?> importer;
    private final ModuleFacts module;
    private final Report report;
    private final Optional<Path> location;

    ImporterHandle(Class<?> importer, ModuleFacts module, Report report, Optional<Path> location) {
        this.importer = Objects.requireNonNull(importer, "importer");
        this.module = Objects.requireNonNull(module, "module");
        this.report = Objects.requireNonNull(report, "report");
        this.location = Objects.requireNonNull(location, "location");
    }

    /**
     * Embedded mode with a contract resource of the calling class, for {@link io.importspy.Spy#importspy(String,
     * EnforcementMode)}.
     */
    @API(status = INTERNAL, since = "0.1.0")
    public static ImporterHandle importspy(String contractResource, EnforcementMode mode) {
        return ImportGuard.importspy(contractResource, mode);
    }

    /** Embedded mode with a contract file, for {@link io.importspy.Spy#importspy(Path, EnforcementMode)}. */
    @API(status = INTERNAL, since = "0.1.0")
    public static ImporterHandle importspy(Path contract, EnforcementMode mode) {
        return ImportGuard.importspy(contract, mode);
    }

    /** Embedded mode with a parsed contract, for {@link io.importspy.Spy#importspy(SpyModel, EnforcementMode)}. */
    @API(status = INTERNAL, since = "0.1.0")
    public static ImporterHandle importspy(SpyModel contract, EnforcementMode mode) {
        return ImportGuard.importspy(contract, mode);
    }

    /** Forgets embedded mode's verdicts and contract files, for {@link io.importspy.Spy#clearImporterCache()}. */
    @API(status = INTERNAL, since = "0.1.0")
    public static void clearCache() {
        ImportGuard.clearCache();
    }

    /** The direct importer: the first class on the stack outside ImportSpy and the protected module. */
    public Class<?> importer() {
        return importer;
    }

    /** What inspection found about the importer's module. */
    public ModuleFacts module() {
        return module;
    }

    /** The verdict on the importer's module (compliant, or non-compliant in audit mode). */
    public Report report() {
        return report;
    }

    /** Whether the importer's module satisfies the contract. */
    public boolean isCompliant() {
        return report.isCompliant();
    }

    /** The JAR or class directory of the importer's module; empty for a class with no bytes on disk. */
    public Optional<Path> location() {
        return location;
    }

    /** The class loader that defined the importer (the system loader stands in for the boot loader). */
    public ClassLoader classLoader() {
        ClassLoader loader = importer.getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    /**
     * Loads a class through the importer's class loader without initializing it.
     *
     * @throws IllegalArgumentException naming the class and the loader when it cannot be found
     */
    public Class<?> loadClass(String name) {
        try {
            return Class.forName(name, false, classLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("class '" + name + "' cannot be loaded by the class loader of "
                    + importer.getName() + " (" + e + "); check the name, or that the importer's module ships it");
        }
    }

    /**
     * Loads, initializes and instantiates a class of the importer through its public no-arg constructor.
     *
     * @throws IllegalArgumentException when the class is missing, is not a {@code type}, or cannot be
     *                                  instantiated; the cause of a failing constructor is kept
     */
    public <T> T newInstance(String name, Class<T> type) {
        Class<?> loaded = loadClass(name);
        if (!type.isAssignableFrom(loaded)) {
            throw new IllegalArgumentException("class '" + name + "' is not a " + type.getName()
                    + "; make it implement or extend " + type.getName());
        }
        try {
            return type.cast(loaded.getConstructor().newInstance());
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("constructor of '" + name + "' failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("class '" + name + "' cannot be instantiated (" + e
                    + "); give it a public no-arg constructor", e);
        }
    }

    @Override
    public String toString() {
        return "importer " + importer.getName() + " (" + module.target() + ")";
    }
}
