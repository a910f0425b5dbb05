package io.importspy.internal.inspect;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Class files of the running JDK's modules, found by package (without lambdas: this runs on the CLI's
 * start path, where the first lambda costs milliseconds). A package of a JDK module in the boot layer (every
 * module the class path can see, {@code jdk.compiler} included) is read through that module's reference; any
 * other package is looked up among all modules of the image ({@link ModuleFinder#ofSystem()}, about 5 ms to list
 * once), only when the caller asks for the {@linkplain #read whole image}. Bytes are read with
 * {@link ModuleReader#read}, not {@code open}, which the JDK implements with a lambda. A class of no JDK package (a
 * host API missing from the class path) costs a map lookup: the {@code jrt:/} file system, 0.15-0.3 s to open
 * cold, is never opened.
 */
final class JdkImage {
    private static volatile Map<String, ModuleReference> bootPackages;
    private static volatile Map<String, ModuleReference> systemPackages;

    private JdkImage() {
    }

    /** The bytes of {@code resource} ({@code com/sun/source/tree/Tree.class}) in any module of the JDK's image. */
    static Optional<byte[]> read(String resource) throws IOException {
        Optional<byte[]> boot = readBootLayer(resource);
        if (boot.isPresent() || isBootPackage(resource)) {
            return boot;
        }
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? Optional.empty() : read(systemPackages().get(resource.substring(0, slash).replace('/', '.')),
                resource);
    }

    /** The bytes of {@code resource} in a JDK module of the boot layer: those any class loader sees. */
    static Optional<byte[]> readBootLayer(String resource) throws IOException {
        int slash = resource.lastIndexOf('/');
        return slash < 0 ? Optional.empty() : read(bootPackages().get(resource.substring(0, slash).replace('/', '.')),
                resource);
    }

    private static Optional<byte[]> read(ModuleReference module, String resource) throws IOException {
        if (module == null) {
            return Optional.empty();
        }
        try (ModuleReader reader = module.open()) {
            Optional<ByteBuffer> found = reader.read(resource);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            ByteBuffer buffer = found.get();
            try {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return Optional.of(bytes);
            } finally {
                reader.release(buffer);
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
    private static Map<String, ModuleReference> bootPackages() {
        Map<String, ModuleReference> packages = bootPackages;
        if (packages == null) {
            packages = new HashMap<>();
            for (ResolvedModule resolved : ModuleLayer.boot().configuration().modules()) {
                ModuleReference reference = resolved.reference();
                Optional<URI> location = reference.location();
                if (location.isPresent() && "jrt".equals(location.get().getScheme())) {
                    for (String packageName : reference.descriptor().packages()) {
                        packages.put(packageName, reference);
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
