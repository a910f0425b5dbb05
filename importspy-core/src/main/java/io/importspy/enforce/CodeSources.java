package io.importspy.enforce;

import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where a live class comes from: its module identity and the file (JAR or class directory) holding its bytes. */
final class CodeSources {
    /** Module keys, computed once per class: building the code-source URL string is what costs. */
    private static final ClassValue<Object> MODULE_KEYS = new ClassValue<>() {
        @Override
        protected Object computeValue(Class<?> type) {
            return computeModuleKey(type);
        }
    };

    private CodeSources() {
    }

    /**
     * A module known by the file its class loader really serves its classes from: the defining loader (compared
     * by identity) and the JAR or class directory. A class's code source cannot make a class part of such a
     * module: only the loader's answer for the class's own entry can.
     */
    record Served(ClassLoader loader, Path path) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Served s && s.loader == loader && s.path.equals(path);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(loader) * 31 + path.hashCode();
        }
    }

    /**
     * The identity of the module a class belongs to: its named {@link Module} when it has one (outside the
     * JDK); else {@link Served} when its loader really serves it from a file (see {@link #path}); else the class
     * itself (no bytes on disk, or a code source that the loader does not confirm). A lambda's or other hidden
     * nestmate's module is its nest host's. Computed once per class (a class's module and loader never change),
     * before any verdict is looked up: a verdict is never found by what a class says of itself.
     */
    static Object moduleKey(Class<?> type) {
        return MODULE_KEYS.get(type);
    }

    private static Object computeModuleKey(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed()) {
            return module;
        }
        if (type.isHidden()) {
            Class<?> host = type.getNestHost();
            return host != type && !host.isHidden() ? moduleKey(host) : type;
        }
        Optional<Path> served = location(type).flatMap(CodeSources::toPath).filter(Files::exists)
                .filter(path -> serves(type, path));
        return served.<Object>map(path -> new Served(type.getClassLoader(), path.toAbsolutePath().normalize()))
                .orElse(type);
    }

    /** The code-source URL of {@code type}, when it has one. */
    static Optional<URL> location(Class<?> type) {
        ProtectionDomain domain = type.getProtectionDomain();
        CodeSource source = domain == null ? null : domain.getCodeSource();
        return Optional.ofNullable(source == null ? null : source.getLocation());
    }

    /**
     * The JAR or class directory holding {@code type}'s bytes, when it is a readable file and {@code type}'s
     * class loader serves the class from there. A {@link ProtectionDomain} is whatever the code that defined
     * the class said: code already running could define a class with a code source naming any compliant JAR.
     * Asking the loader where it finds the class file defeats that, unless the loader itself lies (a custom
     * loader of that code); the README's threat model says what embedded mode can and cannot defend against.
     */
    static Optional<Path> path(Class<?> type) {
        return moduleKey(type) instanceof Served served && served.loader == type.getClassLoader()
                ? Optional.of(served.path) : Optional.empty();
    }

    /** Whether {@code type}'s loader finds {@code type}'s class file in {@code location} (a JAR or directory). */
    static boolean serves(Class<?> type, Path location) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || type.isHidden() || type.isArray()) {
            return false;
        }
        String entry = type.getName().replace('.', '/') + ".class";
        URL url = loader.getResource(entry);
        if (url == null) {
            return false;
        }
        ClassLoader parent = loader.getParent();
        if (parent != null && sameUrl(url, parent.getResource(entry))) {
            // the parent serves that entry, so the parent would define that class: this loader's class of the same
            // name was defined from other bytes (a child that defines what its parent holds, naming its JAR)
            return false;
        }
        try {
            Path expected = location.toAbsolutePath().normalize();
            if ("jar".equals(url.getProtocol())) {
                String file = url.getPath();
                int separator = file.indexOf("!/");
                if (separator < 0 || !file.substring(separator + 2).replaceFirst("#.*$", "").equals(entry)) {
                    // the entry itself, not one that ends like it (nested/a/B.class)
                    return false;
                }
                Optional<Path> jar = toPath(new URL(file.substring(0, separator)));
                return jar.isPresent() && Files.isSameFile(jar.get(), expected);
            }
            Optional<Path> file = toPath(url);
            return file.isPresent() && Files.isSameFile(file.get(), expected.resolve(entry));
        } catch (java.io.IOException | RuntimeException unknown) {
            return false;
        }
    }

    /** Compares the text of two URLs ({@link URL#equals} may resolve host names). */
    private static boolean sameUrl(URL url, URL other) {
        return other != null && url.toString().equals(other.toString());
    }

    static Optional<Path> toPath(URL url) {
        if (!"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(url.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code type} is part of the JDK (boot or platform loader) rather than an application module. */
    static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    /**
     * The files a class loader sees: the JARs and directories of every {@link URLClassLoader} from
     * {@code loader} up to the application loader, then {@code java.class.path}. Used to resolve supertypes.
     */
    static List<Path> visibleFiles(ClassLoader loader) {
        Set<Path> files = new LinkedHashSet<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader) {
                for (URL url : ((URLClassLoader) l).getURLs()) {
                    toPath(url).filter(Files::exists).ifPresent(files::add);
                }
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                Path path = Path.of(entry).toAbsolutePath();
                if (Files.exists(path)) {
                    files.add(path);
                }
            }
        }
        return new ArrayList<>(files);
    }
}
