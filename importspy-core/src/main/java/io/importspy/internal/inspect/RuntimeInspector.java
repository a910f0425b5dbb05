package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import io.importspy.API;
import io.importspy.inspect.LibraryFacts;
import io.importspy.inspect.ModuleIdentity;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.java.Platforms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.importspy.API.Status.INTERNAL;

/** Reads the facts of the running JVM, and the identity of the libraries on a class path. */
@API(status = INTERNAL, since = "0.1.0")
public final class RuntimeInspector {
    private RuntimeInspector() {
    }

    /**
     * {@code Runtime.version()} as text, from the property it is parsed from: its {@code toString} joins the version
     * numbers with a stream, whose collector links the JDK's lambdas on the path of every validation.
     */
    static String javaVersion() {
        String property = System.getProperty("java.runtime.version");
        return property != null ? property : Runtime.version().toString();
    }

    /** The running JVM: platform, Java, every environment variable and system property; no libraries. */
    public static RuntimeFacts current() {
        String osName = System.getProperty("os.name", "");
        String osArch = System.getProperty("os.arch", "");
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : new TreeSet<>(System.getProperties().stringPropertyNames())) {
            properties.put(name, System.getProperty(name));
        }
        return RuntimeFacts.builder(
                Platforms.normalizeOs(osName).orElse(osName.trim().toLowerCase(Locale.ROOT)),
                Platforms.normalizeArch(osArch).orElse(osArch.trim().toLowerCase(Locale.ROOT)),
                javaVersion(),
                System.getProperty("java.vendor", ""),
                implementation(System.getProperty("java.vm.name", ""),
                        System.getProperty("java.vendor.version", "") + " " + System.getProperty("java.vm.version", "")))
                .variables(new TreeMap<>(System.getenv())).properties(properties).build();
    }

    /**
     * The JVM implementation named by {@code java.vm.name}: {@code OpenJ9}, {@code GraalVM},
     * {@code HotSpot}, or the name itself when it is none of these. {@code versions} (the
     * {@code java.vendor.version} and {@code java.vm.version} properties) may reveal GraalVM.
     */
    static String implementation(String vmName, String versions) {
        if (vmName.contains("OpenJ9") || vmName.contains("J9")) {
            return "OpenJ9";
        }
        if (vmName.contains("Graal") || versions.contains("GraalVM")) {
            return "GraalVM";
        }
        if (vmName.contains("HotSpot") || vmName.contains("OpenJDK") || vmName.contains("Server VM")
                || vmName.contains("Client VM")) {
            return "HotSpot";
        }
        return vmName.trim();
    }

    /**
     * The libraries on {@code classpath} (JARs or class directories), each with the names and version
     * its identity declares; only identity is read, no class.
     *
     * @throws InspectionException when an entry is missing or not a readable JAR or directory
     */
    public static List<LibraryFacts> libraries(List<Path> classpath) {
        Inspector inspector = Inspector.withClasspath(List.of());
        List<LibraryFacts> libraries = new ArrayList<>();
        for (Path path : classpath) {
            ModuleIdentity identity = inspector.identify(path);
            libraries.add(LibraryFacts.of(identity, path.toString()));
        }
        return libraries;
    }
}
