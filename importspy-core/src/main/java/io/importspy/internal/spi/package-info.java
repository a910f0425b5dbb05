/**
 * The extensions ImportSpy has: where they are found, and every call into them, guarded so that a failing
 * extension is an error that names it, never a pass or a stack trace.
 */
@API(status = INTERNAL, since = "0.1.0")
package io.importspy.internal.spi;

import io.importspy.API;

import static io.importspy.API.Status.INTERNAL;
