package io.importspy.cli;

import io.importspy.RuntimeSource;
import io.importspy.Spy;
import io.importspy.ValidationOptions;
import io.importspy.internal.contract.Baselines;
import io.importspy.internal.contract.Policies;
import io.importspy.internal.report.Baselining;
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
    private final ReportOutputs outputs;
    private final List<String> classpath;
    private final String runtime;
    private final boolean strict;
    private final boolean undeclared;
    private final boolean quiet;
    private final Color color;
    private final Path baseline;
    private final Path writeBaseline;
    private final List<Path> targets;

    private ValidateCommand(String contract, Path policy, ReportOutputs outputs, List<String> classpath,
                            String runtime, boolean strict, boolean undeclared, boolean quiet, Color color,
                            Path baseline, Path writeBaseline, List<Path> targets) {
        this.contract = contract;
        this.policy = policy;
        this.outputs = outputs;
        this.classpath = classpath;
        this.runtime = runtime;
        this.strict = strict;
        this.undeclared = undeclared;
        this.quiet = quiet;
        this.color = color;
        this.baseline = baseline;
        this.writeBaseline = writeBaseline;
        this.targets = targets;
    }

    /** The validation a parsed {@code validate} command line asks for (see {@link Commands} for its options). */
    static ValidateCommand from(ParseResult validate) {
        return new ValidateCommand(validate.matchedOptionValue("--contract", null),
                validate.matchedOptionValue("--policy", null),
                ReportOutputs.of(validate),
                List.of(validate.matchedOptionValue("--classpath", new String[0])),
                validate.matchedOptionValue("--runtime", "current"),
                validate.matchedOptionValue("--strict", Boolean.FALSE),
                validate.matchedOptionValue("--undeclared", Boolean.FALSE),
                validate.matchedOptionValue("--quiet", Boolean.FALSE),
                validate.matchedOptionValue("--color", Color.AUTO),
                validate.matchedOptionValue("--baseline", null),
                validate.matchedOptionValue("--write-baseline", null),
                validate.matchedPositionalValue(0, List.of()));
    }

    /** A policy's warning on stderr, unless {@code --quiet}. */
    private void warn(PrintWriter err, String warning) {
        if (!quiet) {
            err.println("importspy: " + warning);
            err.flush();
        }
    }

    /**
     * Validates and writes each report ({@link ReportOutputs}) to its file or to {@code out}; when files are
     * written and {@code out} shows no text report, the summary line goes to {@code err}. With {@code --quiet},
     * only the files are written. Returns the exit code.
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
        if (baseline != null) {
            inputs.file(baseline, "baseline");
        }
        inputs.check();
        checkBaselineFile();
        Baselines.File accepted = baseline == null ? null : Baselines.read(baseline);

        ValidationOptions options = ValidationOptions.defaults()
                .withClasspath(libraries)
                .withRuntime(runtimeSource)
                .withStrictness(strict ? Strictness.STRICT : Strictness.LENIENT);
        if (undeclared) {
            options = options.reportingUndeclared();
        }
        Report validated = contractArgument != null ? Spy.validate(contractArgument.read(), options, targets)
                : Spy.validate(Policies.read(policy, warning -> warn(err, warning)), options, targets);
        Report report = accepted == null ? validated : Baselining.apply(validated, accepted);

        for (ReportOutputs.Output file : outputs.files()) {
            write(file.file().get(), render(report, file));
        }
        if (writeBaseline != null) {
            String yaml = Baselining.write(report);
            write(writeBaseline, yaml);
            if (!quiet) {
                int entries = Baselining.entries(yaml);
                err.println("baseline written to " + writeBaseline + ": " + entries + (entries == 1 ? " entry, "
                        : " entries, ") + Baselining.unjustified(yaml) + " without a justification (write why each "
                        + "is accepted, then pass --baseline " + writeBaseline + ")");
                err.flush();
            }
        }
        if (!quiet) {
            java.util.Optional<ReportOutputs.Output> stdout = outputs.stdout();
            if (stdout.isPresent()) {
                out.print(render(report, stdout.get()));
                out.flush();
            }
            if (!outputs.files().isEmpty() && (stdout.isEmpty() || stdout.get().format() != Format.TEXT)) {
                err.println(summary(report));
                err.flush();
            }
        }
        return report.isCompliant() ? Main.COMPLIANT : Main.VIOLATIONS;
    }

    /** {@code --write-baseline} names a file no {@code --output} writes. */
    private void checkBaselineFile() {
        if (writeBaseline == null) {
            return;
        }
        Path written = writeBaseline.toAbsolutePath().normalize();
        for (ReportOutputs.Output file : outputs.files()) {
            if (file.file().get().toAbsolutePath().normalize().equals(written)) {
                throw new BadInputException(List.of("--write-baseline " + writeBaseline + " names the file of an "
                        + "--output; write the baseline to a file of its own"));
            }
        }
    }

    /** The text report's last line: {@code 1 target, 0 compliant, 2 violations, 0 unverified}. */
    static String summary(Report report) {
        String text = TextReport.render(report, ColorMode.PLAIN).strip();
        return text.substring(text.lastIndexOf('\n') + 1);
    }

    private String render(Report report, ReportOutputs.Output output) {
        return switch (output.format()) {
            case TEXT -> TextReport.render(report, colorMode(output));
            case JSON -> JsonReport.render(report);
            case SARIF -> SarifReport.render(report);
            case JUNIT -> JUnitReport.render(report);
        };
    }

    /** {@code --color}: always, never, or (auto) on a terminal that wants colour; a file only when always. */
    private ColorMode colorMode(ReportOutputs.Output output) {
        if (color == Color.ALWAYS) {
            return ColorMode.ANSI;
        }
        return color == Color.NEVER || output.file().isPresent() ? ColorMode.PLAIN : Terminal.colorMode();
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
