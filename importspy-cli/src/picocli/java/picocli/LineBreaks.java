package picocli;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * The line breaks of {@link BreakIterator#getLineInstance()}, found without the JDK's locale services where a text
 * holds only the characters of the command line's help texts; any other text is handed to the JDK's line instance.
 * The JDK's first line instance in a process loads its locale providers, a resource bundle and the break rules' data
 * from the run-time image, and links lambdas: about 190 classes, on the path of every {@code --help}. Picocli's help
 * tables make a line instance for each cell they wrap (the build edits picocli's sources to make this one).
 *
 * <p>The characters read here: ASCII letters and digits, {@code U+00FF} (which picocli writes in place of each
 * {@code '-'} of a text it wraps), space, line feed, {@code ( [ ) ] ! : ; . , # * / < = > _ | ~}, and an apostrophe
 * between two letters. For them the JDK's rules ({@code LineBreakRules} of {@code sun.text.resources}) come down to:
 * a line may break after each longest run of {@code pre* (char* | number) post* space* break?}, where {@code pre} is
 * {@code ( [}, {@code post} is {@code ) ] ! : ; . ,}, {@code break} a line feed, a {@code number}
 * {@code pre* digit+ ([.,] digit+)*} and {@code char} any other of them, digits included. The JDK's line instance
 * reads {@code ()}, {@code $}, quotes and dashes in ways this rule does not say, so a text with any of them is left
 * to it. {@code LineBreaksTest} compares the two on random text of these characters.
 */
public final class LineBreaks extends BreakIterator {
    // what a character is to the rule, one bit each
    private static final int PRE = 1;
    private static final int POST = 2;
    private static final int CHAR = 4;
    private static final int DIGIT = 8;
    private static final int MID_NUM = 16;
    private static final int SPACE = 32;
    private static final int BREAK = 64;

    // the states of the rule, one bit each
    private static final int START = 1;         // in pre*
    private static final int CHARS = 2;         // in char*
    private static final int DIGITS = 4;        // in a number's digits
    private static final int MID = 8;           // after a number's '.' or ','
    private static final int POSTS = 16;        // in post*
    private static final int SPACES = 32;       // in space*
    private static final int END = 64;          // where the run may end

    private CharacterIterator text = new StringCharacterIterator("");
    private BreakIterator jdk;
    private int[] boundaries = {0};
    private int current;

    @Override
    public int first() {
        if (jdk != null) {
            return jdk.first();
        }
        current = 0;
        return boundaries[0];
    }

    @Override
    public int last() {
        if (jdk != null) {
            return jdk.last();
        }
        current = boundaries.length - 1;
        return boundaries[current];
    }

    @Override
    public int next(int n) {
        if (jdk != null) {
            return jdk.next(n);
        }
        int result = current();
        for (; n > 0 && result != DONE; n--) {
            result = next();
        }
        for (; n < 0 && result != DONE; n++) {
            result = previous();
        }
        return result;
    }

    @Override
    public int next() {
        if (jdk != null) {
            return jdk.next();
        }
        if (current == boundaries.length - 1) {
            return DONE;
        }
        return boundaries[++current];
    }

    @Override
    public int previous() {
        if (jdk != null) {
            return jdk.previous();
        }
        if (current == 0) {
            return DONE;
        }
        return boundaries[--current];
    }

    @Override
    public int following(int offset) {
        if (jdk != null) {
            return jdk.following(offset);
        }
        check(offset);
        current = 0;
        while (current < boundaries.length - 1 && boundaries[current] <= offset) {
            current++;
        }
        return boundaries[current] > offset ? boundaries[current] : DONE;
    }

    @Override
    public int preceding(int offset) {
        if (jdk != null) {
            return jdk.preceding(offset);
        }
        check(offset);
        current = boundaries.length - 1;
        while (current > 0 && boundaries[current] >= offset) {
            current--;
        }
        return boundaries[current] < offset ? boundaries[current] : DONE;
    }

    @Override
    public boolean isBoundary(int offset) {
        if (jdk != null) {
            return jdk.isBoundary(offset);
        }
        check(offset);
        for (int i = 0; i < boundaries.length; i++) {
            if (boundaries[i] == offset) {
                current = i;
                return true;
            }
        }
        following(offset);
        return false;
    }

    @Override
    public int current() {
        return jdk != null ? jdk.current() : boundaries[current];
    }

    @Override
    public CharacterIterator getText() {
        return jdk != null ? jdk.getText() : text;
    }

    @Override
    public void setText(CharacterIterator newText) {
        text = newText;
        int begin = newText.getBeginIndex();
        char[] chars = new char[newText.getEndIndex() - begin];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = newText.setIndex(begin + i);
        }
        newText.setIndex(begin);
        int[] kinds = kinds(chars);
        if (kinds == null) {
            jdk = BreakIterator.getLineInstance();
            jdk.setText(newText);
            return;
        }
        jdk = null;
        boundaries = boundaries(kinds, begin);
        current = 0;
    }

    private void check(int offset) {
        if (offset < text.getBeginIndex() || offset > text.getEndIndex()) {
            throw new IllegalArgumentException("offset out of bounds");
        }
    }

    private static int[] boundaries(int[] kinds, int begin) {
        int[] found = new int[kinds.length + 1];
        int count = 0;
        found[count++] = begin;
        for (int at = 0; at < kinds.length; ) {
            at = Math.max(at + 1, end(kinds, at));
            found[count++] = begin + at;
        }
        return java.util.Arrays.copyOf(found, count);
    }

    /** Where the longest match of the rule that starts at {@code start} ends. */
    private static int end(int[] kinds, int start) {
        int states = closure(START);
        int longest = start;
        for (int at = start; at < kinds.length && states != 0; ) {
            states = step(states, kinds[at++]);
            if ((states & END) != 0) {
                longest = at;
            }
        }
        return longest;
    }

    /** The states reached from {@code states} without reading a character. */
    private static int closure(int states) {
        if ((states & (START | CHARS | DIGITS)) != 0) {
            states |= POSTS;
        }
        if ((states & POSTS) != 0) {
            states |= SPACES;
        }
        if ((states & SPACES) != 0) {
            states |= END;
        }
        return states;
    }

    private static int step(int states, int kind) {
        int next = 0;
        if ((states & START) != 0) {
            next |= on(kind, PRE, START) | on(kind, CHAR, CHARS) | on(kind, DIGIT, DIGITS);
        }
        if ((states & CHARS) != 0) {
            next |= on(kind, CHAR, CHARS);
        }
        if ((states & DIGITS) != 0) {
            next |= on(kind, DIGIT, DIGITS) | on(kind, MID_NUM, MID);
        }
        if ((states & MID) != 0) {
            next |= on(kind, DIGIT, DIGITS);
        }
        if ((states & POSTS) != 0) {
            next |= on(kind, POST, POSTS);
        }
        if ((states & SPACES) != 0) {
            next |= on(kind, SPACE, SPACES) | on(kind, BREAK, END);
        }
        return closure(next);
    }

    private static int on(int kind, int kinds, int state) {
        return (kind & kinds) != 0 ? state : 0;
    }

    /**
     * What each character is to the rule, or null when the text holds a character that this class leaves to the
     * JDK's line instance: an apostrophe is read only between two letters ({@code JVM's}), {@code ()} not at all.
     */
    private static int[] kinds(char[] chars) {
        int[] kinds = new int[chars.length];
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '\'') {
                boolean inWord = i > 0 && i + 1 < chars.length && isLetter(chars[i - 1]) && isLetter(chars[i + 1]);
                kinds[i] = inWord ? CHAR : 0;
            } else if (c == '(' && i + 1 < chars.length && chars[i + 1] == ')') {
                kinds[i] = 0;
            } else {
                kinds[i] = kind(c);
            }
            if (kinds[i] == 0) {
                return null;
            }
        }
        return kinds;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\u00ff';
    }

    private static int kind(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\u00ff') {
            return CHAR;
        }
        if (c >= '0' && c <= '9') {
            return DIGIT | CHAR;
        }
        switch (c) {
            case ' ':
                return SPACE;
            case '\n':
                return BREAK;
            case '(': case '[':
                return PRE;
            case ')': case ']': case '!': case ':': case ';':
                return POST;
            case '.': case ',':
                return POST | MID_NUM;
            case '#': case '*': case '/': case '<': case '=': case '>': case '_': case '|': case '~':
                return CHAR;
            default:
                return 0;
        }
    }
}
