package io.importspy.validate;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.Origin;
import io.importspy.java.ClassKind;
import io.importspy.java.Modifier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.importspy.validate.Facts.annotation;
import static io.importspy.validate.Facts.cls;
import static io.importspy.validate.Facts.iface;
import static io.importspy.validate.Facts.module;
import static io.importspy.validate.Specs.annotationSpec;
import static io.importspy.validate.Specs.at;
import static io.importspy.validate.Specs.classSpec;
import static io.importspy.validate.Specs.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ClassRulesTest {
    private static final String PLUGIN = "com.acme.Plugin";

    private static List<Violation> check(ModuleFacts facts, Specs.ClassBuilder spec) {
        SpyModel contract = model(spec.build());
        return Validator.validate(contract, facts, Optional.empty()).violations();
    }

    @Nested
    class Kind_and_modifiers {
        @Test
        void a_different_kind_is_a_mismatch() {
            List<Violation> violations = check(module(iface(PLUGIN).build()), classSpec(PLUGIN, 10).kind(ClassKind.CLASS, 11));

            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(Category.MISMATCH);
                assertThat(v.context()).isEqualTo(Context.CLASS);
                assertThat(v.subject()).isEqualTo(PLUGIN);
                assertThat(v.expected()).isEqualTo("class");
                assertThat(v.found()).isEqualTo("interface");
                assertThat(v.message()).isEqualTo("class com.acme.Plugin is an interface, not a class");
                assertThat(v.location()).isEqualTo(at(11));
            });
        }

        @Test
        void every_listed_modifier_must_be_present_and_the_lacking_ones_are_named() {
            ModuleFacts facts = module(cls(PLUGIN).modifiers(Modifier.PUBLIC).build());

            assertThat(check(facts, classSpec(PLUGIN, 10).modifiers(12, Modifier.PUBLIC))).isEmpty();
            assertThat(check(facts, classSpec(PLUGIN, 10).modifiers(12, Modifier.PUBLIC, Modifier.FINAL, Modifier.SEALED)))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.MISMATCH);
                        assertThat(v.expected()).isEqualTo("public final sealed");
                        assertThat(v.found()).isEqualTo("public");
                        assertThat(v.message()).isEqualTo("class com.acme.Plugin lacks modifiers final sealed");
                        assertThat(v.solution()).isEqualTo("declare class com.acme.Plugin final sealed, "
                                + "or remove final sealed from its modifiers in the contract");
                        assertThat(v.location()).isEqualTo(at(12));
                    });
        }
    }

    @Nested
    class Extends {
        private final ModuleFacts facts = module(cls(PLUGIN).extending("com.acme.Base").build(),
                cls("com.acme.Base").extending("java.util.AbstractList").build(),
                cls("java.util.AbstractList").origin(Origin.JDK).extending("java.util.AbstractCollection").build(),
                cls("java.util.AbstractCollection").origin(Origin.JDK).build());

        @Test
        void is_satisfied_anywhere_in_the_superclass_chain() {
            assertThat(check(facts, classSpec(PLUGIN, 10).extending("com.acme.Base", 11))).isEmpty();
            assertThat(check(facts, classSpec(PLUGIN, 10).extending("AbstractCollection", 11))).isEmpty();
            assertThat(check(facts, classSpec(PLUGIN, 10).extending("java.lang.Object", 11))).isEmpty();
        }

        @Test
        void a_class_outside_the_chain_is_a_mismatch_showing_the_chain() {
            assertThat(check(facts, classSpec(PLUGIN, 10).extending("java.util.AbstractMap", 11)))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.MISMATCH);
                        assertThat(v.expected()).isEqualTo("extends java.util.AbstractMap");
                        assertThat(v.found()).isEqualTo("extends com.acme.Base > java.util.AbstractList"
                                + " > java.util.AbstractCollection > java.lang.Object");
                        assertThat(v.message()).isEqualTo("class com.acme.Plugin does not extend java.util.AbstractMap");
                        assertThat(v.location()).isEqualTo(at(11));
                    });
        }

        @Test
        void is_unverified_when_the_chain_breaks_before_the_answer_is_known() {
            ModuleFacts broken = module(Set.of("com.acme.Base"), cls(PLUGIN).extending("com.acme.Base").build());

            assertThat(check(broken, classSpec(PLUGIN, 10).extending("com.acme.Base", 11))).isEmpty();
            assertThat(check(broken, classSpec(PLUGIN, 10).extending("com.acme.Root", 11)))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.UNVERIFIED);
                        assertThat(v.expected()).isEqualTo("extends com.acme.Root");
                        assertThat(v.found()).isEqualTo("<unresolved com.acme.Base>");
                        assertThat(v.message()).isEqualTo("whether class com.acme.Plugin extends com.acme.Root is unknown:"
                                + " its superclass com.acme.Base could not be read");
                        assertThat(v.location()).isEqualTo(at(11));
                    });
        }
    }

    @Nested
    class Implements {
        private final ClassFacts plugin = cls(PLUGIN).extending("com.acme.Base").implementing("com.acme.spi.Named").build();

        @Test
        void is_satisfied_by_interfaces_of_superclasses_and_superinterfaces() {
            ModuleFacts facts = module(plugin,
                    cls("com.acme.Base").implementing("java.io.Closeable").build(),
                    iface("java.io.Closeable").origin(Origin.JDK).implementing("java.lang.AutoCloseable").build(),
                    iface("java.lang.AutoCloseable").origin(Origin.JDK).build(),
                    iface("com.acme.spi.Named").origin(Origin.CLASSPATH).build());

            assertThat(check(facts, classSpec(PLUGIN, 10).implementing("com.acme.spi.Named", 11)
                    .implementing("AutoCloseable", 12).implementing("java.io.Closeable", 13))).isEmpty();
            assertThat(check(facts, classSpec(PLUGIN, 10).implementing("java.io.Serializable", 11)))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.MISMATCH);
                        assertThat(v.found()).isEqualTo(
                                "implements com.acme.spi.Named, java.io.Closeable, java.lang.AutoCloseable");
                        assertThat(v.message()).isEqualTo("class com.acme.Plugin does not implement java.io.Serializable");
                    });
        }

        @Test
        void is_unverified_when_any_supertype_was_not_read() {
            ModuleFacts facts = module(Set.of("com.acme.spi.Named"), plugin, cls("com.acme.Base").build());

            assertThat(check(facts, classSpec(PLUGIN, 10).implementing("com.acme.spi.Named", 11))).isEmpty();
            assertThat(check(facts, classSpec(PLUGIN, 10).implementing("java.io.Serializable", 11)))
                    .extracting(Violation::category, Violation::found, Violation::message)
                    .containsExactly(tuple(Category.UNVERIFIED, "<unresolved com.acme.spi.Named>",
                            "whether class com.acme.Plugin implements java.io.Serializable is unknown:"
                                    + " its supertype com.acme.spi.Named could not be read"));
        }
    }

    @Nested
    class Annotations {
        private final ModuleFacts facts = module(cls(PLUGIN).annotated(
                annotation("com.acme.spi.Extension", "priority", 10, "order", 2L, "enabled", true,
                        "mode", "FAST", "type", "java.lang.String", "tags", List.of("a", "b"), "only", List.of("x"),
                        "ratio", 0.5f, "initial", 'c'),
                annotation("java.lang.Deprecated")).build());

        @Test
        void are_found_by_simple_or_qualified_type_name() {
            assertThat(check(facts, classSpec(PLUGIN, 10).annotation(annotationSpec("Extension", 11))
                    .annotation(annotationSpec("java.lang.Deprecated", 12)))).isEmpty();
        }

        @Test
        void a_missing_annotation_is_reported_with_the_ones_present() {
            assertThat(check(facts, classSpec(PLUGIN, 10).annotation(annotationSpec("com.acme.Other", 11))))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.MISSING);
                        assertThat(v.expected()).isEqualTo("@com.acme.Other");
                        assertThat(v.found()).isEqualTo("@com.acme.spi.Extension, @java.lang.Deprecated");
                        assertThat(v.message()).isEqualTo("class com.acme.Plugin lacks annotation @com.acme.Other");
                        assertThat(v.location()).isEqualTo(at(11));
                    });
        }

        @Test
        void values_compare_as_normalized_text() {
            assertThat(check(facts, classSpec(PLUGIN, 10).annotation(annotationSpec("Extension", 11,
                    "priority", 10L, "order", 2L, "enabled", true, "mode", "FAST", "type", "String",
                    "tags", List.of("a", "b"), "only", "x", "ratio", 0.5, "initial", "c")))).isEmpty();
            assertThat(check(facts, classSpec(PLUGIN, 10).annotation(annotationSpec("Extension", 11,
                    "priority", "10", "type", "java.lang.String", "only", List.of("x"))))).isEmpty();
        }

        @Test
        void differing_and_defaulted_values_are_one_mismatch() {
            assertThat(check(facts, classSpec(PLUGIN, 10).annotation(annotationSpec("Extension", 11,
                    "priority", 11L, "tags", List.of("a"), "mode", "SLOW", "timeout", 5L))))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.MISMATCH);
                        assertThat(v.expected()).isEqualTo(
                                "@Extension(priority = 11, tags = [\"a\"], mode = \"SLOW\", timeout = 5)");
                        assertThat(v.found()).isEqualTo(
                                "@Extension(priority = 10, tags = {\"a\", \"b\"}, mode = \"FAST\", timeout = <default>)");
                        assertThat(v.message()).isEqualTo("annotation @Extension on class com.acme.Plugin"
                                + " has other values for priority, tags, mode, timeout");
                        assertThat(v.location()).isEqualTo(at(11));
                    });
        }
    }
}
