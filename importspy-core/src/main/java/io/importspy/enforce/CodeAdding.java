package io.importspy.enforce;

import io.importspy.inspect.InspectionException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The ways a JAR makes the JVM load code from files nobody validated: a manifest {@code Class-Path} (which
 * {@link java.net.URLClassLoader} follows), {@code Launcher-Agent-Class} (an agent started with the
 * application) and a JAR index ({@code META-INF/INDEX.LIST}, which older JDKs follow to other JARs).
 * Guarded loading refuses a plugin or library that uses one: the JARs it names would run unvalidated.
 * A plugin that needs other JARs gives them as its own libraries, which are copied and pinned with it.
 */
final class CodeAdding {
    private CodeAdding() {
    }

    /**
     * Refuses {@code jar} when it would add code.
     *
     * @param label how the user named it
     * @throws InspectionException naming {@code label} and the mechanism
     */
    static void refuse(Path jar, String label) {
        if (!Files.isRegularFile(jar)) {
            return; // a class directory: a class loader follows no manifest of a directory
        }
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            Optional<String> classPath = Optional.ofNullable(main.getValue(Attributes.Name.CLASS_PATH))
                    .filter(value -> !value.isBlank());
            if (classPath.isPresent()) {
                throw new InspectionException(label + "!META-INF/MANIFEST.MF: Class-Path adds '"
                        + classPath.get().strip() + "' to the class path; guarded loading never loads code it has"
                        + " not validated: give those JARs as the plugin's libraries, or remove Class-Path");
            }
            String agent = main.getValue("Launcher-Agent-Class");
            if (agent != null) {
                throw new InspectionException(label + "!META-INF/MANIFEST.MF: Launcher-Agent-Class '" + agent.strip()
                        + "' names an agent to start with the application; a plugin is no launcher: remove it");
            }
            if (file.getEntry("META-INF/INDEX.LIST") != null) {
                throw new InspectionException(label + "!META-INF/INDEX.LIST: a JAR index makes a class loader"
                        + " search the JARs it lists, unvalidated; remove it (jar tools no longer write one)");
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof InspectionException) {
                throw (InspectionException) unreadable;
            }
            throw new InspectionException(label + ": not a readable JAR (" + unreadable.getMessage() + ")", unreadable);
        }
    }
}
