package host;

import java.io.File;
import java.lang.invoke.MethodHandles;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.zip.ZipFile;

/**
 * A plugin host with no ImportSpy code in it: it loads every plugin of a directory through its own class loaders,
 * then tries every way it knows to run the rogue plugin's bytes anyway. Each attempt prints one line.
 */
public class Main {
    public static void main(String[] args) throws Exception {
        System.out.println("host started");
        File[] jars = new File(args[0]).listFiles((d, n) -> n.endsWith(".jar"));
        Arrays.sort(jars);
        for (File jar : jars) {
            attempt("plugin " + jar.getName(), () -> services(new URLClassLoader(new URL[] {jar.toURI().toURL()})));
        }
        Path rogue = Path.of(args[1]);
        Path good = Path.of(args[2]);
        attempt("second loader", () -> services(new URLClassLoader(new URL[] {rogue.toUri().toURL()})));
        attempt("jar url", () -> services(new URLClassLoader(new URL[] {new URL("jar:" + rogue.toUri() + "!/")})));
        byte[] plugin = bytes(rogue, "rogue/Plugin.class");
        attempt("no code source", () -> new Forger().define("rogue.Plugin", plugin, null));
        attempt("forged code source", () -> new Forger().define("rogue.Plugin", plugin, good.toUri().toURL()));
        attempt("http code source", () -> new Forger().define("rogue.Plugin", plugin,
                new URL("http://plugins.example/rogue.jar")));
        attempt("jrt code source", () -> new Forger().define("rogue.Plugin", plugin, new URL("jrt:/java.base")));
        attempt("lookup define", () -> {
            Class<?> stub = Class.forName("rogue.Plugin", false, new URLClassLoader(new URL[] {rogue.toUri().toURL()}));
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(stub, MethodHandles.lookup());
            Class<?> helper = lookup.defineClass(bytes(rogue, "rogue/Helper.class"));
            MethodHandles.lookup().ensureInitialized(helper);
        });
        attempt("hidden class", () -> {
            Class<?> stub = Class.forName("rogue.Plugin", false, new URLClassLoader(new URL[] {rogue.toUri().toURL()}));
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(stub, MethodHandles.lookup());
            MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes(rogue, "rogue/Hidden.class"), true);
            System.out.println("hidden class defined: " + hidden.lookupClass());
        });
        attempt("class path", () -> Class.forName("blocked.Lib", true, Main.class.getClassLoader()));
        System.out.println("host done");
    }

    interface Attempt {
        void run() throws Exception;
    }

    static void attempt(String what, Attempt attempt) {
        try {
            attempt.run();
            System.out.println(what + ": ran");
        } catch (Throwable e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String message = String.valueOf(cause.getMessage());
            System.out.println(what + ": " + cause.getClass().getName() + ": " + message.lines().findFirst().orElse(""));
        }
    }

    static void services(ClassLoader loader) {
        for (Runnable plugin : ServiceLoader.load(Runnable.class, loader)) {
            plugin.run();
        }
    }

    static byte[] bytes(Path jar, String entry) throws Exception {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getInputStream(zip.getEntry(entry)).readAllBytes();
        }
    }

    /** A class loader that defines the bytes it is given under whatever code source it is told. */
    static final class Forger extends ClassLoader {
        Forger() {
            super(Main.class.getClassLoader());
        }

        void define(String name, byte[] bytes, URL location) throws Exception {
            Class<?> type = location == null ? defineClass(name, bytes, 0, bytes.length)
                    : defineClass(name, bytes, 0, bytes.length,
                    new ProtectionDomain(new CodeSource(location, (CodeSigner[]) null), null, this, null));
            Class.forName(type.getName(), true, this);
        }
    }
}
