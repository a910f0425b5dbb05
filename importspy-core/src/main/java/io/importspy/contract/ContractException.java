package io.importspy.contract;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a contract cannot be read or is not a valid contract; carries every error found. */
public final class ContractException extends RuntimeException {
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
