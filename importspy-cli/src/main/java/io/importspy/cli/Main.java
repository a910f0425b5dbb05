package io.importspy.cli;

import io.importspy.contract.ContractError;
import io.importspy.contract.ContractException;
import io.importspy.inspect.InspectionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The {@code importspy} command: {@code validate} and {@code inspect}.
 *
 * <p>Exit codes: {@value #COMPLIANT} every target compliant; {@value #VIOLATIONS} at least one violation
 * (or an unverified check under {@code --strict}); {@value #BAD_INPUT} bad input (invalid contract,
 * missing or corrupt file, bad option); {@value #INTERNAL_ERROR} an internal error of ImportSpy itself.
 * Problems go to stderr, one line each, prefixed {@code importspy: }; stdout then stays empty.
 */
@Command(name = "importspy", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Checks JVM modules (JARs, class directories) against an import contract, from their bytes, "
                + "before any of their code runs.",
        subcommands = {ValidateCommand.class, InspectCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every target compliant", "  1  at least one violation (unverified checks only with --strict)",
                "  2  bad input: invalid contract, missing or corrupt file, bad option",
                "  3  internal error of ImportSpy (run with --verbose and report it)%n"})
public final class Main implements Callable<Integer> {
    /** Every target satisfies the contract. */
    public static final int COMPLIANT = 0;
    /** At least one target violates the contract. */
    public static final int VIOLATIONS = 1;
    /** The input is bad: contract, files or options. */
    public static final int BAD_INPUT = 2;
    /** ImportSpy failed unexpectedly. */
    public static final int INTERNAL_ERROR = 3;

    @Spec
    private CommandSpec spec;

    /** Runs {@code importspy} with {@code args} and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs {@code importspy} with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        try {
            Optional<ValidateCommand> plain = PlainValidation.read(args);
            return plain.isPresent() ? execute(plain.get(), outWriter, errWriter)
                    : withPicocli(outWriter, errWriter, args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** A plain {@code validate} command line, run as picocli would run it, without building picocli's model. */
    private static int execute(ValidateCommand validate, PrintWriter out, PrintWriter err) {
        try {
            return validate.execute(out);
        } catch (Exception problem) {
            return onExecutionError(problem, err, validate.verbose());
        }
    }

    private static int withPicocli(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Main::onParameterError)
                .setExecutionExceptionHandler((problem, line, parseResult) ->
                        onExecutionError(problem, line.getErr(), verbose(parseResult)));
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is required: validate or inspect");
    }

    private static int onParameterError(ParameterException problem, String[] args) {
        CommandLine commandLine = problem.getCommandLine();
        commandLine.getErr().println("importspy: " + oneLine(problem.getMessage()) + "; see '"
                + commandLine.getCommandSpec().qualifiedName() + " --help'");
        return BAD_INPUT;
    }

    private static int onExecutionError(Exception problem, PrintWriter err, boolean verbose) {
        int code = BAD_INPUT;
        if (problem instanceof ContractException contract) {
            for (ContractError error : contract.errors()) {
                err.println("importspy: " + oneLine(error.toString()));
            }
        } else if (problem instanceof InspectionException) {
            err.println("importspy: " + oneLine(problem.getMessage()));
        } else if (problem instanceof BadInputException bad) {
            bad.problems().forEach(line -> err.println("importspy: " + oneLine(line)));
        } else {
            err.println("importspy: internal error: " + oneLine(problem.getMessage() == null
                    ? problem.getClass().getName() : problem.getMessage())
                    + (verbose ? "" : " (run with --verbose for details)"));
            code = INTERNAL_ERROR;
        }
        if (verbose) {
            problem.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** A message on one line: line breaks become {@code "; "}. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** The version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"importspy " + properties.getProperty("version", "(unknown version)"),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
