package io.importspy.contract;

import io.importspy.API;

import java.util.Objects;

import static io.importspy.API.Status.STABLE;

/**
 * One problem with a contract itself (not a violation by a module): unknown key, wrong type, bad value.
 * Printed as {@code spymodel.yml:7:5: unknown key 'modifers' in method; did you mean 'modifiers'?}.
 *
 * @param location where the problem is
 * @param message  what is wrong and how to fix it, one line
 */
@API(status = STABLE, since = "0.1.0")
public record ContractError(Location location, String message) {
    public ContractError {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
