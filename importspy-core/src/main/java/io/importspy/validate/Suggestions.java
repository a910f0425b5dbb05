package io.importspy.validate;

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
            int distance = distance(wanted, normalized);
            if (distance < bestDistance && distance <= 2 && distance * 3 <= simple.length()) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance with adjacent swaps, or {@code Integer.MAX_VALUE} when the lengths differ by more than 2. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
