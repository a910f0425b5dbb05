package io.importspy.internal.contract;

/**
 * A text whose characters may be read a fixed number of times in all: given to a {@link java.util.regex.Matcher},
 * it bounds the work of a match, backtracking included, since the matcher reads a character at every step.
 */
final class BudgetedText implements CharSequence {
    private final String text;
    private long left;

    BudgetedText(String text, long budget) {
        this.text = text;
        this.left = budget;
    }

    @Override
    public char charAt(int index) {
        if (--left < 0) {
            throw Exhausted.INSTANCE;
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Thrown when the budget is spent; shared and without a stack trace, as it is control flow. */
    static final class Exhausted extends RuntimeException {
        static final Exhausted INSTANCE = new Exhausted();
        private static final long serialVersionUID = 1L;

        private Exhausted() {
            super("the budget of character reads is spent", null, false, false);
        }
    }
}
