package io.importspy.internal.inspect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The archives of a class path, each opened on first need and named by its label, shared by the readings of
 * one inspection (class headers, member declarations) and closed with it. A class is read from the first
 * archive that holds its entry, as a class loader reads it (the versioned entry of a multi-release JAR).
 * Thread-safe.
 */
final class ClassPathArchives implements AutoCloseable {
    private final List<Path> classpath;
    private final Function<Path, String> labels;
    private final List<Archive> opened = new ArrayList<>();
    private final int release;

    /** A class file found on the class path: its bytes, how errors name it, and its logical entry. */
    record Found(byte[] bytes, String where, String entry) {
    }

    /** @param release the Java whose entries a multi-release JAR gives ({@link Inspector#forJava}) */
    ClassPathArchives(List<Path> classpath, Function<Path, String> labels, int release) {
        this.classpath = List.copyOf(classpath);
        this.labels = labels;
        this.release = release;
    }

    /** The bytes of {@code entry} ({@code a/B.class}) in the first archive that holds it. */
    synchronized Optional<Found> read(String entry) {
        for (int i = 0; i < classpath.size(); i++) {
            if (i == opened.size()) {
                Path path = classpath.get(i);
                opened.add(Archive.open(path, labels.apply(path), release));
            }
            Archive archive = opened.get(i);
            Optional<byte[]> bytes = archive.read(entry);
            if (bytes.isPresent()) {
                return Optional.of(new Found(bytes.get(), archive.where(entry), entry));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        opened.forEach(Archive::close);
        opened.clear();
    }
}
