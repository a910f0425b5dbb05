package io.importspy;

import static io.importspy.API.Status.STABLE;

/**
 * The one family of exceptions ImportSpy throws for bad input and for enforcement, in every mode
 * (command line, {@link Spy}, embedded mode, guarded loading). Unchecked; the message is one line (or, for
 * a violation, the report) that names the input and what is wrong.
 *
 * <ul>
 *   <li>{@link io.importspy.contract.ContractException}: a contract that is missing, unreadable or invalid;
 *       carries every error with file, line and column.</li>
 *   <li>{@link io.importspy.inspect.InspectionException}: a target, class-path entry or runtime record that
 *       is missing, unreadable or corrupt.</li>
 *   <li>{@link io.importspy.enforce.ContractViolationException}: a module that fails its contract where the
 *       contract is enforced; carries the report.</li>
 * </ul>
 *
 * <p>A violation found by {@link Spy#validate} is not thrown: it is data in the report.
 */
@API(status = STABLE, since = "0.1.0")
public abstract class ImportSpyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** For ImportSpy's own exception types. */
    protected ImportSpyException(String message) {
        super(message);
    }

    /** For ImportSpy's own exception types. */
    protected ImportSpyException(String message, Throwable cause) {
        super(message, cause);
    }
}
