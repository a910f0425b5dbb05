import io.importspy.API;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.SecureClassLoader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The agent JAR's {@code Premain-Class}, which the JVM loads before any policy is applied: it is found on the boot
 * class path (the JAR names itself in its {@code Boot-Class-Path}), which the class path's loader searches before
 * the class path, and it is in the unnamed package, which no module of the module path can hold. So no JAR the
 * policy is about to check can stand in for it. It loads the agent ({@code io.importspy.agent.Agent}) and every
 * class the agent uses from the agent's JAR alone, with a class loader of its own.
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ImportSpyAgent {
    private ImportSpyAgent() {
    }

    /**
     * Starts {@code io.importspy.agent.Agent} from this JAR.
     *
     * @param options         the text after {@code =} in {@code -javaagent:importspy-agent.jar=...}
     * @param instrumentation the JVM's instrumentation
     */
    public static void premain(String options, Instrumentation instrumentation) throws Throwable {
        URL self = ImportSpyAgent.class.getResource("ImportSpyAgent.class");
        if (ImportSpyAgent.class.getClassLoader() != null || self == null || !self.getProtocol().equals("jar")) {
            System.err.println("importspy-agent: the agent JAR must be named importspy-agent.jar: its manifest puts "
                    + "that file on the boot class path, where no JAR of the application can stand in for the agent");
            System.err.flush();
            Runtime.getRuntime().halt(2);
            return;
        }
        String spec = self.toString(); // jar:file:/.../importspy-agent.jar!/ImportSpyAgent.class
        URL jar = new URL(spec.substring("jar:".length(), spec.lastIndexOf("!/")));
        try {
            Class.forName("io.importspy.agent.Agent", true, new Own(jar, new File(jar.toURI())))
                    .getMethod("premain", String.class, Instrumentation.class).invoke(null, options, instrumentation);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("the agent JAR " + jar + " is no local file", e);
        }
    }

    /**
     * Loads ImportSpy's classes from the agent JAR itself, whatever the JVM's other loaders would find first. Not a
     * {@code URLClassLoader}: the one JAR is read as a {@code ZipFile}, each class defined under one code source (the
     * JAR's URL, as a {@code URLClassLoader} names it), each package with the JAR's manifest, without a URL, a
     * resource object and a manifest look-up per class (a cold start defines some 340 classes of the agent, and the
     * class loader was a fifth of it).
     */
    private static final class Own extends SecureClassLoader {
        static {
            ClassLoader.registerAsParallelCapable();
        }

        private final URL location;
        private final ZipFile jar;
        private final CodeSource source;
        private final Attributes manifest;

        Own(URL location, File file) throws IOException {
            super("importspy-agent", ClassLoader.getPlatformClassLoader());
            this.location = location;
            this.jar = new ZipFile(file);
            this.source = new CodeSource(location, (CodeSigner[]) null);
            ZipEntry entry = jar.getEntry("META-INF/MANIFEST.MF");
            if (entry == null) {
                this.manifest = new Attributes();
            } else {
                try (InputStream in = jar.getInputStream(entry)) {
                    this.manifest = new Manifest(in).getMainAttributes();
                }
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            ZipEntry entry = jar.getEntry(name.replace('.', '/').concat(".class"));
            if (entry == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes;
            try (InputStream in = jar.getInputStream(entry)) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
            int dot = name.lastIndexOf('.');
            if (dot > 0) {
                definePackageOnce(name.substring(0, dot));
            }
            return defineClass(name, bytes, 0, bytes.length, source);
        }

        private void definePackageOnce(String name) {
            if (getDefinedPackage(name) != null) {
                return;
            }
            try {
                definePackage(name, manifest.getValue(Attributes.Name.SPECIFICATION_TITLE),
                        manifest.getValue(Attributes.Name.SPECIFICATION_VERSION),
                        manifest.getValue(Attributes.Name.SPECIFICATION_VENDOR),
                        manifest.getValue(Attributes.Name.IMPLEMENTATION_TITLE),
                        manifest.getValue(Attributes.Name.IMPLEMENTATION_VERSION),
                        manifest.getValue(Attributes.Name.IMPLEMENTATION_VENDOR), null);
            } catch (IllegalArgumentException definedMeanwhile) {
                // another thread defined it first
            }
        }

        @Override
        protected URL findResource(String name) {
            if (jar.getEntry(name) == null) {
                return null;
            }
            try {
                return new URL("jar:" + location + "!/" + name);
            } catch (MalformedURLException e) {
                return null;
            }
        }

        @Override
        protected Enumeration<URL> findResources(String name) {
            URL found = findResource(name);
            return found == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(found));
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.importspy.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
