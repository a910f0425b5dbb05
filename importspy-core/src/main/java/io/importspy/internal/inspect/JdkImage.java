package io.importspy.internal.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Class files of the running JDK's modules, found by package (without lambdas: this runs on the CLI's
 * start path, where the first lambda costs tens of milliseconds). A package of a JDK module in the boot
 * layer (every module the class path can see, {@code jdk.compiler} included) is read through that
 * {@link Module}; any other package is looked up once among all modules of the image
 * ({@link ModuleFinder#ofSystem()}). A class of no JDK package (a host API missing from the class path)
 * costs a map lookup: the {@code jrt:/} file system, 0.15-0.3 s to open cold, is never opened.
 */
final class JdkImage {
    private static volatile Map<String, Module> bootPackages;
    private static volatile Map<String, ModuleReference> systemPackages;

    private JdkImage() {
    }

    /** The bytes of {@code resource} ({@code com/sun/source/tree/Tree.class}) in any module of the JDK. */
    static Optional<byte[]> read(String resource) throws IOException {
        int slash = resource.lastIndexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String packageName = resource.substring(0, slash).replace('/', '.');
        Module module = bootPackages().get(packageName);
        if (module != null) {
            try (InputStream in = module.getResourceAsStream(resource)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        }
        ModuleReference reference = systemPackages().get(packageName);
        if (reference == null) {
            return Optional.empty();
        }
        try (ModuleReader reader = reference.open()) {
            Optional<InputStream> found = reader.open(resource);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream in = found.get()) {
                return Optional.of(in.readAllBytes());
            }
        }
    }

    /**
     * Whether class {@code internal} ({@code java/util/List}) is in a package of a JDK module of the boot layer:
     * a class loader always gets such a class from the JDK, whatever a plugin ships under that name.
     */
    static boolean isBootPackage(String internal) {
        int slash = internal.lastIndexOf('/');
        return slash > 0 && bootPackages().containsKey(internal.substring(0, slash).replace('/', '.'));
    }

    /** Packages of the boot layer's JDK modules (located in the image, {@code jrt:/...}), to their module. */
    private static Map<String, Module> bootPackages() {
        Map<String, Module> packages = bootPackages;
        if (packages == null) {
            packages = new HashMap<>();
            ModuleLayer boot = ModuleLayer.boot();
            for (ResolvedModule resolved : boot.configuration().modules()) {
                Optional<URI> location = resolved.reference().location();
                boolean inImage = location.isPresent() && "jrt".equals(location.get().getScheme());
                Optional<Module> module = inImage ? boot.findModule(resolved.name()) : Optional.empty();
                if (module.isPresent()) {
                    for (String packageName : resolved.reference().descriptor().packages()) {
                        packages.put(packageName, module.get());
                    }
                }
            }
            bootPackages = packages;
        }
        return packages;
    }

    /** Packages of every module of the image (read once, only for a package the boot layer lacks). */
    private static Map<String, ModuleReference> systemPackages() {
        Map<String, ModuleReference> packages = systemPackages;
        if (packages == null) {
            packages = new HashMap<>();
            for (ModuleReference reference : ModuleFinder.ofSystem().findAll()) {
                for (String packageName : reference.descriptor().packages()) {
                    packages.put(packageName, reference);
                }
            }
            systemPackages = packages;
        }
        return packages;
    }
}
