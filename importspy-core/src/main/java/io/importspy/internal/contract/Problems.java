package io.importspy.internal.contract;

import io.importspy.contract.ContractError;
import io.importspy.contract.ContractException;
import io.importspy.contract.Location;
import io.importspy.internal.java.EditDistance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Collects every contract error of one file, and suggests corrections for misspelt words. */
final class Problems {
    private final List<ContractError> errors = new ArrayList<>();

    void add(Location location, String message) {
        errors.add(new ContractError(location, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /**
     * Throws a {@link ContractException} with every error in file order, if there is any. Of several errors
     * at the same place only the first is kept: the later ones follow from it (a rejected tag, then the
     * untagged value that is not what the key expects).
     */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            Set<Location> seen = new HashSet<>();
            List<ContractError> sorted = new ArrayList<>(errors);
            sorted.removeIf(error -> !seen.add(error.location()));
            sorted.sort((a, b) -> a.location().line() != b.location().line()
                    ? Integer.compare(a.location().line(), b.location().line())
                    : Integer.compare(a.location().column(), b.location().column()));
            throw new ContractException(sorted);
        }
    }

    /** A single-error exception, for problems that stop reading at once. */
    static ContractException fatal(Location location, String message) {
        return new ContractException(List.of(new ContractError(location, message)));
    }

    /**
     * The candidate closest to {@code word}, when it is close enough to be a likely misspelling:
     * at most two edits, and at most one edit per three letters of the candidate.
     */
    static Optional<String> closest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = EditDistance.between(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance && EditDistance.isCloseEnough(distance, candidate.length())) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** "; did you mean 'x'?" when a candidate is close, else "; " + {@code otherwise}. */
    static String suggestion(String word, Collection<String> candidates, String otherwise) {
        return closest(word, candidates).map(c -> "; did you mean '" + c + "'?").orElse("; " + otherwise);
    }
}
