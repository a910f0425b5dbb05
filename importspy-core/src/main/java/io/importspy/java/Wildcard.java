package io.importspy.java;

import io.importspy.API;

import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * A wildcard type argument: {@code ?}, {@code ? extends T} or {@code ? super T}.
 *
 * @param variance how the bound applies
 * @param bound    the bound; empty exactly when {@code variance} is {@link Variance#UNBOUNDED}
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Wildcard(Variance variance, Optional<JavaType> bound) implements TypeArgument {

    /** How a wildcard's bound applies. */
    public enum Variance { UNBOUNDED, EXTENDS, SUPER }

    public Wildcard {
        Objects.requireNonNull(variance, "variance");
        Objects.requireNonNull(bound, "bound");
        if ((variance == Variance.UNBOUNDED) != bound.isEmpty()) {
            throw new IllegalArgumentException("an unbounded wildcard has no bound, a bounded one has one");
        }
    }

    /** The wildcard {@code ?}. */
    public static Wildcard unbounded() {
        return new Wildcard(Variance.UNBOUNDED, Optional.empty());
    }

    @Override
    public String toString() {
        return switch (variance) {
            case UNBOUNDED -> "?";
            case EXTENDS -> "? extends " + bound.orElseThrow();
            case SUPER -> "? super " + bound.orElseThrow();
        };
    }
}
