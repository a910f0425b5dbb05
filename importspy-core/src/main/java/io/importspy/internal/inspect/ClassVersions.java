package io.importspy.internal.inspect;

import io.importspy.API;
import io.importspy.inspect.ClassFacts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.importspy.API.Status.INTERNAL;

/**
 * The other versions of a multi-release JAR's classes, which other Javas than the running one load, when the
 * Java that will load the module is unknown ({@link Inspector#EVERY_JAVA}): validation judges each of them as it
 * judges the class, so that no Java loads a version of a required class that does not meet the contract.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ClassVersions {
    /** One other version of a class: where it is ({@code plugin.jar!META-INF/versions/9/a/B.class}) and its facts. */
    public record Version(String where, ClassFacts facts) {
    }

    private final Map<String, List<Version>> byName;

    ClassVersions(Map<String, List<Version>> byName) {
        Map<String, List<Version>> copied = new LinkedHashMap<>();
        byName.forEach((name, versions) -> copied.put(name, List.copyOf(versions)));
        this.byName = copied;
    }

    /** The other versions of class {@code binaryName}, lowest Java first; empty when it has none. */
    public List<Version> of(String binaryName) {
        return byName.getOrDefault(binaryName, List.of());
    }
}
