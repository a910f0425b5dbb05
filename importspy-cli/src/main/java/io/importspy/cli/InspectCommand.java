package io.importspy.cli;

import io.importspy.Spy;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.inspect.ClassSelection;
import io.importspy.internal.inspect.Inspector;
import io.importspy.internal.inspect.RuntimeInspector;
import io.importspy.internal.inspect.RuntimeRecord;
import io.importspy.internal.report.ContractWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code importspy inspect}: writes the contract a target satisfies, or records the running JVM. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false,
        description = {"Prints a contract that TARGET satisfies, or records this JVM's runtime facts.", "",
                "inspect TARGET: prints a contract (format 1) that TARGET satisfies: its identity, public "
                + "classes and members. A starting point to cut down to what a host needs.",
                "inspect --runtime [-c FILE]: prints this JVM's facts as YAML, for 'validate --runtime FILE' "
                        + "elsewhere. Environment variables are printed only when the contract given with -c "
                        + "names them (a whole environment usually holds credentials); secrets are printed as "
                        + "present or absent, never with their value. Without -c, every system property is "
                        + "printed except those that may hold a credential or a command line: sun.java.command, "
                        + "names containing password, passwd, secret, token, credential, api key or private key, "
                        + "and URLs with a password; the YAML's first lines name what was omitted. With -c, "
                        + "only the properties the contract names are printed, whatever their name."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  printed", "  2  bad input: missing or corrupt file, invalid contract, bad option",
                "  3  internal error of ImportSpy (run with --verbose and report it)%n"})
final class InspectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--runtime", description = "Record the running JVM instead of inspecting a target.")
    private boolean runtime;

    @Option(names = {"-c", "--contract"}, paramLabel = "FILE",
            description = "With --runtime: record only what this contract's deployments ask about.")
    private Path contract;

    @Option(names = "--classpath", paramLabel = "PATHS",
            description = "With --runtime: libraries to record, separated by '${sys:path.separator}'; repeatable.")
    private List<String> classpath = new ArrayList<>();

    @Option(names = "--verbose", description = "Show a stack trace with errors.")
    private boolean verbose;

    @Parameters(arity = "0..1", paramLabel = "TARGET", description = "A JAR or class directory.")
    private Path target;

    @Override
    public Integer call() {
        if (runtime == (target != null)) {
            throw new ParameterException(spec.commandLine(), "give either a TARGET or --runtime");
        }
        if (!runtime && (contract != null || !classpath.isEmpty())) {
            throw new ParameterException(spec.commandLine(), "-c/--contract and --classpath only apply to --runtime");
        }
        String yaml = runtime ? runtimeYaml() : targetYaml();
        spec.commandLine().getOut().print(yaml);
        spec.commandLine().getOut().flush();
        return Main.COMPLIANT;
    }

    private String targetYaml() {
        new InputFiles().fileOrDirectory(target, "target").check();
        return ContractWriter.toYaml(Inspector.withClasspath(List.of()).inspect(target, ClassSelection.all()));
    }

    private String runtimeYaml() {
        List<Path> libraries = InputFiles.classpath(classpath);
        InputFiles inputs = new InputFiles();
        if (contract != null) {
            inputs.file(contract, "contract");
        }
        libraries.forEach(entry -> inputs.fileOrDirectory(entry, "class-path entry"));
        inputs.check();
        RuntimeFacts facts = RuntimeInspector.current().withLibraries(Spy.libraries(libraries));
        if (contract != null) {
            return RuntimeRecord.toYaml(RuntimeSelection.forContract(facts, Spy.contract(contract)));
        }
        List<String> omitted = RuntimeSelection.omittedProperties(facts);
        return "# Recorded without a contract: no environment variable and no secret; system properties that may\n"
                + "# hold a credential or a command line are omitted"
                + (omitted.isEmpty() ? "" : ": " + String.join(", ", omitted).replaceAll("\\p{Cntrl}", "?")) + ".\n"
                + "# Record with 'importspy inspect --runtime -c FILE' to include what a contract names.\n"
                + RuntimeRecord.toYaml(RuntimeSelection.withoutEnvironment(facts));
    }
}
