/**
 * ImportSpy's implementation of the {@code contract} stage: public only so that ImportSpy's other packages reach
 * it. Not exported by the core module; do not depend on it, it changes without notice.
 */
@API(status = INTERNAL, since = "0.1.0")
package io.importspy.internal.contract;

import io.importspy.API;

import static io.importspy.API.Status.INTERNAL;
