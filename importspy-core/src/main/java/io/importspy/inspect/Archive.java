package io.importspy.inspect;

import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Manifest;

/** The bytes of a module on disk: a JAR (multi-release aware) or an exploded class directory. */
interface Archive extends Closeable {

    /**
     * Opens {@code path}.
     *
     * @param label how errors name it (the path as the user wrote it)
     * @throws InspectionException when it is missing or not a readable JAR or directory
     */
    static Archive open(Path path, String label) {
        if (Files.isDirectory(path)) {
            return new DirectoryArchive(path, label);
        }
        if (!Files.exists(path)) {
            throw new InspectionException(label + ": no such file or directory; check the path");
        }
        return new JarArchive(path, label);
    }

    /** How errors name this archive. */
    String label();

    /** Every entry name (directories excluded), {@code /}-separated, as stored. */
    Set<String> entries();

    /**
     * The bytes of entry {@code name}; in a multi-release JAR the newest version the running Java
     * supports wins over the base entry.
     *
     * @throws InspectionException when the entry exists but cannot be read
     */
    Optional<byte[]> read(String name);

    /** How errors name entry {@code name} ({@code plugin.jar!a/B.class}), with its versioned location. */
    String where(String name);

    /** Logical names of every class file, without {@code module-info}, {@code package-info} and META-INF. */
    List<String> classEntries();

    /** The manifest, when there is one. */
    Optional<Manifest> manifest();

    @Override
    void close();

    /** Whether {@code entry} is a class file inspection reads for {@code all()}. */
    static boolean isClassEntry(String entry) {
        return entry.endsWith(".class") && !entry.startsWith("META-INF/")
                && !entry.endsWith("module-info.class") && !entry.endsWith("package-info.class");
    }
}
