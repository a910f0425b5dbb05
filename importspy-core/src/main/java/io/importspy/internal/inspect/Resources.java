package io.importspy.internal.inspect;

import io.importspy.API;

import java.util.Set;
import java.util.TreeSet;

import static io.importspy.API.Status.INTERNAL;

/**
 * The entry a class loader serves for a resource name, as a multi-release {@code JarFile} opened for the running
 * Java looks it up: for a name outside {@code META-INF/}, the entry of the highest version directory
 * ({@code META-INF/versions/N/name}, N a version {@link JarArchive#isVersion} accepts) not above the running Java's
 * feature version, else the base entry; a name under {@code META-INF/} (a version directory's own entries among
 * them) only as it is stored. A JAR that is not multi-release serves each name as stored.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Resources {
    private static final String VERSIONS = "META-INF/versions/";

    private final Set<String> entries;
    private final boolean multiRelease;
    private final int feature;
    private Set<Integer> versions;

    private Resources(Set<String> entries, boolean multiRelease, int feature) {
        this.entries = entries;
        this.multiRelease = multiRelease;
        this.feature = feature;
    }

    /** The resources of a module with these raw entries, as the running Java is served them. */
    public static Resources of(Set<String> entries, boolean multiRelease) {
        return of(entries, multiRelease, Runtime.version().feature());
    }

    /**
     * The resources of a module with these raw entries, as Java {@code feature} is served them; {@code multiRelease}
     * is whether its class loader reads it as a multi-release JAR ({@link Archive#multiRelease}).
     */
    public static Resources of(Set<String> entries, boolean multiRelease, int feature) {
        return new Resources(entries, multiRelease, feature);
    }

    /** The raw entry served for resource {@code name}, or {@code null} when none is. */
    public String served(String name) {
        if (!multiRelease || feature <= 8 || name.startsWith("META-INF/")) { // Java 8 reads no version directory
            return entries.contains(name) ? name : null;
        }
        for (int version : versions()) {
            if (version <= feature && entries.contains(VERSIONS + version + "/" + name)) {
                return VERSIONS + version + "/" + name;
            }
        }
        return entries.contains(name) ? name : null;
    }

    /**
     * The version directories above the running Java that hold {@code name}, lowest first, when none that it reads
     * does and there is no base entry: the Javas that are served a resource this one is not.
     */
    public java.util.List<Integer> newerOnly(String name) {
        java.util.List<Integer> newer = new java.util.ArrayList<>();
        if (multiRelease && !name.startsWith("META-INF/") && served(name) == null) {
            for (int version : versions()) {
                if (version > feature && entries.contains(VERSIONS + version + "/" + name)) {
                    newer.add(0, version);
                }
            }
        }
        return newer;
    }

    /** The version directories the JAR has, highest first; read from the entries once. */
    private Set<Integer> versions() {
        if (versions == null) {
            Set<Integer> found = new TreeSet<>(java.util.Comparator.reverseOrder());
            for (String entry : entries) {
                if (entry.startsWith(VERSIONS)) {
                    int slash = entry.indexOf('/', VERSIONS.length());
                    String version = slash < 0 ? "" : entry.substring(VERSIONS.length(), slash);
                    if (JarArchive.isVersion(version)) {
                        found.add(Integer.parseInt(version));
                    }
                }
            }
            versions = found;
        }
        return versions;
    }
}
