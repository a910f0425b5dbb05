package io.importspy.validate;

import io.importspy.java.JavaType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypeMatcherTest {
    private static boolean matches(String contract, String fact) {
        return TypeMatcher.matches(JavaType.parse(contract), JavaType.parse(fact));
    }

    @Nested
    class Names {
        @Test
        void a_simple_name_matches_the_last_segment_of_any_package_or_nesting() {
            assertThat(TypeMatcher.nameMatches("String", "java.lang.String")).isTrue();
            assertThat(TypeMatcher.nameMatches("Entry", "java.util.Map$Entry")).isTrue();
            assertThat(TypeMatcher.nameMatches("Map", "java.util.Map$Entry")).isFalse();
        }

        @Test
        void a_qualified_name_matches_exactly_with_dollar_and_dot_alike() {
            assertThat(TypeMatcher.nameMatches("java.util.Map.Entry", "java.util.Map$Entry")).isTrue();
            assertThat(TypeMatcher.nameMatches("java.util.Map$Entry", "java.util.Map$Entry")).isTrue();
            assertThat(TypeMatcher.nameMatches("util.Map.Entry", "java.util.Map$Entry")).isFalse();
            assertThat(TypeMatcher.nameMatches("java.sql.Date", "java.util.Date")).isFalse();
        }

        @Test
        void a_name_written_with_a_dollar_is_met_only_by_that_nested_class_not_by_a_package_class() {
            assertThat(TypeMatcher.nameMatches("com.acme.Outer$Inner", "com.acme.Outer.Inner")).isFalse();
            assertThat(TypeMatcher.nameMatches("Outer$Inner", "com.acme.Outer.Inner")).isFalse();
            assertThat(TypeMatcher.nameMatches("com.acme.Outer$Inner.Deep", "com.acme.Outer$Inner$Deep")).isTrue();
            assertThat(TypeMatcher.nameMatches("com.acme.Outer$Inner.Deep", "com.acme.Outer.Inner.Deep")).isFalse();
            assertThat(TypeMatcher.nameMatches("Outer$Inner", "com.acme.Outer$Inner")).isTrue();
            assertThat(TypeMatcher.nameMatches("Inner.Deep", "com.acme.Outer$Inner$Deep")).isTrue();
        }

        @Test
        void an_outer_class_qualified_name_matches_as_a_suffix_on_a_segment_boundary() {
            assertThat(TypeMatcher.nameMatches("Map.Entry", "java.util.Map$Entry")).isTrue();
            assertThat(TypeMatcher.nameMatches("Map.Entry", "com.acme.HashMap$Entry")).isFalse();
        }

        @Test
        void primitives_match_only_themselves() {
            assertThat(TypeMatcher.nameMatches("int", "int")).isTrue();
            assertThat(TypeMatcher.nameMatches("int", "java.lang.Integer")).isFalse();
            assertThat(TypeMatcher.nameMatches("Integer", "int")).isFalse();
        }

        @Test
        void a_type_variable_matches_only_its_own_name() {
            assertThat(TypeMatcher.nameMatches("T", JavaType.typeVariable("T"))).isTrue();
            assertThat(TypeMatcher.nameMatches("E", JavaType.typeVariable("T"))).isFalse();
            assertThat(TypeMatcher.nameMatches("Object", JavaType.typeVariable("T"))).isFalse();
        }
    }

    @Nested
    class Arguments {
        @Test
        void wildcards_match_by_variance_and_bound() {
            assertThat(matches("List<? extends Number>", "java.util.List<? extends java.lang.Number>")).isTrue();
            assertThat(matches("List<? super Integer>", "java.util.List<? super java.lang.Integer>")).isTrue();
            assertThat(matches("List<?>", "java.util.List<?>")).isTrue();
            assertThat(matches("List<?>", "java.util.List<? extends java.lang.Object>")).isTrue();
            assertThat(matches("List<? extends Number>", "java.util.List<? super java.lang.Number>")).isFalse();
            assertThat(matches("List<? extends Number>", "java.util.List<java.lang.Number>")).isFalse();
            assertThat(matches("List<?>", "java.util.List<java.lang.Number>")).isFalse();
        }

        @Test
        void nested_arguments_are_compared_recursively() {
            assertThat(matches("Map<String, List<Integer>>",
                    "java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>")).isTrue();
            assertThat(matches("Map<String, List<Long>>",
                    "java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>")).isFalse();
        }

        @Test
        void a_raw_fact_does_not_satisfy_written_arguments() {
            assertThat(matches("List<String>", "java.util.List")).isFalse();
            assertThat(matches("List", "java.util.List<java.lang.String>")).isTrue();
        }
    }
}
