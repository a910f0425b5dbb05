package io.importspy.inspect;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads facts about modules from their bytes (JARs, multi-release JARs, exploded class directories)
 * without loading or initializing any of their classes. The public entry of the inspect stage.
 */
public final class Inspector {
    private final List<Path> classpath;

    private Inspector(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
    }

    /** An inspector that resolves supertypes from the target, then {@code classpath}, then the running JDK. */
    public static Inspector withClasspath(List<Path> classpath) {
        return new Inspector(classpath);
    }

    /**
     * Inspects {@code target}, reading only the classes {@code selection} asks for.
     *
     * @throws InspectionException when the target is missing, unreadable or corrupt
     */
    public ModuleFacts inspect(Path target, ClassSelection selection) {
        throw new UnsupportedOperationException("TODO inspect helper");
    }
}
