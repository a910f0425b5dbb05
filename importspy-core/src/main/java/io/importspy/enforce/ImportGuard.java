package io.importspy.enforce;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.contract.Contracts;
import io.importspy.internal.pipeline.InspectionListener;
import io.importspy.internal.pipeline.Pipeline;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embedded mode, behind {@link io.importspy.Spy#importspy} (and {@link ImporterHandle}'s entries for it): finds the
 * direct importer on the stack (the first class outside ImportSpy and outside the calling module), validates the
 * importer's module and the running JVM against the contract, and returns a handle on the importer.
 *
 * <p>The importer is never re-executed and no class is initialized for the check: its module is read from
 * its bytes (JAR or class directory); an importer with no bytes on disk is read through reflection. The
 * verdict is cached per (importer module, contract), so later calls cost a stack walk down to the importer's
 * frame and a map lookup, with no file-system call.
 *
 * <p>Thread-safe: any thread may call {@code importspy} at any time. The verdict cache is shared by the JVM;
 * concurrent first calls for one module may each validate it, and all of them return the first verdict stored.
 * {@link #clearCache()} affects every thread.
 */
final class ImportGuard {
    private static final VerdictCache VERDICTS = new VerdictCache();
    private static final ClassValue<Map<String, SpyModel>> RESOURCE_CONTRACTS = new ClassValue<>() {
        @Override
        protected Map<String, SpyModel> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    private static final Map<Path, SpyModel> FILE_CONTRACTS = new ConcurrentHashMap<>();
    /** Told of every inspection embedded mode makes; tests inject one with {@link #listen}. */
    private static volatile InspectionListener listener = InspectionListener.NONE;

    private ImportGuard() {
    }

    /**
     * Validates the importer against a contract found as a resource of the calling class
     * ({@link Class#getResource}: {@code "/spymodel.yml"} is absolute, {@code "spymodel.yml"} is relative
     * to the caller's package). The resource is parsed once.
     *
     * @throws ContractViolationException when the importer's module or the runtime violates the contract
     * @throws io.importspy.contract.ContractException when the resource does not exist, cannot be read or is not a
     *                                                 valid contract
     */
    static ImporterHandle importspy(String contractResource) {
        return importspy(contractResource, EnforcementMode.ENFORCE);
    }

    /** As {@link #importspy(String)}, only reporting violations in {@link EnforcementMode#AUDIT} mode. */
    static ImporterHandle importspy(String contractResource, EnforcementMode mode) {
        Objects.requireNonNull(contractResource, "contractResource");
        ImporterFinder.Importer importer = ImporterFinder.findImporter();
        Map<String, SpyModel> contracts = RESOURCE_CONTRACTS.get(importer.caller());
        SpyModel model = contracts.get(contractResource);
        if (model == null) {
            model = contracts.computeIfAbsent(contractResource, name -> Contracts.readResource(importer.caller(), name));
        }
        return check(importer, model, mode);
    }

    /** Validates the importer against the contract file at {@code contract}, parsed once per JVM. */
    static ImporterHandle importspy(Path contract) {
        return importspy(contract, EnforcementMode.ENFORCE);
    }

    /** As {@link #importspy(Path)}, only reporting violations in {@link EnforcementMode#AUDIT} mode. */
    static ImporterHandle importspy(Path contract, EnforcementMode mode) {
        Objects.requireNonNull(contract, "contract");
        ImporterFinder.Importer importer = ImporterFinder.findImporter();
        SpyModel model = FILE_CONTRACTS.computeIfAbsent(contract.toAbsolutePath().normalize(), Contracts::read);
        return check(importer, model, mode);
    }

    /** Validates the importer against an already-parsed contract (cached by the contract's identity). */
    static ImporterHandle importspy(SpyModel contract) {
        return importspy(contract, EnforcementMode.ENFORCE);
    }

    /** As {@link #importspy(SpyModel)}, only reporting violations in {@link EnforcementMode#AUDIT} mode. */
    static ImporterHandle importspy(SpyModel contract, EnforcementMode mode) {
        Objects.requireNonNull(contract, "contract");
        return check(ImporterFinder.findImporter(), contract, mode);
    }

    private static ImporterHandle check(ImporterFinder.Importer found, SpyModel model, EnforcementMode mode) {
        Objects.requireNonNull(mode, "mode");
        Class<?> importer = found.importer();
        Object module = CodeSources.moduleKey(importer);
        VerdictCache.Verdict verdict = VERDICTS.get(module, model);
        boolean cached = verdict != null;
        if (!cached) {
            verdict = VERDICTS.put(module, model, validate(importer, model));
        }
        Report report = verdict.report();
        Log.validated("importer", report, cached);
        if (!verdict.compliant()) {
            if (mode == EnforcementMode.ENFORCE) {
                throw ContractViolationException.of(report);
            }
            if (!cached) {
                Log.audited(report);
            }
        }
        return verdict.handle(importer);
    }

    /** Validates the importer's module; the only path that walks the whole stack and touches the file system. */
    private static VerdictCache.Verdict validate(Class<?> importer, SpyModel model) {
        Optional<Path> location = CodeSources.path(importer);
        Object module = CodeSources.moduleKey(importer);
        List<Class<?>> running = ImporterFinder.find().onStack().stream()
                .filter(type -> CodeSources.moduleKey(type).equals(module)).toList();
        List<Path> visible = CodeSources.visibleFiles(importer.getClassLoader());
        Pipeline pipeline = Pipeline.of(model, visible, listener);
        ModuleFacts facts;
        if (location.isPresent()) {
            facts = LiveFacts.withLiveValues(pipeline.inspect(location.get()), running);
        } else {
            pipeline.inspectedLive(importer.getName());
            facts = LiveFacts.module(importer, pipeline.classNames(), running);
        }
        TargetReport target = pipeline.validate(facts, Optional.of(pipeline.hostRuntime(visible)));
        Report report = pipeline.report(List.of(target), Strictness.LENIENT);
        return new VerdictCache.Verdict(facts, report, location);
    }

    /**
     * Tells {@code observer} of every inspection embedded mode makes from now on (replacing the previous one);
     * {@link InspectionListener#NONE} stops. For tests, which count the inspections a cached call saves.
     */
    static void listen(InspectionListener observer) {
        listener = Objects.requireNonNull(observer, "observer");
    }

    /**
     * Forgets every cached verdict and every contract read from a path, so that the next call validates
     * afresh: for hosts that replace modules at run time, and for measuring the uncached call.
     */
    static void clearCache() {
        VERDICTS.clear();
        FILE_CONTRACTS.clear();
    }
}
