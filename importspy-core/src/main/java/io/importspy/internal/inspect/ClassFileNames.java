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
 * character. Only the identifiers of old class files are decoded, one character at a time.
 */
final class ClassFileNames {
    static final int MAX_DIMENSIONS = 255;

    private ClassFileNames() {
    }

    /** A field name, or a method name other than {@code <init>}/{@code <clinit>}: no {@code . ; [ /}. */
    static boolean isUnqualified(byte[] b, int from, int to, boolean method) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '.' || c == ';' || c == '[' || c == '/' || (method && (c == '<' || c == '>'))) {
                return false;
            }
        }
        return true;
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
        return ClassFileFormat.equalsAscii(b, from, to, ClassFileFormat.INIT)
                || ClassFileFormat.equalsAscii(b, from, to, ClassFileFormat.CLINIT);
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
        int segment = from;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '/') {
                if (i == segment) {
                    return false;
                }
                segment = i + 1;
            } else if (c == '.' || c == ';' || c == '[') {
                return false;
            }
        }
        return segment < to;
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
                int semicolon = i + 1;
                while (semicolon < to && b[semicolon] != ';') {
                    semicolon++;
                }
                return semicolon < to && isInternalName(b, i + 1, semicolon, major) ? semicolon + 1 : -1;
            }
            default:
                return -1;
        }
    }
}
