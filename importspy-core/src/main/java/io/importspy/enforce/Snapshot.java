package io.importspy.enforce;

import io.importspy.inspect.InspectionException;
import io.importspy.inspect.ModuleFacts;
import io.importspy.validate.Report;
import io.importspy.validate.TargetReport;

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
 */
final class Snapshot {
    private Snapshot() {
    }

    /** The bytes to validate and load for {@code plugin}: a private copy; a missing path itself (inspection reports it). */
    static Path of(Path plugin) {
        boolean directory = Files.isDirectory(plugin);
        if (!directory && !Files.isRegularFile(plugin)) {
            return plugin;
        }
        Path copy = null;
        try {
            Path parent = Files.createTempDirectory("importspy-guarded-");
            parent.toFile().deleteOnExit();
            Path name = plugin.toAbsolutePath().normalize().getFileName();
            copy = parent.resolve(name == null ? "plugin" : name.toString());
            if (directory) {
                copyTree(plugin, copy);
            } else {
                Files.copy(plugin, copy);
                copy.toFile().deleteOnExit();
            }
            return copy;
        } catch (IOException | UncheckedIOException e) {
            if (copy != null) {
                delete(copy);
            }
            throw new InspectionException("plugin '" + plugin + "' cannot be copied before validation: "
                    + e.getMessage() + "; check the plugin and the temporary directory (java.io.tmpdir)", e);
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

    /** Deletes the copy made for {@code original}, if one was made; a file still open stays until exit. */
    static void discard(Path bytes, Path original) {
        if (bytes.equals(original)) {
            return;
        }
        delete(bytes);
        try {
            Files.deleteIfExists(bytes.getParent());
        } catch (IOException | RuntimeException stillOpen) {
            // deleteOnExit was registered when the copy was made
        }
    }

    private static void delete(Path copy) {
        try (Stream<Path> files = Files.walk(copy)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException stillOpen) {
            // a file still open stays; the temporary directory is the system's to clean
        }
    }

    /** {@code facts} as if read from {@code original}: reports name the plugin the host gave. */
    static ModuleFacts relabel(ModuleFacts facts, Path original) {
        return facts.withTarget(original.toString());
    }

    /** {@code report} with every target named as the host gave the plugin. */
    static Report relabel(Report report, Path original) {
        return new Report(report.contract(), report.targets().stream()
                .map(t -> t.withTarget(original.toString()))
                .toList(), report.strictness());
    }
}
