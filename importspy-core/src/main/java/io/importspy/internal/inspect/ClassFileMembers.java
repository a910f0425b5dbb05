package io.importspy.internal.inspect;

import java.util.Set;

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
        int access = f.u2();
        boolean module = (access & ACC_MODULE) != 0;
        int thisClass = f.u2();
        String name = f.className(thisClass, "this_class");
        if (name.startsWith("[")) {
            throw f.error("this_class is the array type " + name);
        }
        if (f.major < 50 && (access & ACC_INTERFACE) != 0) {
            access |= ACC_ABSTRACT;
        }
        if (!module) {
            classModifiers(f, access, "class " + name);
        }
        int superClass = f.u2();
        String superName = null;
        if (superClass == 0) {
            if (!module && !name.equals("java/lang/Object")) {
                throw f.error("class " + name + " has no superclass");
            }
        } else {
            superName = f.className(superClass, "super_class");
            if (superName.startsWith("[")) {
                throw f.error("super_class is the array type " + superName);
            }
            if ((access & ACC_INTERFACE) != 0 && !superName.equals("java/lang/Object")) {
                throw f.error("interface " + name + " has superclass " + superName + ", not java/lang/Object");
            }
        }
        Set<String> interfaces = ClassFileFormat.seen();
        for (int i = f.u2(); i > 0; i--) {
            String iface = f.className(f.u2(), "an interface of " + name);
            if (iface.startsWith("[")) {
                throw f.error("interface " + iface + " is an array type");
            }
            f.once(interfaces, iface, "interface " + iface);
        }
        boolean isInterface = (access & ACC_INTERFACE) != 0;
        Set<String> fields = ClassFileFormat.seen();
        for (int i = f.u2(); i > 0; i--) {
            field(f, isInterface, fields);
        }
        Set<String> methods = ClassFileFormat.seen();
        for (int i = f.u2(); i > 0; i--) {
            method(f, isInterface, methods);
        }
        ClassFileAttributes.ofClass(f, access, superName);
    }

    /** JVMS 4.1 table 4.1-B, as HotSpot enforces it (also on the flags of InnerClasses entries). */
    static void classModifiers(ClassFileFormat f, int access, String what) {
        boolean isInterface = (access & ACC_INTERFACE) != 0;
        boolean isAbstract = (access & ACC_ABSTRACT) != 0;
        boolean since5 = f.major >= 49;
        if ((isAbstract && (access & ACC_FINAL) != 0) || (isInterface && !isAbstract)
                || (isInterface && since5 && (access & (ACC_SUPER | ACC_ENUM)) != 0)
                || (!isInterface && since5 && (access & ACC_ANNOTATION) != 0)) {
            throw f.error(what + " has illegal modifiers 0x" + Integer.toHexString(access));
        }
    }

    private static void field(ClassFileFormat f, boolean isInterface, Set<String> seen) {
        int access = f.u2();
        String name = f.utf8At(f.u2(), "a field name");
        String descriptor = f.utf8At(f.u2(), "the descriptor of field " + name);
        if (!ClassFileNames.isFieldName(name, f.major)) {
            throw f.error("field name '" + name + "' is illegal");
        }
        if (!ClassFileNames.isFieldDescriptor(descriptor, f.major)) {
            throw f.error("field " + name + " has malformed descriptor '" + descriptor + "'");
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
            throw f.error("field " + name + " has illegal modifiers 0x" + Integer.toHexString(access));
        }
        f.once(seen, name + " " + descriptor, "field " + name + " " + descriptor);
        ClassFileAttributes.ofField(f, name, descriptor, (access & ACC_STATIC) != 0);
    }

    private static void method(ClassFileFormat f, boolean isInterface, Set<String> seen) {
        int access = f.u2();
        String name = f.utf8At(f.u2(), "a method name");
        String descriptor = f.utf8At(f.u2(), "the descriptor of method " + name);
        if (!ClassFileNames.isMethodName(name, f.major)) {
            throw f.error("method name '" + name + "' is illegal");
        }
        int slots = ClassFileNames.methodArgumentSlots(descriptor, name.startsWith("<"), f.major);
        if (slots < 0) {
            throw f.error("method " + name + " has malformed descriptor '" + descriptor + "'");
        }
        boolean clinit = name.equals("<clinit>");
        if (clinit && f.major >= 51) {
            if ((access & ACC_STATIC) == 0) {
                throw f.error("method <clinit> is not static");
            }
            access = ACC_STATIC | (f.major <= 60 ? access & ACC_STRICT : 0);
        } else if (clinit) {
            access = ACC_STATIC;
        } else {
            if (isInterface && name.equals("<init>")) {
                throw f.error("interface has a method named <init>");
            }
            methodModifiers(f, access, isInterface, name);
        }
        int arguments = slots + ((access & ACC_STATIC) == 0 ? 1 : 0);
        if (arguments > 255) {
            throw f.error("method " + name + " has more than 255 argument slots");
        }
        f.once(seen, name + " " + descriptor, "method " + name + descriptor);
        boolean codeExpected = (access & (ACC_NATIVE | ACC_ABSTRACT)) == 0;
        ClassFileAttributes.ofMethod(f, name, codeExpected, arguments);
    }

    /** JVMS 4.6 table 4.6-A, as HotSpot enforces it. */
    private static void methodModifiers(ClassFileFormat f, int access, boolean isInterface, String name) {
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
        } else if (name.equals("<init>")) {
            illegal = isStatic || isFinal || isSynchronized || isNative || isAbstract
                    || (f.major >= 49 && (access & ACC_BRIDGE) != 0);
        } else {
            illegal = isAbstract && (isFinal || isNative || isPrivate || isStatic
                    || (f.major >= 49 && (isSynchronized || isStrict)));
        }
        if (illegal) {
            throw f.error("method " + name + " has illegal modifiers 0x" + Integer.toHexString(access));
        }
    }

    private static boolean illegalVisibility(int access) {
        return Integer.bitCount(access & (ACC_PUBLIC | ACC_PRIVATE | ACC_PROTECTED)) > 1;
    }
}
