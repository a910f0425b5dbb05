package io.importspy.contract;

import io.importspy.API;

import java.util.Objects;

import static io.importspy.API.Status.STABLE;

/**
 * A position in a contract file, 1-based, printed as {@code spymodel.yml:14:9}.
 *
 * @param file   the contract's file name as the user gave it
 * @param line   1-based line
 * @param column 1-based column
 */
@API(status = STABLE, since = "0.1.0")
public record Location(String file, int line, int column) {
    public Location {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
