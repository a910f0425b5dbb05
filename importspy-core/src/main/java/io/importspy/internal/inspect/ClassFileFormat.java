package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;


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

    static final byte[] INIT = ascii("<init>");
    static final byte[] CLINIT = ascii("<clinit>");
    static final byte[] OBJECT = ascii("java/lang/Object");
    static final byte[] RECORD = ascii("java/lang/Record");

    final byte[] bytes;
    final String where;
    int at;
    int major;
    /** Where the class's access flags are, after the constant pool. */
    int header;
    /** Per constant: its tag, and the offset of what follows the tag (for UTF-8, its length). */
    int[] tags;
    int[] offsets;
    /** Per UTF-8 constant, where its bytes end. */
    private int[] ends;
    /** Per UTF-8 constant, the attribute it names, once asked ({@link ClassFileAttributes#kind}); 0 unknown. */
    int[] attributeKinds;
    /** Per UTF-8 constant, the roles it was judged in (bit 2k) and the verdicts (bit 2k + 1); see {@link #legal}. */
    private byte[] judged;
    /** Per UTF-8 constant judged as a method descriptor, its argument slots plus 2 (1: malformed; 0: not judged). */
    private int[] slots;
    boolean hasBootstrapReferences;
    int maxBootstrapIndex = -1;
    /** The class (this_class's name), and the member whose attributes are read, for error messages only. */
    int thisName;
    /** The UTF-8 constant of the superclass's name; 0 when there is none. */
    int superName;
    String ownerKind;
    int ownerName;
    /** Keys of the local variable tables of one Code attribute, reused from one to the next. */
    long[] variables = new long[16];
    long[] variableTypes = new long[16];

    private ClassFileFormat(byte[] bytes, String where) {
        this.bytes = bytes;
        this.where = where;
    }

    /**
     * Checks {@code bytes} as the JVM would before defining the class. One pass over the bytes, which builds
     * no string unless it fails: names and descriptors are judged on their modified UTF-8 bytes.
     *
     * @param where how errors name the class file ({@code plugin.jar!a/B.class})
     * @return the checked class file, whose constant pool ({@link #tags}, {@link #offsets}) and header offset
     *         other readers of the bytes may use without parsing them again
     * @throws InspectionException naming {@code where} and the first problem found
     */
    static ClassFileFormat check(byte[] bytes, String where) {
        ClassFileFormat format = new ClassFileFormat(bytes, where);
        format.header();
        format.constantPool();
        format.header = format.at;
        ClassFileMembers.check(format);
        if (format.at != bytes.length) {
            throw format.error((bytes.length - format.at) + " bytes after the end of the class");
        }
        return format;
    }

    /**
     * Checks the head of a class file as far as a reader of the class's header takes it, as {@link #check} checks
     * those parts: magic, version, the layout of the constant pool (every tag known and of a version that has it,
     * every constant within the bytes), the class's flags, this_class, super_class and interfaces, the Class
     * constants they name and those constants' names (modified UTF-8, legal class names). {@code head} holds the
     * class file's bytes up to the end of its interfaces (the rest was not read, and is not judged). The other
     * constants are laid out (a reader may compare their bytes) but not judged: a reader that takes anything more
     * of the class reads it whole, through {@link #check}, so that a class file is refused wherever it is read.
     *
     * @return the checked head, whose {@link #header} offset points to the class's flags
     * @throws InspectionException naming {@code where} and the first problem found in what the head's reader takes
     */
    static ClassFileFormat checkHead(byte[] head, String where) {
        ClassFileFormat format = new ClassFileFormat(head, where);
        format.header();
        format.layOutConstantPool();
        format.header = format.at;
        format.judgeHeaderNames();
        ClassFileMembers.head(format);
        return format;
    }

    /** The constant pool's layout ({@link #tags}, {@link #offsets}), its tags and bounds checked, no constant judged. */
    private void layOutConstantPool() {
        int count = u2();
        if (count < 1) {
            throw error("constant pool size 0");
        }
        tags = new int[count];
        offsets = new int[count];
        ends = new int[count];
        judged = new byte[count];
        int p = at;
        for (int i = 1; i < count; i++) {
            p = skip(p, 1);
            int tag = bytes[p - 1] & 0xFF;
            tags[i] = tag;
            offsets[i] = p;
            switch (tag) {
                case UTF8 -> {
                    p = skip(p, 2);
                    p = skip(p, u2(p - 2));
                    ends[i] = p;
                }
                case INTEGER, FLOAT -> p = skip(p, 4);
                case LONG, DOUBLE -> {
                    p = skip(p, 8);
                    if (++i >= count) {
                        throw error("constant #" + (i - 1) + " (8 bytes) is the last entry of the constant pool");
                    }
                }
                case CLASS, STRING -> p = skip(p, 2);
                case NAME_AND_TYPE, FIELDREF, METHODREF, INTERFACE_METHODREF -> p = skip(p, 4);
                case METHOD_TYPE -> {
                    p = skip(p, 2);
                    since(i, tag, 51);
                }
                case MODULE, PACKAGE -> {
                    p = skip(p, 2);
                    since(i, tag, 53);
                }
                case METHOD_HANDLE -> {
                    p = skip(p, 3);
                    since(i, tag, 51);
                }
                case DYNAMIC, INVOKE_DYNAMIC -> {
                    p = skip(p, 4);
                    since(i, tag, tag == DYNAMIC ? 55 : 51);
                }
                default -> throw error("constant #" + i + " has unknown tag " + tag);
            }
        }
        at = p;
    }

    /**
     * Judges, after {@link #layOutConstantPool}, the Class constants that this_class, super_class and the
     * interfaces name, and their names, as the whole pool's check judges them; a reference to a constant that
     * is not a Class is left to {@link ClassFileMembers#head}, which tells it as {@link #check} does.
     */
    private void judgeHeaderNames() {
        int p = header + 2;
        if (p + 6 > bytes.length) {
            return; // ClassFileMembers.head tells the head cut short
        }
        judgeClassConstant(u2(p));
        judgeClassConstant(u2(p + 2));
        int count = u2(p + 4);
        for (int i = 0; i < count && p + 8 + 2 * i <= bytes.length; i++) {
            judgeClassConstant(u2(p + 6 + 2 * i));
        }
    }

    private void judgeClassConstant(int index) {
        if (!is(index, CLASS)) {
            return;
        }
        int name = u2(offsets[index]);
        if (is(name, UTF8)) {
            int from = start(name);
            int text = ModifiedUtf8.judge(bytes, from, end(name) - from, major <= 47);
            if (text == ModifiedUtf8.ILLEGAL) {
                throw error("constant #" + name + " is not valid modified UTF-8");
            }
            if (text == ModifiedUtf8.WIDE) {
                if (wide == null) {
                    wide = new boolean[tags.length];
                }
                wide[name] = true;
            }
        }
        crossCheck(index);
    }

    /** Per constant, its text once {@link #utf8} made it. */
    private String[] texts;
    /** Per UTF-8 constant, whether it holds other characters than ASCII; null while none does. */
    private boolean[] wide;

    /**
     * The text of UTF-8 constant {@code index} (checked to be one), made once per class file however often it
     * is asked for; null for index 0.
     */
    String utf8(int index) {
        if (index == 0) {
            return null;
        }
        if (texts == null) {
            texts = new String[tags.length];
        }
        String text = texts[index];
        if (text == null) {
            int from = start(index);
            int to = end(index);
            text = wide == null || !wide[index]
                    ? new String(bytes, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1) // ASCII: its bytes
                    : ModifiedUtf8.decode(bytes, from, to - from);
            texts[index] = text;
        }
        return text;
    }

    /**
     * The name this class declares ({@code this_class}), as it is, unescaped: the text {@link #utf8} makes of it,
     * which the readers of the class then take without making it again.
     */
    String declaredName() {
        return utf8(thisName);
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
        ends = new int[count];
        judged = new byte[count];
        boolean old = major <= 47;
        // the constants to cross-check: those that refer to UTF-8 constants only from the start, then (from the
        // end) those that refer to them, so that each is checked after what it refers to, in the order of the pool
        int[] order = new int[count];
        int direct = 0;
        int referring = 0;
        int p = at; // the cursor, in a local through this loop (the longest of the check)
        for (int i = 1; i < count; i++) {
            p = skip(p, 1);
            int tag = bytes[p - 1] & 0xFF;
            tags[i] = tag;
            offsets[i] = p;
            switch (tag) {
                case UTF8 -> {
                    p = skip(p, 2);
                    int length = u2(p - 2);
                    p = skip(p, length);
                    ends[i] = p;
                    int text = ModifiedUtf8.judge(bytes, p - length, length, old);
                    if (text == ModifiedUtf8.ILLEGAL) {
                        throw error("constant #" + i + " is not valid modified UTF-8");
                    }
                    if (text == ModifiedUtf8.WIDE) {
                        if (wide == null) {
                            wide = new boolean[count];
                        }
                        wide[i] = true;
                    }
                }
                case INTEGER, FLOAT -> p = skip(p, 4);
                case LONG, DOUBLE -> {
                    p = skip(p, 8);
                    if (++i >= count) {
                        throw error("constant #" + (i - 1) + " (8 bytes) is the last entry of the constant pool");
                    }
                }
                case CLASS, STRING -> {
                    p = skip(p, 2);
                    order[direct++] = i;
                }
                case NAME_AND_TYPE -> {
                    p = skip(p, 4);
                    order[direct++] = i;
                }
                case METHOD_TYPE -> {
                    p = skip(p, 2);
                    since(i, tag, 51);
                    order[direct++] = i;
                }
                case MODULE, PACKAGE -> {
                    p = skip(p, 2);
                    since(i, tag, 53);
                    order[direct++] = i;
                }
                case FIELDREF, METHODREF, INTERFACE_METHODREF -> {
                    p = skip(p, 4);
                    order[count - 1 - referring++] = i;
                }
                case METHOD_HANDLE -> {
                    p = skip(p, 3);
                    since(i, tag, 51);
                    order[count - 1 - referring++] = i;
                }
                case DYNAMIC, INVOKE_DYNAMIC -> {
                    p = skip(p, 4);
                    since(i, tag, tag == DYNAMIC ? 55 : 51);
                    order[count - 1 - referring++] = i;
                }
                default -> throw error("constant #" + i + " has unknown tag " + tag);
            }
        }
        at = p;
        for (int k = 0; k < direct; k++) {
            crossCheck(order[k]);
        }
        for (int k = 0; k < referring; k++) {
            crossCheck(order[count - 1 - k]);
        }
    }

    /** Constant {@code i} has a tag that class files exist for from version {@code major} on. */
    private void since(int i, int tag, int major) {
        if (this.major < major) {
            throw error("constant #" + i + " has tag " + tag + ", which class file version " + this.major
                    + " does not support");
        }
    }

    /** The references of constant {@code i}: in range, of the right tag, with legal names and descriptors. */
    private void crossCheck(int i) {
        int p = offsets[i];
        switch (tags[i]) {
            case CLASS -> {
                int name = u2(p);
                if (!is(name, UTF8)) {
                    throw wrongConstant(name, UTF8, "class name of constant #" + i);
                }
                if (!legal(name, CLASS_NAME)) {
                    throw error("constant #" + i + " names class '" + text(name) + "', which is not a legal class name");
                }
            }
            case STRING, MODULE, PACKAGE -> {
                int text = u2(p);
                if (!is(text, UTF8)) {
                    throw wrongConstant(text, UTF8, (tags[i] == STRING ? "string" : "name") + " of constant #" + i);
                }
            }
            case METHOD_TYPE -> {
                int descriptor = u2(p);
                if (!is(descriptor, UTF8)) {
                    throw wrongConstant(descriptor, UTF8, "descriptor of constant #" + i);
                }
                if (methodSlots(descriptor) < 0) {
                    throw error("constant #" + i + " has malformed method descriptor '" + text(descriptor) + "'");
                }
            }
            case FIELDREF, METHODREF, INTERFACE_METHODREF -> {
                int owner = u2(p);
                if (!is(owner, CLASS)) {
                    throw wrongConstant(owner, CLASS, "class of constant #" + i);
                }
                int nat = u2(p + 2);
                if (!is(nat, NAME_AND_TYPE)) {
                    throw wrongConstant(nat, NAME_AND_TYPE, "name and type of constant #" + i);
                }
                int name = u2(offsets[nat]);
                int descriptor = u2(offsets[nat] + 2);
                boolean field = tags[i] == FIELDREF;
                if (field == startsWith(descriptor, '(')) {
                    throw error("constant #" + i + " refers to a " + (field ? "field" : "method") + " with descriptor '"
                            + text(descriptor) + "'");
                }
                if (!field && startsWith(name, '<') && (tags[i] == INTERFACE_METHODREF || !equalsAscii(name, INIT)
                        || !endsWith(descriptor, 'V'))) {
                    throw error("constant #" + i + " refers to method '" + text(name) + "', which cannot be called so");
                }
            }
            case NAME_AND_TYPE -> {
                int name = u2(p);
                if (!is(name, UTF8)) {
                    throw wrongConstant(name, UTF8, "name of constant #" + i);
                }
                int descriptor = u2(p + 2);
                if (!is(descriptor, UTF8)) {
                    throw wrongConstant(descriptor, UTF8, "descriptor of constant #" + i);
                }
                boolean legal = startsWith(descriptor, '(')
                        ? legal(name, METHOD_NAME) && methodSlots(descriptor) >= 0
                        && (!startsWith(name, '<') || endsWith(descriptor, 'V'))
                        : legal(name, FIELD_NAME) && legal(descriptor, FIELD_DESCRIPTOR);
                if (!legal) {
                    throw error("constant #" + i + " has illegal name '" + text(name) + "' or descriptor '"
                            + text(descriptor) + "'");
                }
            }
            case DYNAMIC, INVOKE_DYNAMIC -> {
                hasBootstrapReferences = true;
                maxBootstrapIndex = Math.max(maxBootstrapIndex, u2(p));
                int nat = u2(p + 2);
                if (!is(nat, NAME_AND_TYPE)) {
                    throw wrongConstant(nat, NAME_AND_TYPE, "name and type of constant #" + i);
                }
                boolean method = startsWith(u2(offsets[nat] + 2), '(');
                if (method != (tags[i] == INVOKE_DYNAMIC)) {
                    throw error("constant #" + i + " has a " + (method ? "method" : "field") + " descriptor");
                }
            }
            case METHOD_HANDLE -> methodHandle(i, bytes[p] & 0xFF, u2(p + 1));
            default -> {
            }
        }
    }

    private void methodHandle(int i, int kind, int reference) {
        int allowed;
        int alsoAllowed = -1;
        switch (kind) {
            case 1, 2, 3, 4 -> allowed = FIELDREF;
            case 5, 8 -> allowed = METHODREF;
            case 6, 7 -> {
                allowed = METHODREF;
                alsoAllowed = major >= 52 ? INTERFACE_METHODREF : -1;
            }
            case 9 -> allowed = INTERFACE_METHODREF;
            default -> throw error("constant #" + i + " is a method handle of unknown kind " + kind);
        }
        if (reference < 1 || reference >= tags.length || (tags[reference] != allowed && tags[reference] != alsoAllowed)) {
            throw error("constant #" + i + " (method handle of kind " + kind + ") refers to constant #" + reference
                    + " of the wrong kind");
        }
        if (kind >= 5) {
            int nat = u2(offsets[reference] + 2);
            if (!is(nat, NAME_AND_TYPE)) {
                throw wrongConstant(nat, NAME_AND_TYPE, "name and type of constant #" + reference);
            }
            int name = u2(offsets[nat]);
            boolean init = equalsAscii(name, INIT);
            if ((kind == 8) != init || (kind != 8 && startsWith(name, '<'))) {
                throw error("constant #" + i + " (method handle of kind " + kind + ") refers to method '" + text(name)
                        + "'");
            }
        }
    }

    /** Roles a UTF-8 constant is judged in by {@link #legal}: the rules of {@link ClassFileNames}. */
    static final int CLASS_NAME = 0;
    static final int FIELD_NAME = 1;
    static final int METHOD_NAME = 2;
    static final int FIELD_DESCRIPTOR = 3;

    /**
     * Whether UTF-8 constant {@code utf8} is legal in {@code role}: judged once per constant and role, however
     * often the class uses it so (a descriptor shared by a method and the calls to it, a variable name).
     */
    boolean legal(int utf8, int role) {
        int bits = judged[utf8];
        if ((bits & 1 << 2 * role) != 0) {
            return (bits & 2 << 2 * role) != 0;
        }
        int from = start(utf8);
        int to = end(utf8);
        boolean legal = switch (role) {
            case CLASS_NAME -> ClassFileNames.isClassName(bytes, from, to, true, major);
            case FIELD_NAME -> ClassFileNames.isFieldName(bytes, from, to, major);
            case METHOD_NAME -> ClassFileNames.isMethodName(bytes, from, to, major);
            default -> ClassFileNames.isFieldDescriptor(bytes, from, to, major);
        };
        judged[utf8] = (byte) (bits | 1 << 2 * role | (legal ? 2 << 2 * role : 0));
        return legal;
    }

    /**
     * The argument slots of method descriptor {@code utf8}, -1 when it is malformed (judged once per constant).
     * Whether it returns {@code void} is {@code endsWith(utf8, 'V')}: no other legal return type ends so.
     */
    int methodSlots(int utf8) {
        if (slots == null) {
            slots = new int[tags.length];
        }
        int known = slots[utf8] - 2; // stored plus 2, so that 0 (as allocated) means not judged yet
        if (known == -2) {
            known = ClassFileNames.methodArgumentSlots(bytes, start(utf8), end(utf8), false, major);
            slots[utf8] = known + 2;
        }
        return known;
    }

    /** Whether constant {@code index} exists and has tag {@code tag}. */
    boolean is(int index, int tag) {
        return index >= 1 && index < tags.length && tags[index] == tag;
    }

    /** The error of a reference {@code what} to constant {@code index}, which lacks tag {@code tag}. */
    InspectionException wrongConstant(int index, int tag, String what) {
        return error(what + " is constant #" + index + ", which " + (index < 1 || index >= tags.length
                ? "does not exist (the pool has " + (tags.length - 1) + ")" : "has tag " + tags[index]
                + ", not " + tag));
    }

    /** Where the bytes of UTF-8 constant {@code utf8} begin. */
    int start(int utf8) {
        return offsets[utf8] + 2;
    }

    /** Where the bytes of UTF-8 constant {@code utf8} end. */
    int end(int utf8) {
        return ends[utf8];
    }

    /** The UTF-8 constant that Class constant {@code index} names (checked by the constant pool pass). */
    int classNameOf(int index) {
        return u2(offsets[index]);
    }

    boolean startsWith(int utf8, char c) {
        return end(utf8) > start(utf8) && bytes[start(utf8)] == c;
    }

    boolean endsWith(int utf8, char c) {
        return end(utf8) > start(utf8) && bytes[end(utf8) - 1] == c;
    }

    boolean equalsAscii(int utf8, byte[] ascii) {
        return equalsAscii(bytes, start(utf8), end(utf8), ascii);
    }

    static boolean equalsAscii(byte[] bytes, int from, int to, byte[] ascii) {
        return to - from == ascii.length && java.util.Arrays.equals(bytes, from, to, ascii, 0, ascii.length);
    }

    /** Whether UTF-8 constants {@code a} and {@code b} hold the same text. */
    boolean sameText(int a, int b) {
        return a == b || java.util.Arrays.equals(bytes, start(a), end(a), bytes, start(b), end(b));
    }

    /**
     * Whether UTF-8 constants {@code a} and {@code b} decode to the same text: byte for byte, but for the longer
     * forms of characters that class files before version 48 may use.
     */
    boolean sameDecodedText(int a, int b) {
        return sameText(a, b) || (major <= 47 && wide != null && (wide[a] || wide[b]) && utf8(a).equals(utf8(b)));
    }

    /**
     * A hash of the text of UTF-8 constant {@code utf8}, in constant time: its length and its first and last
     * eight bytes (texts that share them are told apart byte for byte by the callers).
     */
    int hash(int utf8) {
        int from = start(utf8);
        int to = end(utf8);
        int h = to - from;
        if (h >= 8) {
            long word = ModifiedUtf8.word(bytes, from) * 0x9E3779B97F4A7C15L + ModifiedUtf8.word(bytes, to - 8);
            return (int) (word ^ word >>> 32) * 31 + h;
        }
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    /** The text of UTF-8 constant {@code utf8}, printable on one line: for error messages. */
    String text(int utf8) {
        return printable(ModifiedUtf8.decode(bytes, start(utf8), end(utf8) - start(utf8)));
    }

    /** What errors call the member whose attributes are read: {@code " of field x"}, or nothing for the class. */
    String owner() {
        return ownerKind == null ? "" : " of " + ownerKind + " " + text(ownerName);
    }

    /** What errors call attribute {@code name} of the member being read: {@code "Code attribute of method run"}. */
    String attribute(int name) {
        return text(name) + " attribute" + owner();
    }

    /**
     * The first of {@code count} entries whose UTF-8 constants {@code first[k]} and (when not null)
     * {@code second[k]} hold the same texts as an earlier entry's, or -1 when there is none. The texts are
     * compared by hash first and byte for byte where hashes meet; should many entries share a hash (input
     * made to collide), they are compared as decoded strings in a hash set instead, which stays fast.
     */
    int firstDuplicate(int[] first, int[] second, int count) {
        if (count < 2) {
            return -1;
        }
        if (count <= PAIRWISE) {
            for (int later = 1; later < count; later++) {
                for (int earlier = 0; earlier < later; earlier++) {
                    if (sameText(first[earlier], first[later])
                            && (second == null || sameText(second[earlier], second[later]))) {
                        return later;
                    }
                }
            }
            return -1;
        }
        long[] keys = new long[count];
        for (int k = 0; k < count; k++) {
            int h = hash(first[k]) * 31 + (second == null ? 0 : hash(second[k]));
            keys[k] = (long) h << 32 | k;
        }
        sort(keys, count);
        int duplicate = Integer.MAX_VALUE;
        int run = 1;
        for (int k = 1; k < count; k++) {
            if (keys[k] >>> 32 != keys[k - 1] >>> 32) {
                run = 1;
                continue;
            }
            if (++run > 8) {
                return firstDuplicateByText(first, second, count);
            }
            int later = (int) keys[k];
            for (int j = k - run + 1; j < k; j++) {
                int earlier = (int) keys[j];
                if (sameText(first[earlier], first[later]) && (second == null || sameText(second[earlier], second[later]))) {
                    duplicate = Math.min(duplicate, later);
                }
            }
        }
        return duplicate == Integer.MAX_VALUE ? -1 : duplicate;
    }

    /** {@link #firstDuplicate} by decoded texts, numbered in a map of strings (which a hash flood cannot slow). */
    private int firstDuplicateByText(int[] first, int[] second, int count) {
        java.util.Map<String, Integer> numbers = new java.util.HashMap<>();
        long[] keys = new long[count];
        for (int k = 0; k < count; k++) {
            long name = number(numbers, first[k]);
            long type = second == null ? 0 : number(numbers, second[k]);
            keys[k] = (name << 20 | type) << 20 | k;
        }
        java.util.Arrays.sort(keys);
        int duplicate = Integer.MAX_VALUE;
        for (int k = 1; k < count; k++) {
            if (keys[k] >>> 20 == keys[k - 1] >>> 20) {
                duplicate = Math.min(duplicate, (int) (keys[k] & 0xFFFFF));
            }
        }
        return duplicate == Integer.MAX_VALUE ? -1 : duplicate;
    }

    private int number(java.util.Map<String, Integer> numbers, int utf8) {
        String text = ModifiedUtf8.decode(bytes, start(utf8), end(utf8) - start(utf8));
        Integer known = numbers.putIfAbsent(text, numbers.size());
        return known != null ? known : numbers.size() - 1;
    }

    /** Up to how many entries {@link #firstDuplicate} compares each with each rather than sorting their hashes. */
    private static final int PAIRWISE = 6;

    /** The first key of {@code keys[0, count)} that repeats, sorting them; -1 when none does. */
    static long firstRepeated(long[] keys, int count) {
        sort(keys, count);
        for (int k = 1; k < count; k++) {
            if (keys[k] == keys[k - 1]) {
                return keys[k];
            }
        }
        return -1;
    }

    /** Sorts {@code keys[0, count)}: the few keys of most tables by insertion, in place, without a call to the JDK's sort. */
    static void sort(long[] keys, int count) {
        if (count > 16) {
            java.util.Arrays.sort(keys, 0, count);
            return;
        }
        for (int k = 1; k < count; k++) {
            long key = keys[k];
            int j = k - 1;
            while (j >= 0 && keys[j] > key) {
                keys[j + 1] = keys[j];
                j--;
            }
            keys[j + 1] = key;
        }
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

    /** The position {@code length} bytes after {@code position}, which must not be past the end of the bytes. */
    private int skip(int position, int length) {
        if (position + (long) length > bytes.length) {
            at = position;
            need(length);
        }
        return position + length;
    }

    private void need(long length) {
        if (at + length > bytes.length) {
            throw error("truncated: " + length + " bytes needed at offset " + at + " of " + bytes.length);
        }
    }

    InspectionException error(String reason) {
        return new InspectionException(where + ": not a valid class file (" + printable(reason) + ")");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
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
