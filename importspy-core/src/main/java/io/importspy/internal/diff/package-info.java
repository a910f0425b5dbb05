/**
 * ImportSpy's {@code diff}: two modules or contracts compared in the contract's terms, with semantic-versioning
 * advice. Not exported by the core module; do not depend on it, it changes without notice.
 */
@API(status = INTERNAL, since = "0.1.0")
package io.importspy.internal.diff;

import io.importspy.API;

import static io.importspy.API.Status.INTERNAL;
