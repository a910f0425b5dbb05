package io.importspy.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The packages a code source holds classes in. A class defined under a code source must be in one of them: so
 * the bytes of a refused JAR's class, defined by a loader that claims an admitted JAR as their code source, are
 * not admitted as that JAR's; classes a framework generates with {@code Lookup.defineClass} are in the package
 * of their lookup class, and pass. Names are internal ({@code com/acme}; {@code ""} for the unnamed package).
 */
abstract class Packages {
    /** Whether {@code className} (internal form) is in a package of the code source. */
    abstract boolean holds(String className);

    static String packageOf(String className) {
        int slash = className.lastIndexOf('/');
        return slash < 0 ? "" : className.substring(0, slash);
    }

    /** The packages of the JAR at {@code jar}, from its central directory (versioned entries included). */
    static Packages ofJar(Path jar) throws IOException {
        Set<String> packages = new HashSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (!name.endsWith(".class")) {
                    continue;
                }
                if (name.startsWith("META-INF/versions/")) {
                    int slash = name.indexOf('/', "META-INF/versions/".length());
                    if (slash < 0) {
                        continue;
                    }
                    name = name.substring(slash + 1);
                }
                packages.add(packageOf(name));
            }
        }
        Set<String> held = Set.copyOf(packages);
        return new Packages() {
            @Override
            boolean holds(String className) {
                return held.contains(packageOf(className));
            }
        };
    }

    /** The packages of the class directory {@code dir}: its subdirectories, looked up once each. */
    static Packages ofDirectory(Path dir) {
        Map<String, Boolean> known = new ConcurrentHashMap<>();
        return new Packages() {
            @Override
            boolean holds(String className) {
                return known.computeIfAbsent(packageOf(className), p -> Files.isDirectory(dir.resolve(p)));
            }
        };
    }
}
