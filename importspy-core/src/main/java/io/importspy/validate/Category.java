package io.importspy.validate;

import io.importspy.API;

import static io.importspy.API.Status.STABLE;

/** What kind of violation: the four categories of a report. */
@API(status = STABLE, since = "0.1.0")
public enum Category {
    /** The contract names it; the module or runtime lacks it. */
    MISSING,
    /** It exists, but its type, value, modifiers or supertype differ. */
    MISMATCH,
    /** The value is of a kind the contract does not allow (e.g. an OS outside the list). */
    INVALID,
    /** The check could not be made (supertype not found, no parameter names in bytecode). */
    UNVERIFIED,
    /**
     * The module has it, the contract does not declare it (a public or protected member of a class the contract
     * names): drift the other way round. Reported only when asked for
     * ({@link io.importspy.ValidationOptions#reportingUndeclared()}, {@code validate --undeclared}), so a report
     * that did not ask never holds it; it fails like {@link #MISSING}.
     *
     * @since 0.1.0
     */
    UNDECLARED;

    /** The lower-case word used in reports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
