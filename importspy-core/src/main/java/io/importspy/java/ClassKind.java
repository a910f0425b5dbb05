package io.importspy.java;

import io.importspy.API;

import java.util.Optional;

import static io.importspy.API.Status.EXPERIMENTAL;

/** The kind of a Java type declaration, as a contract names it in {@code kind:}. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum ClassKind {
    CLASS, INTERFACE, ENUM, RECORD, ANNOTATION;

    /** The word a contract uses for this kind. */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind named {@code keyword} in a contract, or empty when there is none. */
    public static Optional<ClassKind> fromKeyword(String keyword) {
        for (ClassKind kind : values()) {
            if (kind.keyword().equals(keyword)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return keyword();
    }
}
