package io.importspy.internal.inspect;

import io.importspy.inspect.AnnotationFacts;
import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.FieldFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.Origin;
import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;
import io.importspy.java.Wildcard;
import io.importspy.testsupport.TestJars;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.importspy.java.Modifier.ABSTRACT;
import static io.importspy.java.Modifier.DEFAULT;
import static io.importspy.java.Modifier.FINAL;
import static io.importspy.java.Modifier.PRIVATE;
import static io.importspy.java.Modifier.PROTECTED;
import static io.importspy.java.Modifier.PUBLIC;
import static io.importspy.java.Modifier.STATIC;
import static org.assertj.core.api.Assertions.assertThat;

class ClassFactsTest {
    @TempDir
    static Path tmp;
    static ModuleFacts facts;

    static final Map<String, String> SOURCES = Map.of(
            "com/acme/Greeter.java", """
                    package com.acme;
                    import java.util.*;
                    @Marker(name = "g", level = 3, kind = Kind.B, type = String.class, tags = {"a", "b"},
                            nested = @Tag("n"), numbers = {1, 2}, arrayType = int[].class)
                    @Tag("visible")
                    public class Greeter<T extends Number> extends Base implements Comparable<Greeter<T>> {
                        public static final boolean BOOL = true;
                        public static final char CHAR = 'c';
                        public static final byte BYTE = 1;
                        public static final short SHORT = 2;
                        public static final int INT = 3;
                        public static final long LONG = 4L;
                        public static final float FLOAT = 5.5f;
                        public static final double DOUBLE = 6.25;
                        public static final String NAME = "greeter";
                        public static final Object NOT_CONSTANT = "x";
                        protected transient volatile int counter;
                        public Map<String, ? extends Number> weights;
                        public List<? super Integer> sink;
                        public List<?> any;
                        @Tag("field") public T value;
                        public T[][] values;
                        public Map.Entry<String, T> entry;
                        public Greeter(String name) throws java.io.IOException { }
                        public synchronized <E extends Exception> String greet(String who, Locale locale) throws E {
                            return who;
                        }
                        public static String format(String pattern, Object... args) { return pattern; }
                        public native void nat();
                        protected void run() { }
                        public final int compareTo(Greeter<T> other) { return 0; }
                        private static class Hidden { }
                        protected static final class Shown { }
                        public class Inner { public Inner(int x) { } }
                        public sealed interface Shape permits Circle, Square { }
                        public record Circle(double r) implements Shape { }
                        public static non-sealed class Square implements Shape { }
                    }
                    """,
            "com/acme/Base.java", "package com.acme; public abstract class Base { protected abstract void run(); }",
            "com/acme/Kind.java", "package com.acme; public enum Kind { A, B; Kind() { } }",
            "com/acme/Tag.java", """
                    package com.acme;
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                    public @interface Tag { String value(); }
                    """,
            "com/acme/Marker.java", """
                    package com.acme;
                    public @interface Marker {
                        String name(); int level(); Kind kind(); Class<?> type(); String[] tags(); Tag nested();
                        int[] numbers(); Class<?> arrayType(); boolean flag() default true;
                    }
                    """,
            "com/acme/Names.java", """
                    package com.acme;
                    public class Names extends java.util.ArrayList<String> implements Comparable<Names> {
                        public int compareTo(Names other) { return 0; }
                    }
                    """,
            "com/acme/Pairing.java", """
                    package com.acme;
                    public interface Pairing<K, V extends Comparable<? super V>> extends java.util.function.Function<K, V[]> {
                    }
                    """,
            "com/acme/Holder.java", """
                    package com.acme;
                    public class Holder<T> {
                        public class Slot extends java.util.ArrayList<java.util.List<T>> { }
                    }
                    """,
            "com/acme/Service.java", """
                    package com.acme;
                    public interface Service {
                        void run(String task);
                        default String name() { return "s"; }
                        static Service create() { return null; }
                        private void helper() { }
                    }
                    """);

    @BeforeAll
    static void inspectFixture() {
        Path classes = TestJars.compile(tmp.resolve("classes"), SOURCES, "-parameters");
        Path jar = TestJars.jar(tmp.resolve("fixture.jar")).classes(classes).build();
        facts = Inspector.withClasspath(List.of()).inspect(jar, ClassSelection.all());
    }

    static ClassFacts type(String name) {
        return facts.moduleClass(name).orElseThrow(() -> new AssertionError(name + " not read: " + facts.classes().keySet()));
    }

    static FieldFacts field(String name) {
        return type("com.acme.Greeter").fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    static MethodFacts method(String type, String name) {
        return type(type).methods().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Nested
    class Kinds_and_modifiers {
        @Test
        void every_kind_of_declaration_is_recognized() {
            assertThat(type("com.acme.Greeter").kind()).isEqualTo(ClassKind.CLASS);
            assertThat(type("com.acme.Service").kind()).isEqualTo(ClassKind.INTERFACE);
            assertThat(type("com.acme.Kind").kind()).isEqualTo(ClassKind.ENUM);
            assertThat(type("com.acme.Greeter$Circle").kind()).isEqualTo(ClassKind.RECORD);
            assertThat(type("com.acme.Tag").kind()).isEqualTo(ClassKind.ANNOTATION);
        }

        @Test
        void nested_classes_take_their_modifiers_from_the_inner_classes_attribute() {
            assertThat(type("com.acme.Greeter$Hidden").modifiers()).containsExactlyInAnyOrder(PRIVATE, STATIC);
            assertThat(type("com.acme.Greeter$Shown").modifiers()).containsExactlyInAnyOrder(PROTECTED, STATIC, FINAL);
            assertThat(type("com.acme.Greeter$Inner").modifiers()).containsExactly(PUBLIC);
        }

        @Test
        void sealed_interfaces_are_sealed_and_abstract_and_interfaces_have_no_superclass() {
            ClassFacts shape = type("com.acme.Greeter$Shape");
            assertThat(shape.modifiers()).contains(Modifier.SEALED, ABSTRACT, PUBLIC, STATIC);
            assertThat(shape.superclass()).isEmpty();
            assertThat(type("com.acme.Greeter$Square").modifiers()).doesNotContain(Modifier.SEALED);
        }

        @Test
        void superclass_and_interfaces_are_binary_names() {
            ClassFacts greeter = type("com.acme.Greeter");
            assertThat(greeter.superclass()).contains("com.acme.Base");
            assertThat(greeter.interfaces()).containsExactly("java.lang.Comparable");
            assertThat(type("com.acme.Base").modifiers()).containsExactlyInAnyOrder(PUBLIC, ABSTRACT);
            assertThat(greeter.classFileMajor()).isEqualTo(61);
        }

        @Test
        void interface_methods_are_default_abstract_static_or_private() {
            assertThat(method("com.acme.Service", "run").modifiers()).containsExactlyInAnyOrder(PUBLIC, ABSTRACT);
            assertThat(method("com.acme.Service", "name").modifiers()).containsExactlyInAnyOrder(PUBLIC, DEFAULT);
            assertThat(method("com.acme.Service", "create").modifiers()).containsExactlyInAnyOrder(PUBLIC, STATIC);
            assertThat(method("com.acme.Service", "helper").modifiers()).containsExactly(PRIVATE);
        }

        @Test
        void method_modifiers_keep_synchronized_native_and_final() {
            assertThat(method("com.acme.Greeter", "greet").modifiers()).containsExactlyInAnyOrder(PUBLIC, Modifier.SYNCHRONIZED);
            assertThat(method("com.acme.Greeter", "nat").modifiers()).containsExactlyInAnyOrder(PUBLIC, Modifier.NATIVE);
            assertThat(field("counter").modifiers())
                    .containsExactlyInAnyOrder(PROTECTED, Modifier.TRANSIENT, Modifier.VOLATILE);
        }

        @Test
        void bridge_methods_are_synthetic_and_static_initializers_are_not_recorded() {
            List<MethodFacts> compareTo = type("com.acme.Greeter").methods().stream()
                    .filter(m -> m.name().equals("compareTo")).toList();
            assertThat(compareTo).extracting(MethodFacts::synthetic).containsExactlyInAnyOrder(false, true);
            assertThat(compareTo).allSatisfy(m -> assertThat(m.modifiers()).doesNotContain(Modifier.VOLATILE));
            assertThat(type("com.acme.Greeter").methods()).extracting(MethodFacts::name).doesNotContain("<clinit>");
        }
    }

    @Nested
    class Generic_supertypes {
        @Test
        void come_from_the_signature_attribute_beside_the_erased_names() {
            ClassFacts names = type("com.acme.Names");
            assertThat(names.superclass()).contains("java.util.ArrayList");
            assertThat(names.interfaces()).containsExactly("java.lang.Comparable");
            assertThat(names.typeParameters()).isEmpty();
            assertThat(names.genericSuperclass()).contains(
                    JavaType.of("java.util.ArrayList", List.of(JavaType.of("java.lang.String"))));
            assertThat(names.genericInterfaces()).containsExactly(
                    JavaType.of("java.lang.Comparable", List.of(JavaType.of("com.acme.Names"))));
        }

        @Test
        void name_the_class_type_parameters_and_mark_type_variables() {
            ClassFacts greeter = type("com.acme.Greeter");
            assertThat(greeter.typeParameters()).containsExactly("T");
            assertThat(greeter.genericSuperclass()).contains(JavaType.of("com.acme.Base"));
            assertThat(greeter.genericInterfaces()).singleElement().satisfies(comparable -> {
                assertThat(comparable.toString()).isEqualTo("java.lang.Comparable<com.acme.Greeter<T>>");
                JavaType self = (JavaType) comparable.arguments().get(0);
                assertThat(self.arguments()).containsExactly(JavaType.typeVariable("T"));
            });
        }

        @Test
        void of_an_interface_are_its_superinterfaces_with_bounded_parameters_read_by_name() {
            ClassFacts pairing = type("com.acme.Pairing");
            assertThat(pairing.typeParameters()).containsExactly("K", "V");
            assertThat(pairing.superclass()).isEmpty();
            assertThat(pairing.genericSuperclass()).isEmpty();
            assertThat(pairing.genericInterfaces()).containsExactly(JavaType.of("java.util.function.Function",
                    List.of(JavaType.typeVariable("K"), JavaType.typeVariable("V").withDimensions(1))));
        }

        @Test
        void of_an_inner_class_may_use_the_type_variables_of_its_outer_class() {
            ClassFacts slot = type("com.acme.Holder$Slot");
            assertThat(slot.typeParameters()).isEmpty();
            assertThat(slot.genericSuperclass().map(JavaType::toString))
                    .contains("java.util.ArrayList<java.util.List<T>>");
        }

        @Test
        void equal_the_erased_names_without_a_signature_attribute() {
            ClassFacts base = type("com.acme.Base");
            assertThat(base.typeParameters()).isEmpty();
            assertThat(base.genericSuperclass()).contains(JavaType.of("java.lang.Object"));
            assertThat(type("com.acme.Service").genericInterfaces()).isEmpty();
            assertThat(type("com.acme.Tag").genericInterfaces())
                    .containsExactly(JavaType.of("java.lang.annotation.Annotation"));
        }

        @Test
        void of_jdk_supertypes_are_read_too() {
            Path jar = TestJars.jar(tmp.resolve("names.jar")).classes(tmp.resolve("classes")).build();
            ModuleFacts named = Inspector.withClasspath(List.of()).inspect(jar, ClassSelection.named(Set.of("com.acme.Names")));
            ClassFacts arrayList = named.anyClass("java.util.ArrayList").orElseThrow();
            assertThat(arrayList.origin()).isEqualTo(Origin.JDK);
            assertThat(arrayList.typeParameters()).containsExactly("E");
            assertThat(arrayList.genericSuperclass().map(JavaType::toString)).contains("java.util.AbstractList<E>");
            assertThat(arrayList.genericInterfaces()).extracting(JavaType::toString)
                    .contains("java.util.List<E>", "java.util.RandomAccess");
        }
    }

    @Nested
    class Types {
        @Test
        void wildcards_keep_their_variance_and_bound() {
            JavaType weights = field("weights").type();
            assertThat(weights.name()).isEqualTo("java.util.Map");
            assertThat(weights.arguments()).containsExactly(JavaType.of("java.lang.String"),
                    new Wildcard(Wildcard.Variance.EXTENDS, Optional.of(JavaType.of("java.lang.Number"))));
            assertThat(field("sink").type().toString()).isEqualTo("java.util.List<? super java.lang.Integer>");
            assertThat(field("any").type().toString()).isEqualTo("java.util.List<?>");
            assertThat(field("weights").erasure()).isEqualTo(JavaType.of("java.util.Map"));
        }

        @Test
        void type_variables_and_nested_classes_are_spelled_as_bytecode_names_them() {
            assertThat(field("value").type()).isEqualTo(JavaType.typeVariable("T"));
            assertThat(field("value").erasure()).isEqualTo(JavaType.of("java.lang.Number"));
            assertThat(field("values").type()).isEqualTo(JavaType.typeVariable("T").withDimensions(2));
            assertThat(field("entry").type().toString()).isEqualTo("java.util.Map$Entry<java.lang.String, T>");
        }

        @Test
        void generic_methods_report_generic_parameters_returns_and_exceptions() {
            MethodFacts greet = method("com.acme.Greeter", "greet");
            assertThat(greet.parameters()).extracting(p -> p.type().toString())
                    .containsExactly("java.lang.String", "java.util.Locale");
            assertThat(greet.returnType()).isEqualTo(JavaType.of("java.lang.String"));
            assertThat(greet.exceptions()).containsExactly(JavaType.typeVariable("E"));
            assertThat(method("com.acme.Greeter", "<init>").exceptions()).containsExactly(JavaType.of("java.io.IOException"));
            assertThat(method("com.acme.Greeter", "<init>").returnType()).isEqualTo(JavaType.of("void"));
        }

        @Test
        void varargs_methods_mark_their_last_parameter() {
            MethodFacts format = method("com.acme.Greeter", "format");
            assertThat(format.varargs()).isTrue();
            assertThat(format.parameters().get(1).type().toString()).isEqualTo("java.lang.Object...");
            assertThat(format.parameters().get(1).erasure()).isEqualTo(JavaType.of("java.lang.Object").withDimensions(1));
            assertThat(format.modifiers()).containsExactlyInAnyOrder(PUBLIC, STATIC);
        }

        @Test
        void inner_class_and_enum_constructors_have_the_parameters_source_declares() {
            MethodFacts inner = method("com.acme.Greeter$Inner", "<init>");
            assertThat(inner.parameters()).as("without the outer instance javac adds")
                    .extracting(p -> p.erasure().toString()).containsExactly("int");
            assertThat(inner.parameters().get(0).name()).contains("x");
            MethodFacts kind = method("com.acme.Kind", "<init>");
            assertThat(kind.parameters()).as("without the name and ordinal javac adds").isEmpty();
        }
    }

    @Nested
    class Constants_and_annotations {
        @Test
        void constants_of_every_primitive_type_and_string_are_boxed_as_their_field_type() {
            assertThat(field("BOOL").constant()).contains(true);
            assertThat(field("CHAR").constant()).contains('c');
            assertThat(field("BYTE").constant()).contains((byte) 1);
            assertThat(field("SHORT").constant()).contains((short) 2);
            assertThat(field("INT").constant()).contains(3);
            assertThat(field("LONG").constant()).contains(4L);
            assertThat(field("FLOAT").constant()).contains(5.5f);
            assertThat(field("DOUBLE").constant()).contains(6.25);
            assertThat(field("NAME").constant()).contains("greeter");
            assertThat(field("NOT_CONSTANT").constant()).isEmpty();
        }

        @Test
        void annotation_values_are_plain_java_values() {
            AnnotationFacts marker = type("com.acme.Greeter").annotations().stream()
                    .filter(a -> a.type().equals("com.acme.Marker")).findFirst().orElseThrow();
            assertThat(marker.values()).containsEntry("name", "g").containsEntry("level", 3)
                    .containsEntry("kind", "B").containsEntry("type", "java.lang.String")
                    .containsEntry("tags", List.of("a", "b")).containsEntry("numbers", List.of(1, 2))
                    .containsEntry("arrayType", "int[]")
                    .containsEntry("nested", new AnnotationFacts("com.acme.Tag", Map.of("value", "n")))
                    .doesNotContainKey("flag");
        }

        @Test
        void visible_and_invisible_annotations_on_classes_fields_and_methods_are_read() {
            assertThat(type("com.acme.Greeter").annotations()).extracting(AnnotationFacts::type)
                    .containsExactlyInAnyOrder("com.acme.Marker", "com.acme.Tag");
            assertThat(field("value").annotations())
                    .containsExactly(new AnnotationFacts("com.acme.Tag", Map.of("value", "field")));
        }
    }
}
