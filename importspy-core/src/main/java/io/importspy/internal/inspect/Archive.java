package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The bytes of a module on disk: a JAR (multi-release aware) or an exploded class directory. */
interface Archive extends Closeable {

    /**
     * Opens {@code path}.
     *
     * @param label   how errors name it (the path as the user wrote it)
     * @param release the Java whose entries a multi-release JAR gives, or {@link Inspector#EVERY_JAVA}
     * @throws InspectionException when it is missing or not a readable JAR or directory
     */
    static Archive open(Path path, String label, int release) {
        if (Files.isDirectory(path)) {
            return new DirectoryArchive(path, label);
        }
        if (!Files.exists(path)) {
            throw new InspectionException(label + ": no such file or directory; check the path");
        }
        return new JarArchive(path, label, release);
    }

    /** How errors name this archive. */
    String label();

    /** Every entry name (directories excluded), {@code /}-separated, as stored. */
    Set<String> entries();

    /** {@link #entries()} in the archive's order (central directory, or sorted for a directory). */
    List<String> entryNames();

    /**
     * The bytes of entry {@code name}; in a multi-release JAR the newest version the running Java
     * supports wins over the base entry.
     *
     * @throws InspectionException when the entry exists but cannot be read
     */
    Optional<byte[]> read(String name);

    /** How errors name entry {@code name} ({@code plugin.jar!a/B.class}), with its versioned location. */
    String where(String name);

    /**
     * In a multi-release JAR, every other version of entry {@code name} than the one {@link #read} gives (the
     * base entry and each {@code META-INF/versions/N/name}): the classes other Java versions load for it. None when
     * the archive is read for one Java ({@link Inspector#forJava}), which never loads them.
     */
    default List<ClassFile> otherVersions(String name) {
        return List.of();
    }

    /**
     * Logical names of every class of the module ({@link #isClassEntry}); in a multi-release JAR also of every class
     * only a version directory holds, whichever Java loads it.
     */
    List<String> classEntries();

    /** One class file of the archive, not yet read: how errors name it, and its bytes on demand. */
    interface ClassFile {
        /** The logical entry name ({@code a/B.class}, also for a versioned entry of a multi-release JAR). */
        String entry();

        /** How errors name the entry ({@code plugin.jar!a/B.class}, with its versioned location). */
        String where();

        /**
         * The bytes; safe to call from several threads at once.
         *
         * @throws InspectionException when the entry cannot be read
         */
        byte[] read();

        /**
         * The bytes as a stream, for a reader that may stop before the end ({@link ClassFileHead}); the caller
         * closes it. By default the stream of {@link #read()}'s bytes.
         *
         * @throws InspectionException when the entry cannot be opened
         */
        default InputStream open() {
            return new java.io.ByteArrayInputStream(read());
        }

        /** How many bytes the archive says the entry holds; -1 when it does not say. */
        default long size() {
            return -1;
        }

        /** Class file {@code entry}, named {@code where} in errors, whose bytes {@code read} supplies. */
        static ClassFile of(String entry, String where, java.util.function.Supplier<byte[]> read) {
            return of(entry, where, read, null, -1);
        }

        /**
         * Class file {@code entry}, named {@code where} in errors, whose bytes {@code read} supplies whole and
         * {@code open} (when not null) as a stream of {@code size} bytes (-1 unknown).
         */
        static ClassFile of(String entry, String where, java.util.function.Supplier<byte[]> read,
                            java.util.function.Supplier<InputStream> open, long size) {
            return new ClassFile() {
                @Override
                public InputStream open() {
                    return open == null ? ClassFile.super.open() : open.get();
                }

                @Override
                public long size() {
                    return size;
                }

                @Override
                public String entry() {
                    return entry;
                }

                @Override
                public String where() {
                    return where;
                }

                @Override
                public byte[] read() {
                    return read.get();
                }
            };
        }
    }

    /**
     * One class file for every logical name that holds code ({@link #isCodeEntry}: the classes of
     * {@link #classEntries()} and {@code package-info} files): the entry this Java loads for it, or in a multi-release
     * JAR, for a class only a newer Java loads, the lowest version's; and every {@link #versionsEntryClasses()}.
     */
    default List<ClassFile> classFiles() {
        List<ClassFile> files = new ArrayList<>();
        for (String name : entryNames()) {
            if (isCodeEntry(name)) {
                files.add(ClassFile.of(name, where(name), () -> read(name).orElseThrow()));
            }
        }
        files.addAll(versionsEntryClasses());
        return files;
    }

    /**
     * The class files stored under {@code META-INF/versions/} that declare their own path as their name
     * ({@code META-INF/versions/21/a/X.class} declaring {@code META-INF/versions/21/a/X}): a class loader asked for
     * class {@code META-INF.versions.21.a.X} defines it from that entry, whatever the manifest says (a name under
     * {@code META-INF/} is never looked up in a version directory, and on the class path {@code META-INF} is a
     * package like any other), so each is a class of the module like any other, which {@link #classFiles()} gives.
     * One that declares its logical name is a version of that class (outside a multi-release JAR, loaded under no
     * name at all), and bytes no JVM takes for a class file are no class.
     */
    default List<ClassFile> versionsEntryClasses() {
        List<ClassFile> files = new ArrayList<>();
        for (String name : entryNames()) {
            if (name.startsWith("META-INF/versions/") && name.endsWith(".class")) {
                Optional<byte[]> bytes = read(name);
                if (bytes.isPresent() && ClassFiles.declaresOwnPath(bytes.get(), name)) {
                    byte[] held = bytes.get();
                    files.add(ClassFile.of(name, where(name), () -> held));
                }
            }
        }
        return files;
    }

    /**
     * Whether {@code file} (one of {@link #classFiles()} or {@link #versionFiles()}) is a class of the module's API:
     * {@link #isClassEntry} of its name, a class under {@code META-INF/versions/} that declares its path
     * ({@link #versionsEntryClasses()}) included.
     */
    static boolean isClass(ClassFile file) {
        String entry = file.entry();
        return entry.endsWith(".class") && !entry.equals("module-info.class") && !isNamed(entry, "package-info.class")
                && !isNamed(entry, "module-info.class");
    }

    /**
     * In a multi-release JAR, every class file {@link #classFiles()} does not give: the other versions of each of
     * its logical names, which other Java versions load. A whole-module scan reads these too. None when the archive
     * is read for one Java ({@link Inspector#forJava}).
     */
    default List<ClassFile> versionFiles() {
        return List.of();
    }

    /** The manifest, when there is one. */
    Optional<Manifest> manifest();

    /**
     * Whether a class loader of the running Java reads this module as a multi-release JAR: as {@link JarFile}
     * decides from the manifest's bytes, never from the parsed attributes (a value {@code true } with a trailing
     * space or split over a continuation line parses as {@code true}, but no JarFile reads it so). A class
     * directory never is: a class loader reads a directory's entries as they are stored.
     */
    default boolean multiRelease() {
        return false;
    }

    @Override
    void close();

    /** The most bytes one entry may inflate to: far above any real class file, far below a zip bomb. */
    int MAX_ENTRY_BYTES = 64 << 20;

    /**
     * Reads a whole entry, refusing one that inflates past {@link #MAX_ENTRY_BYTES}.
     *
     * @param where how errors name the entry
     * @throws InspectionException when the entry is too large
     */
    static byte[] readBounded(InputStream in, String where) throws IOException {
        byte[] bytes = in.readNBytes(MAX_ENTRY_BYTES + 1);
        if (bytes.length > MAX_ENTRY_BYTES) {
            throw tooLarge(where);
        }
        return bytes;
    }

    /**
     * Reads a whole entry whose size the archive records ({@code declaredSize}, -1 when unknown) into an
     * array of that size at once, without regrowing buffers; an entry that turns out longer or shorter than
     * declared is still read whole, within the same bound as {@link #readBounded}.
     */
    static byte[] readBounded(InputStream in, long declaredSize, String where) throws IOException {
        if (declaredSize < 0) {
            return readBounded(in, where);
        }
        if (declaredSize > MAX_ENTRY_BYTES) {
            throw tooLarge(where);
        }
        int size = (int) declaredSize;
        byte[] bytes = new byte[size];
        int read = in.readNBytes(bytes, 0, size);
        if (read < size) {
            return java.util.Arrays.copyOf(bytes, read);
        }
        int next = in.read();
        if (next < 0) {
            return bytes;
        }
        byte[] rest = in.readNBytes(MAX_ENTRY_BYTES - size); // at most one byte past the bound in total
        if (size + 1L + rest.length > MAX_ENTRY_BYTES) {
            throw tooLarge(where);
        }
        byte[] whole = java.util.Arrays.copyOf(bytes, size + 1 + rest.length);
        whole[size] = (byte) next;
        System.arraycopy(rest, 0, whole, size + 1, rest.length);
        return whole;
    }

    /** The error of an entry that inflates past {@link #MAX_ENTRY_BYTES}. */
    static InspectionException tooLarge(String where) {
        return new InspectionException(where + ": entry inflates to more than " + (MAX_ENTRY_BYTES >> 20)
                + " MiB; no class file or resource is that large (a zip bomb?)");
    }

    /**
     * Whether {@code entry} (a logical name) is a class of the module's API, which inspection reads for
     * {@code all()}, selections and {@code --undeclared}: every class file but a {@code module-info.class} or
     * {@code package-info.class} (by its whole file name: {@code Xpackage-info.class} is a class like any other)
     * and a raw {@code META-INF/versions/} entry. A class under {@code META-INF/} is one: on the class path
     * {@code META-INF} is a package like any other.
     */
    static boolean isClassEntry(String entry) {
        return isCodeEntry(entry) && !isNamed(entry, "package-info.class") && !isNamed(entry, "module-info.class");
    }

    /**
     * Whether {@code entry} (a logical name) holds code the JVM may run, which a whole-module scan
     * ({@code references:}) reads: every class file but the module's own descriptor ({@code module-info.class} at
     * the root) and a raw {@code META-INF/versions/} entry (read as the version of its logical name); a
     * {@code package-info} or a {@code module-info} in a package is a class a loader defines by its name.
     */
    static boolean isCodeEntry(String entry) {
        return entry.endsWith(".class") && !entry.equals("module-info.class") && !entry.startsWith("META-INF/versions/");
    }

    /** Whether the file name of {@code entry} (its last segment) is {@code fileName}. */
    static boolean isNamed(String entry, String fileName) {
        return entry.endsWith(fileName) && (entry.length() == fileName.length()
                || entry.charAt(entry.length() - fileName.length() - 1) == '/');
    }
}
