package io.importspy.internal.inspect;

import io.importspy.java.Modifier;

import org.objectweb.asm.Opcodes;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Source-level modifiers from class-file access flags; flags without a source keyword are dropped. The
 * sets are immutable and shared, one per combination of modifiers, and the facts' records keep them
 * without copying: a large JAR has a few dozen combinations and a hundred thousand members.
 */
final class Modifiers {
    private static final Modifier[] ALL = Modifier.values();
    /** The shared sets by their modifiers' bits (an array: no boxing, no hashing); filled on first need. */
    private static final AtomicReferenceArray<Set<Modifier>> SHARED = new AtomicReferenceArray<>(1 << ALL.length);

    private Modifiers() {
    }

    static Set<Modifier> ofClass(int access, boolean sealed) {
        int modifiers = visibility(access);
        modifiers |= bit(access, Opcodes.ACC_STATIC, Modifier.STATIC);
        modifiers |= bit(access, Opcodes.ACC_FINAL, Modifier.FINAL);
        modifiers |= bit(access, Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE, Modifier.ABSTRACT);
        if (sealed) {
            modifiers |= 1 << Modifier.SEALED.ordinal();
        }
        return shared(modifiers);
    }

    static Set<Modifier> ofField(int access) {
        int modifiers = visibility(access);
        modifiers |= bit(access, Opcodes.ACC_STATIC, Modifier.STATIC);
        modifiers |= bit(access, Opcodes.ACC_FINAL, Modifier.FINAL);
        modifiers |= bit(access, Opcodes.ACC_TRANSIENT, Modifier.TRANSIENT);
        modifiers |= bit(access, Opcodes.ACC_VOLATILE, Modifier.VOLATILE);
        return shared(modifiers);
    }

    static Set<Modifier> ofMethod(int access, String name, boolean inInterface) {
        int modifiers = visibility(access);
        modifiers |= bit(access, Opcodes.ACC_STATIC, Modifier.STATIC);
        modifiers |= bit(access, Opcodes.ACC_FINAL, Modifier.FINAL);
        modifiers |= bit(access, Opcodes.ACC_ABSTRACT, Modifier.ABSTRACT);
        modifiers |= bit(access, Opcodes.ACC_SYNCHRONIZED, Modifier.SYNCHRONIZED);
        modifiers |= bit(access, Opcodes.ACC_NATIVE, Modifier.NATIVE);
        modifiers |= bit(access, Opcodes.ACC_STRICT, Modifier.STRICTFP);
        int notDefault = Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE;
        if (inInterface && (access & notDefault) == 0 && !name.startsWith("<")) {
            modifiers |= 1 << Modifier.DEFAULT.ordinal();
        }
        return shared(modifiers);
    }

    private static int visibility(int access) {
        return bit(access, Opcodes.ACC_PUBLIC, Modifier.PUBLIC)
                | bit(access, Opcodes.ACC_PROTECTED, Modifier.PROTECTED)
                | bit(access, Opcodes.ACC_PRIVATE, Modifier.PRIVATE);
    }

    /** The bit of {@code modifier} when {@code access} has any of {@code flags}. */
    private static int bit(int access, int flags, Modifier modifier) {
        return (access & flags) != 0 ? 1 << modifier.ordinal() : 0;
    }

    /** The shared immutable set of the modifiers whose ordinals are the bits of {@code modifiers}. */
    private static Set<Modifier> shared(int modifiers) {
        Set<Modifier> set = SHARED.get(modifiers);
        if (set == null) {
            Set<Modifier> members = EnumSet.noneOf(Modifier.class);
            for (Modifier modifier : ALL) {
                if ((modifiers & (1 << modifier.ordinal())) != 0) {
                    members.add(modifier);
                }
            }
            set = Set.copyOf(members);
            if (!SHARED.compareAndSet(modifiers, null, set)) {
                set = SHARED.get(modifiers);
            }
        }
        return set;
    }
}
