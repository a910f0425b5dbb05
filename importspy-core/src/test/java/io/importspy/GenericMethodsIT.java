package io.importspy;

import io.importspy.testing.StrictValidation;
import io.importspy.testsupport.TestJars;
import io.importspy.validate.Category;
import io.importspy.validate.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A method's own type parameters against its class's, end to end on javac output: a supertype's type
 * arguments replace only the class's type variables, never those a method declares (generic, bounded and
 * shadowing methods); and an interface has the public methods of {@code Object} (JLS 9.2).
 */
class GenericMethodsIT {
    @TempDir
    static Path tmp;
    static Path jar;

    @BeforeAll
    static void buildJar() {
        Path classes = TestJars.compile(tmp.resolve("classes"), Map.of("g/Box.java", """
                package g;
                public class Box<T> {
                    public <T> T convert(T v) { return v; }
                    public T get() { return null; }
                    public <U> U map(java.util.function.Function<T, U> f) { return null; }
                    public <N extends Number & Comparable<N>> N largest(java.util.List<N> all, T hint) { return null; }
                    public <E extends Exception> void fail(T why) throws E {}
                }
                """, "g/StringBox.java", """
                package g;
                public class StringBox extends Box<String> { }
                """, "g/Shape.java", """
                package g;
                public interface Shape {
                    double area();
                }
                """, "g/Named.java", """
                package g;
                public interface Named {
                    String toString();
                }
                """, "g/Child.java", """
                package g;
                public interface Child extends Shape { }
                """));
        jar = TestJars.jar(tmp.resolve("generic-1.0.jar")).classes(classes).build();
    }

    static List<Violation> violations(String classes) {
        return StrictValidation.violations(jar, classes);
    }

    @Nested
    class A_method_type_variable {
        @Test
        void that_shadows_the_class_variable_is_not_replaced_by_the_supertype_argument() {
            assertThat(violations("""
                      - name: g.StringBox
                        methods:
                          - {name: convert, parameters: [Object], returns: Object}
                          - {name: convert, parameters: [T], returns: T}
                    """)).isEmpty();
        }

        @Test
        void that_shadows_the_class_variable_does_not_pass_for_the_supertype_argument() {
            assertThat(violations("""
                      - name: g.StringBox
                        methods:
                          - {name: convert, parameters: [String], returns: String}
                    """)).extracting(Violation::category, Violation::found)
                    .containsExactly(tuple(Category.MISMATCH, "convert(T)"));
        }

        @Test
        void stays_beside_a_substituted_class_variable() {
            assertThat(violations("""
                      - name: g.StringBox
                        methods:
                          - {name: get, returns: String}
                          - {name: map, parameters: ["java.util.function.Function<String, U>"], returns: U}
                          - {name: largest, parameters: ["java.util.List<N>", String], returns: N}
                          - {name: largest, parameters: [java.util.List, String], returns: Number}
                          - {name: fail, parameters: [String], throws: [E]}
                    """)).isEmpty();
        }

        @Test
        void is_not_its_class_argument_even_inside_generic_arguments() {
            assertThat(violations("""
                      - name: g.StringBox
                        methods:
                          - {name: map, parameters: ["java.util.function.Function<String, String>"]}
                          - {name: largest, parameters: [java.util.List, Object]}
                    """)).extracting(Violation::category).containsExactly(Category.MISMATCH, Category.MISMATCH);
        }
    }

    @Nested
    class An_interface {
        @Test
        void has_the_public_methods_of_object() {
            assertThat(violations("""
                      - name: g.Shape
                        methods:
                          - {name: hashCode, parameters: [], returns: int, modifiers: [public, abstract]}
                          - {name: equals, parameters: [Object], returns: boolean}
                          - {name: toString, parameters: [], returns: String}
                          - {name: getClass, parameters: [], returns: "Class<?>"}
                          - {name: wait, parameters: [long], throws: [InterruptedException]}
                          - {name: notifyAll}
                      - name: g.Child
                        methods:
                          - {name: hashCode, returns: int}
                          - {name: area, returns: double}
                      - name: g.Named
                        methods:
                          - {name: toString, parameters: [], returns: String}
                    """)).isEmpty();
        }

        @Test
        void has_them_as_a_class_has_them() {
            assertThat(violations("""
                      - name: g.StringBox
                        methods:
                          - {name: hashCode, parameters: [], returns: int, modifiers: [public]}
                          - {name: equals, parameters: [Object], returns: boolean}
                          - {name: clone, parameters: [], modifiers: [protected]}
                    """)).isEmpty();
        }

        @Test
        void lacks_the_protected_methods_of_object_and_what_object_does_not_declare() {
            assertThat(violations("""
                      - name: g.Shape
                        methods:
                          - {name: clone}
                          - {name: finalize}
                          - {name: equals, parameters: [String]}
                          - {name: hashCode, returns: long}
                    """)).extracting(Violation::category, Violation::message).containsExactly(
                    tuple(Category.MISSING, "class g.Shape lacks method clone"),
                    tuple(Category.MISSING, "class g.Shape lacks method finalize"),
                    tuple(Category.MISMATCH, "class g.Shape lacks method equals(String); it has only equals(java.lang.Object)"),
                    tuple(Category.MISMATCH, "method g.Shape#hashCode returns int, not long"));
        }
    }
}
