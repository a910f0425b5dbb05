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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a module's identity, manifest and services from module-info, the manifest and META-INF. A module's
 * services are those the JVM uses: module-info {@code provides} for a named module, {@code META-INF/services}
 * files otherwise.
 */
final class IdentityReader {
    private static final Pattern POM = Pattern.compile("META-INF/maven/[^/]+/[^/]+/pom\\.properties");
    private static final Pattern VERSION_SUFFIX = Pattern.compile("-(\\d+(\\.|$))");

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
        // A named module's providers are its module-info 'provides' only: the JVM never reads a named module's
        // META-INF/services (ServiceLoader, a ModuleLayer, the module path), so neither does validation.
        boolean named = moduleInfo.isPresent();

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
            if (POM.matcher(entry).matches()) {
                poms.add(properties(archive, entry));
            } else if (!named && entry.startsWith("META-INF/services/") && entry.indexOf('/', 18) < 0
                    && entry.length() > 18) {
                readServiceFile(archive, entry, services);
            }
        }
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
        return new Result(new ModuleIdentity(names, versions, fileName), manifest, services);
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
        Matcher version = VERSION_SUFFIX.matcher(stem);
        if (version.find() && version.start() > 0) {
            stem = stem.substring(0, version.start());
        }
        return stem;
    }

    private static void readModuleInfo(byte[] bytes, String where, List<ModuleIdentity.Declared> names,
                                       List<ModuleIdentity.Declared> versions, Map<String, List<String>> services) {
        ClassReader reader = ClassFiles.reader(bytes, where);
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
        for (String line : text.split("\r?\n|\r")) {
            int comment = line.indexOf('#');
            String provider = (comment >= 0 ? line.substring(0, comment) : line).trim();
            if (!provider.isEmpty()) {
                addOnce(providers, provider);
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
