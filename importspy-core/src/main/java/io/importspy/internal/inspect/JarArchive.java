package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
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
    private List<String> entryNames;
    /** The entry names under {@code META-INF/versions/}, listed with {@link #entryNames}. */
    private List<String> versionDirectoryNames;
    private Set<String> entries;
    /** Whether no one Java is known to load the JAR, so that every version of a class must have the same API. */
    private final boolean everyJava;

    /** @param release the Java whose entries are read ({@link Inspector#forJava}), or {@link Inspector#EVERY_JAVA} */
    JarArchive(Path path, String label, int release) {
        this.label = label;
        this.everyJava = release == Inspector.EVERY_JAVA;
        try {
            this.jar = new JarFile(path.toFile(), false, ZipFile.OPEN_READ,
                    everyJava ? JarFile.runtimeVersion() : Runtime.Version.parse(Integer.toString(release)));
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

    /**
     * Read once and kept, as an immutable set that {@link ModuleFacts} keeps without copying it and that
     * hashes the names only when first queried.
     */
    @Override
    public Set<String> entries() {
        if (entries == null) {
            entries = new EntrySet(entryNames());
        }
        return entries;
    }

    @Override
    public List<String> entryNames() {
        if (entryNames == null) {
            List<String> names = new ArrayList<>(jar.size());
            List<String> versionDirectories = new ArrayList<>();
            Enumeration<JarEntry> all = jar.entries();
            while (all.hasMoreElements()) {
                JarEntry entry = all.nextElement();
                if (!entry.isDirectory()) {
                    String name = entry.getName();
                    names.add(name);
                    if (name.startsWith(VERSIONS)) {
                        versionDirectories.add(name);
                    }
                } else {
                    requireEmpty(entry);
                }
            }
            versionDirectoryNames = versionDirectories;
            entryNames = Collections.unmodifiableList(names);
        }
        return entryNames;
    }

    /** The entry last looked up by name, which {@link #where} is asked for next (a versioned look-up costs). */
    private String lastName;
    private JarEntry lastEntry;

    private JarEntry entry(String name) {
        if (!name.equals(lastName)) {
            lastEntry = jar.getJarEntry(name);
            lastName = name;
        }
        return lastEntry;
    }

    @Override
    public Optional<byte[]> read(String name) {
        JarEntry entry;
        try {
            entry = entry(name);
        } catch (RuntimeException corrupt) {
            throw new InspectionException(label + ": not a readable JAR (" + corrupt.getMessage() + ")", corrupt);
        }
        if (entry != null && entry.isDirectory()) {
            requireEmpty(entry);
            entry = null;
        }
        if (entry == null) {
            ZipEntry newer = newerOnly(name);
            return newer == null ? Optional.empty() : Optional.of(bytes(newer));
        }
        return Optional.of(bytes(entry));
    }

    /**
     * Refuses a directory entry that holds data: a class loader asking for {@code a/B.class} is given the entry
     * {@code a/B.class/} when there is no {@code a/B.class} ({@link ZipFile#getEntry} falls back to the name with a
     * slash), and defines the class from its bytes.
     */
    private void requireEmpty(ZipEntry directory) {
        if (directory.getSize() > 0 || directory.getCompressedSize() > 2) {
            String name = directory.getName();
            throw new InspectionException(label + "!" + name + ": a directory entry holds " + Math.max(directory.getSize(),
                    directory.getCompressedSize()) + " bytes of data, which the JVM reads as the entry "
                    + name.substring(0, name.length() - 1) + "; the JAR is corrupt or crafted");
        }
    }

    /**
     * In a multi-release JAR, the entry of a class that no entry this Java loads gives, but a version directory for
     * a newer Java does: the lowest such version's, judged for every Java that loads it (the others must have the
     * same API). Null when there is none.
     */
    private ZipEntry newerOnly(String name) {
        if (!jar.isMultiRelease() || !name.endsWith(".class") || name.startsWith("META-INF/") || !hasVersions(name)) {
            return null;
        }
        List<ZipEntry> all = versions().getOrDefault(name, List.of());
        return all.isEmpty() ? null : all.get(0);
    }

    private byte[] bytes(ZipEntry entry) {
        return bytes(entry, label + "!" + realName(entry));
    }

    private byte[] bytes(ZipEntry entry, String where) {
        try (InputStream in = jar.getInputStream(entry)) {
            return Archive.readBounded(in, entry.getSize(), where);
        } catch (InspectionException tooLarge) {
            throw tooLarge;
        } catch (IOException | RuntimeException unreadable) {
            throw unreadable(where, unreadable);
        }
    }

    /** The inflating stream of {@code entry}, for a reader that may stop before its end. */
    private InputStream stream(ZipEntry entry, String where) {
        try {
            return jar.getInputStream(entry);
        } catch (IOException | RuntimeException unreadable) {
            throw unreadable(where, unreadable);
        }
    }

    /** The error of an entry that cannot be read. */
    static InspectionException unreadable(String where, Exception cause) {
        return new InspectionException(where + ": entry cannot be read (" + cause.getMessage()
                + "); the JAR is corrupt or truncated", cause);
    }

    /** Every raw entry of a multi-release JAR that has versions, by logical name; built on first need. */
    private java.util.Map<String, List<ZipEntry>> versions;
    /** The logical names of a multi-release JAR's versioned class entries, from the entry names alone. */
    private Set<String> versioned;

    @Override
    public List<ClassFile> otherVersions(String name) {
        if (!everyJava || !jar.isMultiRelease()) {
            return List.of();
        }
        if (!hasVersions(name)) {
            return List.of(); // most classes of a multi-release JAR have no other version: no entry walk for them
        }
        List<ZipEntry> all = versions().getOrDefault(name, List.of());
        if (all.isEmpty()) {
            return List.of();
        }
        String read = judgedName(name);
        List<ClassFile> files = new ArrayList<>();
        for (ZipEntry raw : all) {
            if (!raw.getName().equals(read)) {
                String where = label + "!" + raw.getName();
                files.add(ClassFile.of(name, where, () -> bytes(raw, where), () -> stream(raw, where), raw.getSize()));
            }
        }
        return files;
    }

    /** Whether some version directory holds logical entry {@code name}: from the entry names, without a walk. */
    private boolean hasVersions(String name) {
        if (versioned == null) {
            versioned = versionedNames();
        }
        return versioned.contains(name);
    }

    private Set<String> versionedNames() {
        Set<String> names = new java.util.HashSet<>();
        entryNames(); // lists the names under META-INF/versions/ too: only those are looked at
        for (String entryName : versionDirectoryNames) {
            if (entryName.endsWith(".class")) {
                int slash = entryName.indexOf('/', VERSIONS.length());
                if (slash > VERSIONS.length() && isVersion(entryName.substring(VERSIONS.length(), slash))) {
                    names.add(entryName.substring(slash + 1));
                }
            }
        }
        return names;
    }

    /** The real name of the entry {@link #read} reads for logical name {@code name}, or null when there is none. */
    private String judgedName(String name) {
        JarEntry chosen = entry(name);
        if (chosen != null && !chosen.isDirectory()) {
            return chosen.getRealName();
        }
        ZipEntry newer = newerOnly(name);
        return newer == null ? null : newer.getName();
    }

    /**
     * Raw entries (as stored, not versioned) of each logical class name that has a versioned entry: the base entry
     * first when there is one, then the versions from the lowest. Built on first need and kept.
     */
    private java.util.Map<String, List<ZipEntry>> versions() {
        if (versions == null) {
            versions = readVersions();
        }
        return versions;
    }

    private java.util.Map<String, List<ZipEntry>> readVersions() {
        java.util.Map<String, List<ZipEntry>> versioned = new java.util.LinkedHashMap<>();
        java.util.Map<String, ZipEntry> base = new java.util.HashMap<>();
        Enumeration<JarEntry> all = jar.entries();
        while (all.hasMoreElements()) {
            JarEntry entry = all.nextElement();
            String entryName = entry.getName();
            if (entry.isDirectory() || !entryName.endsWith(".class")) {
                continue;
            }
            int slash = entryName.startsWith(VERSIONS) ? entryName.indexOf('/', VERSIONS.length()) : -1;
            if (slash > VERSIONS.length() && isVersion(entryName.substring(VERSIONS.length(), slash))) {
                versioned.computeIfAbsent(entryName.substring(slash + 1), k -> new ArrayList<>()).add(entry);
            } else if (!entryName.startsWith("META-INF/")) {
                base.putIfAbsent(entryName, entry);
            }
        }
        versioned.forEach((logical, entries) -> {
            entries.sort(java.util.Comparator.comparingInt(JarArchive::version));
            ZipEntry plain = base.get(logical);
            if (plain != null) {
                entries.add(0, plain);
            }
        });
        return versioned;
    }

    private static final String VERSIONS = "META-INF/versions/";

    /** The version of a raw {@code META-INF/versions/N/...} entry. */
    private static int version(ZipEntry entry) {
        String name = entry.getName();
        return Integer.parseInt(name.substring(VERSIONS.length(), name.indexOf('/', VERSIONS.length())));
    }

    /**
     * A version directory a multi-release JarFile reads: a whole number of 8 or more, without a leading zero. A
     * JarFile for Java 9 or later reads {@code META-INF/versions/8/} too, below any version directory for Java 9 and
     * later (only Java 8, which reads no version directory, does not).
     */
    static boolean isVersion(String text) {
        if (text.isEmpty() || text.length() > 9 || text.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return Integer.parseInt(text) >= 8;
    }

    @Override
    public String where(String name) {
        String read = judgedName(name);
        return label + "!" + (read == null ? name : read);
    }

    private static String realName(ZipEntry entry) {
        return entry instanceof JarEntry ? ((JarEntry) entry).getRealName() : entry.getName();
    }

    @Override
    public List<String> classEntries() {
        List<String> names = new ArrayList<>();
        for (ClassFile file : classFiles()) {
            if (Archive.isClass(file)) {
                names.add(file.entry());
            }
        }
        return names;
    }

    /**
     * The versioned entries as listed once (no entry is looked up again by name to be read) and, in a multi-release
     * JAR, the lowest version of each class that only a newer Java loads.
     */
    @Override
    public List<ClassFile> classFiles() {
        List<ClassFile> files = new ArrayList<>();
        Set<String> listed = new java.util.HashSet<>();
        // JarFile's entries, in the order of its versioned stream: that stream's collector would link the JDK's
        // lambdas on the path of every inspection of a whole JAR, so it is read only where it versions entries
        List<JarEntry> versioned = jar.isMultiRelease() ? jar.versionedStream().toList()
                : Collections.list(jar.entries());
        for (JarEntry entry : versioned) {
            if (!Archive.isCodeEntry(entry.getName()) || entry.isDirectory()) {
                continue; // a directory entry holding data was refused when the entries were listed
            }
            String where = label + "!" + realName(entry);
            listed.add(entry.getName());
            files.add(ClassFile.of(entry.getName(), where, () -> bytes(entry, where), () -> stream(entry, where),
                    entry.getSize()));
        }
        if (jar.isMultiRelease()) {
            versions().forEach((logical, entries) -> {
                if (!listed.contains(logical) && Archive.isCodeEntry(logical)) {
                    ZipEntry lowest = entries.get(0);
                    String where = label + "!" + lowest.getName();
                    files.add(ClassFile.of(logical, where, () -> bytes(lowest, where), () -> stream(lowest, where),
                            lowest.getSize()));
                }
            });
        }
        files.addAll(versionsEntryClasses());
        return files;
    }

    @Override
    public List<ClassFile> versionFiles() {
        if (!everyJava || !jar.isMultiRelease()) {
            return List.of();
        }
        List<ClassFile> files = new ArrayList<>();
        versions().forEach((logical, entries) -> {
            if (Archive.isCodeEntry(logical)) {
                files.addAll(otherVersions(logical));
            }
        });
        return files;
    }

    @Override
    public boolean multiRelease() {
        return jar.isMultiRelease();
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
