package io.importspy.internal.inspect;

/**
 * The legality rules of JVMS 4.2 and 4.3 for names and descriptors in a class file, as the JVM checks them
 * when it defines a class: unqualified names, internal class names, field and method descriptors. Class files
 * older than version 49 (Java 5) are held to the older rule the JVM keeps for them: names are Java
 * identifiers.
 */
final class ClassFileNames {
    static final int MAX_DIMENSIONS = 255;

    private ClassFileNames() {
    }

    /** A field name, or a method name other than {@code <init>}/{@code <clinit>}: no {@code . ; [ /}. */
    static boolean isUnqualified(String name, boolean method) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' || c == ';' || c == '[' || c == '/' || (method && (c == '<' || c == '>'))) {
                return false;
            }
        }
        return true;
    }

    static boolean isFieldName(String name, int major) {
        return major < 49 ? isIdentifier(name, 0, name.length(), false) : isUnqualified(name, false);
    }

    static boolean isMethodName(String name, int major) {
        return name.equals("<init>") || name.equals("<clinit>")
                || (major < 49 ? isIdentifier(name, 0, name.length(), false) : isUnqualified(name, true));
    }

    /** An internal class name ({@code a/b/C}), or an array descriptor where the JVM allows one. */
    static boolean isClassName(String name, boolean arrayAllowed, int major) {
        if (name.startsWith("[")) {
            return arrayAllowed && fieldDescriptorEnd(name, 0, major) == name.length();
        }
        return isInternalName(name, 0, name.length(), major);
    }

    /**
     * Java identifiers, separated by single slashes when {@code slashes}: the rule before class file 49 (ASCII
     * letters, digits after the first character, {@code _} and {@code $}; beyond ASCII, what Java allows).
     */
    private static boolean isIdentifier(String text, int from, int to, boolean slashes) {
        boolean first = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (slashes && c == '/') {
                if (first || i + 1 == to || text.charAt(i + 1) == '/') {
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

    private static boolean isInternalName(String text, int from, int to, int major) {
        if (major < 49) {
            return isIdentifier(text, from, to, true);
        }
        if (from >= to) {
            return false;
        }
        int segment = from;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
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

    static boolean isFieldDescriptor(String descriptor, int major) {
        return fieldDescriptorEnd(descriptor, 0, major) == descriptor.length();
    }

    /**
     * The number of argument slots of method descriptor {@code descriptor} ({@code long}/{@code double} count
     * two), or -1 when it is malformed, or when {@code voidReturn} and it returns anything but {@code void}.
     */
    static int methodArgumentSlots(String descriptor, boolean voidReturn, int major) {
        if (!descriptor.startsWith("(")) {
            return -1;
        }
        int i = 1;
        int slots = 0;
        while (i < descriptor.length() && descriptor.charAt(i) != ')') {
            char c = descriptor.charAt(i);
            int end = fieldDescriptorEnd(descriptor, i, major);
            if (end < 0) {
                return -1;
            }
            slots += c == 'J' || c == 'D' ? 2 : 1;
            i = end;
        }
        if (i >= descriptor.length()) {
            return -1;
        }
        i++;
        if (i < descriptor.length() && descriptor.charAt(i) == 'V') {
            return i + 1 == descriptor.length() ? slots : -1;
        }
        return !voidReturn && fieldDescriptorEnd(descriptor, i, major) == descriptor.length() ? slots : -1;
    }

    /** Where the field descriptor starting at {@code at} ends, or -1 when there is none there. */
    private static int fieldDescriptorEnd(String text, int at, int major) {
        int i = at;
        while (i < text.length() && text.charAt(i) == '[') {
            i++;
        }
        if (i - at > MAX_DIMENSIONS || i >= text.length()) {
            return -1;
        }
        switch (text.charAt(i)) {
            case 'B': case 'C': case 'D': case 'F': case 'I': case 'J': case 'S': case 'Z':
                return i + 1;
            case 'L': {
                int semicolon = text.indexOf(';', i);
                return semicolon > 0 && isInternalName(text, i + 1, semicolon, major) ? semicolon + 1 : -1;
            }
            default:
                return -1;
        }
    }
}
