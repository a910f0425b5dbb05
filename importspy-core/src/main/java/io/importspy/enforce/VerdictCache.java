package io.importspy.enforce;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.validate.Report;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verdicts of embedded validation per (importer module, contract). Modules known by a code-source URL are
 * kept in a {@link ConcurrentHashMap}; modules known by a live {@link Module} or {@link Class} are kept
 * weakly, so a plugin layer or a generated class can still be unloaded. Contracts are compared by identity
 * (contracts read from a resource or a path are parsed once and reused, so their identity is stable).
 */
final class VerdictCache {
    /** A cached verdict: the facts of the importer's module and the report on it. */
    record Verdict(ModuleFacts facts, Report report) {
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
