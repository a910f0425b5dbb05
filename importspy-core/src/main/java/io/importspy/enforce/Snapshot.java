package io.importspy.enforce;

import io.importspy.inspect.InspectionException;
import io.importspy.inspect.ModuleFacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private copy of a plugin JAR or class directory, so that the bytes a class loader later reads are the bytes
 * that were validated: a JAR replaced on disk after its check, or a class file of a directory replaced (or
 * reached through a symbolic link whose target changes), is never loaded. The copy keeps the plugin's file name
 * (contracts may check it) in a fresh temporary directory; a directory's regular files are copied with their
 * contents as a class loader would read them (symbolic links followed), nothing else.
 *
 * <p>Every copy of a JVM lives in its own directory under one root ({@code java.io.tmpdir/importspy-guarded-*},
 * owner-only): a copy is deleted when its plugin is closed or refused, and one shutdown hook deletes what is left
 * under the root at exit. Nothing is registered per copy ({@link java.io.File#deleteOnExit} keeps every path it
 * is given until exit), so a host that admits and drops plugins for months holds nothing for the ones it dropped.
 */
final class Snapshot {
    /** The root of this JVM's copies, created on first need (again if something deleted it). */
    private static Path root;

    private Snapshot() {
    }

    /** The bytes to validate and load for {@code plugin}: a private copy; a missing path itself (inspection reports it). */
    static Path of(Path plugin) {
        return of(plugin, plugin);
    }

    /**
     * A private copy of {@code source}, named as {@code plugin} is (contracts may check the file name); {@code plugin}
     * itself when {@code source} is missing (inspection reports it by the host's name).
     */
    static Path of(Path source, Path plugin) {
        boolean directory = Files.isDirectory(source);
        if (!directory && !Files.isRegularFile(source)) {
            return plugin;
        }
        Path copy = null;
        try {
            Path parent = Files.createTempDirectory(root(), "plugin-");
            Path name = plugin.toAbsolutePath().normalize().getFileName();
            copy = parent.resolve(name == null ? "plugin" : name.toString());
            if (directory) {
                copyTree(source, copy);
            } else {
                Files.copy(source, copy);
            }
            return copy;
        } catch (IOException | UncheckedIOException e) {
            if (copy != null) {
                delete(copy.getParent());
            }
            throw new InspectionException("plugin '" + plugin + "' cannot be copied before validation: "
                    + e.getMessage() + "; check the plugin and the temporary directory (java.io.tmpdir)", e);
        }
    }

    private static synchronized Path root() throws IOException {
        if (root == null || !Files.isDirectory(root)) {
            Path created = Files.createTempDirectory("importspy-guarded-");
            boolean first = root == null;
            root = created;
            if (first) {
                Runtime.getRuntime().addShutdownHook(new Thread(Snapshot::deleteRoot, "importspy-guarded-cleanup"));
            }
        }
        return root;
    }

    private static synchronized void deleteRoot() {
        if (root != null) {
            delete(root);
        }
    }

    /** Copies every regular file under {@code from} (links followed, loops refused) to the same place under {@code to}. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from, FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(file)) {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
    }

    /** Deletes the copy made for {@code original}, if one was made, with its directory; a file still open stays until exit. */
    static void discard(Path bytes, Path original) {
        Path directory = bytes.getParent();
        Path root = directory == null ? null : directory.getParent();
        if (!bytes.equals(original) && root != null && root.getFileName().toString().startsWith("importspy-guarded-")) {
            delete(directory);
        }
    }

    private static void delete(Path copy) {
        try (Stream<Path> files = Files.walk(copy)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException stillOpen) {
            // a file still open stays; the shutdown hook deletes it with the root
        }
    }

    /** {@code facts} as if read from {@code original}: reports name the plugin the host gave. */
    static ModuleFacts relabel(ModuleFacts facts, Path original) {
        return facts.withTarget(original.toString());
    }
}
