package io.importspy;

import io.importspy.testing.StrictValidation;
import io.importspy.testsupport.TestJars;
import io.importspy.validate.Category;
import io.importspy.validate.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What Java source declares but class files spell otherwise, end to end on javac-compiled classes: an
 * interface's {@code extends}, {@code non-sealed}, and {@code @Inherited} annotations of a superclass.
 */
class ClassDeclarationsIT {
    @TempDir
    static Path tmp;
    static Path jar;

    @BeforeAll
    static void buildJar() {
        Path classes = TestJars.compile(tmp.resolve("classes"), Map.of("a/Tag.java", """
                package a;
                import java.lang.annotation.*;
                @Retention(RetentionPolicy.RUNTIME) @Inherited
                public @interface Tag { int priority() default 5; String name() default "x"; }
                """, "a/Plain.java", """
                package a;
                @Tag(name = "plain")
                public class Plain implements Sub { }
                """, "a/Child.java", """
                package a;
                public class Child extends Plain { }
                """, "a/Sub.java", """
                package a;
                public interface Sub extends java.io.Closeable { default void close() {} }
                """, "a/Shape.java", """
                package a;
                public sealed interface Shape permits Circle, Square { }
                """, "a/Circle.java", """
                package a;
                public non-sealed class Circle implements Shape { }
                """, "a/Square.java", """
                package a;
                public final class Square implements Shape { }
                """));
        jar = TestJars.jar(tmp.resolve("an-1.0.jar")).classes(classes).build();
    }

    static List<Violation> violations(String classes) {
        return StrictValidation.violations(jar, classes);
    }

    @Test
    void declarations_as_written_in_source_pass() {
        assertThat(violations("""
                  - name: a.Child
                    annotations:
                      - {type: a.Tag, values: {name: plain}}
                  - name: a.Sub
                    kind: interface
                    extends: java.io.Closeable
                    implements: [AutoCloseable]
                  - name: a.Circle
                    modifiers: [public, non-sealed]
                  - name: a.Shape
                    modifiers: [sealed]
                """)).extracting(Violation::toString).isEmpty();
    }

    @Test
    void what_source_does_not_declare_fails_and_defaults_are_unverified() {
        assertThat(violations("""
                  - name: a.Square
                    modifiers: [non-sealed]
                  - name: a.Sub
                    extends: java.io.Flushable
                  - name: a.Child
                    annotations:
                      - {type: a.Tag, values: {priority: 5}}
                """)).extracting(Violation::category, Violation::message)
                .containsExactly(
                        tuple(Category.MISMATCH, "class a.Square lacks modifier non-sealed"),
                        tuple(Category.MISMATCH, "interface a.Sub does not extend java.io.Flushable"),
                        tuple(Category.UNVERIFIED, "whether annotation @a.Tag on class a.Child (inherited from"
                                + " a.Plain) has priority = 5 is unknown: the value is the annotation's default,"
                                + " which ImportSpy cannot read yet"));
    }
}
