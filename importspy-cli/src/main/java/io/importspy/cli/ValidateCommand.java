package io.importspy.cli;

import io.importspy.RuntimeSource;
import io.importspy.Spy;
import io.importspy.ValidationOptions;
import io.importspy.contract.SpyModel;
import io.importspy.report.ColorMode;
import io.importspy.report.JUnitReport;
import io.importspy.report.JsonReport;
import io.importspy.report.SarifReport;
import io.importspy.report.TextReport;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code importspy validate}: checks targets against a contract and prints the report. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false,
        description = "Checks each TARGET (a JAR or a class directory) against the contract and prints a report.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every target compliant", "  1  at least one violation (unverified checks only with --strict)",
                "  2  bad input: invalid contract, missing or corrupt file, bad option",
                "  3  internal error of ImportSpy (run with --verbose and report it)%n"})
final class ValidateCommand implements Callable<Integer> {
    /** Report formats: text for people, JSON for machines, SARIF for code-scanning UIs, JUnit XML for CI test tabs. */
    enum Format { TEXT, JSON, SARIF, JUNIT }

    @Spec
    private CommandSpec spec;

    @Option(names = {"-c", "--contract"}, required = true, paramLabel = "FILE",
            description = "The import contract (spymodel.yml).")
    private Path contract;

    @Option(names = "--format", paramLabel = "text|json|sarif|junit", defaultValue = "text",
            description = "Report format: text for people (default), json for machines, sarif (SARIF 2.1.0) for "
                    + "code-scanning UIs, junit (JUnit XML) for the test tabs of CI servers.")
    private Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    private Path output;

    @Option(names = "--classpath", paramLabel = "PATHS",
            description = "Libraries beside the targets, separated by '${sys:path.separator}'; repeatable. "
                    + "Supertypes are resolved from them, and they are the libraries deployments require.")
    private List<String> classpath = new ArrayList<>();

    @Option(names = "--runtime", paramLabel = "current|none|FILE", defaultValue = "current",
            description = "Runtime the deployments are checked against: this JVM (default), none (skip the "
                    + "checks), or a FILE recorded with 'importspy inspect --runtime'.")
    private String runtime;

    @Option(names = "--strict", description = "Unverified checks fail (exit 1) instead of being warnings.")
    private boolean strict;

    @Option(names = "--verbose", description = "Show a stack trace with errors.")
    private boolean verbose;

    @Parameters(arity = "1..*", paramLabel = "TARGET", description = "JARs or class directories to check.")
    private List<Path> targets;

    /** For picocli, which sets the fields from the command line. */
    ValidateCommand() {
    }

    /** A validation read without picocli ({@link PlainValidation}). */
    ValidateCommand(Path contract, Format format, Path output, List<String> classpath, String runtime,
                    boolean strict, boolean verbose, List<Path> targets) {
        this.contract = contract;
        this.format = format;
        this.output = output;
        this.classpath = classpath;
        this.runtime = runtime;
        this.strict = strict;
        this.verbose = verbose;
        this.targets = targets;
    }

    @Override
    public Integer call() {
        return execute(spec.commandLine().getOut());
    }

    /** Whether {@code --verbose} was given. */
    boolean verbose() {
        return verbose;
    }

    /** Validates and writes the report to {@code --output} or {@code out}; returns the exit code. */
    int execute(PrintWriter out) {
        List<Path> libraries = InputFiles.classpath(classpath);
        RuntimeSource runtimeSource = runtimeSource();
        InputFiles inputs = new InputFiles().file(contract, "contract");
        for (Path target : targets) { // loops, not lambdas: each lambda costs start-up time to link
            inputs.fileOrDirectory(target, "target");
        }
        for (Path entry : libraries) {
            inputs.fileOrDirectory(entry, "class-path entry");
        }
        if (runtimeSource instanceof RuntimeSource.Recorded recorded) {
            inputs.file(recorded.file(), "runtime record");
        }
        inputs.check();

        SpyModel model = Spy.contract(contract);
        ValidationOptions options = ValidationOptions.defaults()
                .withClasspath(libraries)
                .withRuntime(runtimeSource)
                .withStrictness(strict ? Strictness.STRICT : Strictness.LENIENT);
        Report report = Spy.validate(model, options, targets);

        String rendered = render(report);
        if (output != null) {
            write(output, rendered);
        } else {
            out.print(rendered);
            out.flush();
        }
        return report.isCompliant() ? Main.COMPLIANT : Main.VIOLATIONS;
    }

    private String render(Report report) {
        return switch (format) {
            case TEXT -> TextReport.render(report, output == null ? Terminal.colorMode() : ColorMode.PLAIN);
            case JSON -> JsonReport.render(report);
            case SARIF -> SarifReport.render(report);
            case JUNIT -> JUnitReport.render(report);
        };
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
