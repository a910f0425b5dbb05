package io.importspy.agent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The verdicts of an earlier JVM's start-up check ({@code cache=DIR}), so that a warm start reads the file system
 * identity of its class path and one file instead of reading the policy and validating each entry. An entry's key
 * is everything the verdicts depend on: the agent JAR (so a new ImportSpy never reads an old verdict), the JDK, the
 * policy, the {@code unchecked} option, and each start-up code source's path and identity (taken before it is
 * checked), in order. It lists the
 * contracts the policy named with their identities, checked again on each read: a changed contract is a miss. Only verdicts that depend on nothing else are kept (no contract with deployments,
 * which depend on the running JVM). The directory must belong to the user and be writable by nobody else, since
 * a verdict read from it is trusted; otherwise the cache is not used.
 */
final class StartupCache {
    /** Owned by the process's effective user (Linux): the cache directory's owner is compared with it. */
    private static final Path PROC_SELF = Path.of("/proc/self");

    private final Path file;
    private final String key;

    private StartupCache(Path file, String key) {
        this.file = file;
        this.key = key;
    }

    /** The cache entry for {@code key} in {@code dir}, or empty (with the reason on stderr) when dir is unsafe. */
    static Optional<StartupCache> in(Path dir, String key) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                trySetOwnerOnly(dir);
            }
            if (!safe(dir)) {
                System.err.println("importspy-agent: not using cache " + dir + ": it belongs to another user or "
                        + "others may write to it");
                return Optional.empty();
            }
        } catch (IOException e) {
            System.err.println("importspy-agent: not using cache " + dir + ": " + e.getMessage());
            return Optional.empty();
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        String name = hex(crc.getValue()) + hex(key.hashCode() & 0xFFFF_FFFFL) + ".verdicts";
        return Optional.of(new StartupCache(dir.resolve(name), key));
    }

    /** {@code value} (32 bits) as 8 hexadecimal digits, without {@code String.format} (a warm start's cost). */
    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "00000000".substring(digits.length()) + digits;
    }

    /** The verdicts stored for this key, in start-up order, when the contracts they were reached by are unchanged. */
    Optional<List<Verdict>> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        byte[] bytes;
        try (java.io.FileInputStream stream = new java.io.FileInputStream(file.toFile())) {
            bytes = stream.readAllBytes(); // not Files.readAllBytes: its channel classes are a warm start's cost
        } catch (IOException e) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (!readText(in).equals(key)) {
                return Optional.empty(); // another key with the same file name
            }
            for (int n = in.readInt(); n > 0; n--) {
                String identity = readText(in);
                Path contract = Path.of(readText(in));
                if (!Files.isRegularFile(contract) || !identity(contract).equals(identity)) {
                    return Optional.empty();
                }
            }
            List<Verdict> verdicts = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                String codeSource = readText(in);
                Verdict.Outcome outcome = outcome(readText(in));
                String contract = readText(in);
                verdicts.add(new Verdict(codeSource, outcome, contract, readText(in), true));
            }
            return Optional.of(verdicts);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a torn or foreign file is a miss; the next store replaces it
        }
    }

    /** A text {@link Writer#writeText} wrote; a length the rest of the file cannot hold is a torn file. */
    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("torn cache file");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The outcome named {@code name}, looked up in {@code values()}: {@code Enum.valueOf} finds an enum's constants by
     * reflection, which costs a warm start more than the rest of reading the file.
     */
    private static Verdict.Outcome outcome(String name) throws IOException {
        for (Verdict.Outcome outcome : Verdict.Outcome.values()) {
            if (outcome.name().equals(name)) {
                return outcome;
            }
        }
        throw new IOException("unknown outcome " + name);
    }

    /** Stores {@code verdicts} when all are cacheable and every contract in {@code contracts} can be read. */
    void store(List<Path> contracts, List<Verdict> verdicts) {
        for (Verdict verdict : verdicts) { // a loop: allMatch spins JDK lambda classes on a cold start
            if (!verdict.cacheable()) {
                return;
            }
        }
        Writer.store(file, key, contracts, verdicts);
    }

    /**
     * The key of a start-up check: what its verdicts depend on. The agent JAR, the policy, its contracts and the
     * start-up code sources are known by their file system identity and times (device, inode, size, modification
     * and status-change times, as git's index knows its files unchanged): replacing or rewriting a file changes its
     * status-change time, which no user can set back. Where the file system has no such times, by their SHA-256.
     * The entry's file is named by two 32-bit hashes of the key and holds the whole key, compared on each read.
     */
    static String key(Path agentJar, Path policy, String unchecked, List<Path> sources, List<String> identities)
            throws IOException {
        StringBuilder text = new StringBuilder("importspy-agent startup cache 5\n");
        text.append(agentJar).append(' ').append(identity(agentJar)).append('\n');
        text.append(System.getProperty("java.home")).append(' ').append(System.getProperty("java.runtime.version"))
                .append('\n');
        text.append(policy).append(' ').append(identity(policy)).append('\n');
        text.append("unchecked=").append(unchecked).append('\n');
        for (int i = 0; i < sources.size(); i++) {
            text.append(sources.get(i)).append(' ').append(identities.get(i)).append('\n');
        }
        return text.toString();
    }

    /** What a file is known by: its file system identity and times, or its SHA-256 where there are none. */
    static String identity(Path file) throws IOException {
        try {
            // one stat: whether it is a directory comes with the rest
            Map<String, Object> unix = Files.readAttributes(file,
                    "unix:isDirectory,dev,ino,size,lastModifiedTime,ctime");
            if (Boolean.TRUE.equals(unix.get("isDirectory"))) {
                return "dir"; // the start-up verdicts of a class path with a class directory are never stored
            }
            StringBuilder text = new StringBuilder(64).append("stat ").append(unix.get("dev")).append(' ')
                    .append(unix.get("ino")).append(' ').append(unix.get("size")).append(' ');
            nanos(text, unix.get("lastModifiedTime"));
            nanos(text.append(' '), unix.get("ctime"));
            return text.toString();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Files.isDirectory(file) ? "dir" : Digests.sha256(file);
        }
    }

    /**
     * Appends a file time as nanoseconds since the epoch; one that a {@code long} of nanoseconds cannot hold (before
     * 1677 or after 2262), which {@code FileTime.to} would clamp, as seconds and nanoseconds, so that no two times are
     * written alike. Neither {@code FileTime.toString} (a date formatted with java.time) nor {@code toInstant}, both a
     * warm start's cost.
     */
    private static void nanos(StringBuilder text, Object time) {
        java.nio.file.attribute.FileTime fileTime = (java.nio.file.attribute.FileTime) time;
        long nanos = fileTime.to(java.util.concurrent.TimeUnit.NANOSECONDS);
        if (nanos == Long.MAX_VALUE || nanos == Long.MIN_VALUE) {
            java.time.Instant instant = fileTime.toInstant();
            text.append(instant.getEpochSecond()).append('.').append(instant.getNano()).append('s');
        } else {
            text.append(nanos);
        }
    }

    /**
     * Whether {@code dir} belongs to the user and nobody else may write to it: its mode and owner in one {@code stat},
     * the owner compared by number with the process's own (the owner of {@code /proc/self}, on Linux), not by a
     * name the user database is searched for; by name where that is not known.
     */
    private static boolean safe(Path dir) throws IOException {
        Map<String, Object> unix;
        try {
            unix = Files.readAttributes(dir, "unix:mode,uid");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return safeByPermissions(dir);
        }
        if ((((Integer) unix.get("mode")) & 022) != 0) { // group or others may write
            return false;
        }
        Object me;
        try {
            me = Files.getAttribute(PROC_SELF, "unix:uid");
        } catch (IOException e) {
            return Files.getOwner(dir).getName().equals(System.getProperty("user.name"));
        }
        return me.equals(unix.get("uid"));
    }

    private static boolean safeByPermissions(Path dir) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
            if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                return false;
            }
            return Files.getOwner(dir).getName().equals(System.getProperty("user.name"));
        } catch (UnsupportedOperationException e) {
            return true; // no POSIX permissions (Windows): the user's profile directories are private already
        }
    }

    private static void trySetOwnerOnly(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    /**
     * Writing an entry, which only a cold start does: a class of its own, so that a warm start neither loads nor
     * verifies it (nor the exceptions of its file operations, which the verifier loads for each handler).
     */
    private static final class Writer {
        private Writer() {
        }

            /** Writes the entry {@code file} of {@code key}; a file that cannot be written is reported on stderr. */
            static void store(Path file, String key, List<Path> contracts, List<Verdict> verdicts) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    writeText(out, key);
                    out.writeInt(contracts.size());
                    for (Path contract : contracts) {
                        writeText(out, identity(contract));
                        writeText(out, contract.toAbsolutePath().normalize().toString());
                    }
                    out.writeInt(verdicts.size());
                    for (Verdict verdict : verdicts) {
                        writeText(out, verdict.codeSource());
                        writeText(out, verdict.outcome().name());
                        writeText(out, verdict.contract());
                        writeText(out, verdict.reason());
                    }
                }
                Path temp = written(file, bytes.toByteArray());
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("importspy-agent: could not write cache " + file + ": " + e.getMessage());
            }
        }

        /**
         * A new file beside the entry's, holding {@code bytes}, readable and writable by the user alone. Not
         * {@code Files.createTempFile}: its random name comes from a {@code SecureRandom}, whose seeding loads the
         * security providers (about 90 classes of the JDK, and some 100 ms of a cold start on a busy 2-core machine). The
         * name is the entry's and the time; the file is created only if no file has that name ({@code CREATE_NEW}, so
         * nothing there, a link least of all, is written through), and another name is tried if one has.
         */
        private static Path written(Path file, byte[] bytes) throws IOException {
            for (int attempt = 1; ; attempt++) {
                Path temp = file.resolveSibling(file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
                java.nio.channels.SeekableByteChannel out;
                try {
                    out = create(temp);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (attempt == 10) {
                        throw e;
                    }
                    continue;
                }
                try (out) {
                    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                } catch (IOException e) {
                    Files.deleteIfExists(temp);
                    throw e;
                }
                return temp;
            }
        }

        private static java.nio.channels.SeekableByteChannel create(Path temp) throws IOException {
            Set<java.nio.file.StandardOpenOption> options =
                    Set.of(java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            try {
                return Files.newByteChannel(temp, options,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                return Files.newByteChannel(temp, options); // not a POSIX file system
            }
        }

        /**
         * A text as its length and UTF-8 bytes: not {@code DataOutputStream.writeUTF}, whose modified UTF-8 the reader
         * decodes a character at a time in interpreted code (a warm start reads about 160 texts), and which cannot hold
         * more than 65,535 bytes.
         */
        private static void writeText(DataOutputStream out, String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }
}
