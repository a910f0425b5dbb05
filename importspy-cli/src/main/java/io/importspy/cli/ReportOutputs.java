package io.importspy.cli;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The reports one {@code validate} writes, from its {@code --format} and {@code --output} options in command-line
 * order: {@code --format sarif --output a.sarif --format junit --output b.xml} writes two files; a last
 * {@code --format} without an {@code --output} goes to stdout; one {@code --format} and one {@code --output} pair
 * in either order; {@code --output} alone writes text. When no report goes to stdout and none is text, the text
 * report goes to stdout too, so that a CI log shows it.
 *
 * @param reports every report, files first in command-line order, then the one on stdout if any
 */
record ReportOutputs(List<Output> reports) {
    /**
     * One report.
     *
     * @param format its format
     * @param file   the file it is written to; empty for stdout
     */
    record Output(ValidateCommand.Format format, Optional<Path> file) {
    }

    ReportOutputs {
        reports = List.copyOf(reports);
    }

    /** The report that goes to stdout, if any. */
    Optional<Output> stdout() {
        for (Output report : reports) { // loops, not lambdas: each lambda costs start-up time to link
            if (report.file().isEmpty()) {
                return Optional.of(report);
            }
        }
        return Optional.empty();
    }

    /** The reports written to files, in command-line order. */
    List<Output> files() {
        List<Output> files = new ArrayList<>();
        for (Output report : reports) {
            if (report.file().isPresent()) {
                files.add(report);
            }
        }
        return files;
    }

    /**
     * The reports a parsed {@code validate} asks for.
     *
     * @throws BadInputException naming each {@code --format} or {@code --output} that has no partner, or a file
     *                           given twice
     */
    static ReportOutputs of(ParseResult validate) {
        List<Option> options = options(validate);
        List<Output> reports = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ValidateCommand.Format format = ValidateCommand.Format.TEXT;
        Optional<Path> file = Optional.empty();
        int formats = 0;
        for (Option option : options) {
            if (option.isFormat()) {
                format = (ValidateCommand.Format) option.value();
                formats++;
            } else {
                file = Optional.of((Path) option.value());
            }
        }
        if (formats <= 1 && options.size() - formats <= 1) {
            reports.add(new Output(format, file));
        } else {
            pairs(options, reports, problems);
        }
        Map<Path, Option> files = new HashMap<>();
        for (Option option : options) {
            if (!option.isFormat() && files.putIfAbsent(((Path) option.value()).toAbsolutePath().normalize(),
                    option) != null) {
                problems.add(option + " names a file another --output already writes; give each report its own file");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        boolean textSomewhere = false;
        for (Output report : reports) {
            textSomewhere |= report.format() == ValidateCommand.Format.TEXT;
        }
        if (!textSomewhere && reports.get(reports.size() - 1).file().isPresent()) {
            reports.add(new Output(ValidateCommand.Format.TEXT, Optional.empty()));
        }
        return new ReportOutputs(reports);
    }

    /** Pairs {@code --format F --output FILE}, in that order; a last lone {@code --format} goes to stdout. */
    private static void pairs(List<Option> options, List<Output> reports, List<String> problems) {
        String usage = "; with several reports, write '--format FORMAT --output FILE' for each (a last --format "
                + "without --output goes to stdout)";
        int i = 0;
        while (i < options.size()) {
            Option option = options.get(i);
            if (!option.isFormat()) {
                problems.add(option + " has no --format before it" + usage);
                i++;
            } else if (i + 1 < options.size() && !options.get(i + 1).isFormat()) {
                reports.add(new Output((ValidateCommand.Format) option.value(),
                        Optional.of((Path) options.get(i + 1).value())));
                i += 2;
            } else if (i == options.size() - 1) {
                reports.add(new Output((ValidateCommand.Format) option.value(), Optional.empty()));
                i++;
            } else {
                problems.add(option + " has no --output after it" + usage);
                i++;
            }
        }
    }

    /** Every {@code --format} and {@code --output}, in command-line order, each with its value and ordinal. */
    private static List<Option> options(ParseResult validate) {
        List<Option> options = new ArrayList<>();
        int formats = 0;
        int outputs = 0;
        for (ArgSpec arg : validate.matchedArgs()) {
            if (arg instanceof OptionSpec option && option.longestName().equals("--format")) {
                List<?> values = (List<?>) option.getValue();
                options.add(new Option("--format", values.get(formats), ++formats));
            } else if (arg instanceof OptionSpec option && option.longestName().equals("--output")) {
                List<?> values = (List<?>) option.getValue();
                options.add(new Option("--output", values.get(outputs), ++outputs));
            }
        }
        return options;
    }

    /** One {@code --format} or {@code --output} as given: {@code "--output b.xml (the 2nd --output)"}. */
    private record Option(String name, Object value, int ordinal) {
        boolean isFormat() {
            return name.equals("--format");
        }

        @Override
        public String toString() {
            String shown = value instanceof ValidateCommand.Format format ? format.name().toLowerCase(Locale.ROOT)
                    : String.valueOf(value);
            return "'" + name + " " + shown + "' (the " + ordinal + suffix(ordinal) + " " + name + ")";
        }

        private static String suffix(int n) {
            int lastTwo = n % 100;
            if (lastTwo >= 11 && lastTwo <= 13) {
                return "th";
            }
            return switch (n % 10) {
                case 1 -> "st";
                case 2 -> "nd";
                case 3 -> "rd";
                default -> "th";
            };
        }
    }
}
