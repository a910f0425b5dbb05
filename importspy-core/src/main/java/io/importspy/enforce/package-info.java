/**
 * Enforcement: the modes that act on a verdict. Embedded mode ({@link io.importspy.Spy#importspy}, which returns an
 * {@link io.importspy.enforce.ImporterHandle}) checks
 * whoever imports a protected module; guarded loading ({@link io.importspy.enforce.GuardedLoader},
 * {@link io.importspy.enforce.GuardedServices}) validates plugin bytes before any class loader exists. A violation
 * throws {@link io.importspy.enforce.ContractViolationException} in {@link io.importspy.enforce.EnforcementMode#ENFORCE}
 * mode and is only logged in {@code AUDIT} mode.
 *
 * <p>Promise: stable. Every type here is safe to use from several threads; the verdict cache of embedded mode is
 * shared by the whole JVM and holds no strong reference to a plugin layer or a generated class.
 */
@API(status = STABLE, since = "0.1.0")
package io.importspy.enforce;

import io.importspy.API;

import static io.importspy.API.Status.STABLE;
