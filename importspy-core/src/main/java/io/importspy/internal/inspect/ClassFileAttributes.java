package io.importspy.internal.inspect;

import java.util.Set;

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
 * by their length.
 */
final class ClassFileAttributes {
    private static final int MAX_CODE = 65535;

    private ClassFileAttributes() {
    }

    static void ofField(ClassFileFormat f, String field, String descriptor, boolean isStatic) {
        Set<String> seen = ClassFileFormat.seen();
        for (int i = f.u2(); i > 0; i--) {
            String name = f.utf8At(f.u2(), "an attribute name of field " + field);
            long length = f.u4();
            int end = end(f, length);
            String what = name + " attribute of field " + field;
            switch (name) {
                case "ConstantValue" -> {
                    if (isStatic) {
                        f.once(seen, name, what);
                        exactLength(f, length, 2, what);
                        constantValue(f, f.u2(), descriptor, what);
                    }
                }
                case "Signature" -> signature(f, seen, length, what);
                case "Synthetic", "Deprecated" -> exactLength(f, length, 0, what);
                case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations", "RuntimeVisibleTypeAnnotations",
                     "RuntimeInvisibleTypeAnnotations" -> f.once(seen, name, what);
                default -> {
                }
            }
            AnnotationNesting.check(f, name, end - (int) length, end, what);
            f.at = end;
        }
    }

    private static void constantValue(ClassFileFormat f, int index, String descriptor, String what) {
        int expected = switch (descriptor) {
            case "J" -> LONG;
            case "F" -> FLOAT;
            case "D" -> DOUBLE;
            case "B", "C", "I", "S", "Z" -> INTEGER;
            case "Ljava/lang/String;" -> STRING;
            default -> throw f.error(what + " gives a constant to a field of type " + descriptor);
        };
        f.expect(index, expected, what);
    }

    static void ofMethod(ClassFileFormat f, String method, boolean codeExpected, int arguments) {
        Set<String> seen = ClassFileFormat.seen();
        for (int i = f.u2(); i > 0; i--) {
            String name = f.utf8At(f.u2(), "an attribute name of method " + method);
            long length = f.u4();
            int end = end(f, length);
            String what = name + " attribute of method " + method;
            switch (name) {
                case "Code" -> {
                    f.once(seen, name, what);
                    if (!codeExpected) {
                        throw f.error("abstract or native method " + method + " has a Code attribute");
                    }
                    code(f, end, arguments, what);
                }
                case "Exceptions" -> {
                    f.once(seen, name, what);
                    int count = f.u2();
                    exactLength(f, length, 2 + 2L * count, what);
                    for (int k = 0; k < count; k++) {
                        f.expect(f.u2(), CLASS, "a class of the " + what);
                    }
                }
                case "Signature" -> signature(f, seen, length, what);
                case "Synthetic", "Deprecated" -> exactLength(f, length, 0, what);
                case "MethodParameters" -> {
                    f.once(seen, name, what);
                    int count = f.u1();
                    exactLength(f, length, 1 + 4L * count, what);
                    for (int k = 0; k < count; k++) {
                        int parameter = f.u2();
                        if (parameter != 0) {
                            f.utf8At(parameter, "a parameter name of the " + what);
                        }
                        f.u2();
                    }
                }
                case "AnnotationDefault", "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations",
                     "RuntimeVisibleParameterAnnotations", "RuntimeInvisibleParameterAnnotations",
                     "RuntimeVisibleTypeAnnotations", "RuntimeInvisibleTypeAnnotations" -> f.once(seen, name, what);
                default -> {
                }
            }
            AnnotationNesting.check(f, name, end - (int) length, end, what);
            f.at = end;
        }
        if (codeExpected && !seen.contains("Code")) {
            throw f.error("method " + method + " is neither abstract nor native and has no Code attribute");
        }
    }

    private static void code(ClassFileFormat f, int end, int arguments, String what) {
        f.u2(); // max_stack
        int maxLocals = f.u2();
        if (arguments > maxLocals) {
            throw f.error(what + " has " + maxLocals + " local variable slots for " + arguments + " argument slots");
        }
        long length = f.u4();
        if (length == 0 || length > MAX_CODE) {
            throw f.error(what + " has " + length + " bytes of code (1 to 65535 allowed)");
        }
        f.skip(length);
        for (int k = f.u2(); k > 0; k--) {
            int start = f.u2();
            int stop = f.u2();
            int handler = f.u2();
            int type = f.u2();
            if (start >= stop || stop > length || handler >= length) {
                throw f.error(what + " has an exception handler outside its code");
            }
            if (type != 0) {
                f.expect(type, CLASS, "the caught type of an exception handler in the " + what);
            }
        }
        Set<String> once = ClassFileFormat.seen();
        Set<String> table = ClassFileFormat.seen();
        Set<String> typeTable = ClassFileFormat.seen();
        for (int k = f.u2(); k > 0; k--) {
            String name = f.utf8At(f.u2(), "an attribute name in the " + what);
            long size = f.u4();
            int stop = end(f, size);
            if (stop > end) {
                throw f.error(name + " in the " + what + " runs past the end of the Code attribute");
            }
            switch (name) {
                case "LineNumberTable" -> {
                    int count = f.u2();
                    exactLength(f, size, 2 + 4L * count, name + " in the " + what);
                    for (int n = 0; n < count; n++) {
                        if (f.u2() >= length) {
                            throw f.error(name + " in the " + what + " names a line of no instruction");
                        }
                        f.u2();
                    }
                }
                case "LocalVariableTable", "LocalVariableTypeTable" -> variables(f, name, size, length, maxLocals, what,
                        table, typeTable);
                case "StackMapTable" -> f.once(once, name, name + " in the " + what);
                default -> {
                }
            }
            f.at = stop;
        }
        if (f.at != end) {
            throw f.error(what + " has the wrong length");
        }
        for (String entry : typeTable) {
            if (!table.contains(entry)) {
                throw f.error("a LocalVariableTypeTable entry in the " + what + " matches no LocalVariableTable entry");
            }
        }
    }

    private static void variables(ClassFileFormat f, String name, long size, long codeLength, int maxLocals,
                                  String what, Set<String> table, Set<String> typeTable) {
        int count = f.u2();
        exactLength(f, size, 2 + 10L * count, name + " in the " + what);
        Set<String> seen = name.equals("LocalVariableTable") ? table : typeTable;
        for (int n = 0; n < count; n++) {
            int start = f.u2();
            int length = f.u2();
            String variable = f.utf8At(f.u2(), "a variable name in the " + what);
            String descriptor = f.utf8At(f.u2(), "a variable descriptor in the " + what);
            int slot = f.u2();
            int nameIndex = f.u2(f.at - 6);
            if (start >= codeLength || start + length > codeLength) {
                throw f.error(name + " in the " + what + " has a variable outside the code");
            }
            if (!ClassFileNames.isFieldName(variable, f.major)) {
                throw f.error(name + " in the " + what + " has illegal variable name '" + variable + "'");
            }
            boolean wide = descriptor.equals("J") || descriptor.equals("D");
            if (name.equals("LocalVariableTable") && !ClassFileNames.isFieldDescriptor(descriptor, f.major)) {
                throw f.error(name + " in the " + what + " has malformed descriptor '" + descriptor + "'");
            }
            if (slot + (wide ? 1 : 0) >= maxLocals) {
                throw f.error(name + " in the " + what + " has a variable in slot " + slot + " of " + maxLocals);
            }
            f.once(seen, start + " " + length + " " + nameIndex + " " + slot, "entry for variable " + variable
                    + " in the " + name + " of the " + what);
        }
    }

    static void ofClass(ClassFileFormat f, int access, String superName) {
        Set<String> seen = ClassFileFormat.seen();
        int bootstrapMethods = -1;
        for (int i = f.u2(); i > 0; i--) {
            String name = f.utf8At(f.u2(), "a class attribute name");
            long length = f.u4();
            int end = end(f, length);
            String what = name + " attribute";
            switch (name) {
                case "SourceFile" -> {
                    f.once(seen, name, what);
                    exactLength(f, length, 2, what);
                    f.utf8At(f.u2(), "the file of the " + what);
                }
                case "InnerClasses" -> innerClasses(f, seen, length, what);
                case "EnclosingMethod" -> {
                    f.once(seen, name, what);
                    exactLength(f, length, 4, what);
                    f.expect(f.u2(), CLASS, "the class of the " + what);
                    int method = f.u2();
                    if (method != 0) {
                        f.expect(method, NAME_AND_TYPE, "the method of the " + what);
                    }
                }
                case "Signature" -> signature(f, seen, length, what);
                case "Synthetic", "Deprecated" -> exactLength(f, length, 0, what);
                case "BootstrapMethods" -> {
                    f.once(seen, name, what);
                    bootstrapMethods = bootstrapMethods(f, end, what);
                }
                case "NestHost" -> {
                    f.once(seen, name, what);
                    exactLength(f, length, 2, what);
                    f.expect(f.u2(), CLASS, "the class of the " + what);
                }
                case "NestMembers", "PermittedSubclasses" -> {
                    f.once(seen, name, what);
                    if (name.equals("PermittedSubclasses") && f.major >= 61 && (access & ClassFileFormat.ACC_FINAL) != 0) {
                        throw f.error("a final class has a PermittedSubclasses attribute");
                    }
                    int count = f.u2();
                    exactLength(f, length, 2 + 2L * count, what);
                    for (int k = 0; k < count; k++) {
                        f.expect(f.u2(), CLASS, "a class of the " + what);
                    }
                }
                case "Record" -> {
                    f.once(seen, name, what);
                    if (f.major >= 60 && "java/lang/Record".equals(superName)) {
                        record(f, end, what);
                    }
                }
                case "SourceDebugExtension", "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations",
                     "RuntimeVisibleTypeAnnotations", "RuntimeInvisibleTypeAnnotations" -> f.once(seen, name, what);
                default -> {
                }
            }
            AnnotationNesting.check(f, name, end - (int) length, end, what);
            f.at = end;
        }
        if (seen.contains("NestHost") && seen.contains("NestMembers")) {
            throw f.error("both a NestHost and a NestMembers attribute");
        }
        if (f.hasBootstrapReferences && f.maxBootstrapIndex >= bootstrapMethods) {
            throw f.error(bootstrapMethods < 0 ? "dynamic constants without a BootstrapMethods attribute"
                    : "a dynamic constant names bootstrap method " + f.maxBootstrapIndex + " of " + bootstrapMethods);
        }
    }

    private static void record(ClassFileFormat f, int end, String what) {
        for (int k = f.u2(); k > 0; k--) {
            String component = f.utf8At(f.u2(), "a component name of the " + what);
            String descriptor = f.utf8At(f.u2(), "the descriptor of record component " + component);
            if (!ClassFileNames.isFieldName(component, f.major) || !ClassFileNames.isFieldDescriptor(descriptor, f.major)) {
                throw f.error("record component '" + component + "' has an illegal name or descriptor '"
                        + descriptor + "'");
            }
            Set<String> seen = ClassFileFormat.seen();
            for (int n = f.u2(); n > 0; n--) {
                String name = f.utf8At(f.u2(), "an attribute name of record component " + component);
                long length = f.u4();
                int stop = end(f, length);
                String of = name + " attribute of record component " + component;
                switch (name) {
                    case "Signature" -> signature(f, seen, length, of);
                    case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations", "RuntimeVisibleTypeAnnotations",
                         "RuntimeInvisibleTypeAnnotations" -> f.once(seen, name, of);
                    default -> {
                    }
                }
                AnnotationNesting.check(f, name, stop - (int) length, stop, of);
                f.at = stop;
            }
        }
        if (f.at != end) {
            throw f.error(what + " has the wrong length");
        }
    }

    private static void innerClasses(ClassFileFormat f, Set<String> seen, long length, String what) {
        f.once(seen, "InnerClasses", what);
        int count = f.u2();
        exactLength(f, length, 2 + 8L * count, what);
        Set<String> entries = ClassFileFormat.seen();
        for (int k = 0; k < count; k++) {
            int inner = f.u2();
            int outer = f.u2();
            int innerName = f.u2();
            int flags = f.u2() & 0x763F; // the flags an inner class may have; the JVM ignores the others
            f.expect(inner, CLASS, "an inner class of the " + what);
            if (outer != 0) {
                f.expect(outer, CLASS, "an outer class of the " + what);
                if (outer == inner) {
                    throw f.error(what + " makes a class its own outer class");
                }
            }
            if (innerName != 0) {
                f.utf8At(innerName, "an inner name of the " + what);
            }
            if (f.major < 50 && (flags & ClassFileFormat.ACC_INTERFACE) != 0) {
                flags |= ClassFileFormat.ACC_ABSTRACT;
            }
            ClassFileMembers.classModifiers(f, flags, "inner class entry " + k);
            if (f.major >= 49) {
                f.once(entries, inner + " " + outer + " " + innerName + " " + flags, "identical entry in the " + what);
            }
        }
    }

    /** The number of bootstrap methods. */
    private static int bootstrapMethods(ClassFileFormat f, int end, String what) {
        int count = f.u2();
        for (int k = 0; k < count; k++) {
            f.expect(f.u2(), METHOD_HANDLE, "bootstrap method " + k);
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
            throw f.error(what + " has the wrong length");
        }
        return count;
    }

    private static void signature(ClassFileFormat f, Set<String> seen, long length, String what) {
        f.once(seen, "Signature", what);
        exactLength(f, length, 2, what);
        f.expect(f.u2(), UTF8, "the signature of the " + what);
    }

    private static int end(ClassFileFormat f, long length) {
        int start = f.at;
        f.skip(length);
        f.at = start;
        return (int) (start + length);
    }

    private static void exactLength(ClassFileFormat f, long length, long expected, String what) {
        if (length != expected) {
            throw f.error(what + " is " + length + " bytes long, not " + expected);
        }
    }
}
