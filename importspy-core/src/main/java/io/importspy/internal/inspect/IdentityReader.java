package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import io.importspy.inspect.ModuleIdentity;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Reads a module's identity, manifest and services from module-info, the manifest and META-INF. A module's
 * services are every provider the JVM may use: a JAR's {@code META-INF/services} files, and for a JAR with a
 * module-info also its {@code provides}, which must then agree with the files ({@link #agreed}).
 */
final class IdentityReader {

    /** What this reader found. */
    record Result(ModuleIdentity identity, Map<String, String> manifest, Map<String, List<String>> services) {
    }

    private IdentityReader() {
    }

    static Result read(Archive archive, String fileName) {
        List<ModuleIdentity.Declared> names = new ArrayList<>();
        List<ModuleIdentity.Declared> versions = new ArrayList<>();
        Map<String, List<String>> services = new LinkedHashMap<>();

        Optional<byte[]> moduleInfo = archive.read("module-info.class");
        moduleInfo.ifPresent(bytes -> readModuleInfo(bytes, archive.where("module-info.class"), names, versions,
                services));
        if (moduleInfo.isPresent()) {
            sameInEveryVersion(archive, names, versions, services);
        }
        // A JAR with a module-info is a named module on the module path and in a layer, whose providers are its
        // 'provides'; on the class path (or in a URLClassLoader) the same JAR is unnamed and ServiceLoader reads its
        // META-INF/services. Validation cannot know which way it will be loaded, so the two must agree.
        Map<String, List<String>> provided = new LinkedHashMap<>(services);
        services.clear();

        Map<String, String> manifest = new LinkedHashMap<>();
        archive.manifest().ifPresent(m -> mainAttributes(m, manifest));
        declare(names, manifest.get("Automatic-Module-Name"), "Automatic-Module-Name");
        String symbolicName = manifest.get("Bundle-SymbolicName");
        declare(names, symbolicName == null ? null : symbolicName.split(";", 2)[0], "Bundle-SymbolicName");
        declare(versions, manifest.get("Bundle-Version"), "Bundle-Version");
        declare(versions, manifest.get("Implementation-Version"), "Implementation-Version");

        List<java.util.Properties> poms = new ArrayList<>();
        for (String entry : archive.entryNames()) {
            if (!entry.startsWith("META-INF/")) {
                continue; // most entries: no pattern to match
            }
            if (isPom(entry)) {
                poms.add(properties(archive, entry));
            } else if (entry.startsWith("META-INF/services/") && entry.indexOf('/', 18) < 0
                    && entry.length() > 18) {
                readServiceFile(archive, entry, services);
            }
        }
        Map<String, List<String>> used = moduleInfo.isPresent()
                ? agreed(provided, services, archive.where("module-info.class")) : services;
        String stem = fileStem(fileName);
        for (java.util.Properties pom : ownPoms(poms, stem)) {
            String groupId = pom.getProperty("groupId");
            String artifactId = pom.getProperty("artifactId");
            if (groupId != null && artifactId != null) {
                declare(names, groupId.trim() + ":" + artifactId.trim(), "pom.properties");
            }
            declare(names, artifactId, "pom.properties");
            declare(versions, pom.getProperty("version"), "pom.properties");
        }
        declare(names, stem, "file name");
        return new Result(new ModuleIdentity(names, versions, fileName), manifest, used);
    }

    /**
     * The pom.properties that describe the module itself. A JAR with one has its own; a JAR with several
     * (a shaded JAR keeps those of what it shades) is only the one whose artifactId its file is named after:
     * hadoop-shaded-guava-1.3.0.jar is not com.google.guava:guava, nor at guava's version. When none is
     * named so, none is taken for the module's own.
     */
    private static List<java.util.Properties> ownPoms(List<java.util.Properties> poms, String stem) {
        if (poms.size() <= 1) {
            return poms;
        }
        List<java.util.Properties> own = new ArrayList<>();
        for (java.util.Properties pom : poms) {
            String artifactId = pom.getProperty("artifactId");
            if (artifactId != null && artifactId.trim().equals(stem)) {
                own.add(pom);
            }
        }
        return own;
    }

    /** {@code greeter-1.2.3.jar} → {@code greeter}; {@code guava-33.4.8-jre.jar} → {@code guava}. */
    static String fileStem(String fileName) {
        String stem = fileName.endsWith(".jar") || fileName.endsWith(".zip")
                ? fileName.substring(0, fileName.length() - 4) : fileName;
        int version = versionSuffix(stem);
        return version > 0 ? stem.substring(0, version) : stem;
    }

    /**
     * Where the first {@code -} followed by digits then a {@code .} or the end is in {@code stem}, or -1 (the regular
     * expression {@code -(\\d+(\\.|$))}, found by hand: a predefined character class is a lambda in
     * {@code java.util.regex}, and every inspection reads the file name).
     */
    private static int versionSuffix(String stem) {
        for (int dash = stem.indexOf('-'); dash >= 0; dash = stem.indexOf('-', dash + 1)) {
            int end = dash + 1;
            while (end < stem.length() && isAsciiDigit(stem.charAt(end))) {
                end++;
            }
            if (end > dash + 1 && (stem.startsWith(".", end) || isEnd(stem, end))) {
                return dash;
            }
        }
        return -1;
    }

    /** Where {@code $} matches: the end, or before a line terminator that ends the text. */
    private static boolean isEnd(String text, int at) {
        int rest = text.length() - at;
        if (rest == 0) {
            return true;
        }
        char c = text.charAt(at);
        return rest == 1 && (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                || rest == 2 && c == '\r' && text.charAt(at + 1) == '\n';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code entry} is {@code META-INF/maven/GROUP/ARTIFACT/pom.properties}, each a non-empty name without '/'. */
    static boolean isPom(String entry) {
        String prefix = "META-INF/maven/";
        String suffix = "/pom.properties";
        if (!entry.startsWith(prefix) || !entry.endsWith(suffix)) {
            return false;
        }
        int start = prefix.length();
        int end = entry.length() - suffix.length();
        int slash = entry.indexOf('/', start);
        return slash > start && slash < end - 1 && entry.indexOf('/', slash + 1) == end;
    }

    /**
     * Read for every Java, a multi-release JAR's other versions of its module-info ({@code META-INF/versions/N/
     * module-info.class}, which that Java's module path and layers read instead) must declare the module name,
     * version and services of the one judged: the module Java N loads would otherwise not be the one judged (its
     * layer's {@code ServiceLoader} would give a provider nobody selected). Its {@code requires} may differ, as the
     * JDK's {@code jar} tool lets them.
     *
     * @throws InspectionException naming the version that differs and what it declares
     */
    private static void sameInEveryVersion(Archive archive, List<ModuleIdentity.Declared> names,
                                           List<ModuleIdentity.Declared> versions, Map<String, List<String>> services) {
        for (Archive.ClassFile other : archive.otherVersions("module-info.class")) {
            List<ModuleIdentity.Declared> otherNames = new ArrayList<>();
            List<ModuleIdentity.Declared> otherVersions = new ArrayList<>();
            Map<String, List<String>> otherServices = new LinkedHashMap<>();
            readModuleInfo(other.read(), other.where(), otherNames, otherVersions, otherServices);
            String judged = archive.where("module-info.class") + ", which was judged,";
            String differs = null;
            if (!otherNames.equals(names)) {
                differs = "declares module " + text(otherNames) + ", but " + judged + " declares " + text(names);
            } else if (!otherVersions.equals(versions)) {
                differs = "declares version " + text(otherVersions) + ", but " + judged + " declares " + text(versions);
            } else if (!providers(otherServices).equals(providers(services))) {
                differs = "provides " + otherServices + ", but " + judged + " provides " + services;
            }
            if (differs != null) {
                throw new InspectionException(other.where() + " " + differs + "; another Java's module path and"
                        + " layers read this module-info instead, so every version of a multi-release JAR's module-info"
                        + " must declare the same module name, version and services");
            }
        }
    }

    private static String text(List<ModuleIdentity.Declared> declared) {
        return declared.isEmpty() ? "<none>" : declared.get(0).value();
    }

    private static Map<String, java.util.Set<String>> providers(Map<String, List<String>> services) {
        Map<String, java.util.Set<String>> sets = new java.util.HashMap<>();
        services.forEach((service, list) -> sets.put(service, new java.util.HashSet<>(list)));
        return sets;
    }

    private static void readModuleInfo(byte[] bytes, String where, List<ModuleIdentity.Declared> names,
                                       List<ModuleIdentity.Declared> versions, Map<String, List<String>> services) {
        ClassReader reader = ClassFiles.reader(bytes, where);
        if ((reader.getAccess() & Opcodes.ACC_MODULE) == 0) {
            throw new InspectionException(where + ": not a module descriptor (its access flags lack ACC_MODULE), so"
                    + " no module system reads it, and a class loader asked for class module-info defines it as a class;"
                    + " the module is corrupt or crafted");
        }
        try {
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public ModuleVisitor visitModule(String name, int access, String version) {
                    declare(names, name, "module-info");
                    declare(versions, version, "module-info");
                    return new ModuleVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitProvide(String service, String... providers) {
                            List<String> list = services.computeIfAbsent(Signatures.binaryName(service),
                                    s -> new ArrayList<>());
                            for (String provider : providers) {
                                addOnce(list, Signatures.binaryName(provider));
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
        } catch (RuntimeException corrupt) {
            throw new InspectionException(where + ": not a valid class file (" + corrupt + ")", corrupt);
        }
    }

    /**
     * The services of a JAR with a module-info: its {@code provides} (what the module path and a layer use) and its
     * {@code META-INF/services} files (what the class path uses) together, when every service both declare has the
     * same providers in both; a service only one of them declares is provided only in the way of loading that reads
     * it, and nothing is provided for it in the other.
     *
     * @throws InspectionException naming the service and both lists when they differ
     */
    private static Map<String, List<String>> agreed(Map<String, List<String>> provided,
                                                    Map<String, List<String>> files, String where) {
        Map<String, List<String>> all = new LinkedHashMap<>(provided);
        for (Map.Entry<String, List<String>> file : files.entrySet()) {
            List<String> declared = provided.get(file.getKey());
            if (declared == null) {
                all.put(file.getKey(), file.getValue());
            } else if (!new java.util.HashSet<>(declared).equals(new java.util.HashSet<>(file.getValue()))) {
                throw new InspectionException(where + ": provides " + file.getKey() + " with " + declared
                        + ", but META-INF/services/" + file.getKey() + " lists " + file.getValue() + "; the JVM uses "
                        + "the one or the other as the JAR is loaded from the module path or the class path, so "
                        + "they must name the same providers");
            }
        }
        return all;
    }

    private static void mainAttributes(Manifest manifest, Map<String, String> into) {
        for (Map.Entry<Object, Object> attribute : manifest.getMainAttributes().entrySet()) {
            into.put(((Attributes.Name) attribute.getKey()).toString(), String.valueOf(attribute.getValue()));
        }
    }

    private static java.util.Properties properties(Archive archive, String entry) {
        java.util.Properties properties = new java.util.Properties();
        try {
            properties.load(new ByteArrayInputStream(archive.read(entry).orElse(new byte[0])));
        } catch (IOException | IllegalArgumentException corrupt) {
            throw new InspectionException(archive.where(entry) + ": not a readable properties file ("
                    + corrupt.getMessage() + ")", corrupt);
        }
        return properties;
    }

    private static void readServiceFile(Archive archive, String entry, Map<String, List<String>> services) {
        String service = entry.substring("META-INF/services/".length());
        List<String> providers = services.computeIfAbsent(service, s -> new ArrayList<>());
        String text = new String(archive.read(entry).orElse(new byte[0]), StandardCharsets.UTF_8);
        int start = 0;
        for (int i = 0, n = text.length(); i <= n; i++) { // lines end at \n, \r\n or \r
            char c = i == n ? '\n' : text.charAt(i);
            if (c == '\n' || c == '\r') {
                String line = text.substring(start, i);
                int comment = line.indexOf('#');
                String provider = (comment >= 0 ? line.substring(0, comment) : line).trim();
                if (!provider.isEmpty()) {
                    addOnce(providers, provider);
                }
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static void declare(List<ModuleIdentity.Declared> into, String value, String source) {
        Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty())
                .ifPresent(v -> into.add(new ModuleIdentity.Declared(v, source)));
    }
}
