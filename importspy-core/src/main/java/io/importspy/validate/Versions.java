package io.importspy.validate;

import io.importspy.internal.contract.VersionConstraint;

/** The single place where validation evaluates version constraints (DESIGN §2.3). */
final class Versions {
    private Versions() {
    }

    /** Whether {@code version} satisfies {@code constraint}. */
    static boolean satisfies(VersionConstraint constraint, String version) {
        return constraint.test(version);
    }
}
