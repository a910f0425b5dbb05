package io.importspy.internal.java;

import io.importspy.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static io.importspy.API.Status.INTERNAL;

/**
 * A file-name glob, the same on every platform: {@code *} any run of characters, {@code ?} one
 * character, {@code [abc]}/{@code [a-z]}/{@code [!a-z]} a character class, {@code {a,b}} alternatives
 * (nested too), {@code \} escapes the next character. Matching is case-sensitive, by code point.
 *
 * <p>A glob compiles to a small automaton that is run over the text once, all its states at a time: matching
 * costs at most the length of the text times the length of the glob, whatever the glob
 * ({@code "*****x"} never backtracks). Immutable and thread-safe.
 *
 * <pre>{@code
 * Glob.compile("greeter-*.jar").matches("greeter-1.2.jar"); // true
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Glob {
    private static final int MATCH = 0;
    private static final int ANY = 1;
    private static final int CHAR = 2;
    private static final int CLASS = 3;
    private static final int SPLIT = 4;
    private static final int ANY_RUN = 5;
    private static final int MAX_NESTING = 32;

    private final String glob;
    private final int[] kind;
    private final int[] next;
    private final int[] alternative;
    private final int[] character;
    private final int[][] ranges;
    private final boolean[] negated;
    private final int start;

    private Glob(String glob, Builder built, int start) {
        this.glob = glob;
        int n = built.kinds.size();
        kind = new int[n];
        next = new int[n];
        alternative = new int[n];
        character = new int[n];
        ranges = new int[n][];
        negated = new boolean[n];
        for (int i = 0; i < n; i++) {
            kind[i] = built.kinds.get(i);
            next[i] = built.nexts.get(i);
            alternative[i] = built.alternatives.get(i);
            character[i] = built.characters.get(i);
            ranges[i] = built.ranges.get(i);
            negated[i] = built.negations.get(i);
        }
        this.start = start;
    }

    /**
     * Compiles {@code glob}.
     *
     * @throws IllegalArgumentException with a one-sentence reason, naming the character position (from 1),
     *                                  when the glob is malformed: an unclosed or empty {@code [...]}, a
     *                                  reversed range, an unbalanced brace, or a trailing {@code \}
     */
    public static Glob compile(String glob) {
        Objects.requireNonNull(glob, "glob");
        Parser parser = new Parser(glob);
        Builder builder = new Builder();
        int match = builder.add(MATCH, -1, -1, 0, null, false);
        List<List<Element>> top = parser.alternatives(false);
        if (parser.at < parser.points.length) {
            throw parser.error("'}' closes no '{'; escape it as '\\}'");
        }
        return new Glob(glob, builder, Element.alternatives(top, builder, match));
    }

    /** Whether the whole of {@code text} matches this glob. */
    public boolean matches(String text) {
        int n = kind.length;
        int[] current = new int[n];
        int[] following = new int[n];
        int[] mark = new int[n];
        int generation = 1;
        int[] stack = new int[2 * n + 2];
        int size = close(start, current, 0, mark, generation, stack);
        for (int i = 0; i < text.length() && size > 0; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            generation++;
            int nextSize = 0;
            for (int k = 0; k < size; k++) {
                int state = current[k];
                if (consumes(state, c)) {
                    nextSize = close(next[state], following, nextSize, mark, generation, stack);
                }
            }
            int[] swap = current;
            current = following;
            following = swap;
            size = nextSize;
        }
        for (int k = 0; k < size; k++) {
            if (kind[current[k]] == MATCH) {
                return true;
            }
        }
        return false;
    }

    /** Adds {@code state} and every state it reaches without reading a character; returns the new size. */
    private int close(int state, int[] set, int size, int[] mark, int generation, int[] stack) {
        int top = 0;
        stack[top++] = state;
        while (top > 0) {
            int s = stack[--top];
            if (mark[s] == generation) {
                continue;
            }
            mark[s] = generation;
            if (kind[s] == SPLIT) {
                stack[top++] = alternative[s];
                stack[top++] = next[s];
            } else {
                set[size++] = s;
            }
        }
        return size;
    }

    private boolean consumes(int state, int c) {
        switch (kind[state]) {
            case ANY:
                return true;
            case CHAR:
                return character[state] == c;
            case CLASS:
                boolean in = false;
                int[] r = ranges[state];
                for (int i = 0; i < r.length && !in; i += 2) {
                    in = c >= r[i] && c <= r[i + 1];
                }
                return in != negated[state];
            default:
                return false;
        }
    }

    @Override
    public String toString() {
        return glob;
    }

    /** The states of the automaton under construction, one list per field. */
    private static final class Builder {
        final List<Integer> kinds = new ArrayList<>();
        final List<Integer> nexts = new ArrayList<>();
        final List<Integer> alternatives = new ArrayList<>();
        final List<Integer> characters = new ArrayList<>();
        final List<int[]> ranges = new ArrayList<>();
        final List<Boolean> negations = new ArrayList<>();

        int add(int kind, int next, int alternative, int character, int[] range, boolean negated) {
            kinds.add(kind);
            nexts.add(next);
            alternatives.add(alternative);
            characters.add(character);
            ranges.add(range);
            negations.add(negated);
            return kinds.size() - 1;
        }
    }

    /** Reads the glob into elements, left to right; malformed text is an {@link IllegalArgumentException}. */
    private static final class Parser {
        private final int[] points;
        private final String glob;
        private int depth;
        int at;

        Parser(String glob) {
            this.glob = glob;
            this.points = codePoints(glob);
        }

        private static int[] codePoints(String text) {
            int[] points = new int[text.codePointCount(0, text.length())];
            int at = 0;
            for (int i = 0; i < points.length; i++) {
                points[i] = text.codePointAt(at);
                at += Character.charCount(points[i]);
            }
            return points;
        }

        /** {@code a,b,c}: the branches up to the end, or (in braces) up to the closing '}'. */
        List<List<Element>> alternatives(boolean inBraces) {
            List<List<Element>> branches = new ArrayList<>();
            branches.add(sequence(inBraces));
            while (inBraces && at < points.length && points[at] == ',') {
                at++;
                branches.add(sequence(true));
            }
            return branches;
        }

        private List<Element> sequence(boolean inBraces) {
            List<Element> elements = new ArrayList<>();
            while (at < points.length) {
                int c = points[at];
                if (c == '}' || (inBraces && c == ',')) {
                    break;
                }
                elements.add(element());
            }
            return elements;
        }

        private Element element() {
            int position = at;
            int c = points[at++];
            switch (c) {
                case '*':
                    return new Element(ANY_RUN, 0, null, false, null);
                case '?':
                    return new Element(ANY, 0, null, false, null);
                case '[':
                    return characterClass(position);
                case '{': {
                    if (++depth > MAX_NESTING) {
                        at = position;
                        throw error("braces are nested more than " + MAX_NESTING + " levels deep");
                    }
                    List<List<Element>> branches = alternatives(true);
                    depth--;
                    if (at >= points.length) {
                        at = position;
                        throw error("'{' is never closed; add '}' or escape it as '\\{'");
                    }
                    at++; // the closing '}'
                    return new Element(SPLIT, 0, null, false, branches);
                }
                case '\\':
                    if (at >= points.length) {
                        at = position;
                        throw error("'\\' at the end escapes nothing; write '\\\\' for a backslash");
                    }
                    return new Element(CHAR, points[at++], null, false, null);
                default:
                    return new Element(CHAR, c, null, false, null);
            }
        }

        /** {@code [..]}, {@code [!..]}: members and ascending ranges up to the first unescaped ']'. */
        private Element characterClass(int open) {
            boolean negated = at < points.length && points[at] == '!';
            if (negated) {
                at++;
            }
            List<Integer> ranges = new ArrayList<>();
            while (at < points.length && points[at] != ']') {
                int low = member(open);
                int high = low;
                if (at + 1 < points.length && points[at] == '-' && points[at + 1] != ']') {
                    int rangeAt = at++;
                    high = member(open);
                    if (high < low) {
                        at = rangeAt;
                        throw error("range '" + new String(Character.toChars(low)) + "-"
                                + new String(Character.toChars(high)) + "' is reversed; write the lower bound first");
                    }
                }
                ranges.add(low);
                ranges.add(high);
            }
            if (at >= points.length) {
                at = open;
                throw error("'[' is never closed; add ']' or escape it as '\\['");
            }
            at++; // the closing ']'
            if (ranges.isEmpty()) {
                at = open;
                throw error("'" + (negated ? "[!]" : "[]") + "' is an empty character class; list at least one"
                        + " character in it, or escape the bracket as '\\['");
            }
            return new Element(CLASS, 0, ranges.stream().mapToInt(Integer::intValue).toArray(), negated, null);
        }

        private int member(int open) {
            int c = points[at++];
            if (c == '\\') {
                if (at >= points.length) {
                    at = open;
                    throw error("'[' is never closed; add ']' or escape it as '\\['");
                }
                c = points[at++];
            }
            return c;
        }

        IllegalArgumentException error(String reason) {
            return new IllegalArgumentException("glob '" + glob + "' is malformed at character " + (at + 1) + ": "
                    + reason);
        }
    }

    /**
     * One element of a glob: a character, any character, any run ({@code ANY_RUN}), a class, or alternatives
     * ({@code SPLIT}, with {@code branches}).
     */
    private record Element(int kind, int character, int[] ranges, boolean negated, List<List<Element>> branches) {

        /** Builds states for {@code elements} followed by state {@code next}; returns the entry state. */
        static int build(List<Element> elements, Builder builder, int next) {
            int entry = next;
            for (int i = elements.size() - 1; i >= 0; i--) {
                entry = elements.get(i).build(builder, entry);
            }
            return entry;
        }

        static int alternatives(List<List<Element>> branches, Builder builder, int next) {
            int entry = build(branches.get(branches.size() - 1), builder, next);
            for (int i = branches.size() - 2; i >= 0; i--) {
                entry = builder.add(SPLIT, build(branches.get(i), builder, next), entry, 0, null, false);
            }
            return entry;
        }

        private int build(Builder builder, int next) {
            switch (kind) {
                case ANY_RUN: {
                    int loop = builder.add(SPLIT, -1, next, 0, null, false);
                    builder.nexts.set(loop, builder.add(ANY, loop, -1, 0, null, false));
                    return loop;
                }
                case SPLIT:
                    return alternatives(branches, builder, next);
                default:
                    return builder.add(kind, next, -1, character, ranges, negated);
            }
        }
    }
}
