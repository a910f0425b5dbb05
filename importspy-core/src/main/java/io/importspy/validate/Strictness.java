package io.importspy.validate;

/** Whether checks that could not be made ({@link Category#UNVERIFIED}) fail a module. */
public enum Strictness {
    /** Unverified checks are warnings. */
    LENIENT,
    /** Unverified checks are failures ({@code --strict}). */
    STRICT
}
