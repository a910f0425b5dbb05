package evasion;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.zip.ZipFile;

/**
 * A host with no ImportSpy code in it that tries, one argument each, ways to run a refused JAR's code that the
 * agent's transformer might not see as that JAR's. Each attempt prints one line.
 */
public class Host {
    /** Set when the host is also started as an agent ({@code -javaagent:host.jar}, after ImportSpy's). */
    static java.lang.instrument.Instrumentation instrumentation;

    public static void premain(String options, java.lang.instrument.Instrumentation given) {
        instrumentation = given;
    }

    public static void main(String[] args) throws Exception {
        Path rogue = Path.of(System.getProperty("rogue"));
        for (String what : args) {
            try {
                switch (what) {
                    case "unnamed" -> new Forger().define(bytes(rogue, "rogue/Plugin.class"), rogue.toUri().toURL());
                    case "unnamed without code source" -> new Forger().define(bytes(rogue, "rogue/Plugin.class"), null);
                    case "boot class path" -> Class.forName("boot.Lib");
                    case "replaced after the check" -> {
                        java.nio.file.Files.move(Path.of(System.getProperty("replacement")),
                                Path.of(System.getProperty("late")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        Class.forName("late.Rogue");
                    }
                    case "dot dot after a link" -> Class.forName("tool.Lib", true,
                            new URLClassLoader(new URL[] {new URL(System.getProperty("dotdot"))}, null));
                    case "link changed after its loader opened it" -> {
                        Path link = Path.of(System.getProperty("link"));
                        URLClassLoader loader = new URLClassLoader(new URL[] {link.toUri().toURL()}, null);
                        loader.getResource("rogue/Plugin.class"); // opens the JAR the link names now
                        relink(link, Path.of(System.getProperty("admitted")));
                        Class.forName("rogue.Plugin", true, loader);
                    }
                    case "class path link changed after its loader opened it" -> {
                        ClassLoader.getSystemResource("rogue/Plugin.class"); // the class path's loader opens it
                        relink(Path.of(System.getProperty("link")), Path.of(System.getProperty("admitted")));
                        Class.forName("rogue.Plugin");
                    }
                    case "agent's domain" -> {
                        // the protection domain of ImportSpy's own classes, under which its loader's classes pass
                        ProtectionDomain agents = null;
                        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
                            if (type.getName().equals("io.importspy.agent.Agent") && type.getClassLoader() != null) {
                                agents = type.getProtectionDomain();
                            }
                        }
                        new Forger().defineUnder(bytes(rogue, "rogue/Plugin.class"), agents);
                    }
                    case "late plugin" -> Class.forName("late.Good", true,
                            new URLClassLoader(new URL[] {Path.of(System.getProperty("late")).toUri().toURL()}, null));
                    case "logger" -> System.getLogger("evasion").log(System.Logger.Level.WARNING, "host logs");
                    case "zone" -> java.time.ZoneId.of("Evil/Zone");
                    default -> throw new IllegalArgumentException(what);
                }
                System.out.println(what + ": ran");
            } catch (Throwable e) {
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                System.out.println(what + ": " + cause.getClass().getName() + ": "
                        + String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
            }
        }
    }

    /** Points {@code link} at {@code target} instead, as a deployment that switches versions by a link does. */
    static void relink(Path link, Path target) throws Exception {
        Path next = link.resolveSibling(link.getFileName() + ".next");
        java.nio.file.Files.createSymbolicLink(next, target);
        java.nio.file.Files.move(next, link, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static byte[] bytes(Path jar, String entry) throws Exception {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getInputStream(zip.getEntry(entry)).readAllBytes();
        }
    }

    /** Defines bytes without saying their name ({@code defineClass(null, ...)}), under the code source it is told. */
    static final class Forger extends ClassLoader {
        Forger() {
            super(Host.class.getClassLoader());
        }

        void define(byte[] bytes, URL location) throws Exception {
            defineUnder(bytes, location == null ? null
                    : new ProtectionDomain(new CodeSource(location, (CodeSigner[]) null), null, this, null));
        }

        void defineUnder(byte[] bytes, ProtectionDomain domain) throws Exception {
            Class<?> type = defineClass(null, bytes, 0, bytes.length, domain);
            Class.forName(type.getName(), true, this);
        }
    }
}
