package io.importspy.internal.inspect;

import static io.importspy.internal.inspect.ClassFileFormat.CLASS;
import static io.importspy.internal.inspect.ClassFileFormat.DOUBLE;
import static io.importspy.internal.inspect.ClassFileFormat.DYNAMIC;
import static io.importspy.internal.inspect.ClassFileFormat.FLOAT;
import static io.importspy.internal.inspect.ClassFileFormat.INTEGER;
import static io.importspy.internal.inspect.ClassFileFormat.LONG;
import static io.importspy.internal.inspect.ClassFileFormat.METHOD_HANDLE;
import static io.importspy.internal.inspect.ClassFileFormat.METHOD_TYPE;
import static io.importspy.internal.inspect.ClassFileFormat.NAME_AND_TYPE;
import static io.importspy.internal.inspect.ClassFileFormat.STRING;
import static io.importspy.internal.inspect.ClassFileFormat.UTF8;

/**
 * The attributes of a class file: every header in bounds, and the layout of those the JVM reads when it
 * defines a class (ConstantValue, Code with its exception table, line and local variable tables, Exceptions,
 * Signature, SourceFile, InnerClasses, EnclosingMethod, BootstrapMethods, NestHost, NestMembers,
 * PermittedSubclasses, MethodParameters), with the duplicates the JVM refuses. Other attributes are skipped
 * by their length. An attribute's name is matched once per constant ({@link #kind}); which attributes a
 * member has is a bit set; error messages are built only when something fails.
 */
final class ClassFileAttributes {
    private static final int MAX_CODE = 65535;

    static final int OTHER = 0;
    static final int CONSTANT_VALUE = 1;
    static final int CODE = 2;
    static final int EXCEPTIONS = 3;
    static final int SIGNATURE = 4;
    static final int SYNTHETIC = 5;
    static final int DEPRECATED = 6;
    static final int METHOD_PARAMETERS = 7;
    static final int ANNOTATION_DEFAULT = 8;
    static final int VISIBLE_ANNOTATIONS = 9;
    static final int INVISIBLE_ANNOTATIONS = 10;
    static final int VISIBLE_PARAMETER_ANNOTATIONS = 11;
    static final int INVISIBLE_PARAMETER_ANNOTATIONS = 12;
    static final int VISIBLE_TYPE_ANNOTATIONS = 13;
    static final int INVISIBLE_TYPE_ANNOTATIONS = 14;
    static final int SOURCE_FILE = 15;
    static final int INNER_CLASSES = 16;
    static final int ENCLOSING_METHOD = 17;
    static final int BOOTSTRAP_METHODS = 18;
    static final int NEST_HOST = 19;
    static final int NEST_MEMBERS = 20;
    static final int PERMITTED_SUBCLASSES = 21;
    static final int RECORD = 22;
    static final int SOURCE_DEBUG_EXTENSION = 23;
    static final int LINE_NUMBER_TABLE = 24;
    static final int LOCAL_VARIABLE_TABLE = 25;
    static final int LOCAL_VARIABLE_TYPE_TABLE = 26;
    static final int STACK_MAP_TABLE = 27;

    /** The names of the kinds above, by kind. */
    private static final byte[][] NAMES = names("", "ConstantValue", "Code", "Exceptions", "Signature", "Synthetic",
            "Deprecated", "MethodParameters", "AnnotationDefault", "RuntimeVisibleAnnotations",
            "RuntimeInvisibleAnnotations", "RuntimeVisibleParameterAnnotations", "RuntimeInvisibleParameterAnnotations",
            "RuntimeVisibleTypeAnnotations", "RuntimeInvisibleTypeAnnotations", "SourceFile", "InnerClasses",
            "EnclosingMethod", "BootstrapMethods", "NestHost", "NestMembers", "PermittedSubclasses", "Record",
            "SourceDebugExtension", "LineNumberTable", "LocalVariableTable", "LocalVariableTypeTable", "StackMapTable");

    /** The kinds whose names have each length, so that a name is compared with the names of its length alone. */
    private static final int[][] BY_LENGTH = byLength();

    private ClassFileAttributes() {
    }

    private static int[][] byLength() {
        int longest = 0;
        for (byte[] name : NAMES) {
            longest = Math.max(longest, name.length);
        }
        int[][] kinds = new int[longest + 1][0];
        for (int k = 1; k < NAMES.length; k++) {
            int[] same = java.util.Arrays.copyOf(kinds[NAMES[k].length], kinds[NAMES[k].length].length + 1);
            same[same.length - 1] = k;
            kinds[NAMES[k].length] = same;
        }
        return kinds;
    }

    private static byte[][] names(String... names) {
        byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = names[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    /** The kind of attribute UTF-8 constant {@code name} names ({@link #OTHER} for the rest), matched once per constant. */
    static int kind(ClassFileFormat f, int name) {
        if (f.attributeKinds == null) {
            f.attributeKinds = new int[f.tags.length];
        }
        int known = f.attributeKinds[name];
        if (known != 0) {
            return known - 1;
        }
        int kind = OTHER;
        int from = f.start(name);
        int to = f.end(name);
        if (to - from < BY_LENGTH.length) {
            for (int k : BY_LENGTH[to - from]) {
                if (ClassFileFormat.equalsAscii(f.bytes, from, to, NAMES[k])) {
                    kind = k;
                    break;
                }
            }
        }
        f.attributeKinds[name] = kind + 1;
        return kind;
    }

    /** The name constant of the next attribute, read and checked; {@code of} says whose ("a class attribute name"). */
    private static int name(ClassFileFormat f) {
        int name = f.u2();
        if (!f.is(name, UTF8)) {
            throw f.wrongConstant(name, UTF8, f.ownerKind == null ? "a class attribute name"
                    : "an attribute name" + f.owner());
        }
        return name;
    }

    /** {@code seen} with {@code kind} added; an error when it was there already. */
    private static long once(ClassFileFormat f, long seen, int kind, int name) {
        if ((seen & 1L << kind) != 0) {
            throw f.error("more than one " + f.attribute(name));
        }
        return seen | 1L << kind;
    }

    static void ofField(ClassFileFormat f, int descriptor, boolean isStatic) {
        long seen = 0;
        for (int i = f.u2(); i > 0; i--) {
            int name = name(f);
            long length = f.u4();
            int end = end(f, length);
            int kind = kind(f, name);
            switch (kind) {
                case CONSTANT_VALUE -> {
                    if (isStatic) {
                        seen = once(f, seen, kind, name);
                        exactLength(f, length, 2, name);
                        constantValue(f, f.u2(), descriptor, name);
                    }
                }
                case SIGNATURE -> seen = signature(f, seen, length, name);
                case SYNTHETIC, DEPRECATED -> exactLength(f, length, 0, name);
                case VISIBLE_ANNOTATIONS, INVISIBLE_ANNOTATIONS, VISIBLE_TYPE_ANNOTATIONS, INVISIBLE_TYPE_ANNOTATIONS ->
                        seen = once(f, seen, kind, name);
                default -> {
                }
            }
            AnnotationNesting.check(f, kind, name, end - (int) length, end);
            f.at = end;
        }
    }

    private static void constantValue(ClassFileFormat f, int index, int descriptor, int name) {
        int from = f.start(descriptor);
        int to = f.end(descriptor);
        int expected;
        if (to - from == 1) {
            expected = switch (f.bytes[from]) {
                case 'J' -> LONG;
                case 'F' -> FLOAT;
                case 'D' -> DOUBLE;
                case 'B', 'C', 'I', 'S', 'Z' -> INTEGER;
                default -> -1;
            };
        } else {
            expected = f.equalsAscii(descriptor, STRING_DESCRIPTOR) ? STRING : -1;
        }
        if (expected < 0) {
            throw f.error(f.attribute(name) + " gives a constant to a field of type " + f.text(descriptor));
        }
        if (!f.is(index, expected)) {
            throw f.wrongConstant(index, expected, f.attribute(name));
        }
    }

    private static final byte[] STRING_DESCRIPTOR = "Ljava/lang/String;".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static void ofMethod(ClassFileFormat f, boolean codeExpected, int arguments) {
        long seen = 0;
        for (int i = f.u2(); i > 0; i--) {
            int name = name(f);
            long length = f.u4();
            int end = end(f, length);
            int kind = kind(f, name);
            switch (kind) {
                case CODE -> {
                    seen = once(f, seen, kind, name);
                    if (!codeExpected) {
                        throw f.error("abstract or native method " + f.text(f.ownerName) + " has a Code attribute");
                    }
                    code(f, end, arguments, name);
                }
                case EXCEPTIONS -> {
                    seen = once(f, seen, kind, name);
                    int count = f.u2();
                    exactLength(f, length, 2 + 2L * count, name);
                    for (int k = 0; k < count; k++) {
                        int type = f.u2();
                        if (!f.is(type, CLASS)) {
                            throw f.wrongConstant(type, CLASS, "a class of the " + f.attribute(name));
                        }
                    }
                }
                case SIGNATURE -> seen = signature(f, seen, length, name);
                case SYNTHETIC, DEPRECATED -> exactLength(f, length, 0, name);
                case METHOD_PARAMETERS -> {
                    seen = once(f, seen, kind, name);
                    int count = f.u1();
                    exactLength(f, length, 1 + 4L * count, name);
                    for (int k = 0; k < count; k++) {
                        int parameter = f.u2();
                        if (parameter != 0 && !f.is(parameter, UTF8)) {
                            throw f.wrongConstant(parameter, UTF8, "a parameter name of the " + f.attribute(name));
                        }
                        f.u2();
                    }
                }
                case ANNOTATION_DEFAULT, VISIBLE_ANNOTATIONS, INVISIBLE_ANNOTATIONS, VISIBLE_PARAMETER_ANNOTATIONS,
                     INVISIBLE_PARAMETER_ANNOTATIONS, VISIBLE_TYPE_ANNOTATIONS, INVISIBLE_TYPE_ANNOTATIONS ->
                        seen = once(f, seen, kind, name);
                default -> {
                }
            }
            AnnotationNesting.check(f, kind, name, end - (int) length, end);
            f.at = end;
        }
        if (codeExpected && (seen & 1L << CODE) == 0) {
            throw f.error("method " + f.text(f.ownerName) + " is neither abstract nor native and has no Code attribute");
        }
    }

    /** The Code attribute {@code code} (its name constant) ending at {@code end}, read from after its length. */
    private static void code(ClassFileFormat f, int end, int arguments, int code) {
        f.u2(); // max_stack
        int maxLocals = f.u2();
        if (arguments > maxLocals) {
            throw f.error(f.attribute(code) + " has " + maxLocals + " local variable slots for " + arguments
                    + " argument slots");
        }
        long length = f.u4();
        if (length == 0 || length > MAX_CODE) {
            throw f.error(f.attribute(code) + " has " + length + " bytes of code (1 to 65535 allowed)");
        }
        f.skip(length);
        int handlers = f.u2();
        int table = f.at;
        f.skip(8L * handlers);
        for (int k = 0, at = table; k < handlers; k++, at += 8) {
            int start = f.u2(at);
            int stop = f.u2(at + 2);
            int handler = f.u2(at + 4);
            int type = f.u2(at + 6);
            if (start >= stop || stop > length || handler >= length) {
                throw f.error(f.attribute(code) + " has an exception handler outside its code");
            }
            if (type != 0 && !f.is(type, CLASS)) {
                throw f.wrongConstant(type, CLASS, "the caught type of an exception handler in the " + f.attribute(code));
            }
        }
        long seen = 0;
        Variables variables = new Variables();
        for (int k = f.u2(); k > 0; k--) {
            int name = f.u2();
            if (!f.is(name, UTF8)) {
                throw f.wrongConstant(name, UTF8, "an attribute name in the " + f.attribute(code));
            }
            long size = f.u4();
            int stop = end(f, size);
            if (stop > end) {
                throw f.error(f.text(name) + " in the " + f.attribute(code) + " runs past the end of the Code attribute");
            }
            int kind = kind(f, name);
            switch (kind) {
                case LINE_NUMBER_TABLE -> {
                    int count = f.u2();
                    exactLength(f, size, 2 + 4L * count, name, code);
                    // in bounds: the table is as long as its count says, and within the Code attribute
                    for (int n = 0, entry = f.at; n < count; n++, entry += 4) {
                        if (f.u2(entry) >= length) {
                            throw f.error(f.text(name) + " in the " + f.attribute(code) + " names a line of no instruction");
                        }
                    }
                }
                case LOCAL_VARIABLE_TABLE, LOCAL_VARIABLE_TYPE_TABLE -> variables.read(f, kind == LOCAL_VARIABLE_TABLE,
                        name, size, length, maxLocals, code);
                case STACK_MAP_TABLE -> {
                    if ((seen & 1L << kind) != 0) {
                        throw f.error("more than one " + f.text(name) + " in the " + f.attribute(code));
                    }
                    seen |= 1L << kind;
                }
                default -> {
                }
            }
            f.at = stop;
        }
        if (f.at != end) {
            throw f.error(f.attribute(code) + " has the wrong length");
        }
        variables.check(f, code);
    }

    /**
     * The entries of the local variable tables of one Code attribute, as keys (start, length, name constant, slot
     * in 16 bits each): none twice in a table, and every LocalVariableTypeTable entry matching a
     * LocalVariableTable entry. The keys are sorted, never hashed: no input can make the check slow.
     */
    private static final class Variables {
        private int tableSize;
        private int typeTableSize;

        void read(ClassFileFormat f, boolean table, int name, long size, long codeLength, int maxLocals, int code) {
            int count = f.u2();
            exactLength(f, size, 2 + 10L * count, name, code);
            long[] keys = table ? f.variables : f.variableTypes;
            int used = table ? tableSize : typeTableSize;
            if (keys.length < used + count) {
                keys = java.util.Arrays.copyOf(keys, Math.max(2 * keys.length, used + count));
                if (table) {
                    f.variables = keys;
                } else {
                    f.variableTypes = keys;
                }
            }
            // in bounds: the table is as long as its count says, and within the Code attribute
            for (int n = 0, entry = f.at; n < count; n++, entry += 10) {
                int start = f.u2(entry);
                int length = f.u2(entry + 2);
                int variable = f.u2(entry + 4);
                if (!f.is(variable, UTF8)) {
                    throw f.wrongConstant(variable, UTF8, "a variable name in the " + f.attribute(code));
                }
                int descriptor = f.u2(entry + 6);
                if (!f.is(descriptor, UTF8)) {
                    throw f.wrongConstant(descriptor, UTF8, "a variable descriptor in the " + f.attribute(code));
                }
                int slot = f.u2(entry + 8);
                if (start >= codeLength || start + length > codeLength) {
                    throw f.error(f.text(name) + " in the " + f.attribute(code) + " has a variable outside the code");
                }
                if (!f.legal(variable, ClassFileFormat.FIELD_NAME)) {
                    throw f.error(f.text(name) + " in the " + f.attribute(code) + " has illegal variable name '"
                            + f.text(variable) + "'");
                }
                int from = f.start(descriptor);
                boolean wide = f.end(descriptor) - from == 1 && (f.bytes[from] == 'J' || f.bytes[from] == 'D');
                if (table && !f.legal(descriptor, ClassFileFormat.FIELD_DESCRIPTOR)) {
                    throw f.error(f.text(name) + " in the " + f.attribute(code) + " has malformed descriptor '"
                            + f.text(descriptor) + "'");
                }
                if (slot + (wide ? 1 : 0) >= maxLocals) {
                    throw f.error(f.text(name) + " in the " + f.attribute(code) + " has a variable in slot " + slot
                            + " of " + maxLocals);
                }
                keys[used++] = (long) start << 48 | (long) length << 32 | (long) variable << 16 | slot;
            }
            if (table) {
                tableSize = used;
            } else {
                typeTableSize = used;
            }
        }

        void check(ClassFileFormat f, int code) {
            long twice = ClassFileFormat.firstRepeated(f.variables, tableSize);
            String table = "LocalVariableTable";
            if (twice < 0) {
                twice = ClassFileFormat.firstRepeated(f.variableTypes, typeTableSize);
                table = "LocalVariableTypeTable";
            }
            if (twice >= 0) {
                throw f.error("more than one entry for variable " + f.text((int) (twice >>> 16) & 0xFFFF) + " in the "
                        + table + " of the " + f.attribute(code));
            }
            for (int k = 0; k < typeTableSize; k++) {
                if (java.util.Arrays.binarySearch(f.variables, 0, tableSize, f.variableTypes[k]) < 0) {
                    throw f.error("a LocalVariableTypeTable entry in the " + f.attribute(code)
                            + " matches no LocalVariableTable entry");
                }
            }
        }
    }

    /** The class's attributes. */
    static void ofClass(ClassFileFormat f, int access) {
        long seen = 0;
        int bootstrapMethods = -1;
        for (int i = f.u2(); i > 0; i--) {
            int name = name(f);
            long length = f.u4();
            int end = end(f, length);
            int kind = kind(f, name);
            switch (kind) {
                case SOURCE_FILE -> {
                    seen = once(f, seen, kind, name);
                    exactLength(f, length, 2, name);
                    int file = f.u2();
                    if (!f.is(file, UTF8)) {
                        throw f.wrongConstant(file, UTF8, "the file of the " + f.attribute(name));
                    }
                }
                case INNER_CLASSES -> {
                    seen = once(f, seen, kind, name);
                    innerClasses(f, length, name);
                }
                case ENCLOSING_METHOD -> {
                    seen = once(f, seen, kind, name);
                    exactLength(f, length, 4, name);
                    int type = f.u2();
                    if (!f.is(type, CLASS)) {
                        throw f.wrongConstant(type, CLASS, "the class of the " + f.attribute(name));
                    }
                    int method = f.u2();
                    if (method != 0 && !f.is(method, NAME_AND_TYPE)) {
                        throw f.wrongConstant(method, NAME_AND_TYPE, "the method of the " + f.attribute(name));
                    }
                }
                case SIGNATURE -> seen = signature(f, seen, length, name);
                case SYNTHETIC, DEPRECATED -> exactLength(f, length, 0, name);
                case BOOTSTRAP_METHODS -> {
                    seen = once(f, seen, kind, name);
                    bootstrapMethods = bootstrapMethods(f, end, name);
                }
                case NEST_HOST -> {
                    seen = once(f, seen, kind, name);
                    exactLength(f, length, 2, name);
                    int host = f.u2();
                    if (!f.is(host, CLASS)) {
                        throw f.wrongConstant(host, CLASS, "the class of the " + f.attribute(name));
                    }
                }
                case NEST_MEMBERS, PERMITTED_SUBCLASSES -> {
                    seen = once(f, seen, kind, name);
                    if (kind == PERMITTED_SUBCLASSES && f.major >= 61 && (access & ClassFileFormat.ACC_FINAL) != 0) {
                        throw f.error("a final class has a PermittedSubclasses attribute");
                    }
                    int count = f.u2();
                    exactLength(f, length, 2 + 2L * count, name);
                    for (int k = 0; k < count; k++) {
                        int type = f.u2();
                        if (!f.is(type, CLASS)) {
                            throw f.wrongConstant(type, CLASS, "a class of the " + f.attribute(name));
                        }
                    }
                }
                case RECORD -> {
                    seen = once(f, seen, kind, name);
                    if (f.major >= 60) { // read by the JVM whatever the superclass; only isRecord() asks for Record
                        record(f, end, name);
                    }
                }
                case SOURCE_DEBUG_EXTENSION, VISIBLE_ANNOTATIONS, INVISIBLE_ANNOTATIONS, VISIBLE_TYPE_ANNOTATIONS,
                     INVISIBLE_TYPE_ANNOTATIONS -> seen = once(f, seen, kind, name);
                default -> {
                }
            }
            AnnotationNesting.check(f, kind, name, end - (int) length, end);
            f.at = end;
        }
        if ((seen & 1L << NEST_HOST) != 0 && (seen & 1L << NEST_MEMBERS) != 0) {
            throw f.error("both a NestHost and a NestMembers attribute");
        }
        if (f.hasBootstrapReferences && f.maxBootstrapIndex >= bootstrapMethods) {
            throw f.error(bootstrapMethods < 0 ? "dynamic constants without a BootstrapMethods attribute"
                    : "a dynamic constant names bootstrap method " + f.maxBootstrapIndex + " of " + bootstrapMethods);
        }
    }

    private static void record(ClassFileFormat f, int end, int record) {
        for (int k = f.u2(); k > 0; k--) {
            int component = f.u2();
            if (!f.is(component, UTF8)) {
                throw f.wrongConstant(component, UTF8, "a component name of the " + f.attribute(record));
            }
            int descriptor = f.u2();
            if (!f.is(descriptor, UTF8)) {
                throw f.wrongConstant(descriptor, UTF8, "the descriptor of record component " + f.text(component));
            }
            if (!f.legal(component, ClassFileFormat.FIELD_NAME) || !f.legal(descriptor, ClassFileFormat.FIELD_DESCRIPTOR)) {
                throw f.error("record component '" + f.text(component) + "' has an illegal name or descriptor '"
                        + f.text(descriptor) + "'");
            }
            f.ownerKind = "record component";
            f.ownerName = component;
            long seen = 0;
            for (int n = f.u2(); n > 0; n--) {
                int name = name(f);
                long length = f.u4();
                int stop = end(f, length);
                int kind = kind(f, name);
                switch (kind) {
                    case SIGNATURE -> seen = signature(f, seen, length, name);
                    case VISIBLE_ANNOTATIONS, INVISIBLE_ANNOTATIONS, VISIBLE_TYPE_ANNOTATIONS, INVISIBLE_TYPE_ANNOTATIONS ->
                            seen = once(f, seen, kind, name);
                    default -> {
                    }
                }
                AnnotationNesting.check(f, kind, name, stop - (int) length, stop);
                f.at = stop;
            }
            f.ownerKind = null;
        }
        if (f.at != end) {
            throw f.error(f.attribute(record) + " has the wrong length");
        }
    }

    private static void innerClasses(ClassFileFormat f, long length, int name) {
        int count = f.u2();
        exactLength(f, length, 2 + 8L * count, name);
        long[] entries = f.major >= 49 ? new long[count] : null;
        for (int k = 0; k < count; k++) {
            int inner = f.u2();
            int outer = f.u2();
            int innerName = f.u2();
            int flags = f.u2() & 0x763F; // the flags an inner class may have; the JVM ignores the others
            if (!f.is(inner, CLASS)) {
                throw f.wrongConstant(inner, CLASS, "an inner class of the " + f.attribute(name));
            }
            if (outer != 0) {
                if (!f.is(outer, CLASS)) {
                    throw f.wrongConstant(outer, CLASS, "an outer class of the " + f.attribute(name));
                }
                if (outer == inner) {
                    throw f.error(f.attribute(name) + " makes a class its own outer class");
                }
            }
            if (innerName != 0 && !f.is(innerName, UTF8)) {
                throw f.wrongConstant(innerName, UTF8, "an inner name of the " + f.attribute(name));
            }
            if (f.major < 50 && (flags & ClassFileFormat.ACC_INTERFACE) != 0) {
                flags |= ClassFileFormat.ACC_ABSTRACT;
            }
            ClassFileMembers.classModifiers(f, flags, k);
            if (entries != null) {
                entries[k] = (long) inner << 48 | (long) outer << 32 | (long) innerName << 16 | flags;
            }
        }
        if (entries != null && ClassFileFormat.firstRepeated(entries, count) >= 0) {
            throw f.error("more than one identical entry in the " + f.attribute(name));
        }
    }

    /** The number of bootstrap methods. */
    private static int bootstrapMethods(ClassFileFormat f, int end, int name) {
        int count = f.u2();
        for (int k = 0; k < count; k++) {
            int method = f.u2();
            if (!f.is(method, METHOD_HANDLE)) {
                throw f.wrongConstant(method, METHOD_HANDLE, "bootstrap method " + k);
            }
            for (int n = f.u2(); n > 0; n--) {
                int argument = f.u2();
                int tag = argument > 0 && argument < f.tags.length ? f.tags[argument] : 0;
                if (tag != INTEGER && tag != FLOAT && tag != LONG && tag != DOUBLE && tag != CLASS && tag != STRING
                        && tag != METHOD_HANDLE && tag != METHOD_TYPE && tag != DYNAMIC) {
                    throw f.error("an argument of bootstrap method " + k + " is constant #" + argument
                            + ", which is no loadable constant");
                }
            }
        }
        if (f.at != end) {
            throw f.error(f.attribute(name) + " has the wrong length");
        }
        return count;
    }

    private static long signature(ClassFileFormat f, long seen, long length, int name) {
        long now = once(f, seen, SIGNATURE, name);
        exactLength(f, length, 2, name);
        int signature = f.u2();
        if (!f.is(signature, UTF8)) {
            throw f.wrongConstant(signature, UTF8, "the signature of the " + f.attribute(name));
        }
        return now;
    }

    private static int end(ClassFileFormat f, long length) {
        int start = f.at;
        f.skip(length);
        f.at = start;
        return (int) (start + length);
    }

    /** Attribute {@code name} of the member being read is {@code expected} bytes long. */
    private static void exactLength(ClassFileFormat f, long length, long expected, int name) {
        if (length != expected) {
            throw f.error(f.attribute(name) + " is " + length + " bytes long, not " + expected);
        }
    }

    /** Attribute {@code name} inside Code attribute {@code code} is {@code expected} bytes long. */
    private static void exactLength(ClassFileFormat f, long length, long expected, int name, int code) {
        if (length != expected) {
            throw f.error(f.text(name) + " in the " + f.attribute(code) + " is " + length + " bytes long, not "
                    + expected);
        }
    }
}
