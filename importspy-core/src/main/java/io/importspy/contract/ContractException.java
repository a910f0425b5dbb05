package io.importspy.contract;

import io.importspy.API;
import io.importspy.ImportSpyException;

import java.util.List;
import java.util.stream.Collectors;

import static io.importspy.API.Status.STABLE;

/** Thrown when a contract cannot be read or is not a valid contract; carries every error found. */
@API(status = STABLE, since = "0.1.0")
public final class ContractException extends ImportSpyException {
    private static final long serialVersionUID = 1L;

    private final transient List<ContractError> errors;

    public ContractException(List<ContractError> errors) {
        super(errors.stream().map(ContractError::toString).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a contract exception needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** Every error found, in file order. */
    public List<ContractError> errors() {
        return errors;
    }
}
