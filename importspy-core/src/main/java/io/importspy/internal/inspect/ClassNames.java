package io.importspy.internal.inspect;

import io.importspy.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;

/**
 * The binary names a class name written in a contract may denote, the one rule that inspection, validation
 * and guarded loading share. A class loader loads binary name {@code a.b.Outer$Inner} from entry
 * {@code a/b/Outer$Inner.class} and nothing else; a contract may write that class {@code a.b.Outer.Inner},
 * which could equally be class {@code Inner} of package {@code a.b.Outer}.
 *
 * <ul>
 *   <li>A name without {@code $} denotes itself, or a nested class for each dot from the right:
 *       {@code a.b.Outer.Inner}, {@code a.b.Outer$Inner}, {@code a.b$Outer$Inner}, {@code a$b$Outer$Inner}.</li>
 *   <li>A name with a {@code $}: the dots before the first {@code $} separate packages; each dot after it
 *       separates either packages or nested classes, from the right again: {@code a.Outer$Inner.Deep} is
 *       class {@code Deep} of package {@code a.Outer$Inner}, or {@code a.Outer$Inner$Deep}. Binary names with
 *       dots after a {@code $} are real: Clojure names its proxy classes
 *       {@code clojure.core.proxy$java.io.Writer$ff19274a} (class {@code Writer$ff19274a} of package
 *       {@code clojure.core.proxy$java.io}), and the JVM loads them from the entry of that name.</li>
 * </ul>
 * Every candidate is a binary name in its own right, judged by the one entry a class loader reads for it
 * ({@link #entry}). When the module holds more than one of them, the name is ambiguous; validation says so
 * instead of picking one.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ClassNames {
    private ClassNames() {
    }

    /**
     * The binary names of the classes of a module whose entries (raw, {@code /}-separated) are {@code entries},
     * sorted, each once: every class entry as {@link Archive#isClassEntry} judges it and, in a multi-release JAR,
     * the logical name of each class a version directory holds (which some Java loads).
     */
    public static List<String> ofEntries(Iterable<String> entries, boolean multiRelease) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        String versions = "META-INF/versions/";
        for (String entry : entries) {
            String logical = entry;
            if (multiRelease && entry.startsWith(versions)) {
                int slash = entry.indexOf('/', versions.length());
                String version = slash < 0 ? "" : entry.substring(versions.length(), slash);
                if (!JarArchive.isVersion(version)) {
                    continue;
                }
                logical = entry.substring(slash + 1);
            }
            if (Archive.isClassEntry(logical)) {
                names.add(logical.substring(0, logical.length() - ".class".length()).replace('/', '.'));
            }
        }
        return new ArrayList<>(names);
    }

    /** The binary names {@code name} may denote, the package reading first. */
    public static List<String> candidates(String name) {
        String binary = name.trim();
        int dollar = binary.indexOf('$');
        // dots before the first $ are package separators; without a $, every dot may be a nesting
        int firstCut = dollar >= 0 ? dollar : 0;
        List<String> candidates = new ArrayList<>();
        candidates.add(binary);
        for (int cut = binary.lastIndexOf('.'); cut > firstCut; cut = binary.lastIndexOf('.')) {
            binary = binary.substring(0, cut) + '$' + binary.substring(cut + 1);
            candidates.add(binary);
        }
        return candidates;
    }

    /**
     * Whether binary name {@code binaryName} is of a class named in source: not {@code module-info} or
     * {@code package-info}, not anonymous or local ({@code Outer$1}, {@code Outer$1Local}). A name ending in
     * {@code $} is the class of a Scala {@code object} ({@code scala.Predef$}), named in source as the name before it.
     */
    public static boolean namedInSource(String binaryName) {
        String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        if (simple.equals("module-info") || simple.equals("package-info")) {
            return false;
        }
        String name = sourceName(binaryName);
        int nest = name.lastIndexOf('$');
        return nest < 0 || nest < name.length() - 1 && Character.isJavaIdentifierStart(name.charAt(nest + 1));
    }

    /** The binary name of the class that encloses {@code binaryName} as its name says, if it is nested. */
    public static Optional<String> enclosing(String binaryName) {
        String name = sourceName(binaryName);
        int nest = name.lastIndexOf('$');
        return nest > name.lastIndexOf('.') + 1 ? Optional.of(name.substring(0, nest)) : Optional.empty();
    }

    private static String sourceName(String binaryName) {
        String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        return binaryName.endsWith("$") && simple.length() > 1 && !binaryName.endsWith("$$")
                ? binaryName.substring(0, binaryName.length() - 1) : binaryName;
    }

    /** The class-file entry a class loader reads for {@code binaryName}. */
    public static String entry(String binaryName) {
        return binaryName.replace('.', '/') + ".class";
    }
}
