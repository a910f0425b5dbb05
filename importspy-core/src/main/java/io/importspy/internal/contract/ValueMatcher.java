package io.importspy.internal.contract;

import io.importspy.API;

import java.util.Objects;
import java.util.regex.Pattern;

import static io.importspy.API.Status.INTERNAL;

/** What a named textual value must be: equal to a text, matching a regex, or merely present. */
@API(status = INTERNAL, since = "0.1.0")
public sealed interface ValueMatcher {

    /** Whether {@code value} (never {@code null}; absence is checked separately) satisfies this matcher. */
    boolean test(String value);

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

    /** The whole value must match {@code pattern}. */
    record Matches(Pattern pattern) implements ValueMatcher {
        public Matches {
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public boolean test(String value) {
            return pattern.matcher(value).matches();
        }

        @Override
        public String describe() {
            return "matching /" + pattern.pattern() + "/";
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
