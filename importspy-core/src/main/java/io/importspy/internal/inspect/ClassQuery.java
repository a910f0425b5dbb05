package io.importspy.internal.inspect;

import io.importspy.API;
import io.importspy.java.ClassKind;
import io.importspy.java.Modifier;
import io.importspy.internal.java.NameGlob;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * A set of a module's classes described by what they are rather than by name: the selector of a
 * {@code classes:} entry ({@code select:}). Every present key must hold (AND). Class names are binary or
 * source names ({@code $} and {@code .} alike for nesting); a name without a package matches by simple name.
 *
 * @param provides    classes the module declares as providers of this service
 * @param implemented classes with this interface anywhere in their type hierarchy
 * @param extended    classes with this class anywhere in their superclass chain
 * @param annotated   classes carrying this annotation, or inheriting it from a superclass when it is
 *                    {@code @Inherited}
 * @param name        a glob on binary names
 * @param kind        class, interface, enum, record or annotation
 * @param modifiers   modifiers that must all be present
 */
@API(status = INTERNAL, since = "0.1.0")
public record ClassQuery(Optional<String> provides, Optional<String> implemented, Optional<String> extended,
                         Optional<String> annotated, Optional<NameGlob> name, Optional<ClassKind> kind,
                         Set<Modifier> modifiers) {
    public ClassQuery {
        Objects.requireNonNull(provides, "provides");
        Objects.requireNonNull(implemented, "implemented");
        Objects.requireNonNull(extended, "extended");
        Objects.requireNonNull(annotated, "annotated");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        modifiers = Set.copyOf(modifiers);
    }

    /** Whether the query reads class headers (anything beyond {@code provides} and {@code name}). */
    public boolean needsHeaders() {
        return implemented.isPresent() || extended.isPresent() || annotated.isPresent() || kind.isPresent()
                || !modifiers.isEmpty();
    }

    /** Whether the query walks supertypes. */
    public boolean needsSupertypes() {
        return implemented.isPresent() || extended.isPresent() || annotated.isPresent();
    }

    /** Whether the class named {@code binaryName} is the one {@code written} in a contract names. */
    static boolean sameClass(String written, String binaryName) {
        if (written.indexOf('.') < 0 && written.indexOf('$') < 0) {
            int last = Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$'));
            return binaryName.length() - last - 1 == written.length()
                    && binaryName.regionMatches(last + 1, written, 0, written.length());
        }
        return sameNesting(written, binaryName);
    }

    /** Whether two class names are the same once {@code $} and {@code .} are taken alike, compared in place. */
    static boolean sameNesting(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && !((x == '$' || x == '.') && (y == '$' || y == '.'))) {
                return false;
            }
        }
        return true;
    }
}
