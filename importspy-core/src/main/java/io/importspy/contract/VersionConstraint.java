package io.importspy.contract;

/**
 * A version constraint: a version prefix ({@code 17} matches 17.0.15) or a Maven range
 * ({@code [1.2,2.0)}, {@code [17,)}, {@code (,1.0],[1.2,)}), ordered as Maven orders versions.
 */
public final class VersionConstraint {
    // TODO(validate helper): implement
    private final String text;

    private VersionConstraint(String text) {
        this.text = text;
    }

    /**
     * Parses a constraint.
     *
     * @throws IllegalArgumentException with a one-line message saying what is wrong and how to write it
     */
    public static VersionConstraint parse(String text) {
        return new VersionConstraint(text);
    }

    /** Whether {@code version} satisfies this constraint. */
    public boolean test(String version) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The constraint as written. */
    @Override
    public String toString() {
        return text;
    }
}
