package io.importspy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts real JVMs for tests of what a whole process does (an agent before {@code main}, a launcher): a command
 * line, a working directory, and what came back. The one JVM launcher of the project's tests.
 *
 * <pre>{@code
 * Jvms.Run run = Jvms.run(Jvms.current(), work, "-javaagent:" + agent + "=policy=" + policy, "-cp", host, "Main");
 * assertThat(run.exit()).as(run.toString()).isZero();
 * }</pre>
 */
public final class Jvms {
    /** How long a JVM may run before the test fails. */
    private static final long TIMEOUT_SECONDS = 120;

    private Jvms() {
    }

    /**
     * What a JVM did: its exit code, and everything it wrote.
     *
     * @param exit the exit code
     * @param out  standard output
     * @param err  standard error
     */
    public record Run(int exit, String out, String err) {
    }

    /** The {@code java} launcher of the JVM running the tests (Java 17 in this build). */
    public static Path current() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The {@code java} launcher of a JDK 25: {@code -Dimportspy.jdk25=DIR}, else the first
     * {@code /usr/lib/jvm/temurin-25*}; empty when there is none.
     */
    public static Optional<Path> jdk25() {
        String configured = System.getProperty("importspy.jdk25", "");
        if (!configured.isEmpty()) {
            return Optional.of(Path.of(configured, "bin", "java"));
        }
        try (var jdks = Files.newDirectoryStream(Path.of("/usr/lib/jvm"), "temurin-25*")) {
            for (Path jdk : jdks) {
                return Optional.of(jdk.resolve("bin/java"));
            }
        } catch (IOException e) {
            // no /usr/lib/jvm
        }
        return Optional.empty();
    }

    /**
     * Runs {@code java} with {@code args} in {@code directory}, its output captured in files there.
     *
     * @throws AssertionError when the JVM does not finish within two minutes (it is killed)
     */
    public static Run run(Path java, Path directory, String... args) {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(directory, "out", ".txt");
            Path err = Files.createTempFile(directory, "err", ".txt");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the JVM did not finish in " + TIMEOUT_SECONDS + " s: " + command);
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + command, e);
        }
    }
}
