package io.importspy.agent;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map keyed by the identity of objects it does not keep alive: the agent's verdict per protection
 * domain must not keep a host's unloaded plugin class loaders (which their domains reference) from being
 * collected. A look-up allocates a probe that escape analysis usually removes; collected keys are purged on
 * each insertion.
 */
final class WeakIdentityMap<K, V> {
    private final Map<Object, V> map = new ConcurrentHashMap<>();
    private final ReferenceQueue<K> collected = new ReferenceQueue<>();

    V get(K key) {
        return map.get(new Probe(key));
    }

    void put(K key, V value) {
        for (Reference<? extends K> gone; (gone = collected.poll()) != null; ) {
            map.remove(gone);
        }
        map.put(new WeakKey<>(key, collected), value);
    }

    int size() {
        return map.size();
    }

    private static final class WeakKey<K> extends WeakReference<K> {
        private final int hash;

        WeakKey(K key, ReferenceQueue<K> queue) {
            super(key, queue);
            this.hash = System.identityHashCode(key);
        }

        @Override
        public boolean equals(Object other) {
            if (other == this) {
                return true;
            }
            Object mine = get();
            return mine != null && (other instanceof WeakKey<?> weak ? weak.get() == mine
                    : other instanceof Probe probe && probe.key == mine);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final class Probe {
        private final Object key;

        Probe(Object key) {
            this.key = key;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WeakKey<?> weak ? weak.get() == key : other instanceof Probe p && p.key == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }
    }
}
