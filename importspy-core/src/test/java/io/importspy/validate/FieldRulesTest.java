package io.importspy.validate;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.FieldFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.contract.FieldSpec;
import io.importspy.java.Modifier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.importspy.validate.Facts.cls;
import static io.importspy.validate.Facts.field;
import static io.importspy.validate.Facts.iface;
import static io.importspy.validate.Facts.module;
import static io.importspy.validate.Specs.at;
import static io.importspy.validate.Specs.classSpec;
import static io.importspy.validate.Specs.fieldSpec;
import static io.importspy.validate.Specs.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FieldRulesTest {
    private static final String PLUGIN = "com.acme.Plugin";

    private static List<Violation> check(ModuleFacts facts, FieldSpec spec) {
        SpyModel contract = model(classSpec(PLUGIN, 10).field(spec).build());
        return Validator.validate(contract, facts, Optional.empty()).violations();
    }

    private static List<Violation> checkValue(FieldFacts fact, Object yaml) {
        return check(module(cls(PLUGIN).fields(fact).build()), fieldSpec(fact.name(), 20, null, yaml));
    }

    @Nested
    class Presence {
        @Test
        void a_missing_field_is_reported() {
            assertThat(check(module(cls(PLUGIN).build()), fieldSpec("NAME", 20, "String", "x")))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.MISSING);
                        assertThat(v.context()).isEqualTo(Context.FIELD);
                        assertThat(v.subject()).isEqualTo("com.acme.Plugin.NAME");
                        assertThat(v.expected()).isEqualTo("field NAME");
                        assertThat(v.found()).isEqualTo("<absent>");
                        assertThat(v.message()).isEqualTo("class com.acme.Plugin lacks field NAME");
                        assertThat(v.solution()).isEqualTo("add field NAME to com.acme.Plugin, or remove it from the contract");
                        assertThat(v.location()).isEqualTo(at(20));
                    });
        }

        @Test
        void inherited_fields_from_superclasses_and_interfaces_count() {
            ModuleFacts facts = module(cls(PLUGIN).extending("com.acme.Base").implementing("com.acme.Keys").build(),
                    cls("com.acme.Base").fields(field("count", "int", null, Modifier.PROTECTED)).build(),
                    iface("com.acme.Keys").fields(field("KEY", "java.lang.String", "k",
                            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)).build());

            assertThat(check(facts, fieldSpec("count", 20, "int", null))).isEmpty();
            assertThat(check(facts, fieldSpec("KEY", 20, "String", "k"))).isEmpty();
        }

        @Test
        void is_unverified_when_a_supertype_was_not_read() {
            ModuleFacts facts = module(Set.of("com.acme.Base"), cls(PLUGIN).extending("com.acme.Base").build());

            assertThat(check(facts, fieldSpec("count", 20, "int", null)))
                    .extracting(Violation::category, Violation::found)
                    .containsExactly(tuple(Category.UNVERIFIED, "<unresolved com.acme.Base>"));
        }
    }

    @Nested
    class Type_and_modifiers {
        private final ModuleFacts facts = module(cls(PLUGIN).fields(
                field("greetings", "java.util.List<java.lang.String>", null, Modifier.PRIVATE)).build());

        @Test
        void the_type_matches_with_or_without_generic_arguments() {
            assertThat(check(facts, fieldSpec("greetings", 20, "List", null))).isEmpty();
            assertThat(check(facts, fieldSpec("greetings", 20, "java.util.List<String>", null))).isEmpty();
        }

        @Test
        void a_different_type_is_a_mismatch_at_the_type_line() {
            assertThat(check(facts, fieldSpec("greetings", 20, "java.util.List<Integer>", null)))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.MISMATCH);
                        assertThat(v.expected()).isEqualTo("java.util.List<Integer>");
                        assertThat(v.found()).isEqualTo("java.util.List<java.lang.String>");
                        assertThat(v.message()).isEqualTo("field com.acme.Plugin.greetings has type "
                                + "java.util.List<java.lang.String>, not java.util.List<Integer>");
                        assertThat(v.location()).isEqualTo(at(21));
                    });
        }

        @Test
        void lacking_modifiers_are_a_mismatch() {
            assertThat(check(facts, fieldSpec("greetings", 20, Specs.mods(22, Modifier.PRIVATE, Modifier.FINAL))))
                    .extracting(Violation::message, Violation::location)
                    .containsExactly(tuple("field com.acme.Plugin.greetings lacks modifier final", at(22)));
        }
    }

    @Nested
    class Constant_values {
        @Test
        void a_yaml_integer_equals_every_integral_constant_of_the_same_value() {
            for (Object constant : List.of(10, 10L, (short) 10, (byte) 10, 10.0, 10.0f)) {
                FieldFacts fact = new FieldFacts("MAX", Facts.type("int"), Facts.type("int"), Set.of(),
                        Optional.of(constant), List.of());
                assertThat(checkValue(fact, 10L)).as("10 vs %s %s", constant.getClass().getSimpleName(), constant)
                        .isEmpty();
                assertThat(checkValue(fact, BigInteger.TEN)).isEmpty();
                assertThat(checkValue(fact, 11L)).extracting(Violation::category).containsExactly(Category.MISMATCH);
            }
        }

        @Test
        void a_yaml_double_equals_float_and_double_constants_by_value() {
            assertThat(checkValue(field("RATIO", "double", 0.1), 0.1)).isEmpty();
            assertThat(checkValue(field("RATIO", "float", 0.1f), 0.1)).isEmpty();
            assertThat(checkValue(field("MAX", "float", Float.MAX_VALUE), 3.4028235E38)).isEmpty();
            assertThat(checkValue(field("MAX", "float", Float.MAX_VALUE), (double) Float.MAX_VALUE))
                    .as("the float widened to double, exactly").isEmpty();
            assertThat(checkValue(field("MIN", "float", Float.MIN_VALUE), 1.4E-45)).isEmpty();
            assertThat(checkValue(field("RATIO", "float", 0.1f), 0.2)).extracting(Violation::category)
                    .containsExactly(Category.MISMATCH);
            assertThat(checkValue(field("RATIO", "double", 2.0), 2L)).isEmpty();
            assertThat(checkValue(field("RATIO", "double", 2.5), 2L)).extracting(Violation::category)
                    .containsExactly(Category.MISMATCH);
            assertThat(checkValue(field("COUNT", "int", 2), 2.5)).extracting(Violation::category)
                    .containsExactly(Category.MISMATCH);
        }

        @Test
        void booleans_strings_and_chars_compare_as_users_expect() {
            assertThat(checkValue(field("ON", "boolean", true), true)).isEmpty();
            assertThat(checkValue(field("ON", "boolean", 1), true)).as("class files store booleans as int").isEmpty();
            assertThat(checkValue(field("ON", "boolean", false), true)).isNotEmpty();
            assertThat(checkValue(field("NAME", "java.lang.String", "greeter"), "greeter")).isEmpty();
            assertThat(checkValue(field("PORT", "java.lang.String", "8080"), 8080L)).isEmpty();
            assertThat(checkValue(field("SEP", "char", ';'), ";")).isEmpty();
            assertThat(checkValue(field("SEP", "char", ';'), ";;")).isNotEmpty();
            assertThat(checkValue(field("COUNT", "int", 10), "10")).as("a string is not a number").isNotEmpty();
        }

        @Test
        void a_different_value_is_a_mismatch_spelled_as_java_and_yaml() {
            assertThat(checkValue(field("LIMIT", "long", 5L), 10L)).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(Category.MISMATCH);
                assertThat(v.context()).isEqualTo(Context.FIELD);
                assertThat(v.subject()).isEqualTo("com.acme.Plugin.LIMIT");
                assertThat(v.expected()).isEqualTo("10");
                assertThat(v.found()).isEqualTo("5L");
                assertThat(v.message()).isEqualTo("field com.acme.Plugin.LIMIT is 5L, not 10");
                assertThat(v.location()).isEqualTo(at(22));
            });
            assertThat(checkValue(field("NAME", "java.lang.String", "other"), "greeter"))
                    .extracting(Violation::message).containsExactly("field com.acme.Plugin.NAME is \"other\", not \"greeter\"");
        }

        @Test
        void a_field_without_a_compiled_constant_is_unverified() {
            assertThat(checkValue(field("START", "java.time.Instant", null), "2020")).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(Category.UNVERIFIED);
                assertThat(v.found()).isEqualTo("<no compiled constant>");
                assertThat(v.message()).isEqualTo(
                        "field com.acme.Plugin.START has no compiled constant; its value is checked only in embedded mode");
            });
        }
    }
}
