package io.importspy.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

/**
 * A new directory under {@code java.io.tmpdir} that only this user can enter, as
 * {@link Files#createTempDirectory(String, FileAttribute[])} makes one, without its {@code SecureRandom}: the first
 * use of one starts the JDK's security providers, milliseconds of an audit's start. The name needs no secret: the
 * directory is created atomically (never one that already exists, nor through a link), owner-only on a POSIX file
 * system, and another name is tried when it is taken.
 */
final class PrivateDirectory {
    private static final int ATTEMPTS = 1000;

    private PrivateDirectory() {
    }

    /** Creates {@code prefix} followed by a number no existing entry of the temporary directory has. */
    static Path create(String prefix) throws IOException {
        Path parent = Path.of(System.getProperty("java.io.tmpdir"));
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE))}
                : new FileAttribute<?>[0];
        long seed = System.nanoTime(); // not ProcessHandle.current().pid(): its class links a lambda as it starts
        for (int attempt = 0; ; attempt++) {
            Path directory = parent.resolve(prefix + Long.toUnsignedString(seed + attempt * 0x9E3779B97F4A7C15L, 36));
            try {
                return Files.createDirectory(directory, ownerOnly);
            } catch (FileAlreadyExistsException taken) {
                if (attempt == ATTEMPTS) {
                    throw new IOException(parent + ": no free name for a temporary directory after " + ATTEMPTS
                            + " tries", taken);
                }
            }
        }
    }
}
