package io.importspy.inspect;

/**
 * A target could not be inspected: missing file, unreadable or corrupt archive, garbage class file.
 * The message is one line naming the target (and entry) and what is wrong.
 */
public final class InspectionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InspectionException(String message) {
        super(message);
    }

    public InspectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
