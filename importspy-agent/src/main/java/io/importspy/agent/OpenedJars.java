package io.importspy.agent;

import java.io.FileDescriptor;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The file a class loader of the JDK's kind (the class path's, a {@link URLClassLoader}) really has open for a JAR
 * code source: not the file its path names now, which a symbolic link or a rename may have changed since the
 * loader opened it, but the one it reads its classes from. Known on Linux by the loader's open file descriptor
 * ({@code /proc/self/fd}), found in the JDK's own loader and zip classes, which the agent opens to itself; where
 * any of that is missing (another system, another JDK, a loader of another kind), nothing is known and the agent
 * judges the file at the path.
 */
final class OpenedJars {
    private static final Path FDS = Path.of("/proc/self/fd");
    private static volatile Fields fields;

    private OpenedJars() {
    }

    /** The JDK's fields this needs, made accessible. */
    private record Fields(Field urlClassLoaderPath, Field builtinPath, Field loaders, Field jarLoaderUrl, Field jar,
                          Field resource, Field source, Field file, Field descriptor) {
    }

    /**
     * The packages of {@code java.base} whose fields say which file a loader reads, to be opened to the agent's
     * module (by {@link Agent#openJdk}, in the one {@code redefineModule} of the agent); none where the open files
     * cannot be known.
     */
    static Map<String, Set<Module>> packages(Set<Module> agent) {
        if (!Files.isDirectory(FDS)) {
            return Map.of();
        }
        return Map.of("java.net", agent, "jdk.internal.loader", agent, "java.util.zip", agent, "java.io", agent);
    }

    /** Finds the JDK's fields this needs, once {@link #packages} are open to the agent. */
    static void open() {
        if (!Files.isDirectory(FDS)) {
            return;
        }
        try {
            Class<?> path = Class.forName("jdk.internal.loader.URLClassPath");
            Class<?> zip = java.util.zip.ZipFile.class;
            Class<?> resource = Class.forName("java.util.zip.ZipFile$CleanableResource");
            Class<?> source = Class.forName("java.util.zip.ZipFile$Source");
            Class<?> jarLoader = Class.forName("jdk.internal.loader.URLClassPath$JarLoader");
            fields = new Fields(field(URLClassLoader.class, "ucp"),
                    field(Class.forName("jdk.internal.loader.BuiltinClassLoader"), "ucp"), field(path, "loaders"),
                    field(jarLoader, "csu"), field(jarLoader, "jar"), field(zip, "res"), field(resource, "zsrc"),
                    field(source, "zfile"), field(FileDescriptor.class, "fd"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            fields = null; // another JDK: the agent judges files by their paths
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /**
     * The {@linkplain StartupCache#identity identity} of the file {@code loader} has open for the JAR code source
     * {@code location}, or empty when that cannot be known.
     */
    static Optional<String> identity(ClassLoader loader, URL location) {
        Fields known = fields;
        if (known == null || loader == null) {
            return Optional.empty();
        }
        try {
            Object classPath = loader instanceof URLClassLoader ? known.urlClassLoaderPath().get(loader)
                    : known.builtinPath().getDeclaringClass().isInstance(loader) ? known.builtinPath().get(loader) : null;
            if (classPath == null) {
                return Optional.empty();
            }
            List<?> loaders;
            synchronized (classPath) {
                loaders = List.copyOf((List<?>) known.loaders().get(classPath));
            }
            String wanted = location.toString();
            for (Object jarLoader : loaders) {
                if (!known.jarLoaderUrl().getDeclaringClass().isInstance(jarLoader)
                        || !wanted.equals(String.valueOf(known.jarLoaderUrl().get(jarLoader)))) {
                    continue;
                }
                Object jar = known.jar().get(jarLoader);
                Object resource = jar == null ? null : known.resource().get(jar);
                Object source = resource == null ? null : known.source().get(resource);
                Object file = source == null ? null : known.file().get(source);
                if (!(file instanceof RandomAccessFile open)) {
                    return Optional.empty();
                }
                int descriptor = known.descriptor().getInt(open.getFD());
                return descriptor < 0 ? Optional.empty()
                        : Optional.of(StartupCache.identity(FDS.resolve(Integer.toString(descriptor))));
            }
        } catch (ReflectiveOperationException | RuntimeException | java.io.IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
