package io.importspy.enforce;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.validate.Report;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verdicts of embedded validation per (importer module, contract), the module as {@link CodeSources#moduleKey}
 * knows it: a live {@link Module}, a file its loader really serves it from, or the class itself. Every key is
 * held weakly (by the module, the loader or the class), so a plugin layer, a closed plugin loader or a
 * generated class can still be unloaded. Contracts are compared by identity
 * (contracts read from a resource or a path are parsed once and reused, so their identity is stable).
 *
 * <p>Thread-safe: two threads that validate the same module at once may both validate it, but the first
 * verdict stored is the one both return and every later call sees.
 */
final class VerdictCache {
    /**
     * A cached verdict: the facts of the importer's module, the report on it, and the module's file (found
     * when the verdict was made, so that a cached call needs no file-system call).
     */
    static final class Verdict {
        private final ModuleFacts facts;
        private final Report report;
        private final Optional<Path> location;
        private final boolean compliant;
        /**
         * The handle last returned, reused while the same class imports (most hosts have one importer). Held
         * weakly: a handle holds its importer class, which would otherwise keep the importer's loader and layer
         * (the weak key of its own entry) alive for as long as the cache lives.
         */
        private volatile WeakReference<ImporterHandle> last = new WeakReference<>(null);

        Verdict(ModuleFacts facts, Report report, Optional<Path> location) {
            this.facts = facts;
            this.report = report;
            this.location = location;
            this.compliant = report.isCompliant();
        }

        ModuleFacts facts() {
            return facts;
        }

        Report report() {
            return report;
        }

        /** {@code report().isCompliant()}, computed once. */
        boolean compliant() {
            return compliant;
        }

        /** A handle on {@code importer} with this verdict (handles are immutable, so one is shared). */
        ImporterHandle handle(Class<?> importer) {
            ImporterHandle handle = last.get();
            if (handle == null || handle.importer() != importer) {
                handle = new ImporterHandle(importer, facts, report, location);
                last = new WeakReference<>(handle);
            }
            return handle;
        }
    }

    /**
     * Verdicts of modules known by the file their loader serves ({@link CodeSources.Served}), per loader and then
     * per file; weakly by loader, so a closed plugin loader can be collected.
     */
    private final Map<ClassLoader, Map<Path, Map<SpyModel, Verdict>>> byServedFile =
            Collections.synchronizedMap(new WeakHashMap<>());
    /** Verdicts of modules known by a live {@link Module} or {@link Class}, weakly. */
    private final Map<Object, Map<SpyModel, Verdict>> byLiveModule = Collections.synchronizedMap(new WeakHashMap<>());

    Verdict get(Object module, SpyModel contract) {
        Map<SpyModel, Verdict> verdicts = verdicts(module, false);
        return verdicts == null ? null : verdicts.get(contract);
    }

    /** Stores {@code verdict} unless another thread stored one first; returns the one kept. */
    Verdict put(Object module, SpyModel contract, Verdict verdict) {
        Verdict previous = verdicts(module, true).putIfAbsent(contract, verdict);
        return previous != null ? previous : verdict;
    }

    /** The verdicts of {@code module} by contract (compared by identity); null when absent and not {@code create}. */
    private Map<SpyModel, Verdict> verdicts(Object module, boolean create) {
        if (module instanceof CodeSources.Served served) {
            Map<Path, Map<SpyModel, Verdict>> files = create
                    ? byServedFile.computeIfAbsent(served.loader(), l -> new ConcurrentHashMap<>())
                    : byServedFile.get(served.loader());
            if (files == null) {
                return null;
            }
            return create ? files.computeIfAbsent(served.path(), p -> contracts()) : files.get(served.path());
        }
        return create ? byLiveModule.computeIfAbsent(module, m -> contracts()) : byLiveModule.get(module);
    }

    private static Map<SpyModel, Verdict> contracts() {
        return Collections.synchronizedMap(new IdentityHashMap<>());
    }

    void clear() {
        byServedFile.clear();
        byLiveModule.clear();
    }
}
