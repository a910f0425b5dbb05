package io.importspy.enforce;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.validate.Report;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verdicts of embedded validation per (importer module, contract). Modules known by a code-source URL are
 * kept in a {@link ConcurrentHashMap}; modules known by a live {@link Module} or {@link Class} are kept
 * weakly, so a plugin layer or a generated class can still be unloaded. Contracts are compared by identity
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

    private record Key(String module, SpyModel contract) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.module.equals(module) && k.contract == contract;
        }

        @Override
        public int hashCode() {
            return module.hashCode() * 31 + System.identityHashCode(contract);
        }
    }

    private final Map<Key, Verdict> byLocation = new ConcurrentHashMap<>();
    private final Map<Object, Map<SpyModel, Verdict>> byLiveModule = Collections.synchronizedMap(new WeakHashMap<>());

    Verdict get(Object module, SpyModel contract) {
        if (module instanceof String location) {
            return byLocation.get(new Key(location, contract));
        }
        Map<SpyModel, Verdict> verdicts = byLiveModule.get(module);
        return verdicts == null ? null : verdicts.get(contract);
    }

    /** Stores {@code verdict} unless another thread stored one first; returns the one kept. */
    Verdict put(Object module, SpyModel contract, Verdict verdict) {
        Verdict previous;
        if (module instanceof String location) {
            previous = byLocation.putIfAbsent(new Key(location, contract), verdict);
        } else {
            previous = byLiveModule.computeIfAbsent(module, m -> Collections.synchronizedMap(new java.util.IdentityHashMap<>()))
                    .putIfAbsent(contract, verdict);
        }
        return previous != null ? previous : verdict;
    }

    void clear() {
        byLocation.clear();
        byLiveModule.clear();
    }
}
