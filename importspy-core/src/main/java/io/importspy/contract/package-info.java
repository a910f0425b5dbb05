/**
 * The contract stage: an import contract read from YAML. {@link io.importspy.contract.SpyModel} is the parsed
 * contract (read it with {@link io.importspy.Spy#contract}); {@link io.importspy.contract.ContractException}
 * carries every {@link io.importspy.contract.ContractError} of a bad one, each at a
 * {@link io.importspy.contract.Location} (file, line, column).
 *
 * <p>Promise: a contract that parses under this version parses to the same verdicts under later versions of
 * format 1; contract errors keep their one-line {@code file:line:column: message} shape. The section types a
 * model holds are internal and may change.
 */
@API(status = STABLE, since = "0.1.0")
package io.importspy.contract;

import io.importspy.API;

import static io.importspy.API.Status.STABLE;
