package io.importspy;

import io.importspy.contract.ContractException;
import io.importspy.contract.Policy;
import io.importspy.contract.SpyModel;
import io.importspy.enforce.ContractViolationException;
import io.importspy.enforce.EnforcementMode;
import io.importspy.enforce.GuardedLoader;
import io.importspy.enforce.ImporterHandle;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.LibraryFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.inspect.ModuleIdentity;
import io.importspy.internal.contract.Contracts;
import io.importspy.internal.contract.Policies;
import io.importspy.internal.inspect.ClassSelection;
import io.importspy.internal.inspect.Inspector;
import io.importspy.internal.pipeline.InspectionListener;
import io.importspy.internal.pipeline.Pipeline;
import io.importspy.internal.pipeline.PolicyReports;
import io.importspy.internal.report.ContractWriter;
import io.importspy.internal.spi.Extensions;
import io.importspy.spi.Extension;
import io.importspy.validate.Report;
import io.importspy.validate.TargetReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.importspy.API.Status.STABLE;

/**
 * The entry point of ImportSpy: checks modules (JARs, class directories) against an import contract
 * from their bytes, before any of their code runs. Every mode starts here:
 *
 * <pre>{@code
 * // validate (CI, a plugin marketplace): a report, never an exception for a violation
 * SpyModel contract = Spy.contract(Path.of("spymodel.yml"));
 * Report report = Spy.validate(Path.of("plugins/greeter-1.2.0.jar"), contract);
 * if (!report.isCompliant()) {
 *     System.err.print(TextReport.render(report));
 * }
 *
 * // embedded mode: the protected module checks whoever imported it
 * ImporterHandle importer = Spy.importspy("/spymodel.yml");
 *
 * // guarded loading: a host validates a plugin's bytes, only then creates its class loader
 * try (GuardedPlugin plugin = Spy.guardedLoader(contract).load(Path.of("plugins/greeter-1.2.0.jar"))) {
 *     plugin.providers(Greeter.class).forEach(Greeter::greet);
 * }
 * }</pre>
 *
 * <p>Validation never stops at the first problem: the {@link Report} lists every violation of every
 * target. Only bad input throws, in every mode an {@link ImportSpyException}: an invalid contract
 * ({@link ContractException}) or a missing, unreadable or corrupt target, class-path entry or runtime record
 * ({@link InspectionException}); where a contract is enforced, a violation throws
 * {@link ContractViolationException}, and {@link EnforcementMode#AUDIT} only logs it.
 *
 * <p>Thread-safe: {@code Spy} holds no state of its own; any number of threads may validate at once.
 */
@API(status = STABLE, since = "0.1.0")
public final class Spy {
    /** The contract language's JSON Schema, a resource beside this class. */
    private static final String SCHEMA = "spymodel-1.schema.json";

    private Spy() {
    }

    /**
     * Reads a contract.
     *
     * @throws ContractException listing every problem of the contract, each with file, line and column
     */
    public static SpyModel contract(Path file) {
        return Contracts.read(file);
    }

    /**
     * Reads a contract with a host's own extensions: its {@code x-} sections are owned by {@code extensions} and
     * its deployments' {@code facts:} come from their fact sources, wherever and whenever the contract is then
     * validated (a guarded loader, embedded mode, any thread). Exactly these: none is looked for on the class
     * path, and nothing changes for other contracts of the process. {@code List.of()} reads a contract with no
     * extension at all, where an {@code x-} key is a contract error.
     *
     * <pre>{@code
     * SpyModel contract = Spy.contract(Path.of("plugin.yml"), List.of(new LicenseRule(), new ContainerFacts()));
     * }</pre>
     *
     * @throws ContractException listing every problem of the contract, an extension's among them (missing, broken)
     */
    public static SpyModel contract(Path file, List<? extends Extension> extensions) {
        return Contracts.read(file, Extensions.of(extensions));
    }

    /**
     * The contracts {@code jar} publishes with its API: its entries {@code META-INF/importspy/*.yml} (or
     * {@code .yaml}), in name order; of a class directory, the files there. A host ships its contract this
     * way so that plugin builds check against it without a copy of the file.
     *
     * @throws ContractException when {@code jar} is missing, unreadable or not a JAR
     */
    public static List<String> publishedContracts(Path jar) {
        return PublishedContracts.list(jar);
    }

    /**
     * Reads the contract {@code jar} publishes as {@code entry} (e.g. {@code META-INF/importspy/greeter.yml},
     * one of {@link #publishedContracts}); its locations name it {@code greeter-api-1.0.jar!/META-INF/...}.
     *
     * @throws ContractException when the JAR or the entry cannot be read, or the contract is invalid
     */
    public static SpyModel publishedContract(Path jar, String entry) {
        return PublishedContracts.read(jar, entry);
    }

    /**
     * The JSON Schema (draft 2020-12) of the contract language, format 1, as text: what {@code importspy
     * schema} prints, shipped in the core JAR at {@code io/importspy/spymodel-1.schema.json}. Editors that
     * read YAML with a JSON Schema complete and check contracts with it.
     */
    public static String contractSchema() {
        try (InputStream in = Spy.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("the ImportSpy core JAR lacks io/importspy/" + SCHEMA);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/importspy/" + SCHEMA + " from the ImportSpy core JAR", e);
        }
    }

    /**
     * A contract (format 1, YAML) that {@code target} satisfies: its identity, services, public classes and
     * members. A starting point for a host to cut down to what it needs.
     *
     * @throws InspectionException when the target is missing, unreadable or corrupt
     */
    public static String startingContract(Path target) {
        return ContractWriter.toYaml(Inspector.withClasspath(List.of()).forJava(Inspector.EVERY_JAVA)
                .inspect(target, ClassSelection.all()));
    }

    /**
     * Validates one module against {@code model} in the running JVM, without class path, lenient.
     *
     * @throws InspectionException when the target is missing, unreadable or corrupt
     */
    public static Report validate(Path target, SpyModel model) {
        return validate(model, ValidationOptions.defaults(), List.of(target));
    }

    /**
     * Validates each target against {@code model}; the report lists the targets in the order given.
     *
     * @throws InspectionException when a target, a class-path entry or the runtime record cannot be read
     */
    public static Report validate(SpyModel model, ValidationOptions options, List<Path> targets) {
        Pipeline checking = pipeline(model, options);
        Optional<RuntimeFacts> runtime = runtime(checking, options.runtime());
        Pipeline pipeline = checking.forJavaOf(recorded(options.runtime(), runtime));
        List<TargetReport> reports = new ArrayList<>();
        for (Path target : targets) {
            reports.add(pipeline.validate(pipeline.inspect(target), runtime));
        }
        return pipeline.report(reports, options.strictness());
    }

    /**
     * Reads a policy (DESIGN §6) and every contract it names, relative to the policy's directory. Each of its
     * {@linkplain Policy#warnings() warnings} (an {@code allow} by a name any JAR can claim) is logged at
     * {@code WARNING} on the {@code System.Logger} named {@code io.importspy}.
     *
     * @throws ContractException listing every problem of the policy and its contracts, each located
     */
    public static Policy policy(Path file) {
        return Policies.read(file);
    }

    /**
     * Reads a policy and every contract it names with exactly {@code extensions}, as
     * {@link #contract(Path, List)} reads one contract.
     *
     * @throws ContractException listing every problem of the policy and its contracts, each located
     */
    public static Policy policy(Path file, List<? extends Extension> extensions) {
        return Policies.read(file, Extensions.of(extensions));
    }

    /**
     * What {@code policy} decides for the code source at {@code target}: the first rule matching its path,
     * one of its module names or its Maven coordinates, else the default. A JAR of the running JDK is admitted.
     *
     * @throws InspectionException when the target is missing, unreadable or corrupt
     */
    public static Policy.Decision decide(Policy policy, Path target) {
        return decide(policy, target, Inspector.withClasspath(List.of()).identify(target));
    }

    private static Policy.Decision decide(Policy policy, Path target, ModuleIdentity identity) {
        return policy.decide(target, PolicyReports.names(identity));
    }

    /**
     * Validates each target against the contract {@code policy} picks for it. Every rule's contract is checked
     * whatever its mode (an audit finding is a finding here); an admitted target has no violation, and one the
     * default refuses has one. The report is named after the policy file.
     *
     * @throws InspectionException when a target, a class-path entry or the runtime record cannot be read
     */
    public static Report validate(Policy policy, ValidationOptions options, List<Path> targets) {
        Inspector identities = Inspector.withClasspath(List.of());
        Optional<RuntimeFacts> runtime = null; // read once, when a target has a contract to check
        List<TargetReport> reports = new ArrayList<>();
        for (Path target : targets) {
            ModuleIdentity identity = identities.identify(target);
            Policy.Decision decision = decide(policy, target, identity);
            if (decision.contract().isEmpty()) {
                reports.add(PolicyReports.decided(target.toString(), identity, policy, decision));
                continue;
            }
            Pipeline pipeline = pipeline(decision.contract().get(), options);
            if (runtime == null) {
                runtime = runtime(pipeline, options.runtime());
            }
            pipeline = pipeline.forJavaOf(recorded(options.runtime(), runtime));
            reports.add(pipeline.validate(pipeline.inspect(target), runtime));
        }
        return new Report(policy.file(), reports, options.strictness());
    }

    /**
     * Embedded mode: the protected module calls this (typically from its entry point or a static
     * initializer) to check whoever imported it. ImportSpy finds the direct importer on the stack (the first
     * class outside ImportSpy and outside the calling module), validates the importer's module and the running
     * JVM against the contract (a class-path resource, resolved as {@link Class#getResource} does from the
     * calling class: {@code "/spymodel.yml"} is absolute, {@code "spymodel.yml"} relative to its package),
     * caches the verdict, and returns a handle on the importer.
     *
     * <pre>{@code
     * public final class Framework {
     *     private static final ImporterHandle IMPORTER = Spy.importspy("/spymodel.yml");
     * }
     * }</pre>
     *
     * <p>The importer is never re-executed and no class is initialized for the check: its module is read from
     * its bytes (JAR or class directory); an importer with no bytes on disk is read through reflection. The
     * verdict is cached per (importer module, contract), so later calls cost a stack walk down to the
     * importer's frame and a map lookup, with no file-system call. Thread-safe; concurrent first calls for one
     * module may each validate it, and all of them return the first verdict stored.
     *
     * @throws ContractViolationException when the importer or the runtime violates the contract
     * @throws ContractException          when the contract resource is missing, unreadable or invalid
     */
    public static ImporterHandle importspy(String contractResource) {
        return ImporterHandle.importspy(contractResource, EnforcementMode.ENFORCE);
    }

    /** Embedded mode, only logging violations in {@link EnforcementMode#AUDIT} mode; see {@link #importspy(String)}. */
    public static ImporterHandle importspy(String contractResource, EnforcementMode mode) {
        return ImporterHandle.importspy(contractResource, mode);
    }

    /** Embedded mode with a contract file, parsed once per JVM; see {@link #importspy(String)}. */
    public static ImporterHandle importspy(Path contract) {
        return ImporterHandle.importspy(contract, EnforcementMode.ENFORCE);
    }

    /** Embedded mode with a contract file, in {@code mode}; see {@link #importspy(String)}. */
    public static ImporterHandle importspy(Path contract, EnforcementMode mode) {
        return ImporterHandle.importspy(contract, mode);
    }

    /** Embedded mode with a parsed contract (cached by identity); see {@link #importspy(String)}. */
    public static ImporterHandle importspy(SpyModel contract) {
        return ImporterHandle.importspy(contract, EnforcementMode.ENFORCE);
    }

    /** Embedded mode with a parsed contract, in {@code mode}; see {@link #importspy(String)}. */
    public static ImporterHandle importspy(SpyModel contract, EnforcementMode mode) {
        return ImporterHandle.importspy(contract, mode);
    }

    /**
     * Forgets every verdict embedded mode cached and every contract it read from a path, so that the next
     * {@code importspy} call validates afresh: for hosts that replace modules at run time, and for measuring the
     * uncached call. Affects every thread.
     */
    public static void clearImporterCache() {
        ImporterHandle.clearCache();
    }

    /**
     * Guarded loading: a loader that validates each plugin JAR against {@code contract} and only then creates
     * its class loader (or module layer); configure it with its {@code with…} methods, and load a directory of
     * plugins with {@link io.importspy.enforce.GuardedServices}.
     */
    public static GuardedLoader guardedLoader(SpyModel contract) {
        return GuardedLoader.of(contract);
    }

    /**
     * Guarded loading with the contract file at {@code contract}; see {@link #guardedLoader(SpyModel)}.
     *
     * @throws ContractException when the contract is missing, unreadable or invalid
     */
    public static GuardedLoader guardedLoader(Path contract) {
        return GuardedLoader.of(contract);
    }

    /**
     * Guarded loading under {@code policy}: each plugin is checked against the contract of the rule that
     * matches it, in that rule's mode; see {@link GuardedLoader#of(Policy)}.
     */
    public static GuardedLoader guardedLoader(Policy policy) {
        return GuardedLoader.of(policy);
    }

    /**
     * The libraries on {@code classpath}, read for their identity only (names and version).
     *
     * @throws InspectionException when an entry is missing, unreadable or corrupt
     */
    public static List<LibraryFacts> libraries(List<Path> classpath) {
        return Pipeline.libraries(classpath);
    }

    private static Pipeline pipeline(SpyModel model, ValidationOptions options) {
        // external mode: the class path is the host's, which a plugin's loader asks first
        Pipeline pipeline = Pipeline.of(model, options.classpath(), InspectionListener.NONE).reportingShadowed();
        return options.undeclared() ? pipeline.reportingUndeclared() : pipeline;
    }

    /**
     * The runtime when it was recorded, which names the Java that will load the targets' classes; a check in this
     * JVM does not tell which Java the host runs, so every version of a multi-release JAR's classes is judged.
     */
    private static Optional<RuntimeFacts> recorded(RuntimeSource source, Optional<RuntimeFacts> runtime) {
        return source instanceof RuntimeSource.Recorded ? runtime : Optional.empty();
    }

    /** The runtime to check deployments against, as {@code source} says. */
    private static Optional<RuntimeFacts> runtime(Pipeline pipeline, RuntimeSource source) {
        if (source instanceof RuntimeSource.None) {
            return Optional.empty();
        }
        if (source instanceof RuntimeSource.Recorded recorded) {
            return Optional.of(pipeline.recordedRuntime(recorded.file()));
        }
        return Optional.of(pipeline.currentRuntime());
    }
}
