/**
 * The validate stage: a pure function from a contract and facts to a {@link io.importspy.validate.Report}, which
 * lists every {@link io.importspy.validate.Violation} of every target in contract order. Reports are immutable
 * records, safe to share between threads and to keep.
 *
 * <p>Each contract section is checked by one {@link io.importspy.validate.Rule}; the validator runs a list of
 * them. Rules build violations with the factories on {@link io.importspy.validate.Violation}
 * ({@code missing}, {@code mismatch}, {@code invalid}, {@code unverified}); the built-in rules keep their
 * wording in one factory per violation, package-private.
 *
 * <p>Promise: the report and violation records and their categories are stable; {@link
 * io.importspy.validate.Validator} (calling the stage directly), {@link io.importspy.validate.Rule} (the seam a
 * new section plugs into) and {@link io.importspy.validate.Context} (open to new sections) are experimental.
 */
@API(status = STABLE, since = "0.1.0")
package io.importspy.validate;

import io.importspy.API;

import static io.importspy.API.Status.STABLE;
