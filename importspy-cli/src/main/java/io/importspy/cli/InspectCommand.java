package io.importspy.cli;

import io.importspy.Spy;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.inspect.ClassSelection;
import io.importspy.internal.inspect.Inspector;
import io.importspy.internal.inspect.RuntimeInspector;
import io.importspy.internal.inspect.RuntimeRecord;
import io.importspy.internal.spi.ExtensionFailure;
import io.importspy.internal.spi.Extensions;
import io.importspy.internal.java.Glob;
import io.importspy.internal.report.ContractWriter;
import io.importspy.internal.report.InspectFilter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code importspy inspect}: writes the contract a target satisfies, or records the running JVM. */
final class InspectCommand {
    private final CommandLine commandLine;
    private final boolean runtime;
    private final boolean pin;
    private final String contract;
    private final List<String> classpath;
    private final Path target;
    private final ParseResult parsed;

    private InspectCommand(CommandLine commandLine, boolean runtime, boolean pin, String contract,
                           List<String> classpath, Path target, ParseResult parsed) {
        this.commandLine = commandLine;
        this.runtime = runtime;
        this.pin = pin;
        this.contract = contract;
        this.classpath = classpath;
        this.target = target;
        this.parsed = parsed;
    }

    /** What a parsed {@code inspect} command line asks for (see {@link Commands} for its options). */
    static InspectCommand from(ParseResult inspect) {
        return new InspectCommand(inspect.commandSpec().commandLine(),
                inspect.matchedOptionValue("--runtime", Boolean.FALSE),
                inspect.matchedOptionValue("--pin", Boolean.FALSE),
                inspect.matchedOptionValue("--contract", null),
                List.of(inspect.matchedOptionValue("--classpath", new String[0])),
                inspect.matchedPositionalValue(0, null), inspect);
    }

    /** Prints the contract of the target, or the runtime record, to {@code out}; returns the exit code. */
    int execute(PrintWriter out) {
        if (runtime == (target != null)) {
            throw new ParameterException(commandLine, "give either a TARGET or --runtime");
        }
        if (!runtime && (contract != null || !classpath.isEmpty())) {
            throw new ParameterException(commandLine, "-c/--contract and --classpath only apply to --runtime");
        }
        if (runtime && pin) {
            throw new ParameterException(commandLine, "--pin applies to a TARGET, not to --runtime");
        }
        InspectFilter filter = filter();
        if (runtime && !filter.equals(InspectFilter.all())) {
            throw new ParameterException(commandLine, "--package, --class, --service and --public-api-only only apply "
                    + "to a TARGET");
        }
        out.print(runtime ? runtimeYaml() : targetYaml(filter));
        out.flush();
        return Main.COMPLIANT;
    }

    private String targetYaml(InspectFilter filter) {
        new InputFiles().fileOrDirectory(target, "target").check();
        Inspector inspector = Inspector.withClasspath(List.of()).forJava(Inspector.EVERY_JAVA);
        ModuleFacts facts = inspector.inspect(target, ClassSelection.all());
        return ContractWriter.toYaml(pin ? facts.withSection(inspector.integrity(target)) : facts, filter);
    }

    /** The filters of a TARGET's contract; a malformed --class glob is bad input. */
    private InspectFilter filter() {
        List<Glob> classes = new ArrayList<>();
        for (String glob : parsed.matchedOptionValue("--class", new String[0])) {
            try {
                classes.add(Glob.compile(glob));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(List.of("--class '" + glob + "': " + e.getMessage()));
            }
        }
        return new InspectFilter(List.of(parsed.matchedOptionValue("--package", new String[0])), classes,
                List.of(parsed.matchedOptionValue("--service", new String[0])),
                parsed.matchedOptionValue("--public-api-only", Boolean.FALSE));
    }

    private String runtimeYaml() {
        List<Path> libraries = InputFiles.classpath(classpath);
        InputFiles inputs = new InputFiles();
        ContractArgument contractArgument = contract == null ? null : ContractArgument.of(contract);
        if (contractArgument != null) {
            contractArgument.checkedBy(inputs);
        }
        for (Path entry : libraries) {
            inputs.jarOrDirectory(entry, "class-path entry");
        }
        inputs.check();
        RuntimeFacts facts = RuntimeInspector.current().withLibraries(Spy.libraries(libraries));
        try {
            facts = facts.withFacts(Extensions.installed().facts());
        } catch (ExtensionFailure failure) {
            throw new BadInputException(List.of(failure.getMessage()));
        }
        if (contract != null) {
            return RuntimeRecord.toYaml(RuntimeSelection.forContract(facts, contractArgument.read()));
        }
        List<String> omitted = RuntimeSelection.omittedProperties(facts);
        return "# Recorded without a contract: no environment variable and no secret; system properties that may\n"
                + "# hold a credential or a command line are omitted"
                + (omitted.isEmpty() ? "" : ": " + withoutControls(String.join(", ", omitted))) + ".\n"
                + "# Record with 'importspy inspect --runtime -c FILE' to include what a contract names.\n"
                + RuntimeRecord.toYaml(RuntimeSelection.withoutEnvironment(facts));
    }

    /** {@code text} with each ASCII control character ({@code \p{Cntrl}}) as {@code ?}; a loop, not a regex. */
    private static String withoutControls(String text) {
        StringBuilder visible = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            visible.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return visible.toString();
    }
}
