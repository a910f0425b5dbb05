package io.importspy.agent;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.nio.charset.StandardCharsets;

/**
 * The class files that replace the classes of a refused code source: the same name, access and supertypes,
 * no code of the original, and a static initializer (and no-argument constructor) that throws an
 * {@link Error} carrying the refusal. Initializing, instantiating or calling into such a class fails with
 * that error; none of the refused code ever runs.
 */
final class Stubs {
    /** The longest message a class-file constant holds is 65535 bytes of modified UTF-8; stay well below. */
    private static final int MAX_MESSAGE = 30_000;

    private Stubs() {
    }

    /** The stub for {@code original}, whose initialization throws an error with {@code message}. */
    static byte[] of(byte[] original, String message) {
        ClassReader reader = new ClassReader(original);
        int access = reader.getAccess() & (Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_INTERFACE
                | Opcodes.ACC_ABSTRACT | Opcodes.ACC_ANNOTATION | Opcodes.ACC_ENUM | Opcodes.ACC_SUPER);
        if ((access & Opcodes.ACC_INTERFACE) == 0) {
            access |= Opcodes.ACC_SUPER;
        }
        String superName = reader.getSuperName();
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V1_8, access, reader.getClassName(), null, superName, reader.getInterfaces());
        String text = clip(message);
        thrower(writer.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null), text);
        if ((access & Opcodes.ACC_INTERFACE) == 0) {
            thrower(writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null), text);
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** The internal name a class file declares ({@code com/acme/Plugin}). */
    static String nameOf(byte[] classFile) {
        return new ClassReader(classFile).getClassName();
    }

    /**
     * {@link #of} when it can be written; else the same stub without supertypes (a class whose constant pool is full
     * leaves no room for the stub's own constants); else, when the bytes are no class file ASM reads, a class file
     * cut after its magic number, which every JVM refuses with a {@link ClassFormatError}. Never empty: a
     * transformer's empty result means "unchanged" to the JVM, which would define the original.
     */
    static byte[] orUndefinable(byte[] original, String message) {
        try {
            return of(original, message);
        } catch (RuntimeException | LinkageError tooLarge) {
            try {
                return bare(new ClassReader(original).getClassName(), message);
            } catch (RuntimeException | LinkageError unreadable) {
                return UNDEFINABLE.clone();
            }
        }
    }

    /** Four bytes, the magic number of a class file and nothing else: a {@link ClassFormatError} to define. */
    private static final byte[] UNDEFINABLE = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE};

    /** A final class {@code name} extending {@code Object}, whose initializer throws an error with {@code message}. */
    private static byte[] bare(String name, String message) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null,
                "java/lang/Object", null);
        String text = clip(message);
        thrower(writer.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null), text);
        thrower(writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null), text);
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void thrower(MethodVisitor method, String message) {
        method.visitCode();
        method.visitTypeInsn(Opcodes.NEW, "java/lang/Error");
        method.visitInsn(Opcodes.DUP);
        method.visitLdcInsn(message);
        method.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Error", "<init>", "(Ljava/lang/String;)V", false);
        method.visitInsn(Opcodes.ATHROW);
        method.visitMaxs(0, 0);
        method.visitEnd();
    }

    private static String clip(String message) {
        if (message.getBytes(StandardCharsets.UTF_8).length <= MAX_MESSAGE) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE / 3) + "\n[report cut; run 'importspy validate' for all of it]";
    }
}
