package io.importspy.cli;

import io.importspy.Spy;
import io.importspy.contract.ContractError;
import io.importspy.contract.ContractException;
import io.importspy.inspect.InspectionException;
import io.importspy.internal.report.PlainText;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Properties;

/**
 * The {@code importspy} command: {@code validate}, {@code inspect}, {@code schema} and {@code completion}.
 *
 * <p>Every command line is read by picocli, from the model {@link Commands} builds with picocli's
 * programmatic API (no annotations, no reflection), then run here.
 *
 * <p>Exit codes: {@value #COMPLIANT} every target compliant; {@value #VIOLATIONS} at least one violation
 * (or an unverified check under {@code --strict}); {@value #BAD_INPUT} bad input (invalid contract,
 * missing or corrupt file, bad option); {@value #INTERNAL_ERROR} an internal error of ImportSpy itself.
 * Problems go to stderr, one line each, prefixed {@code importspy: }; stdout then stays empty.
 */
public final class Main {
    /** Every target satisfies the contract. */
    public static final int COMPLIANT = 0;
    /** At least one target violates the contract. */
    public static final int VIOLATIONS = 1;
    /** The input is bad: contract, files or options. */
    public static final int BAD_INPUT = 2;
    /** ImportSpy failed unexpectedly. */
    public static final int INTERNAL_ERROR = 3;

    private Main() {
    }

    /** Runs {@code importspy} with {@code args} and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs {@code importspy} with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        try {
            return run(outWriter, errWriter, args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    private static int run(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine root = Commands.commandLine(args).setOut(out).setErr(err);
        boolean verbose = false;
        try {
            ParseResult parsed = root.parseArgs(args);
            Integer version = versionRequest(parsed);
            if (version != null) {
                return version;
            }
            Integer help = CommandLine.executeHelpRequest(parsed);
            if (help != null) {
                return help;
            }
            ParseResult command = parsed.subcommand();
            if (command == null) {
                throw new ParameterException(root, "a command is required: validate, audit, diff, inspect or schema");
            }
            verbose = command.hasMatchedOption("--verbose");
            ExtensionsOption.install(command);
            String name = command.commandSpec().name();
            if (Commands.VALIDATE.equals(name)) {
                return ValidateCommand.from(command).execute(out, err);
            }
            if (Commands.AUDIT.equals(name)) {
                return AuditCommand.from(command).execute(out, err);
            }
            if (Commands.DIFF.equals(name)) {
                return DiffCommand.from(command).execute(out);
            }
            if (Commands.COMPLETION.equals(name)) {
                out.print(picocli.AutoComplete.bash("importspy", root));
                out.flush();
                return COMPLIANT;
            }
            if (Commands.SCHEMA.equals(name)) {
                out.print(Spy.contractSchema());
                out.flush();
                return COMPLIANT;
            }
            return InspectCommand.from(command).execute(out);
        } catch (ParameterException problem) {
            return onParameterError(problem);
        } catch (Exception problem) {
            return onExecutionError(problem, err, verbose);
        } catch (StackOverflowError | OutOfMemoryError exhausted) {
            return onExhausted(exhausted, err, verbose);
        }
    }

    /**
     * The JVM ran out of stack or heap: an input larger or deeper than ImportSpy bounds, or a heap set too small.
     * Never the exit code of a violation (1), never a stack trace unless asked for.
     */
    static int onExhausted(VirtualMachineError exhausted, PrintWriter err, boolean verbose) {
        String what = exhausted instanceof OutOfMemoryError
                ? "out of memory (" + oneLine(exhausted.getMessage()) + "): the inputs need more heap than this JVM"
                        + " has (" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB); raise it with"
                        + " IMPORTSPY_JAVA_OPTS=-Xmx2g, or check the inputs' size"
                : "ran out of stack: an input is nested too deeply for this JVM's stack; raise it with"
                        + " IMPORTSPY_JAVA_OPTS=-Xss8m, or report it";
        err.println("importspy: internal error: " + what + (verbose ? "" : " (run with --verbose for details)"));
        if (verbose) {
            exhausted.printStackTrace(err);
        }
        err.flush();
        return INTERNAL_ERROR;
    }

    private static int onParameterError(ParameterException problem) {
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
            for (String line : bad.problems()) {
                err.println("importspy: " + oneLine(line));
            }
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

    /**
     * Answers {@code --version} as picocli's {@code executeHelpRequest} would (the first command asking for help or
     * its version is answered; its version lines printed one a line), or returns null for picocli to answer: a
     * request for help, or a version line holding a format specifier or markup, which picocli passes through
     * {@code String.format} and renders. {@code String.format} compiles the JDK's expression for format specifiers
     * on first use, whose lambdas would start the JDK's method-handle machinery on the path of {@code --version}.
     */
    private static Integer versionRequest(ParseResult parsed) {
        for (CommandLine command : parsed.asCommandLineList()) {
            if (command.isUsageHelpRequested() || command.getCommandSpec().helpCommand()) {
                return null;
            }
            if (command.isVersionHelpRequested()) {
                String[] lines = command.getCommandSpec().version();
                for (String line : lines) {
                    if (line.indexOf('%') >= 0 || line.contains("@|")) {
                        return null;
                    }
                }
                PrintWriter out = command.getOut();
                for (String line : lines) {
                    out.println(line);
                }
                out.flush();
                return command.getCommandSpec().exitCodeOnVersionHelp();
            }
        }
        return null;
    }

    /** A message on one line: line breaks become {@code "; "}, other control characters {@code \\uXXXX}. */
    static String oneLine(String message) {
        return message == null ? "" : PlainText.visible(message.strip().replaceAll("\\s*\\R\\s*", "; "));
    }

    /**
     * ImportSpy's version, from the build: the JAR's manifest ({@code Implementation-Version}, read already when
     * the class was loaded), else {@code version.properties} (a resource lookup opens the JDK's image reader, a
     * cost on the start path of {@code --version}).
     */
    static String version() throws java.io.IOException {
        String fromManifest = Main.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        Properties properties = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties.getProperty("version", "(unknown version)");
    }

    /** {@code Runtime.version()} as text, from the property it is parsed from (its {@code toString} runs a stream). */
    static String javaVersion() {
        String property = System.getProperty("java.runtime.version");
        return property != null ? property : Runtime.version().toString();
    }

    /** The version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            return new String[] {"importspy " + version(),
                    "Java " + javaVersion() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
