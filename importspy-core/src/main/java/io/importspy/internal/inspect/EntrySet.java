package io.importspy.internal.inspect;

import io.importspy.API;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * The entry names of an archive as an immutable set that hashes them only when first asked: a lazy
 * inspection reads a JAR's thousands of entry names but most validations never look one up.
 * Behaves as {@link Set#copyOf} of the names (unmodifiable, rejects {@code null} lookups).
 */
@API(status = INTERNAL, since = "0.1.0")
public final class EntrySet extends AbstractSet<String> {
    private final List<String> names;
    private volatile Set<String> set;

    public EntrySet(List<String> names) {
        this.names = List.copyOf(names);
    }

    private Set<String> set() {
        Set<String> built = set;
        if (built == null) {
            built = Set.copyOf(names);
            set = built;
        }
        return built;
    }

    @Override
    public boolean contains(Object o) {
        return set().contains(o);
    }

    @Override
    public Iterator<String> iterator() {
        return set().iterator();
    }

    @Override
    public int size() {
        return set().size();
    }
}
