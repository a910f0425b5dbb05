package io.importspy;

import io.importspy.contract.ContractException;
import io.importspy.contract.SpyModel;
import io.importspy.enforce.ContractViolationException;
import io.importspy.enforce.ImportGuard;
import io.importspy.enforce.ImporterHandle;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.LibraryFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.contract.Contracts;
import io.importspy.internal.inspect.ClassSelection;
import io.importspy.internal.inspect.Inspector;
import io.importspy.internal.inspect.RuntimeInspector;
import io.importspy.internal.inspect.RuntimeRecord;
import io.importspy.validate.Report;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Validator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.STABLE;

/**
 * The entry point of ImportSpy: checks modules (JARs, class directories) against an import contract
 * from their bytes, before any of their code runs.
 *
 * <pre>{@code
 * SpyModel contract = Spy.contract(Path.of("spymodel.yml"));
 * Report report = Spy.validate(Path.of("plugins/greeter-1.2.0.jar"), contract);
 * if (!report.isCompliant()) {
 *     System.err.print(TextReport.render(report));
 * }
 * }</pre>
 *
 * <p>Validation never stops at the first problem: the {@link Report} lists every violation of every
 * target. Only bad input throws: an invalid contract ({@link ContractException}) or a missing, unreadable
 * or corrupt target, class-path entry or runtime record ({@link InspectionException}).
 *
 * <p>Thread-safe: {@code Spy} holds no state of its own; any number of threads may validate at once.
 */
@API(status = STABLE, since = "0.1.0")
public final class Spy {
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
        Optional<RuntimeFacts> runtime = runtime(options);
        Set<String> names = Validator.classesToRead(model);
        Inspector inspector = Inspector.withClasspath(options.classpath());
        List<TargetReport> reports = new ArrayList<>();
        for (Path target : targets) {
            ModuleFacts module = inspector.inspect(target, ClassSelection.named(names));
            reports.add(Validator.validate(model, module, runtime));
        }
        return new Report(model.file(), reports, options.strictness());
    }

    /**
     * Embedded mode: the protected module calls this (typically from its entry point or a static
     * initializer) to check whoever imported it. ImportSpy finds the direct importer on the stack,
     * validates the importer's module and the running JVM against the contract (a class-path resource,
     * resolved as {@link Class#getResource} does from the calling class), caches the verdict, and returns
     * a handle on the importer.
     *
     * @throws ContractViolationException when the importer or the runtime violates the contract
     */
    public static ImporterHandle importspy(String contractResource) {
        return ImportGuard.importspy(contractResource);
    }

    /** Embedded mode with a contract file; see {@link #importspy(String)}. */
    public static ImporterHandle importspy(Path contract) {
        return ImportGuard.importspy(contract);
    }

    /** Embedded mode with a parsed contract (cached by identity); see {@link #importspy(String)}. */
    public static ImporterHandle importspy(SpyModel contract) {
        return ImportGuard.importspy(contract);
    }

    /**
     * The libraries on {@code classpath}, read for their identity only (names and version).
     *
     * @throws InspectionException when an entry is missing, unreadable or corrupt
     */
    public static List<LibraryFacts> libraries(List<Path> classpath) {
        return RuntimeInspector.libraries(classpath);
    }

    /**
     * The runtime to check deployments against. Its libraries are those on the class path; a recorded
     * runtime keeps the libraries it recorded when no class path is given.
     */
    private static Optional<RuntimeFacts> runtime(ValidationOptions options) {
        RuntimeSource source = options.runtime();
        if (source instanceof RuntimeSource.None) {
            return Optional.empty();
        }
        List<LibraryFacts> libraries = libraries(options.classpath());
        if (source instanceof RuntimeSource.Recorded recorded) {
            RuntimeFacts facts = RuntimeRecord.read(recorded.file());
            return Optional.of(libraries.isEmpty() ? facts : facts.withLibraries(libraries));
        }
        return Optional.of(RuntimeInspector.current().withLibraries(libraries));
    }
}
