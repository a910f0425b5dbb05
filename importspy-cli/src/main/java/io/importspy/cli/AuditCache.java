package io.importspy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The content-addressed verdict cache of {@code importspy audit}: one small file per verdict, named by the
 * SHA-256 of what the verdict depends on (the target's digest, the contract's or policy's digest, and the
 * {@linkplain #key run's settings}: ImportSpy's version, the Java version that resolves JDK supertypes, the
 * class path's and the runtime record's digests, strictness). A changed target, contract or setting is a new
 * key, so an entry is never stale and is never updated: the cache needs no invalidation, only deletion to
 * reclaim space. Files are written to a temporary name and moved into place, so concurrent jobs and machines
 * sharing the directory see whole entries or none; an entry that does not read back as one is a miss.
 *
 * <p>An error verdict that follows from those bytes alone (a contract's errors, a corrupt JAR, the multi-release
 * rule) is cached too, as its one-line message, under a key that adds the paths the message names (the target's,
 * the class path's); an error of I/O, or one the bytes do not decide (a digest a manifest pins, a file changed
 * while it was read), never is.
 *
 * <p>Whoever can write the directory can write verdicts: keep it where only the auditing user can.
 */
final class AuditCache {
    private static final String HEADER = "importspy-audit-verdict 1 ";

    private final Optional<Path> directory;

    private AuditCache(Optional<Path> directory) {
        this.directory = directory;
    }

    /** No cache: every target is validated. */
    static AuditCache none() {
        return new AuditCache(Optional.empty());
    }

    /** Whether verdicts are kept: not for {@link #none()}, whose audits need no keys. */
    boolean isOn() {
        return directory.isPresent();
    }

    /** The cache in {@code directory}, created when missing. */
    static AuditCache in(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(List.of("--cache '" + directory + "' cannot be created: " + e.getMessage()));
        }
        if (!Files.isWritable(directory)) {
            throw new BadInputException(List.of("--cache '" + directory + "' is not writable"));
        }
        return new AuditCache(Optional.of(directory));
    }

    /**
     * The default directory: {@code $XDG_CACHE_HOME/importspy/audit}, else {@code ~/.cache/importspy/audit} (the
     * XDG base directory convention that pip, Bazel and Coursier follow on Linux).
     */
    static Path defaultDirectory(String xdgCacheHome, String userHome) {
        Path base = xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()
                ? Path.of(xdgCacheHome) : Path.of(userHome, ".cache");
        return base.resolve("importspy").resolve("audit");
    }

    /**
     * The key of a verdict: the digest of the target (of its bytes and its file name), of the contract (or policy),
     * and of the settings.
     */
    static String key(String targetDigest, String contractDigest, String settingsDigest) {
        return Digests.ofTexts(targetDigest, contractDigest, settingsDigest).substring("sha256:".length());
    }

    /** The verdict stored under {@code key}, if any. */
    Optional<String> get(String key) {
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file(key), StandardCharsets.UTF_8);
            String header = HEADER + key + "\n";
            return text.startsWith(header) && text.endsWith("\n")
                    ? Optional.of(text.substring(header.length(), text.length() - 1)) : Optional.empty();
        } catch (IOException | RuntimeException missingOrUnreadable) {
            return Optional.empty();
        }
    }

    /** Stores {@code verdict} (one line) under {@code key}; a cache that cannot be written is no error. */
    void put(String key, String verdict) {
        if (directory.isEmpty()) {
            return;
        }
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), key.substring(0, 8), ".tmp");
            Files.writeString(temporary, HEADER + key + "\n" + verdict + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // a full or read-only disk costs the next run time, not this run its verdict
        }
    }

    private Path file(String key) {
        return directory.orElseThrow().resolve(key.substring(0, 2)).resolve(key + ".json");
    }
}
