package io.importspy.internal.inspect;

import io.importspy.API;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * The headers of every class of a module, and of the supertypes (and annotation types) outside it that
 * selection by supertype or annotation needed, with the names of those that were found nowhere.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ClassHeaders {
    private final Map<String, ClassHeader> module;
    private final Map<String, ClassHeader> others;
    private final Set<String> unresolved;

    private ClassHeaders(Map<String, ClassHeader> module, Map<String, ClassHeader> others, Set<String> unresolved) {
        this.module = Collections.unmodifiableMap(new LinkedHashMap<>(module));
        this.others = Map.copyOf(others);
        this.unresolved = Set.copyOf(unresolved);
    }

    /**
     * Headers of a module's classes ({@code module}, in archive order), of the classes outside it that were
     * read ({@code others}), and the names of those found nowhere.
     */
    public static ClassHeaders of(Map<String, ClassHeader> module, Map<String, ClassHeader> others,
                                  Set<String> unresolved) {
        return new ClassHeaders(module, others, unresolved);
    }

    /** The headers of the module's own classes, in archive order. */
    public Map<String, ClassHeader> module() {
        return module;
    }

    /** The header of any class read (the module's, then the class path's or the JDK's), by binary name. */
    public Optional<ClassHeader> any(String binaryName) {
        ClassHeader header = others.get(binaryName); // a host's or the JDK's class wins, as its loader is asked first
        return Optional.ofNullable(header != null ? header : module.get(binaryName));
    }

    /** Supertypes and annotation types that were looked for and found nowhere. */
    public Set<String> unresolved() {
        return unresolved;
    }

    /** The headers of the annotation type or class {@code written} names (binary or source name), if read. */
    public Optional<ClassHeader> named(String written) {
        for (ClassHeader header : others.values()) {
            if (ClassQuery.sameNesting(header.name(), written)) {
                return Optional.of(header);
            }
        }
        for (ClassHeader header : module.values()) {
            if (ClassQuery.sameNesting(header.name(), written)) {
                return Optional.of(header);
            }
        }
        return Optional.empty();
    }
}
