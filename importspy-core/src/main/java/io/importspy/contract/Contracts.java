package io.importspy.contract;

import java.nio.file.Path;

/** Reads import contracts (format 1) from YAML: the public entry of the parse stage. */
public final class Contracts {
    private Contracts() {
    }

    /**
     * Reads and checks the contract at {@code file}.
     *
     * @throws ContractException listing every problem found (unreadable file, YAML syntax, unknown keys, ...)
     */
    public static SpyModel read(Path file) {
        throw new UnsupportedOperationException("TODO parse helper");
    }

    /**
     * Parses contract text; {@code fileName} is used in locations.
     *
     * @throws ContractException listing every problem found
     */
    public static SpyModel parse(String yaml, String fileName) {
        throw new UnsupportedOperationException("TODO parse helper");
    }
}
