package io.importspy.validate;

import io.importspy.internal.java.EditDistance;
import java.util.List;
import java.util.Optional;

/**
 * "Did you mean" for class names a module lacks: a class with the same simple name in another package,
 * else the nearest spelling (at most two edits, and at most one per three letters).
 */
final class Suggestions {
    private Suggestions() {
    }

    /** The module class the contract most likely meant by {@code missing}, if one is close. */
    static Optional<String> closestClass(String missing, List<String> classNames) {
        String wanted = TypeMatcher.normalize(missing);
        String simple = wanted.substring(wanted.lastIndexOf('.') + 1);
        for (String candidate : classNames) {
            String normalized = TypeMatcher.normalize(candidate);
            if (normalized.substring(normalized.lastIndexOf('.') + 1).equals(simple) && !normalized.equals(wanted)) {
                return Optional.of(candidate);
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : classNames) {
            String normalized = TypeMatcher.normalize(candidate);
            int distance = EditDistance.between(wanted, normalized);
            if (distance < bestDistance && EditDistance.isCloseEnough(distance, simple.length())) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }
}
