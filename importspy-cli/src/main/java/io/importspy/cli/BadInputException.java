package io.importspy.cli;

import java.util.List;

/** Bad input found by the command line itself (missing file, unwritable output): one line per problem. */
final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    BadInputException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    BadInputException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    List<String> problems() {
        return problems;
    }
}
