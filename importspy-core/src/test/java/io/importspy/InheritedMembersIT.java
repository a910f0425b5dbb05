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
 * Inherited members of generic supertypes, end to end: javac-compiled classes whose methods and fields
 * come from a generic superclass of the module or of the running JDK, seen with the type arguments the
 * class gives it.
 */
class InheritedMembersIT {
    @TempDir
    static Path tmp;
    static Path jar;

    @BeforeAll
    static void buildJar() {
        Path classes = TestJars.compile(tmp.resolve("classes"), Map.of("g/Handler.java", """
                package g;
                public abstract class Handler<R> {
                    public R current;
                    public void handle(R request) {}
                    public R last() { return null; }
                    public <T> void accept(T any) {}
                }
                """, "g/MyHandler.java", """
                package g;
                public class MyHandler extends Handler<StringBuilder> { }
                """, "g/Overriding.java", """
                package g;
                public class Overriding extends Handler<String> {
                    @Override public void handle(String request) {}
                }
                """, "g/Raw.java", """
                package g;
                @SuppressWarnings("rawtypes")
                public class Raw extends Handler { }
                """, "g/Names.java", """
                package g;
                public class Names extends java.util.ArrayList<String> { }
                """));
        jar = TestJars.jar(tmp.resolve("gen-1.0.jar")).classes(classes).build();
    }

    static List<Violation> violations(String classes) {
        return StrictValidation.violations(jar, classes);
    }

    @Test
    void methods_inherited_from_a_jdk_generic_superclass_have_its_type_arguments() {
        assertThat(violations("""
                  - name: g.Names
                    methods:
                      - {name: add, parameters: [String], returns: boolean}
                      - {name: add, parameters: [int, java.lang.String]}
                      - {name: get, parameters: [int], returns: String}
                """)).extracting(Violation::toString).isEmpty();
    }

    @Test
    void methods_and_fields_inherited_from_a_module_generic_superclass_have_its_type_arguments() {
        assertThat(violations("""
                  - name: g.MyHandler
                    fields:
                      - {name: current, type: StringBuilder}
                    methods:
                      - {name: handle, parameters: [StringBuilder]}
                      - {name: last, returns: java.lang.StringBuilder}
                  - name: g.Overriding
                    methods:
                      - {name: handle, parameters: [String], returns: void}
                """)).extracting(Violation::toString).isEmpty();
    }

    @Test
    void the_erasure_of_a_bound_type_variable_is_not_accepted_for_it() {
        assertThat(violations("""
                  - name: g.MyHandler
                    fields:
                      - {name: current, type: Object}
                    methods:
                      - {name: handle, parameters: [Object]}
                      - {name: last, returns: Object}
                  - name: g.Names
                    methods:
                      - {name: get, parameters: [int], returns: E}
                """)).extracting(Violation::category, Violation::found, Violation::message)
                .containsExactly(
                        tuple(Category.MISMATCH, "java.lang.StringBuilder",
                                "field g.MyHandler.current has type java.lang.StringBuilder, not Object"),
                        tuple(Category.MISMATCH, "handle(java.lang.StringBuilder)",
                                "class g.MyHandler lacks method handle(Object); it has only"
                                        + " handle(java.lang.StringBuilder)"),
                        tuple(Category.MISMATCH, "java.lang.StringBuilder",
                                "method g.MyHandler#last returns java.lang.StringBuilder, not Object"),
                        tuple(Category.MISMATCH, "java.lang.String",
                                "method g.Names#get(int) returns java.lang.String, not E"));
    }

    @Test
    void an_overriding_method_and_the_overridden_one_count_once() {
        assertThat(violations("""
                  - name: g.Overriding
                    methods:
                      - {name: handle, parameters: [int]}
                """)).extracting(Violation::found).containsExactly("handle(java.lang.String)");
    }

    @Test
    void a_method_type_variable_still_matches_its_erasure() {
        assertThat(violations("""
                  - name: g.MyHandler
                    methods:
                      - {name: accept, parameters: [Object]}
                      - {name: accept, parameters: [T]}
                """)).extracting(Violation::toString).isEmpty();
    }

    @Test
    void a_raw_superclass_gives_erased_members() {
        assertThat(violations("""
                  - name: g.Raw
                    fields:
                      - {name: current, type: Object}
                    methods:
                      - {name: handle, parameters: [Object]}
                      - {name: last, returns: java.lang.Object}
                """)).extracting(Violation::toString).isEmpty();
    }
}
