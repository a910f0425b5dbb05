package io.importspy.internal.inspect;

import io.importspy.API;

import static io.importspy.API.Status.INTERNAL;

/**
 * The section of a module's facts that says whether a class loader of the running Java reads the module as a
 * multi-release JAR ({@link Archive#multiRelease}), as its JarFile decided when the module was read: the one answer
 * for the classes judged, the class names listed and the resources served.
 *
 * @param value whether the module is a multi-release JAR for the running Java
 */
@API(status = INTERNAL, since = "0.1.0")
public record MultiRelease(boolean value) {
}
