package io.importspy.cli;

import io.importspy.RuntimeSource;
import io.importspy.Spy;
import io.importspy.ValidationOptions;
import io.importspy.report.ColorMode;
import io.importspy.report.JUnitReport;
import io.importspy.report.JsonReport;
import io.importspy.report.SarifReport;
import io.importspy.report.TextReport;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code importspy validate}: checks targets against a contract and prints the report. */
final class ValidateCommand {
    /** Report formats: text for people, JSON for machines, SARIF for code-scanning UIs, JUnit XML for CI test tabs. */
    enum Format { TEXT, JSON, SARIF, JUNIT }

    /** When the text report is coloured: {@code auto} on a terminal unless {@code NO_COLOR} is set. */
    enum Color { AUTO, ALWAYS, NEVER }

    private final String contract;
    private final Path policy;
    private final Format format;
    private final Path output;
    private final List<String> classpath;
    private final String runtime;
    private final boolean strict;
    private final boolean quiet;
    private final Color color;
    private final List<Path> targets;

    private ValidateCommand(String contract, Path policy, Format format, Path output, List<String> classpath,
                            String runtime,
                            boolean strict, boolean quiet, Color color, List<Path> targets) {
        this.contract = contract;
        this.policy = policy;
        this.format = format;
        this.output = output;
        this.classpath = classpath;
        this.runtime = runtime;
        this.strict = strict;
        this.quiet = quiet;
        this.color = color;
        this.targets = targets;
    }

    /** The validation a parsed {@code validate} command line asks for (see {@link Commands} for its options). */
    static ValidateCommand from(ParseResult validate) {
        return new ValidateCommand(validate.matchedOptionValue("--contract", null),
                validate.matchedOptionValue("--policy", null),
                validate.matchedOptionValue("--format", Format.TEXT),
                validate.matchedOptionValue("--output", null),
                List.of(validate.matchedOptionValue("--classpath", new String[0])),
                validate.matchedOptionValue("--runtime", "current"),
                validate.matchedOptionValue("--strict", Boolean.FALSE),
                validate.matchedOptionValue("--quiet", Boolean.FALSE),
                validate.matchedOptionValue("--color", Color.AUTO),
                validate.matchedPositionalValue(0, List.of()));
    }

    /**
     * Validates and writes the report to {@code --output} (then the summary line to {@code err}) or to
     * {@code out}; with {@code --quiet}, only to {@code --output}. Returns the exit code.
     */
    int execute(PrintWriter out, PrintWriter err) {
        List<Path> libraries = InputFiles.classpath(classpath);
        RuntimeSource runtimeSource = runtimeSource();
        if ((contract == null) == (policy == null)) {
            throw new BadInputException(List.of(contract == null
                    ? "give the contract with -c FILE, or a policy with --policy FILE"
                    : "give either -c or --policy, not both: a policy names the contract of each target"));
        }
        ContractArgument contractArgument = contract == null ? null : ContractArgument.of(contract);
        InputFiles inputs = contractArgument != null ? contractArgument.checkedBy(new InputFiles())
                : new InputFiles().file(policy, "policy");
        for (Path target : targets) { // loops, not lambdas: each lambda costs start-up time to link
            inputs.fileOrDirectory(target, "target");
        }
        for (Path entry : libraries) {
            inputs.jarOrDirectory(entry, "class-path entry");
        }
        if (runtimeSource instanceof RuntimeSource.Recorded recorded) {
            inputs.file(recorded.file(), "runtime record");
        }
        inputs.check();

        ValidationOptions options = ValidationOptions.defaults()
                .withClasspath(libraries)
                .withRuntime(runtimeSource)
                .withStrictness(strict ? Strictness.STRICT : Strictness.LENIENT);
        Report report = contractArgument != null ? Spy.validate(contractArgument.read(), options, targets)
                : Spy.validate(Spy.policy(policy), options, targets);

        if (output != null) {
            write(output, render(report));
            if (!quiet) {
                err.println(summary(report));
                err.flush();
            }
        } else if (!quiet) {
            out.print(render(report));
            out.flush();
        }
        return report.isCompliant() ? Main.COMPLIANT : Main.VIOLATIONS;
    }

    /** The text report's last line: {@code 1 target, 0 compliant, 2 violations, 0 unverified}. */
    static String summary(Report report) {
        String text = TextReport.render(report, ColorMode.PLAIN).strip();
        return text.substring(text.lastIndexOf('\n') + 1);
    }

    private String render(Report report) {
        return switch (format) {
            case TEXT -> TextReport.render(report, colorMode());
            case JSON -> JsonReport.render(report);
            case SARIF -> SarifReport.render(report);
            case JUNIT -> JUnitReport.render(report);
        };
    }

    /** {@code --color}: always, never, or (auto) on a terminal that wants colour; a file only when always. */
    private ColorMode colorMode() {
        if (color == Color.ALWAYS) {
            return ColorMode.ANSI;
        }
        return color == Color.NEVER || output != null ? ColorMode.PLAIN : Terminal.colorMode();
    }

    private RuntimeSource runtimeSource() {
        if (runtime.equals("current")) {
            return RuntimeSource.current();
        }
        if (runtime.equals("none")) {
            return RuntimeSource.none();
        }
        try {
            return RuntimeSource.recorded(Path.of(runtime));
        } catch (java.nio.file.InvalidPathException e) {
            throw new BadInputException(List.of("--runtime '" + runtime + "' is neither current, none nor a file path"));
        }
    }

    static void write(Path output, String text) {
        try {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("cannot write the report to '" + output + "': " + reason(e), e);
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "its directory does not exist";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
