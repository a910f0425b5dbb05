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
 * Type arguments of required supertypes, end to end: a javac-compiled class whose supertypes are the
 * running JDK's own generic classes (read from jrt:/), substituted along the whole hierarchy.
 */
class GenericSupertypesIT {
    @TempDir
    static Path tmp;
    static Path jar;

    @BeforeAll
    static void buildJar() {
        Path classes = TestJars.compile(tmp.resolve("classes"), Map.of("com/acme/Names.java", """
                package com.acme;
                public class Names extends java.util.ArrayList<String> implements Comparable<Names> {
                    public int compareTo(Names other) { return 0; }
                }
                """, "com/acme/Registry.java", """
                package com.acme;
                public class Registry<V extends Number> extends java.util.HashMap<String, java.util.List<V>> { }
                """));
        jar = TestJars.jar(tmp.resolve("names-1.0.jar")).classes(classes).build();
    }

    static List<Violation> violations(String classes) {
        return StrictValidation.violations(jar, classes);
    }

    @Test
    void type_arguments_are_carried_through_the_jdk_collection_hierarchy() {
        assertThat(violations("""
                  - name: com.acme.Names
                    extends: "java.util.AbstractList<String>"
                    implements: ["Iterable<String>", "java.util.Collection<java.lang.String>", "Comparable<Names>",
                                 java.util.RandomAccess]
                  - name: com.acme.Registry
                    extends: "java.util.AbstractMap<String, java.util.List<V>>"
                    implements: ["java.util.Map<String, java.util.List<V>>"]
                """)).extracting(Violation::toString).isEmpty();
    }

    @Test
    void other_type_arguments_are_a_mismatch_that_names_the_found_ones() {
        assertThat(violations("""
                  - name: com.acme.Names
                    implements: ["Iterable<Integer>"]
                  - name: com.acme.Registry
                    implements: ["java.util.Map<String, java.util.List<Integer>>"]
                """)).extracting(Violation::category, Violation::subject, Violation::found, Violation::message)
                .containsExactly(
                        tuple(Category.MISMATCH, "com.acme.Names", "implements java.lang.Iterable<java.lang.String>",
                                "class com.acme.Names does not implement Iterable<Integer>:"
                                        + " it implements java.lang.Iterable<java.lang.String>"),
                        tuple(Category.MISMATCH, "com.acme.Registry",
                                "implements java.util.Map<java.lang.String, java.util.List<V>>",
                                "class com.acme.Registry does not implement java.util.Map<String, java.util.List<Integer>>:"
                                        + " it implements java.util.Map<java.lang.String, java.util.List<V>>"));
    }
}
