package io.importspy.validate;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.RuntimeFacts;

import java.util.Optional;

/**
 * Checks a module's facts and a runtime's facts against a contract: a pure function, no I/O. Collects
 * every violation in contract order; never stops at the first.
 */
public final class Validator {
    private Validator() {
    }

    /**
     * Validates one module.
     *
     * @param runtime the runtime to check deployments against; empty skips the deployment checks
     */
    public static TargetReport validate(SpyModel model, ModuleFacts module, Optional<RuntimeFacts> runtime) {
        throw new UnsupportedOperationException("TODO validate helper");
    }
}
