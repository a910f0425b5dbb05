/**
 * ImportSpy's facade: {@link io.importspy.Spy} reaches every mode (reading a contract, validating modules,
 * embedded mode, guarded loading) with {@link io.importspy.ValidationOptions} and
 * {@link io.importspy.RuntimeSource} to configure validation. {@link io.importspy.ImportSpyException} is the
 * base of every exception ImportSpy throws; {@link io.importspy.API} marks how far each public type may be
 * relied on.
 *
 * <p>The core module exports this package and {@code contract}, {@code inspect}, {@code java},
 * {@code validate}, {@code report} and {@code enforce}; {@code io.importspy.internal.*} (with the bundled
 * ASM and SnakeYAML Engine) is not exported and carries no compatibility promise.
 */
@API(status = STABLE, since = "0.1.0")
package io.importspy;

import static io.importspy.API.Status.STABLE;
