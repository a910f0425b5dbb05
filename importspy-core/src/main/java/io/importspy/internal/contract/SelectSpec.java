package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.internal.java.NameGlob;
import io.importspy.java.ClassKind;
import io.importspy.java.Modifier;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * The {@code select:} of a {@code classes:} entry: which classes of the module the entry's requirements
 * apply to (every present key must hold), and how many there must be.
 *
 * @param provides  providers the module declares for this service
 * @param implemented classes with this interface anywhere in their hierarchy ({@code implements:})
 * @param extended  classes with this class in their superclass chain ({@code extends:})
 * @param annotated classes carrying (or inheriting) this annotation
 * @param name      glob on binary names
 * @param kind      class, interface, enum, record or annotation
 * @param modifiers modifiers that must all be present
 * @param count     how many classes the selection must hold
 * @param location  where {@code select:} was written
 */
@API(status = INTERNAL, since = "0.1.0")
public record SelectSpec(Optional<Located<String>> provides, Optional<Located<String>> implemented,
                         Optional<Located<String>> extended, Optional<Located<String>> annotated,
                         Optional<Located<NameGlob>> name, Optional<Located<ClassKind>> kind,
                         Optional<Located<Set<Modifier>>> modifiers, Count count, Location location) {
    public SelectSpec {
        Objects.requireNonNull(provides, "provides");
        Objects.requireNonNull(implemented, "implemented");
        Objects.requireNonNull(extended, "extended");
        Objects.requireNonNull(annotated, "annotated");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(modifiers, "modifiers");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(location, "location");
    }

    /**
     * How many classes a selection must hold ({@code count:}); by default at least one.
     *
     * @param min      the fewest allowed
     * @param max      the most allowed; empty for no bound
     * @param location where {@code count:} was written, or the selection's location for the default
     */
    public record Count(int min, OptionalInt max, Location location) {
        public Count {
            Objects.requireNonNull(max, "max");
            Objects.requireNonNull(location, "location");
        }

        /** Whether {@code size} classes satisfy this count. */
        public boolean allows(int size) {
            return size >= min && (max.isEmpty() || size <= max.getAsInt());
        }

        /** "at least 1", "exactly 0", "between 1 and 3", "at most 2". */
        public String describe() {
            if (max.isPresent() && max.getAsInt() == min) {
                return "exactly " + min;
            }
            if (max.isPresent()) {
                return min == 0 ? "at most " + max.getAsInt() : "between " + min + " and " + max.getAsInt();
            }
            return "at least " + min;
        }
    }

    /** The selector as written: {@code {provides: com.acme.spi.Greeter, kind: class}}. */
    public String describe() {
        StringBuilder text = new StringBuilder("{");
        provides.ifPresent(v -> append(text, "provides", v.value()));
        implemented.ifPresent(v -> append(text, "implements", v.value()));
        extended.ifPresent(v -> append(text, "extends", v.value()));
        annotated.ifPresent(v -> append(text, "annotated", v.value()));
        name.ifPresent(v -> append(text, "name", v.value().toString()));
        kind.ifPresent(v -> append(text, "kind", v.value().keyword()));
        modifiers.ifPresent(v -> append(text, "modifiers", "[" + String.join(", ",
                v.value().stream().sorted().map(Modifier::keyword).toList()) + "]"));
        return text.append('}').toString();
    }

    private static void append(StringBuilder text, String key, String value) {
        text.append(text.length() > 1 ? ", " : "").append(key).append(": ").append(value);
    }
}
