package io.importspy.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The start path of the common case, {@code importspy validate -c FILE [options] TARGET...}, read without
 * picocli: building picocli's reflective model of the commands costs more than a whole validation, and it
 * is only needed for help, version, errors and {@code inspect}.
 *
 * <p>Only plain command lines are read here: {@code validate} first, the options of
 * {@link ValidateCommand} spelled out ({@code --name VALUE} or {@code --name=VALUE}), each single-valued
 * option at most once, every value and target not starting with {@code -} or {@code @}, the contract and
 * at least one target given, a known {@code --format}. Anything else, valid or not, is left to picocli
 * (empty result), so every message, help text and exit code stays picocli's.
 */
final class PlainValidation {
    private static final Set<String> TAKES_VALUE = Set.of("-c", "--contract", "--format", "--output",
            "--classpath", "--runtime");
    private static final Set<String> FLAGS = Set.of("--strict", "--verbose");

    private PlainValidation() {
    }

    /** The validation {@code args} ask for, when they are plain; empty when picocli must read them. */
    static Optional<ValidateCommand> read(String... args) {
        if (args.length < 4 || !"validate".equals(args[0])) {
            return Optional.empty();
        }
        Path contract = null;
        ValidateCommand.Format format = ValidateCommand.Format.TEXT;
        Path output = null;
        List<String> classpath = new ArrayList<>();
        String runtime = "current";
        boolean strict = false;
        boolean verbose = false;
        List<Path> targets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                Path target = pathOrNull(arg);
                if (target == null || arg.startsWith("@")) {
                    return Optional.empty();
                }
                targets.add(target);
                continue;
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (FLAGS.contains(name) && value == null) {
                if (!seen.add(name)) {
                    return Optional.empty();
                }
                strict |= name.equals("--strict");
                verbose |= name.equals("--verbose");
                continue;
            }
            if (!TAKES_VALUE.contains(name)) {
                return Optional.empty();
            }
            if (value == null) {
                if (i + 1 == args.length) {
                    return Optional.empty();
                }
                value = args[++i];
            }
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) {
                return Optional.empty();
            }
            String option = name.equals("-c") ? "--contract" : name;
            if (!option.equals("--classpath") && !seen.add(option)) {
                return Optional.empty();
            }
            switch (option) {
                case "--contract" -> contract = pathOrNull(value);
                case "--output" -> output = pathOrNull(value);
                case "--classpath" -> classpath.add(value);
                case "--runtime" -> runtime = value;
                default -> format = formatOrNull(value);
            }
            if (format == null || (option.equals("--contract") && contract == null)
                    || (option.equals("--output") && output == null)) {
                return Optional.empty();
            }
        }
        if (contract == null || targets.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ValidateCommand(contract, format, output, classpath, runtime, strict, verbose,
                targets));
    }

    private static Path pathOrNull(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static ValidateCommand.Format formatOrNull(String value) {
        for (ValidateCommand.Format format : ValidateCommand.Format.values()) {
            if (format.name().equalsIgnoreCase(value)) {
                return format;
            }
        }
        return null;
    }
}
