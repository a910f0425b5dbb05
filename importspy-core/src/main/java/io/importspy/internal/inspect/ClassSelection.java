package io.importspy.internal.inspect;

import io.importspy.API;

import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/** Which classes of a target inspection reads: all of them, some by name, or none (identity only). */
@API(status = INTERNAL, since = "0.1.0")
public sealed interface ClassSelection {

    /** Every class of the target (used by {@code importspy inspect}). */
    static ClassSelection all() {
        return new All();
    }

    /**
     * The named classes and, transitively, their supertypes (as a plugin's class loader finds them: the JDK's
     * boot-layer packages, the class path, the target, its libraries, the rest of the JDK). Names may use
     * {@code $} or {@code .} for nesting.
     */
    static ClassSelection named(Set<String> names) {
        return new Named(Set.copyOf(names));
    }

    /** No class at all: identity, manifest, services and entries only. */
    static ClassSelection none() {
        return new Named(Set.of());
    }

    /** Every class of the target. */
    record All() implements ClassSelection {
    }

    /** The named classes and their supertypes. */
    record Named(Set<String> names) implements ClassSelection {
        public Named {
            names = Set.copyOf(names);
        }
    }
}
