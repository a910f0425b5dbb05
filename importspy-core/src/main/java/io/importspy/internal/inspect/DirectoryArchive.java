package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** An exploded class directory ({@code target/classes}); entries are its regular files, through links too. */
final class DirectoryArchive implements Archive {
    private final Path root;
    private final String label;
    private Set<String> entries;

    DirectoryArchive(Path root, String label) {
        this.root = root;
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Set<String> entries() {
        if (entries == null) {
            Set<String> names = new TreeSet<>();
            // links followed (loops refused), as a class loader opens a.b.C through a linked directory a/b
            try (Stream<Path> files = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
                files.filter(Files::isRegularFile)
                        .forEach(file -> names.add(root.relativize(file).toString().replace('\\', '/')));
            } catch (IOException | UncheckedIOException unreadable) {
                throw new InspectionException(label + ": directory cannot be read (" + unreadable.getMessage() + ")",
                        unreadable);
            }
            entries = names;
        }
        return entries;
    }

    @Override
    public List<String> entryNames() {
        return List.copyOf(entries());
    }

    @Override
    public Optional<byte[]> read(String name) {
        Path file = root.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(Archive.readBounded(in, where(name)));
        } catch (IOException unreadable) {
            throw new InspectionException(where(name) + ": cannot be read (" + unreadable.getMessage() + ")", unreadable);
        }
    }

    @Override
    public String where(String name) {
        return label + "/" + name;
    }

    @Override
    public List<String> classEntries() {
        List<String> names = new java.util.ArrayList<>(entries().stream().filter(Archive::isClassEntry).toList());
        versionsEntryClasses().forEach(file -> names.add(file.entry()));
        return names;
    }

    @Override
    public Optional<Manifest> manifest() {
        Optional<byte[]> bytes = read("META-INF/MANIFEST.MF");
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Manifest(new java.io.ByteArrayInputStream(bytes.get())));
        } catch (IOException corrupt) {
            throw new InspectionException(where("META-INF/MANIFEST.MF") + ": not a readable manifest ("
                    + corrupt.getMessage() + ")", corrupt);
        }
    }

    @Override
    public void close() {
        // nothing held open
    }
}
