import io.importspy.API;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;

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
            Class.forName("io.importspy.agent.Agent", true, new Own(jar))
                    .getMethod("premain", String.class, Instrumentation.class).invoke(null, options, instrumentation);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Loads ImportSpy's classes from the agent JAR itself, whatever the JVM's other loaders would find first. */
    private static final class Own extends URLClassLoader {
        static {
            ClassLoader.registerAsParallelCapable();
        }

        Own(URL jar) {
            super("importspy-agent", new URL[] {jar}, ClassLoader.getPlatformClassLoader());
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
