package io.importspy.inspect;

import io.importspy.java.Modifier;
import org.objectweb.asm.Opcodes;

import java.util.EnumSet;
import java.util.Set;

/** Source-level modifiers from class-file access flags; flags without a source keyword are dropped. */
final class Modifiers {
    private Modifiers() {
    }

    static Set<Modifier> ofClass(int access, boolean sealed) {
        Set<Modifier> modifiers = visibility(access);
        add(modifiers, access, Opcodes.ACC_STATIC, Modifier.STATIC);
        add(modifiers, access, Opcodes.ACC_FINAL, Modifier.FINAL);
        add(modifiers, access, Opcodes.ACC_ABSTRACT, Modifier.ABSTRACT);
        if ((access & Opcodes.ACC_INTERFACE) != 0) {
            modifiers.add(Modifier.ABSTRACT);
        }
        if (sealed) {
            modifiers.add(Modifier.SEALED);
        }
        return modifiers;
    }

    static Set<Modifier> ofField(int access) {
        Set<Modifier> modifiers = visibility(access);
        add(modifiers, access, Opcodes.ACC_STATIC, Modifier.STATIC);
        add(modifiers, access, Opcodes.ACC_FINAL, Modifier.FINAL);
        add(modifiers, access, Opcodes.ACC_TRANSIENT, Modifier.TRANSIENT);
        add(modifiers, access, Opcodes.ACC_VOLATILE, Modifier.VOLATILE);
        return modifiers;
    }

    static Set<Modifier> ofMethod(int access, String name, boolean inInterface) {
        Set<Modifier> modifiers = visibility(access);
        add(modifiers, access, Opcodes.ACC_STATIC, Modifier.STATIC);
        add(modifiers, access, Opcodes.ACC_FINAL, Modifier.FINAL);
        add(modifiers, access, Opcodes.ACC_ABSTRACT, Modifier.ABSTRACT);
        add(modifiers, access, Opcodes.ACC_SYNCHRONIZED, Modifier.SYNCHRONIZED);
        add(modifiers, access, Opcodes.ACC_NATIVE, Modifier.NATIVE);
        add(modifiers, access, Opcodes.ACC_STRICT, Modifier.STRICTFP);
        int notDefault = Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE;
        if (inInterface && (access & notDefault) == 0 && !name.startsWith("<")) {
            modifiers.add(Modifier.DEFAULT);
        }
        return modifiers;
    }

    private static Set<Modifier> visibility(int access) {
        Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
        add(modifiers, access, Opcodes.ACC_PUBLIC, Modifier.PUBLIC);
        add(modifiers, access, Opcodes.ACC_PROTECTED, Modifier.PROTECTED);
        add(modifiers, access, Opcodes.ACC_PRIVATE, Modifier.PRIVATE);
        return modifiers;
    }

    private static void add(Set<Modifier> modifiers, int access, int flag, Modifier modifier) {
        if ((access & flag) != 0) {
            modifiers.add(modifier);
        }
    }
}
