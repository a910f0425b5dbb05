package io.importspy.enforce;

import io.importspy.API;

import static io.importspy.API.Status.STABLE;

/** What ImportSpy does with a non-compliant module: only report it, or stop it. */
@API(status = STABLE, since = "0.1.0")
public enum EnforcementMode {
    /** Report every violation (logged at WARNING, kept in the report) and let the module run. */
    AUDIT,
    /** Refuse the module: throw {@link ContractViolationException}, create no class loader. The default. */
    ENFORCE
}
