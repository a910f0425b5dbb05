package io.importspy.agent;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The classes that replace a refused code source's: whatever the original, the JVM never defines its code. */
class StubsTest {
    /** A loader that defines one class from the bytes given, as the JVM does with a transformer's result. */
    static final class Defining extends ClassLoader {
        Defining() {
            super(null);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    /**
     * Class {@code p.X} implementing {@code interfaces} interfaces (each takes two constants); with {@code exit}, its
     * initializer calls {@code System.exit(42)}.
     */
    static byte[] rogue(int interfaces, boolean exit) {
        String[] names = new String[interfaces];
        for (int i = 0; i < interfaces; i++) {
            names[i] = "p/I" + i;
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "p/X", null, "java/lang/Object", names);
        if (exit) {
            MethodVisitor clinit = writer.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
            clinit.visitCode();
            clinit.visitIntInsn(Opcodes.BIPUSH, 42);
            clinit.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "exit", "(I)V", false);
            clinit.visitInsn(Opcodes.RETURN);
            clinit.visitMaxs(0, 0);
            clinit.visitEnd();
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    @Test
    void a_stub_throws_the_refusal_when_initialized() throws Exception {
        byte[] stub = Stubs.orUndefinable(rogue(0, true), "ImportSpy refused p.X");
        Class<?> defined = new Defining().define("p.X", stub);
        assertThatThrownBy(() -> Class.forName("p.X", true, defined.getClassLoader()))
                .isInstanceOf(Error.class).hasMessage("ImportSpy refused p.X");
    }

    @Test
    void a_class_whose_constant_pool_leaves_no_room_for_the_stub_gets_a_stub_without_supertypes() throws Exception {
        byte[] original = rogue(32_765, false); // 65,534 constants: the most a class file holds
        assertThatThrownBy(() -> Stubs.of(original, "ImportSpy refused p.X")).as("the stub does not fit")
                .isInstanceOf(RuntimeException.class);

        byte[] stub = Stubs.orUndefinable(original, "ImportSpy refused p.X");
        assertThat(stub).isNotEmpty().isNotEqualTo(original);
        Class<?> defined = new Defining().define("p.X", stub);
        assertThat(defined.getInterfaces()).isEmpty();
        assertThatThrownBy(() -> Class.forName("p.X", true, defined.getClassLoader()))
                .isInstanceOf(Error.class).hasMessage("ImportSpy refused p.X");
    }

    @Test
    void bytes_no_stub_can_be_made_of_are_replaced_by_bytes_no_jvm_defines_never_by_nothing() {
        byte[] stub = Stubs.orUndefinable(new byte[] {1, 2, 3}, "ImportSpy refused a class");
        assertThat(stub).isNotEmpty();
        assertThatThrownBy(() -> new Defining().define("p.X", stub)).isInstanceOf(ClassFormatError.class);
    }
}
