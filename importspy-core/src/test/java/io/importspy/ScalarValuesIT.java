package io.importspy;

import io.importspy.internal.contract.Contracts;
import io.importspy.internal.inspect.ClassSelection;
import io.importspy.internal.inspect.Inspector;
import io.importspy.internal.report.ContractWriter;
import io.importspy.testing.StrictValidation;
import io.importspy.testsupport.TestJars;
import io.importspy.validate.Category;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
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
 * A YAML scalar against compiled constants and annotation elements of javac output: text is compared as
 * the contract writes it, whatever YAML reads it as; numbers by value, with a negative zero alike for
 * {@code float} and {@code double}; and a mismatch that YAML's typing may explain says so.
 */
class ScalarValuesIT {
    @TempDir
    static Path tmp;
    static Path jar;

    @BeforeAll
    static void buildJar() {
        Path classes = TestJars.compile(tmp.resolve("classes"), Map.of("v/Since.java", """
                package v;
                @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                public @interface Since { String value(); String[] also() default {}; double level() default 0; }
                """, "v/Constants.java", """
                package v;
                @Since(value = "5.0", also = {"1.10", "true"}, level = 2.5)
                public class Constants {
                    public static final String VERSION = "1.0";
                    public static final String FLAG = "true";
                    public static final String OCTAL = "010";
                    public static final String HEX = "0x1F";
                    public static final char DIGIT = '7';
                    public static final float NEGATIVE_ZERO_F = -0.0f;
                    public static final double NEGATIVE_ZERO_D = -0.0;
                    public static final float ZERO_F = 0.0f;
                    public static final double ZERO_D = 0.0;
                    public static final float TENTH_F = 0.1f;
                    public static final int TEN = 10;
                    public static final boolean ON = true;
                    public static final double NOT_A_NUMBER = Double.NaN;
                    public static final float MINUS_INFINITY = Float.NEGATIVE_INFINITY;
                    public static final char QUOTE = '"';
                }
                """));
        jar = TestJars.jar(tmp.resolve("values-1.0.jar")).classes(classes).build();
    }

    static List<Violation> violations(String fields) {
        return StrictValidation.violations(jar, "  - name: v.Constants\n" + fields);
    }

    @Nested
    class Text_constants {
        @Test
        void equal_the_scalar_as_written_even_where_yaml_reads_a_number_or_boolean() {
            assertThat(violations("""
                        fields:
                          - {name: VERSION, value: 1.0}
                          - {name: FLAG, value: true}
                          - {name: OCTAL, value: 010}
                          - {name: HEX, value: 0x1F}
                          - {name: DIGIT, value: 7}
                    """)).isEmpty();
        }

        @Test
        void differ_from_another_spelling_of_the_same_number_and_the_message_says_why() {
            assertThat(violations("""
                        fields:
                          - {name: VERSION, value: 1.00}
                    """)).extracting(Violation::category, Violation::expected, Violation::message)
                    .containsExactly(tuple(Category.MISMATCH, "1.00", "field v.Constants.VERSION is \"1.0\", not 1.00"
                            + " (YAML reads the unquoted 1.00 as a number; it was compared as the text written, \"1.00\")"));
        }
    }

    @Nested
    class Number_and_boolean_constants {
        @Test
        void equal_numbers_of_the_same_value() {
            assertThat(violations("""
                        fields:
                          - {name: TEN, value: 10}
                          - {name: TEN, value: 10.0}
                          - {name: TENTH_F, value: 0.1}
                          - {name: ON, value: true}
                          - {name: NEGATIVE_ZERO_F, value: -0.0}
                          - {name: NEGATIVE_ZERO_D, value: -0.0}
                          - {name: ZERO_F, value: 0.0}
                          - {name: ZERO_D, value: 0}
                    """)).isEmpty();
        }

        @Test
        void tell_a_negative_zero_from_zero_alike_for_float_and_double() {
            assertThat(violations("""
                        fields:
                          - {name: NEGATIVE_ZERO_F, value: 0.0}
                          - {name: NEGATIVE_ZERO_D, value: 0.0}
                          - {name: ZERO_F, value: -0.0}
                          - {name: ZERO_D, value: -0}
                    """)).extracting(Violation::found)
                    .containsExactly("-0.0f", "-0.0", "0.0f", "0.0");
        }

        @Test
        void differ_from_quoted_text_and_the_message_says_why() {
            assertThat(violations("""
                        fields:
                          - {name: TEN, value: "10"}
                          - {name: ON, value: "true"}
                    """)).extracting(Violation::message).containsExactly(
                    "field v.Constants.TEN is 10, not \"10\" (the contract quotes \"10\", so it is text, and the"
                            + " constant is a number: write it unquoted)",
                    "field v.Constants.ON is true, not \"true\" (the contract quotes \"true\", so it is text, and the"
                            + " constant is a boolean: write it unquoted)");
        }
    }

    @Test
    void every_constant_inspect_writes_reads_back_as_an_equal_value() {
        String yaml = ContractWriter.toYaml(Inspector.withClasspath(List.of()).inspect(jar, ClassSelection.all()));
        assertThat(yaml).contains("value: .nan", "value: -.inf", "value: \"\\\"\"", "value: \"7\"", "value: -0.0");

        Report report = Spy.validate(Contracts.parse(yaml, "inspected.yml"), ValidationOptions.defaults()
                .withRuntime(RuntimeSource.none()).withStrictness(Strictness.STRICT), List.of(jar));

        assertThat(report.targets().get(0).violations()).isEmpty();
        assertThat(violations("""
                    fields:
                      - {name: NOT_A_NUMBER, value: .nan}
                      - {name: MINUS_INFINITY, value: .inf}
                """)).extracting(Violation::found).containsExactly("-Infinityf");
    }

    @Nested
    class Annotation_string_elements {
        @Test
        void equal_the_scalar_as_written() {
            assertThat(violations("""
                        annotations:
                          - {type: v.Since, values: {value: 5.0, also: [1.10, true], level: 2.50}}
                    """)).isEmpty();
        }

        @Test
        void differ_from_another_spelling() {
            assertThat(violations("""
                        annotations:
                          - {type: v.Since, values: {value: 5, also: [1.1, true]}}
                    """)).extracting(Violation::category, Violation::message).containsExactly(tuple(Category.MISMATCH,
                    "annotation @v.Since on class v.Constants has other values for value, also"));
        }
    }
}
