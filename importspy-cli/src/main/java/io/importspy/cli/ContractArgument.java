package io.importspy.cli;

import io.importspy.Spy;
import io.importspy.contract.SpyModel;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of {@code -c/--contract}: a contract file, or a contract a JAR publishes with its API,
 * {@code jar:PATH} (the one contract under {@code META-INF/importspy/}) or {@code jar:PATH!/ENTRY}
 * ({@code jar:greeter-api-1.0.jar!/META-INF/importspy/greeter.yml}, as in Java's jar URLs).
 */
final class ContractArgument {
    private static final String JAR = "jar:";
    private static final String SEPARATOR = "!/";

    private final Path file;
    private final boolean inJar;
    private final String entry;

    private ContractArgument(Path file, boolean inJar, String entry) {
        this.file = file;
        this.inJar = inJar;
        this.entry = entry;
    }

    /**
     * Reads the option's value.
     *
     * @throws BadInputException when a {@code jar:} value names no path
     */
    static ContractArgument of(String value) {
        if (!value.startsWith(JAR)) {
            return new ContractArgument(path(value, value), false, null);
        }
        String rest = value.substring(JAR.length());
        int separator = rest.indexOf(SEPARATOR);
        String jar = separator < 0 ? rest : rest.substring(0, separator);
        String entry = separator < 0 ? null : rest.substring(separator + SEPARATOR.length());
        if (jar.isEmpty() || (entry != null && entry.isEmpty())) {
            throw new BadInputException(List.of("contract '" + value + "' is neither a file nor of the form "
                    + "jar:PATH or jar:PATH!/META-INF/importspy/NAME.yml"));
        }
        return new ContractArgument(path(jar, value), true, entry);
    }

    private static Path path(String path, String value) {
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            throw new BadInputException(List.of("contract '" + value + "' is not a valid path: " + e.getReason()));
        }
    }

    /** Adds the check that the contract file, or the JAR that holds it, exists and is readable. */
    InputFiles checkedBy(InputFiles inputs) {
        return isInJar() ? inputs.fileOrDirectory(file, "contract JAR") : inputs.file(file, "contract");
    }

    /**
     * Reads the contract.
     *
     * @throws io.importspy.contract.ContractException when it is unreadable or invalid
     * @throws BadInputException when a JAR publishes no contract, or several and none is named
     */
    SpyModel read() {
        if (!isInJar()) {
            return Spy.contract(file);
        }
        if (entry != null) {
            return Spy.publishedContract(file, entry);
        }
        List<String> published = Spy.publishedContracts(file);
        if (published.size() == 1) {
            return Spy.publishedContract(file, published.get(0));
        }
        if (published.isEmpty()) {
            throw new BadInputException(List.of("contract JAR '" + file + "' publishes no contract at "
                    + "META-INF/importspy/*.yml"));
        }
        List<String> choices = new ArrayList<>();
        for (String name : published) {
            choices.add(JAR + file + SEPARATOR + name);
        }
        throw new BadInputException(List.of("contract JAR '" + file + "' publishes " + published.size()
                + " contracts; name one: " + String.join(", ", choices)));
    }

    /** The contract file, or the JAR that publishes it (a class directory: not a file). */
    Path file() {
        return file;
    }

    /** What names the contract beside its file: the entry of a JAR, when one is named. */
    String entry() {
        return entry == null ? "" : entry;
    }

    private boolean isInJar() {
        return inJar;
    }
}
