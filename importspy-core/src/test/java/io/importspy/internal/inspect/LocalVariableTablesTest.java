package io.importspy.internal.inspect;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.ParameterFacts;
import io.importspy.testsupport.TestJars;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parameter names read from LocalVariableTable bytes, without decoding any instruction. */
class LocalVariableTablesTest {
    @TempDir
    static Path tmp;
    static ModuleFacts debug;

    @BeforeAll
    static void compileWithDebugInformationOnly() {
        Path classes = TestJars.compile(tmp.resolve("classes"), Map.of("p/Shapes.java", """
                package p;
                public abstract class Shapes {
                    public Shapes(double width, long height, boolean filled) { }
                    public void wide(long a, double b, long c, int d) { double local = b; }
                    public static void statik(double x, int y, Object[] z, long[][] w) { }
                    public abstract void noCode(String gamma);
                    public native void nativeCode(int delta);
                    public synchronized String withCatch(String s, int n) {
                        try { return s.substring(n); } catch (RuntimeException e) { return s; }
                    }
                    public class Inner {
                        public Inner(long size, String label) { }
                    }
                    public static class Nested {
                        public Nested(long size, String label) { }
                    }
                    public interface Api {
                        void abstractOne(int unnamed);
                        default int withDefault(long first, int second) { return second; }
                        static int fromStatic(int only) { return only; }
                    }
                    public enum Kind {
                        ONE(1L);
                        Kind(long weight) { }
                    }
                }
                """), "-g");
        Path jar = TestJars.jar(tmp.resolve("shapes.jar")).classes(classes).build();
        debug = Inspector.withClasspath(List.of()).inspect(jar, ClassSelection.all());
    }

    static List<Optional<String>> names(String type, String method) {
        return debug.moduleClass(type).orElseThrow().methods().stream().filter(m -> m.name().equals(method))
                .findFirst().orElseThrow().parameters().stream().map(ParameterFacts::name).toList();
    }

    @Nested
    class Names_of_compiled_methods {
        @Test
        void long_and_double_parameters_take_two_slots_in_instance_and_static_methods() {
            assertThat(names("p.Shapes", "wide")).containsExactly(
                    Optional.of("a"), Optional.of("b"), Optional.of("c"), Optional.of("d"));
            assertThat(names("p.Shapes", "statik")).containsExactly(
                    Optional.of("x"), Optional.of("y"), Optional.of("z"), Optional.of("w"));
        }

        @Test
        void constructors_name_their_parameters_as_source_declares_them() {
            assertThat(names("p.Shapes", "<init>")).containsExactly(
                    Optional.of("width"), Optional.of("height"), Optional.of("filled"));
            assertThat(names("p.Shapes$Inner", "<init>")).as("the outer instance javac adds is not listed")
                    .containsExactly(Optional.of("size"), Optional.of("label"));
            assertThat(names("p.Shapes$Nested", "<init>")).containsExactly(Optional.of("size"), Optional.of("label"));
        }

        @Test
        void enum_constructors_leave_out_the_name_and_ordinal_javac_adds() {
            assertThat(names("p.Shapes$Kind", "<init>")).containsExactly(Optional.of("weight"));
        }

        @Test
        void a_method_with_an_exception_table_is_read_past_it() {
            assertThat(names("p.Shapes", "withCatch")).containsExactly(Optional.of("s"), Optional.of("n"));
        }

        @Test
        void interface_default_and_static_methods_are_named_and_methods_without_code_are_not() {
            assertThat(names("p.Shapes$Api", "withDefault")).containsExactly(Optional.of("first"), Optional.of("second"));
            assertThat(names("p.Shapes$Api", "fromStatic")).containsExactly(Optional.of("only"));
            assertThat(names("p.Shapes$Api", "abstractOne")).containsExactly(Optional.empty());
            assertThat(names("p.Shapes", "noCode")).containsExactly(Optional.empty());
            assertThat(names("p.Shapes", "nativeCode")).containsExactly(Optional.empty());
        }
    }

    @Nested
    class Parameter_slots {
        @Test
        void count_this_first_and_two_slots_for_long_and_double_but_one_for_arrays_of_them() {
            assertThat(MethodCollector.parameterSlots("(JLjava/lang/String;D[J[[DI)V", false))
                    .containsExactly(1, 3, 4, 6, 7, 8);
            assertThat(MethodCollector.parameterSlots("(JLjava/lang/String;D[J[[DI)V", true))
                    .containsExactly(0, 2, 3, 5, 6, 7);
            assertThat(MethodCollector.parameterSlots("()V", false)).isEmpty();
        }

        @Test
        void a_malformed_descriptor_is_refused_rather_than_looped_over() {
            assertThatThrownBy(() -> MethodCollector.parameterSlots("(Ljava/lang/String", true))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(Ljava/lang/String");
            assertThatThrownBy(() -> MethodCollector.parameterSlots("V", true))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("malformed method descriptor 'V'");
        }
    }

    /**
     * Every method of real JARs compiled without {@code -parameters} gets the names ASM reports when it
     * decodes the code (the way they were read before), parameter by parameter.
     */
    @Nested
    class Agreement_with_a_pass_that_decodes_the_code {
        @Test
        void for_every_method_of_guava_commons_lang_and_the_postgresql_driver() throws IOException {
            int named = 0;
            for (Class<?> type : List.of(com.google.common.collect.ImmutableList.class,
                    org.apache.commons.lang3.StringUtils.class, org.postgresql.Driver.class)) {
                Path jar = RealJarsTest.jarOf(type);
                ModuleFacts facts = Inspector.withClasspath(List.of()).inspect(jar, ClassSelection.all());
                Map<String, List<Optional<String>>> expected = namesFromCode(jar);
                assertThat(expected).as(jar.toString()).isNotEmpty();
                for (ClassFacts inspected : facts.classes().values()) {
                    for (MethodFacts method : inspected.methods()) {
                        List<Optional<String>> fromCode = expected.get(key(inspected.name(), method.name(),
                                method.parameters().stream().map(p -> p.erasure().toString()).toList(),
                                method.erasedReturn().toString()));
                        if (fromCode != null) {
                            assertThat(method.parameters()).extracting(ParameterFacts::name)
                                    .as(inspected.name() + "." + method.name()).containsExactlyElementsOf(fromCode);
                            if (fromCode.stream().anyMatch(Optional::isPresent)) {
                                named++;
                            }
                        }
                    }
                }
            }
            assertThat(named).as("methods named from LocalVariableTables").isGreaterThan(3_000);
        }
    }

    static String key(String owner, String method, List<String> erasedParameters, String erasedReturn) {
        return owner + "#" + method + erasedParameters + erasedReturn;
    }

    /** The names the former second ASM pass (code decoded) found, by class, method and erased parameters. */
    static Map<String, List<Optional<String>>> namesFromCode(Path jar) throws IOException {
        Map<String, List<Optional<String>>> names = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (!Archive.isClassEntry(entry.getName())) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = file.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                new ClassReader(bytes).accept(new ReferenceVisitor(names), ClassReader.SKIP_FRAMES);
            }
        }
        return names;
    }

    /** The reference: visits code, takes each parameter slot's entry that starts at the first label. */
    static final class ReferenceVisitor extends ClassVisitor {
        private final Map<String, List<Optional<String>>> names;
        private String owner;

        ReferenceVisitor(Map<String, List<Optional<String>>> names) {
            super(Opcodes.ASM9);
            this.names = names;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            owner = name.replace('/', '.');
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
            if (!hasCode || "<clinit>".equals(name) || descriptor.startsWith("()")) {
                return null;
            }
            Signatures.MethodTypes erased = Signatures.methodTypes(descriptor);
            int[] slots = MethodCollector.parameterSlots(descriptor, (access & Opcodes.ACC_STATIC) != 0);
            String[] local = new String[slots.length];
            boolean[] atStart = new boolean[slots.length];
            return new MethodVisitor(Opcodes.ASM9) {
                private Label first;
                private boolean hasParameters;

                @Override
                public void visitParameter(String parameterName, int parameterAccess) {
                    hasParameters = true;
                }

                @Override
                public void visitLabel(Label label) {
                    if (first == null) {
                        first = label;
                    }
                }

                @Override
                public void visitLocalVariable(String n, String d, String s, Label start, Label end, int index) {
                    for (int i = 0; i < slots.length; i++) {
                        if (slots[i] == index && !atStart[i]) {
                            atStart[i] = start == first;
                            local[i] = n;
                        }
                    }
                }

                @Override
                public void visitEnd() {
                    if (!hasParameters) {
                        List<Optional<String>> list = new ArrayList<>();
                        for (String n : local) {
                            list.add(Optional.ofNullable(n));
                        }
                        names.put(key(owner, name, erased.parameters().stream().map(Object::toString).toList(),
                                erased.returnType().toString()), list);
                    }
                }
            };
        }
    }

    @Test
    void the_directly_read_table_is_not_consulted_when_method_parameters_name_the_parameters() {
        Path classes = TestJars.compile(tmp.resolve("both"), Map.of("q/Both.java", """
                package q;
                public class Both { public void run(long first, String second) { } }
                """), "-g", "-parameters");
        ModuleFacts facts = Inspector.withClasspath(List.of()).inspect(classes, ClassSelection.named(Set.of("q.Both")));
        assertThat(facts.moduleClass("q.Both").orElseThrow().methods()).filteredOn(m -> m.name().equals("run"))
                .singleElement().satisfies(m -> assertThat(m.parameters()).extracting(ParameterFacts::name)
                        .containsExactly(Optional.of("first"), Optional.of("second")));
    }
}
