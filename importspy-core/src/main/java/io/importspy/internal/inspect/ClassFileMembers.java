package io.importspy.internal.inspect;

import static io.importspy.internal.inspect.ClassFileFormat.ACC_ABSTRACT;
import static io.importspy.internal.inspect.ClassFileFormat.ACC_ANNOTATION;
import static io.importspy.internal.inspect.ClassFileFormat.ACC_BRIDGE;
import static io.importspy.internal.inspect.ClassFileFormat.ACC_ENUM;
import static io.importspy.internal.inspect.ClassFileFormat.ACC_FINAL;
import static io.importspy.internal.inspect.ClassFileFormat.ACC_INTERFACE;
import static io.importspy.internal.inspect.ClassFileFormat.ACC_MODULE;
import static io.importspy.internal.inspect.ClassFileFormat.ACC_NATIVE;
import static io.importspy.internal.inspect.ClassFileFormat.ACC_PRIVATE;
import static io.importspy.internal.inspect.ClassFileFormat.ACC_PROTECTED;
import static io.importspy.internal.inspect.ClassFileFormat.ACC_PUBLIC;
import static io.importspy.internal.inspect.ClassFileFormat.ACC_STATIC;
import static io.importspy.internal.inspect.ClassFileFormat.ACC_STRICT;
import static io.importspy.internal.inspect.ClassFileFormat.ACC_SUPER;
import static io.importspy.internal.inspect.ClassFileFormat.ACC_TRANSIENT;
import static io.importspy.internal.inspect.ClassFileFormat.ACC_VOLATILE;
import static io.importspy.internal.inspect.ClassFileFormat.CLASS;
import static io.importspy.internal.inspect.ClassFileFormat.UTF8;

/**
 * The part of {@link ClassFileFormat} after the constant pool: the class's flags and supertypes, its fields
 * and methods with their flags, names and descriptors, and the attributes the JVM reads when it defines a
 * class (see {@link ClassFileAttributes}).
 */
final class ClassFileMembers {
    private static final int SYNCHRONIZED = 0x0020;

    private ClassFileMembers() {
    }

    static void check(ClassFileFormat f) {
        int access = head(f);
        boolean isInterface = (access & ACC_INTERFACE) != 0;
        members(f, isInterface, true);
        members(f, isInterface, false);
        f.ownerKind = null;
        ClassFileAttributes.ofClass(f, access);
    }

    /**
     * The class's flags, this_class, super_class and interfaces (the head that {@link ClassFileFormat#checkHead}
     * checks alone); the flags as the rest of the check judges them, the superclass's name in
     * {@link ClassFileFormat#superName}.
     */
    static int head(ClassFileFormat f) {
        int access = f.u2();
        boolean module = (access & ACC_MODULE) != 0;
        int thisClass = f.u2();
        if (!f.is(thisClass, CLASS)) {
            throw f.wrongConstant(thisClass, CLASS, "this_class");
        }
        int name = f.classNameOf(thisClass);
        f.thisName = name;
        if (f.startsWith(name, '[')) {
            throw f.error("this_class is the array type " + f.text(name));
        }
        if (f.major < 50 && (access & ACC_INTERFACE) != 0) {
            access |= ACC_ABSTRACT;
        }
        if (!module) {
            classModifiers(f, access, -1);
        }
        int superClass = f.u2();
        int superName = 0;
        if (superClass == 0) {
            if (!module && !f.equalsAscii(name, ClassFileFormat.OBJECT)) {
                throw f.error("class " + f.text(name) + " has no superclass");
            }
        } else {
            if (!f.is(superClass, CLASS)) {
                throw f.wrongConstant(superClass, CLASS, "super_class");
            }
            superName = f.classNameOf(superClass);
            if (f.startsWith(superName, '[')) {
                throw f.error("super_class is the array type " + f.text(superName));
            }
            if ((access & ACC_INTERFACE) != 0 && !f.equalsAscii(superName, ClassFileFormat.OBJECT)) {
                throw f.error("interface " + f.text(name) + " has superclass " + f.text(superName)
                        + ", not java/lang/Object");
            }
        }
        int count = f.u2();
        int[] interfaces = new int[count];
        for (int i = 0; i < count; i++) {
            int iface = f.u2();
            if (!f.is(iface, CLASS)) {
                throw f.wrongConstant(iface, CLASS, "an interface of " + f.text(name));
            }
            interfaces[i] = f.classNameOf(iface);
            if (f.startsWith(interfaces[i], '[')) {
                throw f.error("interface " + f.text(interfaces[i]) + " is an array type");
            }
        }
        int twice = f.firstDuplicate(interfaces, null, count);
        if (twice >= 0) {
            throw f.error("more than one interface " + f.text(interfaces[twice]));
        }
        f.superName = superName;
        return access;
    }

    /** The fields (or methods) of the class, none twice with the same name and descriptor. */
    private static void members(ClassFileFormat f, boolean isInterface, boolean fields) {
        int count = f.u2();
        int[] names = new int[count];
        int[] descriptors = new int[count];
        for (int i = 0; i < count; i++) {
            int access = f.u2();
            int name = f.u2();
            if (!f.is(name, UTF8)) {
                throw f.wrongConstant(name, UTF8, fields ? "a field name" : "a method name");
            }
            int descriptor = f.u2();
            if (!f.is(descriptor, UTF8)) {
                throw f.wrongConstant(descriptor, UTF8, "the descriptor of " + (fields ? "field " : "method ")
                        + f.text(name));
            }
            names[i] = name;
            descriptors[i] = descriptor;
            if (fields) {
                field(f, isInterface, access, name, descriptor);
            } else {
                method(f, isInterface, access, name, descriptor);
            }
        }
        int twice = f.firstDuplicate(names, descriptors, count);
        if (twice >= 0) {
            throw f.error("more than one " + (fields ? "field " + f.text(names[twice]) + " "
                    : "method " + f.text(names[twice])) + f.text(descriptors[twice]));
        }
    }

    /**
     * JVMS 4.1 table 4.1-B, as HotSpot enforces it (also on the flags of InnerClasses entries: {@code entry} is
     * the entry's number, -1 for the class's own flags).
     */
    static void classModifiers(ClassFileFormat f, int access, int entry) {
        boolean isInterface = (access & ACC_INTERFACE) != 0;
        boolean isAbstract = (access & ACC_ABSTRACT) != 0;
        boolean since5 = f.major >= 49;
        if ((isAbstract && (access & ACC_FINAL) != 0) || (isInterface && !isAbstract)
                || (isInterface && since5 && (access & (ACC_SUPER | ACC_ENUM)) != 0)
                || (!isInterface && since5 && (access & ACC_ANNOTATION) != 0)) {
            throw f.error((entry < 0 ? "class " + f.text(f.thisName) : "inner class entry " + entry)
                    + " has illegal modifiers 0x" + Integer.toHexString(access));
        }
    }

    private static void field(ClassFileFormat f, boolean isInterface, int access, int name, int descriptor) {
        if (!f.legal(name, ClassFileFormat.FIELD_NAME)) {
            throw f.error("field name '" + f.text(name) + "' is illegal");
        }
        if (!f.legal(descriptor, ClassFileFormat.FIELD_DESCRIPTOR)) {
            throw f.error("field " + f.text(name) + " has malformed descriptor '" + f.text(descriptor) + "'");
        }
        boolean illegal;
        if (isInterface) {
            illegal = (access & (ACC_PUBLIC | ACC_STATIC | ACC_FINAL)) != (ACC_PUBLIC | ACC_STATIC | ACC_FINAL)
                    || (access & (ACC_PRIVATE | ACC_PROTECTED | ACC_VOLATILE | ACC_TRANSIENT)) != 0
                    || (f.major >= 49 && (access & ACC_ENUM) != 0);
        } else {
            illegal = illegalVisibility(access)
                    || (access & (ACC_FINAL | ACC_VOLATILE)) == (ACC_FINAL | ACC_VOLATILE);
        }
        if (illegal) {
            throw f.error("field " + f.text(name) + " has illegal modifiers 0x" + Integer.toHexString(access));
        }
        f.ownerKind = "field";
        f.ownerName = name;
        ClassFileAttributes.ofField(f, descriptor, (access & ACC_STATIC) != 0);
    }

    private static void method(ClassFileFormat f, boolean isInterface, int access, int name, int descriptor) {
        if (!f.legal(name, ClassFileFormat.METHOD_NAME)) {
            throw f.error("method name '" + f.text(name) + "' is illegal");
        }
        int slots = f.methodSlots(descriptor);
        if (slots < 0 || (f.startsWith(name, '<') && !f.endsWith(descriptor, 'V'))) {
            throw f.error("method " + f.text(name) + " has malformed descriptor '" + f.text(descriptor) + "'");
        }
        boolean clinit = f.equalsAscii(name, ClassFileFormat.CLINIT);
        if (clinit && f.major >= 51) {
            if ((access & ACC_STATIC) == 0) {
                throw f.error("method <clinit> is not static");
            }
            access = ACC_STATIC | (f.major <= 60 ? access & ACC_STRICT : 0);
        } else if (clinit) {
            access = ACC_STATIC;
        } else {
            boolean init = f.equalsAscii(name, ClassFileFormat.INIT);
            if (isInterface && init) {
                throw f.error("interface has a method named <init>");
            }
            methodModifiers(f, access, isInterface, init, name);
        }
        int arguments = slots + ((access & ACC_STATIC) == 0 ? 1 : 0);
        if (arguments > 255) {
            throw f.error("method " + f.text(name) + " has more than 255 argument slots");
        }
        boolean codeExpected = (access & (ACC_NATIVE | ACC_ABSTRACT)) == 0;
        f.ownerKind = "method";
        f.ownerName = name;
        ClassFileAttributes.ofMethod(f, codeExpected, arguments);
    }

    /** JVMS 4.6 table 4.6-A, as HotSpot enforces it. */
    private static void methodModifiers(ClassFileFormat f, int access, boolean isInterface, boolean init, int name) {
        boolean isPublic = (access & ACC_PUBLIC) != 0;
        boolean isPrivate = (access & ACC_PRIVATE) != 0;
        boolean isProtected = (access & ACC_PROTECTED) != 0;
        boolean isStatic = (access & ACC_STATIC) != 0;
        boolean isFinal = (access & ACC_FINAL) != 0;
        boolean isSynchronized = (access & SYNCHRONIZED) != 0;
        boolean isNative = (access & ACC_NATIVE) != 0;
        boolean isAbstract = (access & ACC_ABSTRACT) != 0;
        boolean isStrict = (access & ACC_STRICT) != 0 && f.major < 61;
        boolean illegal;
        if (isInterface) {
            if (f.major >= 52) {
                illegal = isPublic == isPrivate || isNative || isProtected || isFinal || isSynchronized
                        || (isAbstract && (isPrivate || isStatic || isStrict));
            } else if (f.major >= 49) {
                illegal = !isPublic || isPrivate || isProtected || isStatic || isFinal || isSynchronized || isNative
                        || !isAbstract || isStrict;
            } else {
                illegal = !isPublic || isStatic || isFinal || isNative || !isAbstract;
            }
        } else if (illegalVisibility(access)) {
            illegal = true;
        } else if (init) {
            illegal = isStatic || isFinal || isSynchronized || isNative || isAbstract
                    || (f.major >= 49 && (access & ACC_BRIDGE) != 0);
        } else {
            illegal = isAbstract && (isFinal || isNative || isPrivate || isStatic
                    || (f.major >= 49 && (isSynchronized || isStrict)));
        }
        if (illegal) {
            throw f.error("method " + f.text(name) + " has illegal modifiers 0x" + Integer.toHexString(access));
        }
    }

    private static boolean illegalVisibility(int access) {
        return Integer.bitCount(access & (ACC_PUBLIC | ACC_PRIVATE | ACC_PROTECTED)) > 1;
    }
}
