/**
 * The inspect stage's results: the facts read from a module's bytes ({@link io.importspy.inspect.ModuleFacts}
 * and the class, member and annotation facts within it) and from a JVM ({@link io.importspy.inspect.RuntimeFacts}).
 * All immutable records, safe to share between threads. Rules, reports and guarded loaders hand them out.
 *
 * <p>Promise: experimental. Extension rules will read these records, so their components may still grow;
 * {@link io.importspy.inspect.InspectionException} (a target that cannot be read) is stable.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
package io.importspy.inspect;

import io.importspy.API;

import static io.importspy.API.Status.EXPERIMENTAL;
