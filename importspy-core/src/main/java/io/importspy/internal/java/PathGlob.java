package io.importspy.internal.java;

import io.importspy.API;

import java.util.Arrays;

import static io.importspy.API.Status.INTERNAL;

/**
 * A glob over text made of segments ({@code /} for paths, {@code :} for Maven coordinates), matched in time
 * linear in the text times the glob, never by backtracking: {@code *} is any run within a segment, {@code ?} one
 * character of a segment, {@code **} any run across segments, {@code **}{@code /} any number of whole leading
 * segments (none included); every other character stands for itself.
 *
 * <p>Immutable and thread-safe.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class PathGlob {
    private static final byte LITERAL = 0;
    private static final byte ONE = 1;
    private static final byte STAR = 2;
    private static final byte ANY = 3;
    private static final byte SEGMENTS = 4; // reads nothing: on to the ANY and separator after it, or past both

    private final byte[] kinds;
    private final char[] chars;
    private final char separator;

    private PathGlob(byte[] kinds, char[] chars, char separator) {
        this.kinds = kinds;
        this.chars = chars;
        this.separator = separator;
    }

    /** {@code glob}, with segments separated by {@code separator}. */
    public static PathGlob compile(String glob, char separator) {
        byte[] kinds = new byte[glob.length() + 1];
        char[] chars = new char[glob.length() + 1];
        int n = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean segments = i + 2 < glob.length() && glob.charAt(i + 2) == separator;
                if (segments) {
                    kinds[n++] = SEGMENTS;
                }
                kinds[n++] = ANY;
                if (segments) {
                    kinds[n] = LITERAL;
                    chars[n++] = separator;
                }
                i += segments ? 2 : 1;
            } else if (c == '*') {
                kinds[n++] = STAR;
            } else if (c == '?') {
                kinds[n++] = ONE;
            } else {
                kinds[n] = LITERAL;
                chars[n++] = c;
            }
        }
        return new PathGlob(Arrays.copyOf(kinds, n), Arrays.copyOf(chars, n), separator);
    }

    /** Whether the whole of {@code text} matches. */
    public boolean matches(String text) {
        int states = kinds.length + 1; // state i: tokens before i are matched; kinds.length is the end
        boolean[] current = new boolean[states];
        boolean[] next = new boolean[states];
        current[0] = true;
        close(current);
        for (int at = 0; at < text.length(); at++) {
            char c = text.charAt(at);
            Arrays.fill(next, false);
            boolean any = false;
            for (int i = 0; i < kinds.length; i++) {
                if (!current[i]) {
                    continue;
                }
                byte kind = kinds[i];
                if (kind == SEGMENTS) {
                    continue;
                }
                if (kind == LITERAL ? chars[i] == c : kind == ONE ? c != separator : kind != STAR || c != separator) {
                    int target = kind == LITERAL || kind == ONE ? i + 1 : i; // runs stay in their state
                    next[target] = true;
                    any = true;
                }
            }
            if (!any) {
                return false;
            }
            close(next);
            boolean[] swap = current;
            current = next;
            next = swap;
        }
        return current[kinds.length];
    }

    /** Adds the states reachable without reading: past a run (it may be empty), past optional segments. */
    private void close(boolean[] states) {
        for (int i = 0; i < kinds.length; i++) {
            if (states[i]) {
                byte kind = kinds[i];
                if (kind == STAR || kind == ANY || kind == SEGMENTS) {
                    states[i + 1] = true;
                }
                if (kind == SEGMENTS) {
                    states[i + 3] = true;
                }
            }
        }
    }
}
