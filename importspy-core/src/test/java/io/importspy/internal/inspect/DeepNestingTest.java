package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import io.importspy.inspect.Origin;
import io.importspy.testsupport.TestJars;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fuzz seeds of deep nesting: javac's output of a small class, rewritten so that a signature or an annotation
 * value nests far deeper than any compiler writes. None overflows the stack: a too-deep Signature is ignored
 * as the JVM ignores a broken one (the erased type stands), too-deep annotation values are refused with one
 * located line; the same nesting within the limits is read.
 */
class DeepNestingTest {
    private static final String ENTRY = "f/Deep.class";
    private static final String WHERE = "deep.jar!" + ENTRY;
    private static byte[] compiled;

    @BeforeAll
    static void compile(@TempDir Path work) throws Exception {
        Path classes = TestJars.compile(work, Map.of("f/Deep.java", """
                package f;
                public class Deep {
                    @Deprecated public java.util.List<String> field;
                    public void method(java.util.List<String> names) { }
                }
                """), "--release", "17");
        compiled = Files.readAllBytes(classes.resolve(ENTRY));
    }

    static Stream<String> signatures() {
        return Stream.of("arrays in a field signature", "type arguments in a field signature",
                "type arguments in a method signature", "type arguments in the class signature");
    }

    static Stream<String> annotations() {
        return Stream.of("arrays in an annotation value", "annotations in an annotation value");
    }

    static Stream<String> hostile() {
        return Stream.concat(signatures(), annotations());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatures")
    void a_too_deep_signature_is_ignored_and_the_erased_type_stands(String seed) {
        io.importspy.inspect.ClassFacts facts = read(seed(seed, 12_000));
        assertThat(facts.fields()).singleElement().satisfies(f -> assertThat(f.type().name()).isEqualTo("java.util.List"));
        assertThat(facts.genericSuperclass()).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo("java.lang.Object"));
        assertThat(facts.methods()).anySatisfy(m -> assertThat(m.name()).isEqualTo("method"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("annotations")
    void too_deep_annotation_values_are_refused_with_one_located_line(String seed) {
        byte[] bytes = seed(seed, 20_000);
        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(InspectionException.class)
                .hasMessageStartingWith(WHERE + ": not a valid class file (the RuntimeVisibleAnnotations attribute of"
                        + " field field nests annotation values more than 255 deep")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void nesting_within_the_limits_is_read(String seed) {
        assertThat(read(seed(seed, 40)).name()).isEqualTo("f.Deep");
    }

    @Test
    void a_signature_of_255_array_dimensions_is_read_and_one_of_256_is_ignored() {
        assertThat(read(rewrite(signatures("[".repeat(255) + "I", null, null))).fields())
                .singleElement().satisfies(f -> assertThat(f.type().dimensions()).isEqualTo(255));
        assertThat(read(rewrite(signatures("[".repeat(256) + "I", null, null))).fields())
                .singleElement().satisfies(f -> assertThat(f.type().name()).isEqualTo("java.util.List"));
    }

    private static io.importspy.inspect.ClassFacts read(byte[] bytes) {
        return ClassFiles.read(bytes, Origin.TARGET, WHERE, ENTRY, new Signatures.Cache());
    }

    private static byte[] seed(String seed, int depth) {
        String generic = "Lj<".repeat(depth) + "Lj;" + ">;".repeat(depth);
        return switch (seed) {
            case "arrays in a field signature" -> rewrite(signatures("[".repeat(depth) + "I", null, null));
            case "type arguments in a field signature" -> rewrite(signatures(generic, null, null));
            case "type arguments in a method signature" -> rewrite(signatures(null, "(" + generic + ")V", null));
            case "type arguments in the class signature" -> rewrite(signatures(null, null, "Ljava/lang/Object;" + generic));
            case "arrays in an annotation value" -> rewrite(annotation(depth, false));
            default -> rewrite(annotation(depth, true));
        };
    }

    private static byte[] rewrite(UnaryOperator<ClassVisitor> change) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(compiled).accept(change.apply(writer), 0);
        return writer.toByteArray();
    }

    /** Replaces the field's, the method's or the class's Signature (where not null). */
    private static UnaryOperator<ClassVisitor> signatures(String field, String method, String type) {
        return next -> new ClassVisitor(Opcodes.ASM9, next) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] faces) {
                super.visit(version, access, name, type != null ? type : signature, superName, faces);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                return super.visitField(access, name, descriptor, field != null ? field : signature, value);
            }

            @Override
            public org.objectweb.asm.MethodVisitor visitMethod(int access, String name, String descriptor,
                                                               String signature, String[] exceptions) {
                return super.visitMethod(access, name, descriptor,
                        method != null && name.equals("method") ? method : signature, exceptions);
            }
        };
    }

    /** Adds to the field an annotation whose value nests {@code depth} arrays or annotations. */
    private static UnaryOperator<ClassVisitor> annotation(int depth, boolean annotations) {
        return next -> new ClassVisitor(Opcodes.ASM9, next) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                FieldVisitor field = super.visitField(access, name, descriptor, signature, value);
                AnnotationVisitor outer = field.visitAnnotation("Lf/Tag;", true);
                AnnotationVisitor current = outer;
                java.util.Deque<AnnotationVisitor> open = new java.util.ArrayDeque<>();
                for (int i = 0; i < depth; i++) {
                    open.push(current);
                    current = annotations ? current.visitAnnotation("value", "Lf/Tag;") : current.visitArray("value");
                }
                current.visit(annotations ? "n" : null, 1);
                current.visitEnd();
                while (!open.isEmpty()) {
                    open.pop().visitEnd();
                }
                return field;
            }
        };
    }
}
