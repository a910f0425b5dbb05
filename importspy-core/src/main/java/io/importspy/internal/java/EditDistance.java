package io.importspy.internal.java;

import io.importspy.API;

import static io.importspy.API.Status.INTERNAL;

/**
 * The edit distance behind every "did you mean": Levenshtein distance with an adjacent swap counted as one
 * edit, computed only for words that could be close, so that a hostile input never costs more than a few
 * thousand steps.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class EditDistance {
    /** Words longer than this are never suggested or compared. */
    private static final int MAX_LENGTH = 200;

    /** Suggestions are made at most this many edits away; longer distances are reported as too far. */
    private static final int MAX_EDITS = 2;

    private EditDistance() {
    }

    /**
     * The number of edits between {@code a} and {@code b}, or {@link Integer#MAX_VALUE} when they are too far
     * apart to be a misspelling of each other (lengths differing by more than two, or longer than 200).
     */
    public static int between(String a, String b) {
        if (Math.abs(a.length() - b.length()) > MAX_EDITS || a.length() > MAX_LENGTH || b.length() > MAX_LENGTH) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * Whether {@code distance} edits make a likely misspelling of a word of {@code length} characters: at most
     * two edits, and at most one per three letters.
     */
    public static boolean isCloseEnough(int distance, int length) {
        return distance <= MAX_EDITS && distance * 3 <= length;
    }
}
