package io.importspy.internal.spi;

import io.importspy.API;

import static io.importspy.API.Status.INTERNAL;

/**
 * An extension that cannot be used: missing, claimed twice, or failing when called. The message is one line
 * naming the extension; the stage that called it turns it into a located error.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ExtensionFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExtensionFailure(String message) {
        super(message, null, false, false);
    }
}
