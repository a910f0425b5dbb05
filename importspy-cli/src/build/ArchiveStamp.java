import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step of the command line: writes {@code FILE.for} beside a start-up archive (the static AppCDS archive, or
 * the AOT cache of a JDK 25 or newer), the things it holds only for: the JAR's path, the JDK's home and its
 * run-time version, and the JAR's size and modification time. {@code ./importspy} passes the archive only when
 * they are its own. A static archive that the JVM refuses (a JAR moved with its checkout, a JDK upgraded in place) turns off class-data sharing altogether,
 * the JDK's own archive with it: a start-up slower than with no archive named at all; and JDK 25 does not compare an
 * AOT cache's JAR with the JAR it runs.
 *
 * <p>{@code java ArchiveStamp.java target/importspy.jsa target/importspy.jar}, run by the JDK that made the archive.
 * Without an archive (the dump failed or was skipped), it removes a stamp left by an earlier build.
 */
public final class ArchiveStamp {
    private ArchiveStamp() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java ArchiveStamp.java ARCHIVE target/importspy.jar");
            System.exit(2);
        }
        Path archive = Path.of(args[0]);
        Path stamp = Path.of(args[0] + ".for");
        if (!Files.isRegularFile(archive)) {
            Files.deleteIfExists(stamp);
            System.out.println("ArchiveStamp: no archive " + archive);
            return;
        }
        String text = "jar=" + args[1] + "\n"
                + "java=" + Path.of(System.getProperty("java.home")).toRealPath() + "\n"
                + "runtime=" + System.getProperty("java.runtime.version") + "\n"
                // the JAR's size and modification time in seconds, as `stat -c '%s %Y'` gives them
                + "jarfile=" + Files.size(Path.of(args[1])) + " "
                + Files.getLastModifiedTime(Path.of(args[1])).to(java.util.concurrent.TimeUnit.SECONDS) + "\n";
        Files.writeString(stamp, text, StandardCharsets.UTF_8);
        System.out.println("ArchiveStamp: " + stamp);
    }
}
