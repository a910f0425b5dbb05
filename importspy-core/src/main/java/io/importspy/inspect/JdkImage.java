package io.importspy.inspect;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Class files of the running JDK's image ({@code jrt:/}), found through its {@code /packages} index. */
final class JdkImage {
    private JdkImage() {
    }

    /** The bytes of {@code resource} ({@code com/sun/source/tree/Tree.class}) in any module of the image. */
    static Optional<byte[]> read(String resource) throws IOException {
        int slash = resource.lastIndexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        FileSystem jrt;
        try {
            jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        } catch (RuntimeException noImage) {
            return Optional.empty(); // a JDK without a runtime image (exploded build)
        }
        Path packageDir = jrt.getPath("/packages", resource.substring(0, slash).replace('/', '.'));
        if (!Files.isDirectory(packageDir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> modules = Files.newDirectoryStream(packageDir)) {
            for (Path module : modules) {
                Path file = jrt.getPath("/modules", module.getFileName().toString(), resource);
                if (Files.isRegularFile(file)) {
                    return Optional.of(Files.readAllBytes(file));
                }
            }
        }
        return Optional.empty();
    }
}
