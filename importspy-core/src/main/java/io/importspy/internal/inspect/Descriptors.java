package io.importspy.internal.inspect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The class names in descriptors ({@code (Ljava/lang/String;[I)V}) and generic signatures
 * ({@code Ljava/util/List<Ljava/lang/String;>;}, {@code <T:Ljava/lang/Object;>(TT;)V},
 * {@code La/Outer<TT;>.Inner;}), as internal names, those of them it is asked to keep. Remembers each descriptor
 * it has read (with the names kept of it), and keeps the {@link PoolStrings} of the class files scanned with it:
 * one instance per thread, not thread-safe.
 */
final class Descriptors {
    private static final String[] NONE = {};

    private final Map<String, String[]> read = new HashMap<>();
    private final PoolStrings strings = new PoolStrings();
    private final Predicate<String> kept;

    /** Names every class. */
    Descriptors() {
        this(name -> true);
    }

    /** Names only the classes {@code kept} accepts. */
    Descriptors(Predicate<String> kept) {
        this.kept = kept;
    }

    /** The strings of the constant pools read on this thread. */
    PoolStrings strings() {
        return strings;
    }

    /** Adds the class a constant-pool class entry names (an array class's element type) to {@code out}. */
    void classEntry(String name, Collection<String> out) {
        if (name.isEmpty() || name.charAt(0) != '[') {
            if (kept.test(name)) {
                out.add(name);
            }
        } else {
            types(name, out);
        }
    }

    /** Adds the classes of a descriptor (those kept) to {@code out}. */
    void types(String descriptor, Collection<String> out) {
        String[] names = read.get(descriptor);
        if (names == null) {
            List<String> found = new ArrayList<>(2);
            parse(descriptor, found);
            int keep = 0;
            for (String name : found) {
                if (kept.test(name)) {
                    found.set(keep++, name);
                }
            }
            names = keep == 0 ? NONE : found.subList(0, keep).toArray(new String[keep]);
            read.put(descriptor, names);
        }
        for (String name : names) {
            out.add(name);
        }
    }

    /** Adds the classes of a generic signature to {@code out}. */
    void signature(String signature, Collection<String> out) {
        types(signature, out);
    }

    /** The classes of a descriptor or signature; malformed text yields what could be read. */
    static void parse(String text, List<String> out) {
        int i = 0;
        int length = text.length();
        if (length > 0 && text.charAt(0) == '<') {
            i = formalParameters(text, 1, out);
        }
        while (i < length) {
            i = type(text, i, out, 0);
        }
    }

    /** Skips {@code T:bound:bound...>} type parameters (their bounds are types), returning the offset after '>'. */
    private static int formalParameters(String text, int i, List<String> out) {
        int length = text.length();
        while (i < length && text.charAt(i) != '>') {
            int colon = text.indexOf(':', i);
            if (colon < 0) {
                return length;
            }
            i = colon;
            while (i < length && text.charAt(i) == ':') {
                i++;
                if (i < length && text.charAt(i) != ':' && text.charAt(i) != '>') {
                    i = type(text, i, out, 0);
                }
            }
        }
        return i + 1;
    }

    /**
     * Reads one type (or skips one character that starts none), returning the offset after it; {@code nesting} is how
     * many type argument lists enclose it, at most {@link Signatures#MAX_NESTING}, as for a class's facts.
     *
     * @throws IllegalArgumentException when type arguments nest deeper
     */
    private static int type(String text, int i, List<String> out, int nesting) {
        char c = text.charAt(i);
        if (c == 'L') {
            return classType(text, i + 1, out, nesting);
        }
        if (c == 'T') {
            int end = text.indexOf(';', i);
            return end < 0 ? text.length() : end + 1;
        }
        return i + 1; // primitives, '[', '(', ')', '^', wildcards '+', '-', '*'
    }

    private static int classType(String text, int i, List<String> out, int nesting) {
        int length = text.length();
        StringBuilder name = new StringBuilder();
        int start = i;
        while (i < length) {
            char c = text.charAt(i);
            if (c == ';') {
                name.append(text, start, i);
                out.add(name.toString());
                return i + 1;
            }
            if (c == '<') {
                name.append(text, start, i);
                if (nesting >= Signatures.MAX_NESTING) {
                    throw new IllegalArgumentException("type arguments nested more than " + Signatures.MAX_NESTING
                            + " deep in a signature");
                }
                i = arguments(text, i + 1, out, nesting + 1);
                start = i;
                continue;
            }
            if (c == '.') {
                name.append(text, start, i);
                out.add(name.toString()); // the outer class is named too
                name.append('$');
                start = i + 1;
            }
            i++;
        }
        return length;
    }

    private static int arguments(String text, int i, List<String> out, int nesting) {
        int length = text.length();
        while (i < length && text.charAt(i) != '>') {
            i = type(text, i, out, nesting);
        }
        return i + 1;
    }
}
