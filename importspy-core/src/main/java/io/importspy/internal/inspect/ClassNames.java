package io.importspy.internal.inspect;

import io.importspy.API;

import java.util.ArrayList;
import java.util.List;

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

    /** The class-file entry a class loader reads for {@code binaryName}. */
    public static String entry(String binaryName) {
        return binaryName.replace('.', '/') + ".class";
    }
}
