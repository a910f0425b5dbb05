package io.importspy.validate;

import io.importspy.API;

import static io.importspy.API.Status.STABLE;

/** Whether checks that could not be made ({@link Category#UNVERIFIED}) fail a module. */
@API(status = STABLE, since = "0.1.0")
public enum Strictness {
    /** Unverified checks are warnings. */
    LENIENT,
    /** Unverified checks are failures ({@code --strict}). */
    STRICT
}
