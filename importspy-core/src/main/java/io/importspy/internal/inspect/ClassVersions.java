package io.importspy.internal.inspect;

import io.importspy.API;
import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.ModuleFacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.importspy.API.Status.INTERNAL;

/**
 * The other versions of a multi-release JAR's classes, which other Javas than the running one load, when the
 * Java that will load the module is unknown ({@link Inspector#EVERY_JAVA}): validation judges each of them as it
 * judges the class, so that no Java loads a version of a required class that does not meet the contract. A class
 * is judged with the supertypes the same Java loads ({@link #view}): a version of a supertype for another Java
 * changes what the class inherits there.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ClassVersions {
    /** One other version of a class: where it is ({@code plugin.jar!META-INF/versions/9/a/B.class}) and its facts. */
    public record Version(String where, ClassFacts facts) {
    }

    private final Map<String, List<Version>> byName;
    /** Where the version of each class that has others was read from, the one the module's facts hold. */
    private final Map<String, String> judged;

    ClassVersions(Map<String, List<Version>> byName, Map<String, String> judged) {
        Map<String, List<Version>> copied = new LinkedHashMap<>();
        byName.forEach((name, versions) -> copied.put(name, List.copyOf(versions)));
        this.byName = copied;
        this.judged = Map.copyOf(judged);
    }

    /** The other versions of class {@code binaryName}, lowest Java first; empty when it has none. */
    public List<Version> of(String binaryName) {
        return byName.getOrDefault(binaryName, List.of());
    }

    /**
     * The Javas whose class loaders read another set of these classes' versions, lowest first: 8 (no version
     * directory, the base entries), and each Java that a version directory of these classes is for (9 for
     * {@code META-INF/versions/8/}, which a JarFile reads from Java 9 on).
     */
    public List<Integer> releases() {
        TreeSet<Integer> releases = new TreeSet<>();
        releases.add(8);
        byName.forEach((name, versions) -> {
            List<String> wheres = new ArrayList<>();
            wheres.add(judged.getOrDefault(name, ""));
            versions.forEach(version -> wheres.add(version.where()));
            for (String where : wheres) {
                int rank = rank(where);
                if (rank > 0) {
                    releases.add(Math.max(9, rank));
                }
            }
        });
        return new ArrayList<>(releases);
    }

    /**
     * The entry that Java {@code release} loads for class {@code binaryName}: of the module, without the module's
     * name ({@code META-INF/versions/21/a/B.class}); of a class-path JAR, with its name.
     */
    public String entry(String binaryName, int release, ModuleFacts module) {
        Version loaded = pick(binaryName, release, module);
        return loaded.facts().origin() == io.importspy.inspect.Origin.TARGET
                ? loaded.where().substring(loaded.where().lastIndexOf('!') + 1) : loaded.where();
    }

    /**
     * {@code module} as Java {@code release} loads it: each class that has versions as its class loader reads it
     * (for Java 8 the base entry; for a later Java the highest version directory not above it, else the base entry;
     * for a class no entry of which that Java loads, its lowest version, as the module is judged), with the
     * supertypes of that version.
     */
    public synchronized ModuleFacts view(int release, ModuleFacts module) {
        // made once per Java and module: each class a contract names is judged in each view
        Map<Integer, ModuleFacts> ofModule = views.computeIfAbsent(module, m -> new java.util.HashMap<>());
        return ofModule.computeIfAbsent(release, r -> made(r, module));
    }

    /** The views made, by module (by identity) and Java. */
    private final Map<ModuleFacts, Map<Integer, ModuleFacts>> views = new java.util.IdentityHashMap<>();

    private ModuleFacts made(int release, ModuleFacts module) {
        Map<String, ClassFacts> classes = new LinkedHashMap<>(module.classes());
        for (String name : byName.keySet()) {
            classes.put(name, pick(name, release, module).facts());
        }
        return module.withClasses(classes);
    }

    /** Whether Java {@code release} loads another version of class {@code binaryName} than the judged one. */
    public boolean differs(String binaryName, int release, ModuleFacts module) {
        ClassFacts judgedFacts = module.classes().get(binaryName);
        return byName.containsKey(binaryName) && pick(binaryName, release, module).facts() != judgedFacts;
    }

    private Version pick(String name, int release, ModuleFacts module) {
        List<Version> candidates = new ArrayList<>(byName.getOrDefault(name, List.of()));
        ClassFacts judgedFacts = module.classes().get(name);
        if (judgedFacts != null) {
            candidates.add(new Version(judged.getOrDefault(name, ""), judgedFacts));
        }
        Version best = null;
        Version lowest = null;
        for (Version candidate : candidates) {
            int rank = rank(candidate.where());
            if (lowest == null || rank < rank(lowest.where())) {
                lowest = candidate;
            }
            boolean loaded = release <= 8 ? rank == 0 : rank <= release;
            if (loaded && (best == null || rank > rank(best.where()))) {
                best = candidate;
            }
        }
        return best != null ? best : lowest;
    }

    private static final String VERSIONS = "!META-INF/versions/";

    /** The Java a version directory entry is for ({@code 21} of {@code plugin.jar!META-INF/versions/21/a/B.class}), 0 for a base entry. */
    static int rank(String where) {
        int at = where.lastIndexOf(VERSIONS);
        if (at < 0) {
            return 0;
        }
        int from = at + VERSIONS.length();
        int slash = where.indexOf('/', from);
        String version = slash < 0 ? "" : where.substring(from, slash);
        return JarArchive.isVersion(version) ? Integer.parseInt(version) : 0;
    }
}
