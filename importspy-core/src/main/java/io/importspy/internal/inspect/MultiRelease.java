package io.importspy.internal.inspect;

import io.importspy.API;

import static io.importspy.API.Status.INTERNAL;

/**
 * The section of a module's facts that says whether a class loader reads the module as a multi-release JAR
 * ({@link Archive#multiRelease}), as its JarFile decided when the module was read, and for which Java: the one answer
 * for the classes judged, the class names listed and the resources served.
 *
 * @param value   whether the module is a multi-release JAR
 * @param release the Java it was read for ({@link Inspector#forJava}), or {@link Inspector#EVERY_JAVA}
 */
@API(status = INTERNAL, since = "0.1.0")
public record MultiRelease(boolean value, int release) {
    /** The Java whose class loaders serve the module's resources as judged: the one read for, else the running Java. */
    public int servedJava() {
        return release == Inspector.EVERY_JAVA ? Runtime.version().feature() : release;
    }
}
