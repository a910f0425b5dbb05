package io.importspy.internal.inspect;

import io.importspy.API;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    /**
     * The named classes and their supertypes, and what further sections of a contract ask for.
     *
     * @param names      classes to read, with their supertypes
     * @param queries    selections whose classes are read too (class headers are read when a query needs them)
     * @param references which references to report, when the contract has {@code references:}
     * @param digests    digest algorithms of the module file to compute ({@code sha256}, {@code sha512})
     * @param signatures whether to verify the module's JAR signatures
     */
    record Named(Set<String> names, List<ClassQuery> queries, Optional<ReferenceQuery> references,
                 Set<String> digests, boolean signatures) implements ClassSelection {
        public Named {
            names = Set.copyOf(names);
            queries = List.copyOf(queries);
            Objects.requireNonNull(references, "references");
            digests = Set.copyOf(digests);
        }

        /** The named classes and their supertypes, nothing more. */
        public Named(Set<String> names) {
            this(names, List.of(), Optional.empty(), Set.of(), false);
        }

        /** Whether a selection reads class headers. */
        boolean needsHeaders() {
            return queries.stream().anyMatch(ClassQuery::needsHeaders);
        }

        /** Whether integrity facts are asked for. */
        boolean needsIntegrity() {
            return !digests.isEmpty() || signatures;
        }
    }
}
