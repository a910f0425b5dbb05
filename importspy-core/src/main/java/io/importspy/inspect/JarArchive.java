package io.importspy.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** A JAR read through {@link JarFile}: the central directory is read once, entries only on demand. */
final class JarArchive implements Archive {
    private final String label;
    private final JarFile jar;

    JarArchive(Path path, String label) {
        this.label = label;
        try {
            this.jar = new JarFile(path.toFile(), false, ZipFile.OPEN_READ, JarFile.runtimeVersion());
        } catch (ZipException notZip) {
            throw new InspectionException(label + ": not a readable JAR (" + notZip.getMessage() + ")", notZip);
        } catch (IOException | SecurityException unreadable) {
            throw new InspectionException(label + ": cannot be read (" + unreadable.getMessage() + ")", unreadable);
        }
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Set<String> entries() {
        Set<String> names = new LinkedHashSet<>();
        jar.stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(e.getName()));
        return names;
    }

    @Override
    public Optional<byte[]> read(String name) {
        JarEntry entry;
        try {
            entry = jar.getJarEntry(name);
        } catch (RuntimeException corrupt) {
            throw new InspectionException(label + ": not a readable JAR (" + corrupt.getMessage() + ")", corrupt);
        }
        if (entry == null || entry.isDirectory()) {
            return Optional.empty();
        }
        return Optional.of(bytes(entry));
    }

    private byte[] bytes(ZipEntry entry) {
        String where = label + "!" + realName(entry);
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException unreadable) {
            throw new InspectionException(where + ": entry cannot be read (" + unreadable.getMessage()
                    + "); the JAR is corrupt or truncated", unreadable);
        }
    }

    @Override
    public String where(String name) {
        JarEntry entry = jar.getJarEntry(name);
        return label + "!" + (entry == null ? name : realName(entry));
    }

    private static String realName(ZipEntry entry) {
        return entry instanceof JarEntry ? ((JarEntry) entry).getRealName() : entry.getName();
    }

    @Override
    public List<String> classEntries() {
        return jar.versionedStream().map(ZipEntry::getName).filter(Archive::isClassEntry).toList();
    }

    @Override
    public Optional<Manifest> manifest() {
        try {
            return Optional.ofNullable(jar.getManifest());
        } catch (IOException | RuntimeException corrupt) {
            throw new InspectionException(label + "!META-INF/MANIFEST.MF: not a readable manifest ("
                    + corrupt.getMessage() + ")", corrupt);
        }
    }

    @Override
    public void close() {
        try {
            jar.close();
        } catch (IOException ignored) {
            // nothing was written; a failed close loses nothing
        }
    }
}
