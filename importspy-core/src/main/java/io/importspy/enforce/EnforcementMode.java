package io.importspy.enforce;

/** What ImportSpy does with a non-compliant module: only report it, or stop it. */
public enum EnforcementMode {
    /** Report every violation (logged at WARNING, kept in the report) and let the module run. */
    AUDIT,
    /** Refuse the module: throw {@link ContractViolationException}, create no class loader. The default. */
    ENFORCE
}
