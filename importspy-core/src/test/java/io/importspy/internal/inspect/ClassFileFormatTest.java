package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The structural check's duplicate rules, which compare texts, not constant indices: a class file may hold the
 * same text in two UTF-8 constants (javac never writes one, a hostile tool may), and members named through
 * different constants with equal texts are duplicates for the JVM. Names made to share the check's hash are
 * told apart exactly and quickly.
 */
class ClassFileFormatTest {
    private static final String WHERE = "dup.jar!f/Dup.class";

    @Test
    void two_fields_named_alike_through_two_constants_are_refused_as_the_jvm_refuses_them() {
        byte[] bytes = withFields(List.of("a", "b"));
        replaceUtf8(bytes, "b", "a"); // now two constants hold "a": fields a:I and a:I
        assertThatThrownBy(() -> ClassFileFormat.check(bytes, WHERE))
                .isInstanceOf(InspectionException.class)
                .hasMessage(WHERE + ": not a valid class file (more than one field a I)");
        assertThatThrownBy(() -> new Loader().define(bytes)).isInstanceOf(ClassFormatError.class);
    }

    @Test
    void two_interfaces_named_alike_through_two_constants_are_refused_as_the_jvm_refuses_them() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "f/Dup", null, "java/lang/Object",
                new String[] {"java/lang/Runnable", "java/lang/Runnablf"});
        writer.visitEnd();
        byte[] bytes = writer.toByteArray();
        replaceUtf8(bytes, "java/lang/Runnablf", "java/lang/Runnable");
        assertThatThrownBy(() -> ClassFileFormat.check(bytes, WHERE))
                .hasMessage(WHERE + ": not a valid class file (more than one interface java/lang/Runnable)");
        assertThatThrownBy(() -> new Loader().define(bytes)).isInstanceOf(ClassFormatError.class);
    }

    @Test
    @Timeout(20)
    void thousands_of_fields_made_to_share_a_hash_are_read_and_a_duplicate_among_them_is_found() {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            names.add(String.format("aaaaaaaa%08dzzzzzzzz", i)); // same length, first and last eight bytes
        }
        byte[] distinct = withFields(names);
        ClassFileFormat.check(distinct, WHERE);
        new Loader().define(distinct);

        byte[] twice = withFields(names);
        replaceUtf8(twice, names.get(3_999), names.get(17));
        assertThatThrownBy(() -> ClassFileFormat.check(twice, WHERE))
                .hasMessage(WHERE + ": not a valid class file (more than one field " + names.get(17) + " I)");
        assertThatThrownBy(() -> new Loader().define(twice)).isInstanceOf(ClassFormatError.class);
    }

    /**
     * The JVM reads a class file's Record attribute from version 60 on whatever its superclass (only
     * {@code Class.isRecord} asks for {@code java.lang.Record}), so a malformed one is refused in any class.
     */
    @Test
    void a_malformed_record_attribute_is_refused_in_a_class_that_does_not_extend_record() {
        for (String superName : List.of("java/lang/Record", "java/lang/Object")) {
            ClassWriter writer = new ClassWriter(0);
            writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, "f/Dup", null, superName, null);
            writer.visitRecordComponent("x", "Ljava/lang/Strinh;", null).visitEnd();
            writer.visitEnd();
            byte[] bytes = writer.toByteArray();
            ClassFileFormat.check(bytes.clone(), WHERE);
            replaceUtf8(bytes, "Ljava/lang/Strinh;", "Ljava.lang.String;");
            assertThatThrownBy(() -> ClassFileFormat.check(bytes, WHERE)).as(superName)
                    .isInstanceOf(InspectionException.class)
                    .hasMessage(WHERE + ": not a valid class file (record component 'x' has an illegal name or"
                            + " descriptor 'Ljava.lang.String;')");
            assertThatThrownBy(() -> new Loader().define(bytes)).as(superName).isInstanceOf(ClassFormatError.class);
        }
    }

    private static byte[] withFields(List<String> names) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "f/Dup", null, "java/lang/Object", null);
        for (String name : names) {
            writer.visitField(Opcodes.ACC_PUBLIC, name, "I", null, null).visitEnd();
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Rewrites the UTF-8 constant holding {@code from} to hold {@code to} (of the same length) in place. */
    private static void replaceUtf8(byte[] bytes, String from, String to) {
        byte[] needle = ("\u0001" + (char) 0 + (char) from.length() + from).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                byte[] text = to.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                System.arraycopy(text, 0, bytes, i + 3, text.length);
                return;
            }
        }
        throw new AssertionError("no constant " + from);
    }

    private static final class Loader extends ClassLoader {
        Loader() {
            super(ClassFileFormatTest.class.getClassLoader());
        }

        void define(byte[] bytes) {
            defineClass("f.Dup", bytes, 0, bytes.length);
        }
    }
}
