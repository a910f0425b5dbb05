package io.importspy.internal.contract;

import io.importspy.API;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.importspy.API.Status.INTERNAL;

/** What a named textual value must be: equal to a text, matching a regex, or merely present. */
@API(status = INTERNAL, since = "0.1.0")
public sealed interface ValueMatcher {

    /** Whether {@code value} (never {@code null}; absence is checked separately) satisfies this matcher. */
    boolean test(String value);

    /**
     * Empty when {@code value} satisfies this matcher, else the expectation to report for it: {@link #describe()},
     * with the reason when the matcher gave up on the value rather than decide.
     */
    default Optional<String> mismatch(String value) {
        return test(value) ? Optional.empty() : Optional.of(describe());
    }

    /** The expectation in words, for reports: {@code "production"}, {@code matching /v\d+/}, {@code present}. */
    String describe();

    /** The value must equal {@code text} exactly (YAML scalars are turned into text first). */
    record Equals(String text) implements ValueMatcher {
        public Equals {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public boolean test(String value) {
            return text.equals(value);
        }

        @Override
        public String describe() {
            return "\"" + text + "\"";
        }
    }

    /**
     * The whole value must match {@code pattern}. A regular expression can backtrack for longer than the age of the
     * universe ({@code (.*a){20}} on a value of 40 {@code a}s and a {@code !}), and a value is often the plugin's own
     * (a manifest attribute): matching stops after {@value #MAX_STEPS} characters read, or when the JVM's matcher
     * runs out of stack, and the value then does not match (a contract is never satisfied by a pattern that could
     * not decide), with the reason in the report.
     */
    record Matches(Pattern pattern) implements ValueMatcher {
        /** The most characters one match may read, backtracking included: about a tenth of a second. */
        public static final long MAX_STEPS = 10_000_000L;

        public Matches {
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public boolean test(String value) {
            return decide(value).orElse(false);
        }

        @Override
        public Optional<String> mismatch(String value) {
            Optional<Boolean> decided = decide(value);
            if (decided.isEmpty()) {
                return Optional.of(describe() + " (the pattern gave up on this value after " + MAX_STEPS
                        + " steps, or ran out of stack: it backtracks too much; simplify it, e.g. without a repeated group of wildcards)");
            }
            return decided.get() ? Optional.empty() : Optional.of(describe());
        }

        /** Whether the value matches; empty when the matcher gave up. */
        private Optional<Boolean> decide(String value) {
            try {
                return Optional.of(pattern.matcher(new BudgetedText(value, MAX_STEPS)).matches());
            } catch (BudgetedText.Exhausted | StackOverflowError gaveUp) {
                return Optional.empty();
            }
        }

        @Override
        public String describe() {
            return "matching /" + pattern.pattern() + "/";
        }
    }

    /**
     * The value must be a number within bounds ({@code {min: 268435456}}, {@code {min: 1, max: 8}}), both
     * inclusive; a value that is not a number does not match.
     *
     * @param min the least value allowed, if any
     * @param max the greatest value allowed, if any
     */
    record Between(Optional<BigDecimal> min, Optional<BigDecimal> max) implements ValueMatcher {
        public Between {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
        }

        @Override
        public boolean test(String value) {
            BigDecimal number;
            try {
                number = new BigDecimal(value.trim());
            } catch (NumberFormatException notANumber) {
                return false;
            }
            return min.map(m -> number.compareTo(m) >= 0).orElse(true)
                    && max.map(m -> number.compareTo(m) <= 0).orElse(true);
        }

        @Override
        public String describe() {
            if (min.isPresent() && max.isPresent()) {
                return "a number from " + min.get().toPlainString() + " to " + max.get().toPlainString();
            }
            return min.map(m -> "a number of at least " + m.toPlainString())
                    .orElseGet(() -> "a number of at most " + max.map(BigDecimal::toPlainString).orElse("?"));
        }
    }

    /** Any value will do, as long as the name is present ({@code LOG_DIR: {}}). */
    record Present() implements ValueMatcher {
        @Override
        public boolean test(String value) {
            return true;
        }

        @Override
        public String describe() {
            return "present";
        }
    }
}
