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
 *   <li>A name with a {@code $} is a binary name: the dots before the first {@code $} separate packages, any
 *       dot after it separates nested classes ({@code a.Outer$Inner.Deep} is {@code a.Outer$Inner$Deep}).
 *       One candidate.</li>
 *   <li>A name without {@code $} denotes itself, or a nested class for each dot from the right:
 *       {@code a.b.Outer.Inner}, {@code a.b.Outer$Inner}, {@code a.b$Outer$Inner}, {@code a$b$Outer$Inner}.
 *       When the module holds more than one of them, the name is ambiguous; validation says so instead of
 *       picking one.</li>
 * </ul>
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ClassNames {
    private ClassNames() {
    }

    /** The binary names {@code name} may denote, the package reading first. */
    public static List<String> candidates(String name) {
        String trimmed = name.trim();
        int dollar = trimmed.indexOf('$');
        if (dollar >= 0) {
            return List.of(trimmed.substring(0, dollar) + trimmed.substring(dollar).replace('.', '$'));
        }
        List<String> candidates = new ArrayList<>();
        String binary = trimmed;
        candidates.add(binary);
        for (int cut = binary.lastIndexOf('.'); cut > 0; cut = binary.lastIndexOf('.')) {
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
