/**
 * ImportSpy's wiring of the stages: one path from a contract and a target to a report, which the facade,
 * embedded mode and guarded loading share. Not exported by the core module; do not depend on it, it changes
 * without notice.
 */
@API(status = INTERNAL, since = "0.1.0")
package io.importspy.internal.pipeline;

import io.importspy.API;

import static io.importspy.API.Status.INTERNAL;
