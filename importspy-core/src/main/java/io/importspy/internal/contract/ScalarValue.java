package io.importspy.internal.contract;

import io.importspy.API;

import java.util.Objects;

import static io.importspy.API.Status.INTERNAL;

/**
 * A YAML scalar a contract compares with a compiled value (a field's constant, an annotation element): both
 * YAML's reading of it and the text the user wrote, so that a value compared with text is compared as
 * written ({@code value: 1.0} equals the {@code String} constant {@code "1.0"}, not only the number 1).
 *
 * @param value  YAML 1.2 core-schema reading: {@code String}, {@code Boolean}, {@code Long},
 *               {@code BigInteger} or {@code Double}; never {@code null}
 * @param text   the scalar as written, after unquoting
 * @param quoted whether it was written quoted (or as a block scalar), so YAML read it as a string
 */
@API(status = INTERNAL, since = "0.1.0")
public record ScalarValue(Object value, String text, boolean quoted) {
    public ScalarValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
    }

    /** How reports spell it: text in double quotes, anything else (numbers, booleans) as written. */
    @Override
    public String toString() {
        return value instanceof String ? "\"" + text + "\"" : text;
    }
}
