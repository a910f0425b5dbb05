package io.importspy.validate;

import io.importspy.API;
import io.importspy.contract.Location;

import java.util.Objects;

import static io.importspy.API.Status.STABLE;

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
 *
 * <p>Rules build violations with the factories named by category, which read as the sentence they make:
 * <pre>{@code
 * Violation.missing(Context.CLASS, "com.acme.Plugin")
 *         .expected("class com.acme.Plugin")
 *         .message("module lacks class com.acme.Plugin")
 *         .fix("add class com.acme.Plugin to the module, or remove it from the contract")
 *         .at(location);
 * }</pre>
 */
@API(status = STABLE, since = "0.1.0")
public record Violation(Category category, Context context, String subject, String expected, String found,
                        String message, String solution, Location location) {
    /** What {@code found} says of something the module or runtime lacks. */
    public static final String ABSENT = "<absent>";

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

    /** Starts a {@link Category#MISSING} violation; {@code found} is {@code <absent>} unless set. */
    public static Builder missing(Context context, String subject) {
        return new Builder(Category.MISSING, context, subject).found(ABSENT);
    }

    /** Starts a {@link Category#MISMATCH} violation. */
    public static Builder mismatch(Context context, String subject) {
        return new Builder(Category.MISMATCH, context, subject);
    }

    /** Starts an {@link Category#INVALID} violation. */
    public static Builder invalid(Context context, String subject) {
        return new Builder(Category.INVALID, context, subject);
    }

    /** Starts an {@link Category#UNDECLARED} violation: the module has it, the contract does not declare it. */
    public static Builder undeclared(Context context, String subject) {
        return new Builder(Category.UNDECLARED, context, subject);
    }

    /** Starts an {@link Category#UNVERIFIED} violation. */
    public static Builder unverified(Context context, String subject) {
        return new Builder(Category.UNVERIFIED, context, subject);
    }

    /** This violation with {@code more} said after its message, e.g. which deployment entry it comes from. */
    public Violation withMessageSuffix(String more) {
        return new Violation(category, context, subject, expected, found, message + more, solution, location);
    }

    /** Whether this violation fails a check in the given strictness. */
    public boolean fails(Strictness strictness) {
        return category != Category.UNVERIFIED || strictness == Strictness.STRICT;
    }

    /**
     * The parts of one violation, given by name; {@link #at} makes the violation. Every part but
     * {@code found} of a missing violation must be given.
     */
    public static final class Builder {
        private final Category category;
        private final Context context;
        private final String subject;
        private String expected;
        private String found;
        private String message;
        private String solution;

        private Builder(Category category, Context context, String subject) {
            this.category = category;
            this.context = Objects.requireNonNull(context, "context");
            this.subject = Objects.requireNonNull(subject, "subject");
        }

        /** What the contract requires, as text. */
        public Builder expected(String text) {
            this.expected = text;
            return this;
        }

        /** What was found, as text; never a secret's value. */
        public Builder found(String text) {
            this.found = text;
            return this;
        }

        /** One sentence saying what is wrong, without a full stop. */
        public Builder message(String sentence) {
            this.message = sentence;
            return this;
        }

        /** What to change: the module or runtime, or the contract. */
        public Builder fix(String solution) {
            this.solution = solution;
            return this;
        }

        /** The violation, located where the contract writes the requirement. */
        public Violation at(Location location) {
            return new Violation(category, context, subject, expected, found, message, solution, location);
        }
    }
}
