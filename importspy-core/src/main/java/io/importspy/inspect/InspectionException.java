package io.importspy.inspect;

import io.importspy.API;
import io.importspy.ImportSpyException;

import static io.importspy.API.Status.STABLE;

/**
 * A target could not be inspected: missing file, unreadable or corrupt archive, garbage class file.
 * The message is one line naming the target (and entry) and what is wrong.
 */
@API(status = STABLE, since = "0.1.0")
public final class InspectionException extends ImportSpyException {
    private static final long serialVersionUID = 1L;

    public InspectionException(String message) {
        super(message);
    }

    public InspectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
