package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;

import java.util.HashSet;
import java.util.Set;

/**
 * The structural check the JVM makes when it defines a class (JVMS 4.1-4.8 format checking, as HotSpot does it
 * for classes of application loaders), made on the bytes before any of them is trusted: magic, version
 * (45 to {@value #NEWEST_MAJOR}, Java 25), the constant pool (tags, indices and the tags they point to,
 * modified UTF-8, legal names and descriptors), access flags, this/super/interfaces, every field, method and
 * attribute header with its length, the attributes whose layout the JVM reads at definition, and no byte
 * after the end. What the JVM's verifier checks later, at link time (the instructions inside a
 * {@code Code} attribute, stack map frames) is not checked.
 */
final class ClassFileFormat {
    static final int OLDEST_MAJOR = 45;
    static final int NEWEST_MAJOR = 69;

    static final int UTF8 = 1;
    static final int INTEGER = 3;
    static final int FLOAT = 4;
    static final int LONG = 5;
    static final int DOUBLE = 6;
    static final int CLASS = 7;
    static final int STRING = 8;
    static final int FIELDREF = 9;
    static final int METHODREF = 10;
    static final int INTERFACE_METHODREF = 11;
    static final int NAME_AND_TYPE = 12;
    static final int METHOD_HANDLE = 15;
    static final int METHOD_TYPE = 16;
    static final int DYNAMIC = 17;
    static final int INVOKE_DYNAMIC = 18;
    static final int MODULE = 19;
    static final int PACKAGE = 20;

    static final int ACC_PUBLIC = 0x0001;
    static final int ACC_PRIVATE = 0x0002;
    static final int ACC_PROTECTED = 0x0004;
    static final int ACC_STATIC = 0x0008;
    static final int ACC_FINAL = 0x0010;
    static final int ACC_SUPER = 0x0020;
    static final int ACC_VOLATILE = 0x0040;
    static final int ACC_BRIDGE = 0x0040;
    static final int ACC_TRANSIENT = 0x0080;
    static final int ACC_NATIVE = 0x0100;
    static final int ACC_INTERFACE = 0x0200;
    static final int ACC_ABSTRACT = 0x0400;
    static final int ACC_STRICT = 0x0800;
    static final int ACC_ANNOTATION = 0x2000;
    static final int ACC_ENUM = 0x4000;
    static final int ACC_MODULE = 0x8000;

    final byte[] bytes;
    final String where;
    int at;
    int major;
    int[] tags;
    int[] offsets;
    String[] utf8;
    boolean hasBootstrapReferences;
    int maxBootstrapIndex = -1;

    private ClassFileFormat(byte[] bytes, String where) {
        this.bytes = bytes;
        this.where = where;
    }

    /**
     * Checks {@code bytes} as the JVM would before defining the class.
     *
     * @param where how errors name the class file ({@code plugin.jar!a/B.class})
     * @throws InspectionException naming {@code where} and the first problem found
     */
    static void check(byte[] bytes, String where) {
        ClassFileFormat format = new ClassFileFormat(bytes, where);
        format.header();
        format.constantPool();
        ClassFileMembers.check(format);
        if (format.at != bytes.length) {
            throw format.error((bytes.length - format.at) + " bytes after the end of the class");
        }
    }

    private void header() {
        if (bytes.length < 10) {
            throw error("only " + bytes.length + " bytes");
        }
        int magic = (int) u4();
        if (magic != 0xCAFEBABE) {
            throw new InspectionException(String.format("%s: not a valid class file (bad magic 0x%08x)", where, magic));
        }
        int minor = u2();
        major = u2();
        if (major > NEWEST_MAJOR) {
            throw new InspectionException(where + ": class file version " + major + " (Java " + (major - 44)
                    + ") is newer than this version of ImportSpy can read; upgrade ImportSpy");
        }
        if (major < OLDEST_MAJOR) {
            throw error("class file version " + major + " is older than any Java (45 is Java 1.1)");
        }
        if (major >= 56 && minor == 0xFFFF) {
            throw error("class file " + major + ".65535 uses preview features of Java " + (major - 44)
                    + "; a JVM loads it only as that exact version with --enable-preview");
        }
        if (major >= 56 && minor != 0) {
            throw error("class file version " + major + "." + minor + ": from Java 12 on the minor version is 0"
                    + " (or 65535 for preview features)");
        }
    }

    private void constantPool() {
        int count = u2();
        if (count < 1) {
            throw error("constant pool size 0");
        }
        tags = new int[count];
        offsets = new int[count];
        utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = u1();
            tags[i] = tag;
            offsets[i] = at;
            switch (tag) {
                case UTF8 -> {
                    int length = u2();
                    skip(length);
                    int index = i;
                    utf8[i] = ModifiedUtf8.decode(bytes, at - length, length, major <= 47)
                            .orElseThrow(() -> error("constant #" + index + " is not valid modified UTF-8"));
                }
                case INTEGER, FLOAT -> skip(4);
                case LONG, DOUBLE -> {
                    skip(8);
                    if (++i >= count) {
                        throw error("constant #" + (i - 1) + " (8 bytes) is the last entry of the constant pool");
                    }
                }
                case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE -> skip(2);
                case FIELDREF, METHODREF, INTERFACE_METHODREF, NAME_AND_TYPE, DYNAMIC, INVOKE_DYNAMIC -> skip(4);
                case METHOD_HANDLE -> skip(3);
                default -> throw error("constant #" + i + " has unknown tag " + tag);
            }
            int since = tag == METHOD_HANDLE || tag == METHOD_TYPE || tag == INVOKE_DYNAMIC ? 51
                    : tag == DYNAMIC ? 55 : tag == MODULE || tag == PACKAGE ? 53 : 0;
            if (major < since) {
                throw error("constant #" + i + " has tag " + tag + ", which class file version " + major
                        + " does not support");
            }
        }
        for (int pass = 0; pass < 2; pass++) { // first the constants that refer to UTF-8 ones only
            for (int i = 1; i < count; i++) {
                boolean direct = tags[i] == CLASS || tags[i] == STRING || tags[i] == METHOD_TYPE
                        || tags[i] == NAME_AND_TYPE || tags[i] == MODULE || tags[i] == PACKAGE;
                if (direct == (pass == 0)) {
                    crossCheck(i);
                }
            }
        }
    }

    /** The references of constant {@code i}: in range, of the right tag, with legal names and descriptors. */
    private void crossCheck(int i) {
        int p = offsets[i];
        switch (tags[i]) {
            case CLASS -> {
                String name = utf8At(u2(p), "class name of constant #" + i);
                if (!ClassFileNames.isClassName(name, true, major)) {
                    throw error("constant #" + i + " names class '" + name + "', which is not a legal class name");
                }
            }
            case STRING -> utf8At(u2(p), "string of constant #" + i);
            case METHOD_TYPE -> {
                String descriptor = utf8At(u2(p), "descriptor of constant #" + i);
                if (ClassFileNames.methodArgumentSlots(descriptor, false, major) < 0) {
                    throw error("constant #" + i + " has malformed method descriptor '" + descriptor + "'");
                }
            }
            case FIELDREF, METHODREF, INTERFACE_METHODREF -> {
                expect(u2(p), CLASS, "class of constant #" + i);
                int nat = expect(u2(p + 2), NAME_AND_TYPE, "name and type of constant #" + i);
                String name = utf8[u2(offsets[nat])];
                String descriptor = utf8[u2(offsets[nat] + 2)];
                boolean field = tags[i] == FIELDREF;
                if (field == descriptor.startsWith("(")) {
                    throw error("constant #" + i + " refers to a " + (field ? "field" : "method") + " with descriptor '"
                            + descriptor + "'");
                }
                if (!field && name.startsWith("<") && (tags[i] == INTERFACE_METHODREF || !name.equals("<init>")
                        || !descriptor.endsWith("V"))) {
                    throw error("constant #" + i + " refers to method '" + name + "', which cannot be called so");
                }
            }
            case NAME_AND_TYPE -> {
                String name = utf8At(u2(p), "name of constant #" + i);
                String descriptor = utf8At(u2(p + 2), "descriptor of constant #" + i);
                boolean legal = descriptor.startsWith("(")
                        ? ClassFileNames.isMethodName(name, major) && ClassFileNames.methodArgumentSlots(descriptor,
                        name.startsWith("<"), major) >= 0
                        : ClassFileNames.isFieldName(name, major) && ClassFileNames.isFieldDescriptor(descriptor, major);
                if (!legal) {
                    throw error("constant #" + i + " has illegal name '" + name + "' or descriptor '" + descriptor + "'");
                }
            }
            case DYNAMIC, INVOKE_DYNAMIC -> {
                hasBootstrapReferences = true;
                maxBootstrapIndex = Math.max(maxBootstrapIndex, u2(p));
                int nat = expect(u2(p + 2), NAME_AND_TYPE, "name and type of constant #" + i);
                boolean method = utf8[u2(offsets[nat] + 2)].startsWith("(");
                if (method != (tags[i] == INVOKE_DYNAMIC)) {
                    throw error("constant #" + i + " has a " + (method ? "method" : "field") + " descriptor");
                }
            }
            case METHOD_HANDLE -> methodHandle(i, bytes[p] & 0xFF, u2(p + 1));
            case MODULE, PACKAGE -> utf8At(u2(p), "name of constant #" + i);
            default -> {
            }
        }
    }

    private void methodHandle(int i, int kind, int reference) {
        int[] allowed = switch (kind) {
            case 1, 2, 3, 4 -> new int[] {FIELDREF};
            case 5, 8 -> new int[] {METHODREF};
            case 6, 7 -> major >= 52 ? new int[] {METHODREF, INTERFACE_METHODREF} : new int[] {METHODREF};
            case 9 -> new int[] {INTERFACE_METHODREF};
            default -> throw error("constant #" + i + " is a method handle of unknown kind " + kind);
        };
        if (reference < 1 || reference >= tags.length || (tags[reference] != allowed[0]
                && (allowed.length == 1 || tags[reference] != allowed[1]))) {
            throw error("constant #" + i + " (method handle of kind " + kind + ") refers to constant #" + reference
                    + " of the wrong kind");
        }
        if (kind >= 5) {
            int nat = expect(u2(offsets[reference] + 2), NAME_AND_TYPE, "name and type of constant #" + reference);
            String name = utf8[u2(offsets[nat])];
            if ((kind == 8) != name.equals("<init>") || (kind != 8 && name.startsWith("<"))) {
                throw error("constant #" + i + " (method handle of kind " + kind + ") refers to method '" + name + "'");
            }
        }
    }

    /** Constant {@code index} when it has tag {@code tag}; else an error naming {@code what}. */
    int expect(int index, int tag, String what) {
        if (index < 1 || index >= tags.length || tags[index] != tag) {
            throw error(what + " is constant #" + index + ", which " + (index < 1 || index >= tags.length
                    ? "does not exist (the pool has " + (tags.length - 1) + ")" : "has tag " + tags[index]
                    + ", not " + tag));
        }
        return index;
    }

    String utf8At(int index, String what) {
        return utf8[expect(index, UTF8, what)];
    }

    /** The internal name of Class constant {@code index}. */
    String className(int index, String what) {
        return utf8[u2(offsets[expect(index, CLASS, what)])];
    }

    int u1() {
        need(1);
        return bytes[at++] & 0xFF;
    }

    int u2() {
        need(2);
        int value = (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
        at += 2;
        return value;
    }

    long u4() {
        need(4);
        long value = (long) (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
                | bytes[at + 3] & 0xFF;
        at += 4;
        return value;
    }

    int u2(int position) {
        return (bytes[position] & 0xFF) << 8 | bytes[position + 1] & 0xFF;
    }

    void skip(long length) {
        need(length);
        at += (int) length;
    }

    private void need(long length) {
        if (at + length > bytes.length) {
            throw error("truncated: " + length + " bytes needed at offset " + at + " of " + bytes.length);
        }
    }

    /** Fails with {@code what} when {@code seen} already holds {@code key}. */
    void once(Set<String> seen, String key, String what) {
        if (!seen.add(key)) {
            throw error("more than one " + what);
        }
    }

    static Set<String> seen() {
        return new HashSet<>();
    }

    InspectionException error(String reason) {
        return new InspectionException(where + ": not a valid class file (" + printable(reason) + ")");
    }

    /** {@code text} with control characters and lone surrogates escaped, so that an error stays one line. */
    static String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean surrogate = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)));
            boolean low = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (Character.isISOControl(c) || (surrogate && !low)) {
                if (out == null) {
                    out = new StringBuilder(text.substring(0, i));
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
