package io.importspy.internal.inspect;

/**
 * The legality rules of JVMS 4.2 and 4.3 for names and descriptors in a class file, as the JVM checks them
 * when it defines a class: unqualified names, internal class names, field and method descriptors. Class files
 * older than version 49 (Java 5) are held to the older rule the JVM keeps for them: names are Java
 * identifiers.
 *
 * <p>Every rule reads the modified UTF-8 bytes {@code [from, to)} of a constant that is already known to be
 * legal, and builds no string: the characters the rules name ({@code . ; [ / < > ( ) L}) are ASCII, and in
 * modified UTF-8 every byte of a longer character is 0x80 or above, so a byte equal to one of them is that
 * character. Only the identifiers of old class files are decoded, one character at a time. Names are scanned
 * eight bytes at a time ({@link #equal}): a word holding none of the characters a rule looks for is judged
 * whole.
 */
final class ClassFileNames {
    static final int MAX_DIMENSIONS = 255;

    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;
    private static final long ONES = 0x0101010101010101L;
    private static final long DOTS = '.' * ONES;
    private static final long SLASHES = '/' * ONES;
    private static final long SEMICOLONS = ';' * ONES;
    private static final long BRACKETS = '[' * ONES;
    private static final long ANGLES = '>' * ONES;

    private ClassFileNames() {
    }

    /** A field name, or a method name other than {@code <init>}/{@code <clinit>}: no {@code . ; [ /}. */
    static boolean isUnqualified(byte[] b, int from, int to, boolean method) {
        if (from >= to) {
            return false;
        }
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = ModifiedUtf8.word(b, i);
            // '.' and '/' are the bytes that are '/' with bit 0 set, '<' and '>' those that are '>' with bit 1 set
            long illegal = equal(word | ONES, SLASHES) | equal(word, SEMICOLONS) | equal(word, BRACKETS)
                    | (method ? equal(word | 2 * ONES, ANGLES) : 0);
            if (illegal != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '.' || c == ';' || c == '[' || c == '/' || (method && (c == '<' || c == '>'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * 0x80 in each byte of {@code word} that equals the byte that {@code repeated} repeats, 0 in the others: exact
     * (no carry crosses a byte), so that it also tells where those bytes are.
     */
    static long equal(long word, long repeated) {
        long x = word ^ repeated;
        return ~((x & LOW_SEVEN) + LOW_SEVEN | x | LOW_SEVEN);
    }

    static boolean isFieldName(byte[] b, int from, int to, int major) {
        return major < 49 ? isIdentifier(b, from, to, false) : isUnqualified(b, from, to, false);
    }

    static boolean isMethodName(byte[] b, int from, int to, int major) {
        return isSpecialMethod(b, from, to)
                || (major < 49 ? isIdentifier(b, from, to, false) : isUnqualified(b, from, to, true));
    }

    /** Whether the name is {@code <init>} or {@code <clinit>}. */
    static boolean isSpecialMethod(byte[] b, int from, int to) {
        return from < to && b[from] == '<' && (ClassFileFormat.equalsAscii(b, from, to, ClassFileFormat.INIT)
                || ClassFileFormat.equalsAscii(b, from, to, ClassFileFormat.CLINIT));
    }

    /** An internal class name ({@code a/b/C}), or an array descriptor where the JVM allows one. */
    static boolean isClassName(byte[] b, int from, int to, boolean arrayAllowed, int major) {
        if (from < to && b[from] == '[') {
            return arrayAllowed && fieldDescriptorEnd(b, from, to, major) == to;
        }
        return isInternalName(b, from, to, major);
    }

    /**
     * Java identifiers, separated by single slashes when {@code slashes}: the rule before class file 49 (ASCII
     * letters, digits after the first character, {@code _} and {@code $}; beyond ASCII, what Java allows).
     */
    private static boolean isIdentifier(byte[] b, int from, int to, boolean slashes) {
        boolean first = true;
        for (int i = from; i < to; i += ModifiedUtf8.width(b[i])) {
            char c = ModifiedUtf8.charAt(b, i);
            if (slashes && c == '/') {
                if (first || i + 1 == to || b[i + 1] == '/') {
                    return false;
                }
                continue;
            }
            boolean legal = c < 128
                    ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || (!first && c >= '0' && c <= '9')
                    : first ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c);
            if (!legal) {
                return false;
            }
            first = false;
        }
        return !first;
    }

    private static boolean isInternalName(byte[] b, int from, int to, int major) {
        if (major < 49) {
            return isIdentifier(b, from, to, true);
        }
        if (from >= to) {
            return false;
        }
        boolean afterSlash = true; // at the start as after a slash: no segment may be empty
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = ModifiedUtf8.word(b, i);
            if ((equal(word, DOTS) | equal(word, SEMICOLONS) | equal(word, BRACKETS)) != 0) {
                return false;
            }
            long slashes = equal(word, SLASHES);
            if (slashes != 0) {
                // two adjacent slashes in the word, or one first in it right after one last in the word before
                if ((slashes & slashes >>> 8) != 0 || (afterSlash && (slashes & 0x80) != 0)) {
                    return false;
                }
            }
            afterSlash = slashes < 0; // the last byte (the highest) is a slash
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '/') {
                if (afterSlash) {
                    return false;
                }
                afterSlash = true;
            } else if (c == '.' || c == ';' || c == '[') {
                return false;
            } else {
                afterSlash = false;
            }
        }
        return !afterSlash;
    }

    static boolean isFieldDescriptor(byte[] b, int from, int to, int major) {
        return fieldDescriptorEnd(b, from, to, major) == to;
    }

    /**
     * The number of argument slots of the method descriptor ({@code long}/{@code double} count two), or -1
     * when it is malformed, or when {@code voidReturn} and it returns anything but {@code void}.
     */
    static int methodArgumentSlots(byte[] b, int from, int to, boolean voidReturn, int major) {
        if (from >= to || b[from] != '(') {
            return -1;
        }
        int i = from + 1;
        int slots = 0;
        while (i < to && b[i] != ')') {
            byte c = b[i];
            int end = fieldDescriptorEnd(b, i, to, major);
            if (end < 0) {
                return -1;
            }
            slots += c == 'J' || c == 'D' ? 2 : 1;
            i = end;
        }
        if (i >= to) {
            return -1;
        }
        i++;
        if (i < to && b[i] == 'V') {
            return i + 1 == to ? slots : -1;
        }
        return !voidReturn && fieldDescriptorEnd(b, i, to, major) == to ? slots : -1;
    }

    /** Where the field descriptor starting at {@code at} ends (at most {@code to}), or -1 when there is none there. */
    private static int fieldDescriptorEnd(byte[] b, int at, int to, int major) {
        int i = at;
        while (i < to && b[i] == '[') {
            i++;
        }
        if (i - at > MAX_DIMENSIONS || i >= to) {
            return -1;
        }
        switch (b[i]) {
            case 'B': case 'C': case 'D': case 'F': case 'I': case 'J': case 'S': case 'Z':
                return i + 1;
            case 'L': {
                if (major >= 49) {
                    int semicolon = internalNameBeforeSemicolon(b, i + 1, to);
                    return semicolon >= 0 ? semicolon + 1 : -1;
                }
                int semicolon = indexOfSemicolon(b, i + 1, to);
                return semicolon >= 0 && isInternalName(b, i + 1, semicolon, major) ? semicolon + 1 : -1;
            }
            default:
                return -1;
        }
    }

    /**
     * Where the first {@code ;} of {@code [from, to)} is, when the bytes before it are a legal internal class name
     * (the rule of {@link #isInternalName} from class file 49 on); -1 when there is no {@code ;} or the name before
     * it is not legal. One scan, eight bytes at a time, finds the end of the name and judges it: the flags of the
     * bytes from the {@code ;} on are masked off.
     */
    private static int internalNameBeforeSemicolon(byte[] b, int from, int to) {
        boolean afterSlash = true; // at the start as after a slash: no segment may be empty
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = ModifiedUtf8.word(b, i);
            long semicolons = equal(word, SEMICOLONS);
            long before = semicolons == 0 ? -1L : (semicolons & -semicolons) - 1; // the flags of the bytes before it
            if (((equal(word, DOTS) | equal(word, BRACKETS)) & before) != 0) {
                return -1;
            }
            long slashes = equal(word, SLASHES) & before;
            if (slashes != 0 && ((slashes & slashes >>> 8) != 0 || (afterSlash && (slashes & 0x80) != 0))) {
                return -1;
            }
            if (semicolons != 0) {
                int k = Long.numberOfTrailingZeros(semicolons) >>> 3; // the byte of the first ';'
                boolean lastIsSlash = k == 0 ? afterSlash : (slashes >>> (8 * k - 1) & 1) != 0;
                return lastIsSlash ? -1 : i + k;
            }
            afterSlash = slashes < 0; // the last byte (the highest) is a slash
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == ';') {
                return afterSlash ? -1 : i;
            }
            if (c == '/') {
                if (afterSlash) {
                    return -1;
                }
                afterSlash = true;
            } else if (c == '.' || c == '[') {
                return -1;
            } else {
                afterSlash = false;
            }
        }
        return -1;
    }

    /** Where the first {@code ;} of {@code [from, to)} is, -1 when there is none. */
    private static int indexOfSemicolon(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long semicolons = equal(ModifiedUtf8.word(b, i), SEMICOLONS);
            if (semicolons != 0) {
                return i + Long.numberOfTrailingZeros(semicolons) / 8; // the first byte is the lowest
            }
        }
        for (; i < to; i++) {
            if (b[i] == ';') {
                return i;
            }
        }
        return -1;
    }
}
