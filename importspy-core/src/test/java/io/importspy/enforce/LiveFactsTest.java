package io.importspy.enforce;

import io.importspy.inspect.AnnotationFacts;
import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.Origin;
import io.importspy.java.JavaType;
import io.importspy.testsupport.TestJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class LiveFactsTest {
    static class Names extends ArrayList<String> implements Comparable<Names> {
        @Override
        public int compareTo(Names other) {
            return 0;
        }
    }

    interface Pairing<K, V extends Comparable<? super V>> extends Function<K, List<? extends V>> {
    }

    @Test
    void generic_supertypes_of_a_live_class_come_from_reflection() {
        ClassFacts names = LiveFacts.of(Names.class, Origin.LIVE, false);

        assertThat(names.superclass()).contains("java.util.ArrayList");
        assertThat(names.typeParameters()).isEmpty();
        assertThat(names.genericSuperclass().map(JavaType::toString)).contains("java.util.ArrayList<java.lang.String>");
        assertThat(names.genericInterfaces()).extracting(JavaType::toString)
                .containsExactly("java.lang.Comparable<io.importspy.enforce.LiveFactsTest$Names>");
    }

    @Test
    void type_parameters_are_named_and_used_as_type_variables() {
        ClassFacts pairing = LiveFacts.of(Pairing.class, Origin.LIVE, false);

        assertThat(pairing.typeParameters()).containsExactly("K", "V");
        assertThat(pairing.genericSuperclass()).isEmpty();
        assertThat(pairing.genericInterfaces()).singleElement().satisfies(function -> {
            assertThat(function.toString()).isEqualTo("java.util.function.Function<K, java.util.List<? extends V>>");
            assertThat(function.arguments().get(0)).isEqualTo(JavaType.typeVariable("K"));
        });
    }

    @Test
    void a_class_that_is_not_generic_has_its_erased_supertypes() {
        ClassFacts object = LiveFacts.of(Object.class, Origin.JDK, false);
        ClassFacts exception = LiveFacts.of(IllegalStateException.class, Origin.JDK, false);

        assertThat(object.genericSuperclass()).isEmpty();
        assertThat(exception.genericSuperclass()).contains(JavaType.of("java.lang.RuntimeException"));
        assertThat(exception.typeParameters()).isEmpty();
    }

    @Test
    void annotations_are_read_from_the_class_file_and_never_initialize_the_enum_of_their_values(@TempDir Path work)
            throws Exception {
        Path marker = work.resolve("enum-initialized");
        Path jar = TestJars.project(work)
                .source("pl/Level.java", """
                        package pl;
                        public enum Level {
                            LOW, HIGH;
                            static {
                                try { java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran"); }
                                catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                            }
                        }""".formatted(marker.toString().replace("\\", "\\\\")))
                .source("pl/Mode.java", """
                        package pl;
                        @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                        public @interface Mode { Level value(); Level fallback() default Level.LOW; }""")
                .source("pl/Tagged.java", """
                        package pl;
                        @Mode(Level.HIGH)
                        public class Tagged {
                            @Mode(Level.LOW) public int level;
                            @Mode(value = Level.HIGH, fallback = Level.HIGH) public void run(String how) { }
                        }""")
                .jar("annotated.jar");
        try (URLClassLoader loader = TestJars.loader(ClassLoader.getPlatformClassLoader(), jar)) {
            ClassFacts tagged = LiveFacts.of(Class.forName("pl.Tagged", false, loader), Origin.LIVE, false);

            assertThat(tagged.annotations()).containsExactly(new AnnotationFacts("pl.Mode", Map.of("value", "HIGH")));
            assertThat(tagged.fields()).singleElement().satisfies(field -> assertThat(field.annotations())
                    .containsExactly(new AnnotationFacts("pl.Mode", Map.of("value", "LOW"))));
            assertThat(tagged.methods()).filteredOn(method -> method.name().equals("run")).singleElement()
                    .satisfies(method -> assertThat(method.annotations()).containsExactly(
                            new AnnotationFacts("pl.Mode", Map.of("value", "HIGH", "fallback", "HIGH"))));

            byte[] bytes;
            try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                bytes = file.getInputStream(file.getEntry("pl/Tagged.class")).readAllBytes();
            }
            Class<?> noClassFile = new ClassLoader("no-class-file", loader) {
                @Override
                public java.net.URL getResource(String name) {
                    return null;
                }

                Class<?> define() {
                    return defineClass("pl.Tagged", bytes, 0, bytes.length);
                }
            }.define();
            assertThat(LiveFacts.of(noClassFile, Origin.LIVE, false).annotations())
                    .as("no class file: no annotations, so that a contract asking for one fails").isEmpty();
        }
        assertThat(marker).as("the enum's static initializer never ran").doesNotExist();
    }
}
