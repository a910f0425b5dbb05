package io.importspy.validate;

import io.importspy.contract.Location;

import java.util.Objects;

/**
 * One way a module or runtime fails its contract.
 *
 * @param category what kind of failure
 * @param context  which part of the contract
 * @param subject  what it is about, e.g. {@code org.postgresql.Driver#connect(String, Properties)}
 * @param expected what the contract requires, as text
 * @param found    what was found, as text ({@code <absent>}/{@code <present>} for secrets, never a value)
 * @param message  one sentence saying what is wrong
 * @param solution what to change: the module or the contract
 * @param location where the requirement is written in the contract
 */
public record Violation(Category category, Context context, String subject, String expected, String found,
                        String message, String solution, Location location) {
    public Violation {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(found, "found");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(location, "location");
    }

    /** Whether this violation fails a check in the given strictness. */
    public boolean fails(Strictness strictness) {
        return category != Category.UNVERIFIED || strictness == Strictness.STRICT;
    }
}
