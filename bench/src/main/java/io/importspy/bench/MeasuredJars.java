package io.importspy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real JARs the benchmarks measure. They are copied by the {@code bench} Maven profile into
 * {@code bench/target/jars}, beside {@code benchmarks.jar}, and are deliberately not on the benchmark
 * class path. The system property {@code importspy.bench.jars} names another directory.
 */
final class MeasuredJars {
    private MeasuredJars() {
    }

    /** The JAR whose file name is {@code artifactId-<version>.jar}, e.g. {@code guava}. */
    static Path jar(String artifactId) {
        Path dir = directory();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, artifactId + "-[0-9]*.jar")) {
            for (Path file : files) {
                return file;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        throw new IllegalStateException("no " + artifactId + "-*.jar in " + dir
                + "; build the benchmarks with bench/run.sh (mvn -Pbench package) first");
    }

    private static Path directory() {
        String property = System.getProperty("importspy.bench.jars");
        if (property != null) {
            return Path.of(property);
        }
        try {
            Path self = Path.of(MeasuredJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/benchmarks.jar or target/classes: either way the sibling target/jars.
            return self.getParent().resolve("jars");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmark classes", e);
        }
    }
}
