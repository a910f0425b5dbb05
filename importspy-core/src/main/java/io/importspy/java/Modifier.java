package io.importspy.java;

import io.importspy.API;

import java.util.Optional;

import static io.importspy.API.Status.EXPERIMENTAL;

/** A Java modifier keyword, as written in source and in contracts (e.g. {@code public}, {@code non-sealed}). */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum Modifier {
    PUBLIC, PROTECTED, PRIVATE, STATIC, FINAL, ABSTRACT, DEFAULT, SYNCHRONIZED, NATIVE, TRANSIENT,
    VOLATILE, STRICTFP, SEALED, NON_SEALED;

    /** The keyword as Java source spells it. */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The modifier spelled by {@code keyword}, or empty when Java has no such modifier. */
    public static Optional<Modifier> fromKeyword(String keyword) {
        for (Modifier modifier : values()) {
            if (modifier.keyword().equals(keyword)) {
                return Optional.of(modifier);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return keyword();
    }
}
