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
import static io.importspy.validate.Facts.method;
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

        @Test
        void non_sealed_is_worked_out_from_a_sealed_direct_supertype() {
            ModuleFacts facts = module(cls(PLUGIN).extending("com.acme.Shape").build(),
                    cls("com.acme.Square").modifiers(Modifier.PUBLIC, Modifier.FINAL).extending("com.acme.Shape").build(),
                    cls("com.acme.Circle").implementing("com.acme.Round").build(),
                    cls("com.acme.Loose").build(),
                    cls("com.acme.Shape").modifiers(Modifier.PUBLIC, Modifier.ABSTRACT, Modifier.SEALED).build(),
                    iface("com.acme.Round").modifiers(Modifier.PUBLIC, Modifier.ABSTRACT, Modifier.SEALED).build());

            assertThat(check(facts, classSpec(PLUGIN, 10).modifiers(12, Modifier.PUBLIC, Modifier.NON_SEALED)))
                    .isEmpty();
            assertThat(check(facts, classSpec("com.acme.Circle", 10).modifiers(12, Modifier.NON_SEALED))).isEmpty();
            assertThat(check(facts, classSpec("com.acme.Square", 10).modifiers(12, Modifier.NON_SEALED)))
                    .extracting(Violation::category, Violation::message)
                    .containsExactly(tuple(Category.MISMATCH, "class com.acme.Square lacks modifier non-sealed"));
            assertThat(check(facts, classSpec("com.acme.Loose", 10).modifiers(12, Modifier.NON_SEALED)))
                    .extracting(Violation::category, Violation::message)
                    .containsExactly(tuple(Category.MISMATCH, "class com.acme.Loose lacks modifier non-sealed"));
        }

        @Test
        void non_sealed_is_unverified_when_a_direct_supertype_was_not_read() {
            ModuleFacts facts = module(Set.of("com.acme.Shape"), cls(PLUGIN).extending("com.acme.Shape").build());

            assertThat(check(facts, classSpec(PLUGIN, 10).modifiers(12, Modifier.NON_SEALED, Modifier.FINAL)))
                    .extracting(Violation::category, Violation::expected, Violation::found, Violation::message)
                    .containsExactly(
                            tuple(Category.MISMATCH, "final", "public", "class com.acme.Plugin lacks modifier final"),
                            tuple(Category.UNVERIFIED, "non-sealed", "<unresolved com.acme.Shape>",
                                    "whether class com.acme.Plugin is non-sealed is unknown: its direct supertype"
                                            + " com.acme.Shape could not be read"));
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
        void written_with_type_arguments_against_a_raw_superclass_is_a_mismatch() {
            assertThat(check(facts, classSpec(PLUGIN, 10).extending("java.util.AbstractList<String>", 11)))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.MISMATCH);
                        assertThat(v.expected()).isEqualTo("extends java.util.AbstractList<String>");
                        assertThat(v.found()).isEqualTo("extends java.util.AbstractList");
                        assertThat(v.message()).isEqualTo("class com.acme.Plugin does not extend"
                                + " java.util.AbstractList<String>: it extends java.util.AbstractList without type arguments");
                        assertThat(v.solution()).isEqualTo("make com.acme.Plugin extend java.util.AbstractList<String>,"
                                + " or write java.util.AbstractList without type arguments in the contract");
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
    class Extends_of_an_interface {
        /** {@code interface Sub extends java.io.Closeable}, and {@code @interface Tag}. */
        private final ModuleFacts facts = module(iface(PLUGIN).implementing("java.io.Closeable").build(),
                iface("java.io.Closeable").origin(Origin.JDK).implementing("java.lang.AutoCloseable").build(),
                iface("java.lang.AutoCloseable").origin(Origin.JDK).build(),
                iface("com.acme.Tag").kind(ClassKind.ANNOTATION).implementing("java.lang.annotation.Annotation").build(),
                iface("java.lang.annotation.Annotation").origin(Origin.JDK).build());

        @Test
        void is_satisfied_by_any_super_interface() {
            assertThat(check(facts, classSpec(PLUGIN, 10).kind(ClassKind.INTERFACE, 11)
                    .extending("java.io.Closeable", 12).implementing("AutoCloseable", 13))).isEmpty();
            assertThat(check(facts, classSpec(PLUGIN, 10).extending("AutoCloseable", 12))).isEmpty();
            assertThat(check(facts, classSpec("com.acme.Tag", 10).extending("java.lang.annotation.Annotation", 12)))
                    .isEmpty();
        }

        @Test
        void another_interface_is_a_mismatch_showing_the_super_interfaces() {
            assertThat(check(facts, classSpec(PLUGIN, 10).extending("java.io.Flushable", 12)))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.MISMATCH);
                        assertThat(v.expected()).isEqualTo("extends java.io.Flushable");
                        assertThat(v.found()).isEqualTo("extends java.io.Closeable, java.lang.AutoCloseable");
                        assertThat(v.message()).isEqualTo("interface com.acme.Plugin does not extend java.io.Flushable");
                        assertThat(v.location()).isEqualTo(at(12));
                    });
        }

        @Test
        void is_unverified_when_a_super_interface_was_not_read() {
            ModuleFacts broken = module(Set.of("com.acme.Base"), iface(PLUGIN).implementing("com.acme.Base").build());

            assertThat(check(broken, classSpec(PLUGIN, 10).extending("java.io.Flushable", 12)))
                    .extracting(Violation::category, Violation::message)
                    .containsExactly(tuple(Category.UNVERIFIED, "whether interface com.acme.Plugin extends"
                            + " java.io.Flushable is unknown: its super-interface com.acme.Base could not be read"));
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

        @Test
        void without_type_arguments_matches_any_parameterization() {
            ModuleFacts facts = module(cls(PLUGIN).implementing("java.lang.Iterable<java.lang.String>").build(),
                    iface("java.lang.Iterable").origin(Origin.JDK).typeParameters("T").build());

            assertThat(check(facts, classSpec(PLUGIN, 10).implementing("Iterable", 11))).isEmpty();
        }
    }

    @Nested
    class Type_arguments_of_supertypes {
        /** {@code class Names extends ArrayList<String> implements Comparable<Names>}, and the JDK types above. */
        private final ModuleFacts facts = module(
                cls(PLUGIN).extending("java.util.ArrayList<java.lang.String>")
                        .implementing("java.lang.Comparable<com.acme.Plugin>").build(),
                cls("java.util.ArrayList").origin(Origin.JDK).typeParameters("E")
                        .extending("java.util.AbstractList<E>").implementing("java.util.List<E>").build(),
                cls("java.util.AbstractList").origin(Origin.JDK).typeParameters("E")
                        .implementing("java.util.List<E>").build(),
                iface("java.util.List").origin(Origin.JDK).typeParameters("E")
                        .implementing("java.util.Collection<E>").build(),
                iface("java.util.Collection").origin(Origin.JDK).typeParameters("E")
                        .implementing("java.lang.Iterable<E>").build(),
                iface("java.lang.Iterable").origin(Origin.JDK).typeParameters("T").build(),
                iface("java.lang.Comparable").origin(Origin.JDK).typeParameters("T").build());

        @Test
        void are_compared_on_the_direct_supertypes() {
            assertThat(check(facts, classSpec(PLUGIN, 10).extending("java.util.ArrayList<String>", 11)
                    .implementing("Comparable<Plugin>", 12).implementing("java.lang.Comparable<com.acme.Plugin>", 13)))
                    .isEmpty();
        }

        @Test
        void are_substituted_along_the_hierarchy() {
            assertThat(check(facts, classSpec(PLUGIN, 10).extending("AbstractList<String>", 11)
                    .implementing("Iterable<String>", 12).implementing("java.util.Collection<java.lang.String>", 13)
                    .implementing("List<String>", 14))).isEmpty();
        }

        @Test
        void other_type_arguments_are_a_mismatch_naming_the_found_ones() {
            assertThat(check(facts, classSpec(PLUGIN, 10).implementing("Iterable<Integer>", 11)))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.MISMATCH);
                        assertThat(v.expected()).isEqualTo("implements Iterable<Integer>");
                        assertThat(v.found()).isEqualTo("implements java.lang.Iterable<java.lang.String>");
                        assertThat(v.message()).isEqualTo("class com.acme.Plugin does not implement Iterable<Integer>:"
                                + " it implements java.lang.Iterable<java.lang.String>");
                        assertThat(v.solution()).isEqualTo("make com.acme.Plugin implement Iterable<Integer>,"
                                + " or write java.lang.Iterable<java.lang.String> in the contract");
                        assertThat(v.location()).isEqualTo(at(11));
                    });
            assertThat(check(facts, classSpec(PLUGIN, 10).extending("java.util.AbstractList<? extends String>", 11)))
                    .extracting(Violation::category, Violation::found)
                    .containsExactly(tuple(Category.MISMATCH, "extends java.util.AbstractList<java.lang.String>"));
            assertThat(check(facts, classSpec(PLUGIN, 10).implementing("Comparable<String>", 11)))
                    .extracting(Violation::found).containsExactly("implements java.lang.Comparable<com.acme.Plugin>");
        }

        @Test
        void a_type_variable_of_the_class_stays_a_variable_and_matches_its_name() {
            ModuleFacts generic = module(cls(PLUGIN).typeParameters("T")
                            .implementing("java.util.function.Supplier<java.util.List<T[]>>").build(),
                    iface("java.util.function.Supplier").origin(Origin.JDK).typeParameters("T").build());

            assertThat(check(generic, classSpec(PLUGIN, 10).implementing("Supplier<List<T[]>>", 11))).isEmpty();
            assertThat(check(generic, classSpec(PLUGIN, 10).implementing("Supplier<List<Object[]>>", 11)))
                    .extracting(Violation::category).containsExactly(Category.MISMATCH);
        }

        @Test
        void wildcards_and_arrays_are_substituted_inside_arguments() {
            ModuleFacts nested = module(cls(PLUGIN).extending("com.acme.Base<java.lang.Number>").build(),
                    cls("com.acme.Base").typeParameters("N")
                            .implementing("java.util.function.Function<java.util.List<? extends N>, N[]>").build(),
                    iface("java.util.function.Function").origin(Origin.JDK).typeParameters("T", "R").build());

            assertThat(check(nested, classSpec(PLUGIN, 10)
                    .implementing("Function<java.util.List<? extends Number>, Number[]>", 11))).isEmpty();
            assertThat(check(nested, classSpec(PLUGIN, 10).implementing("Function<java.util.List<Number>, Number[]>", 11)))
                    .extracting(Violation::found)
                    .containsExactly("implements java.util.function.Function<java.util.List<? extends java.lang.Number>,"
                            + " java.lang.Number[]>");
        }

        @Test
        void a_raw_supertype_erases_everything_above_it() {
            ModuleFacts raw = module(cls(PLUGIN).extending("java.util.ArrayList").build(),
                    cls("java.util.ArrayList").origin(Origin.JDK).typeParameters("E")
                            .implementing("java.util.List<E>").build(),
                    iface("java.util.List").origin(Origin.JDK).typeParameters("E").build());

            assertThat(check(raw, classSpec(PLUGIN, 10).implementing("List", 11))).isEmpty();
            assertThat(check(raw, classSpec(PLUGIN, 10).implementing("List<E>", 11)))
                    .extracting(Violation::category, Violation::found)
                    .containsExactly(tuple(Category.MISMATCH, "implements java.util.List"));
        }

        @Test
        void are_unverified_through_an_unresolved_supertype() {
            ModuleFacts broken = module(Set.of("com.acme.Base"),
                    cls(PLUGIN).extending("com.acme.Base<java.lang.String>").build());

            assertThat(check(broken, classSpec(PLUGIN, 10).extending("com.acme.Base<String>", 11))).isEmpty();
            assertThat(check(broken, classSpec(PLUGIN, 10).implementing("Iterable<String>", 11)))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.UNVERIFIED);
                        assertThat(v.expected()).isEqualTo("implements Iterable<String>");
                        assertThat(v.found()).isEqualTo("<unresolved com.acme.Base>");
                        assertThat(v.message()).isEqualTo("whether class com.acme.Plugin implements Iterable<String>"
                                + " is unknown: its supertype com.acme.Base could not be read");
                    });
        }

        @Test
        void are_unverified_when_a_supertype_has_other_type_parameters_than_its_subtype_was_compiled_against() {
            ModuleFacts skewed = module(cls(PLUGIN).extending("com.acme.Base<java.lang.String>").build(),
                    cls("com.acme.Base").origin(Origin.CLASSPATH).typeParameters("K", "V")
                            .implementing("java.util.function.Function<K, V>").build(),
                    iface("java.util.function.Function").origin(Origin.JDK).typeParameters("T", "R").build());

            assertThat(check(skewed, classSpec(PLUGIN, 10).implementing("Function", 11))).isEmpty();
            assertThat(check(skewed, classSpec(PLUGIN, 10).implementing("Function<String, String>", 11)))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.UNVERIFIED);
                        assertThat(v.found()).isEqualTo("implements java.util.function.Function <type arguments unknown>");
                        assertThat(v.message()).isEqualTo("class com.acme.Plugin implements java.util.function.Function,"
                                + " but whether with the type arguments of Function<String, String> is unknown: its"
                                + " subtypes write com.acme.Base<java.lang.String>, but the class file of com.acme.Base"
                                + " declares 2 type parameters (K, V)");
                        assertThat(v.solution()).isEqualTo("put the versions of its supertypes that com.acme.Plugin"
                                + " was compiled against on the class path (--classpath), or write Function without"
                                + " type arguments in the contract");
                    });
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
        void differing_values_are_one_mismatch_and_defaulted_ones_are_unverified() {
            assertThat(check(facts, classSpec(PLUGIN, 10).annotation(annotationSpec("Extension", 11,
                    "priority", 11L, "tags", List.of("a"), "mode", "SLOW", "timeout", 5L))))
                    .satisfiesExactly(v -> {
                        assertThat(v.category()).isEqualTo(Category.MISMATCH);
                        assertThat(v.expected()).isEqualTo("@Extension(priority = 11, tags = [\"a\"], mode = \"SLOW\")");
                        assertThat(v.found()).isEqualTo("@Extension(priority = 10, tags = {\"a\", \"b\"}, mode = \"FAST\")");
                        assertThat(v.message()).isEqualTo("annotation @Extension on class com.acme.Plugin"
                                + " has other values for priority, tags, mode");
                        assertThat(v.location()).isEqualTo(at(11));
                    }, v -> {
                        assertThat(v.category()).isEqualTo(Category.UNVERIFIED);
                        assertThat(v.expected()).isEqualTo("@Extension(timeout = 5)");
                        assertThat(v.found()).isEqualTo("@Extension(timeout = <default>)");
                        assertThat(v.message()).isEqualTo("whether annotation @Extension on class com.acme.Plugin has"
                                + " timeout = 5 is unknown: the value is the annotation's default, which ImportSpy"
                                + " cannot read yet");
                        assertThat(v.solution()).isEqualTo("write timeout = 5 explicitly on @Extension of"
                                + " com.acme.Plugin, or remove timeout from its values in the contract");
                    });
        }

        @Test
        void an_element_the_annotation_type_does_not_declare_is_a_mismatch() {
            ModuleFacts withType = module(cls(PLUGIN).annotated(annotation("com.acme.Tag")).build(),
                    iface("com.acme.Tag").kind(ClassKind.ANNOTATION).methods(method("priority").returns("int")).build());

            assertThat(check(withType, classSpec(PLUGIN, 10).annotation(annotationSpec("Tag", 11,
                    "priority", 5L, "weight", 2L))))
                    .extracting(Violation::category, Violation::found)
                    .containsExactly(tuple(Category.MISMATCH, "@Tag(weight = <no such element>)"),
                            tuple(Category.UNVERIFIED, "@Tag(priority = <default>)"));
        }
    }

    @Nested
    class Inherited_annotations {
        private static final String INHERITED = "java.lang.annotation.Inherited";

        private ModuleFacts hierarchy(ClassFacts tag) {
            return module(cls("com.acme.Child").extending("com.acme.Plain").build(),
                    cls("com.acme.Plain").extending("com.acme.Root")
                            .annotated(annotation("com.acme.Tag", "priority", 7)).build(),
                    cls("com.acme.Root").annotated(annotation("com.acme.Tag", "priority", 1)).build(), tag);
        }

        private ClassFacts tag(boolean inherited) {
            Facts.ClassBuilder tag = iface("com.acme.Tag").kind(ClassKind.ANNOTATION)
                    .methods(method("priority").returns("int"));
            return (inherited ? tag.annotated(annotation(INHERITED)) : tag).build();
        }

        @Test
        void are_found_on_the_nearest_superclass_that_has_them() {
            assertThat(check(hierarchy(tag(true)), classSpec("com.acme.Child", 10)
                    .annotation(annotationSpec("com.acme.Tag", 11)))).isEmpty();
            assertThat(check(hierarchy(tag(true)), classSpec("com.acme.Child", 10)
                    .annotation(annotationSpec("Tag", 11, "priority", 1L))))
                    .extracting(Violation::category, Violation::message)
                    .containsExactly(tuple(Category.MISMATCH, "annotation @Tag on class com.acme.Child (inherited"
                            + " from com.acme.Plain) has other values for priority"));
        }

        @Test
        void are_not_inherited_without_the_inherited_meta_annotation() {
            assertThat(check(hierarchy(tag(false)), classSpec("com.acme.Child", 10)
                    .annotation(annotationSpec("Tag", 11))))
                    .extracting(Violation::category, Violation::message)
                    .containsExactly(tuple(Category.MISSING, "class com.acme.Child lacks annotation @Tag"));
        }

        @Test
        void are_not_inherited_from_interfaces() {
            ModuleFacts facts = module(cls(PLUGIN).implementing("com.acme.Api").build(),
                    iface("com.acme.Api").annotated(annotation("com.acme.Tag")).build(), tag(true));

            assertThat(check(facts, classSpec(PLUGIN, 10).annotation(annotationSpec("Tag", 11))))
                    .extracting(Violation::category).containsExactly(Category.MISSING);
        }

        @Test
        void are_unverified_when_the_annotation_type_was_not_read() {
            ModuleFacts facts = module(cls("com.acme.Child").extending("com.acme.Plain").build(),
                    cls("com.acme.Plain").annotated(annotation("com.acme.Tag")).build());

            assertThat(check(facts, classSpec("com.acme.Child", 10).annotation(annotationSpec("Tag", 11))))
                    .extracting(Violation::category, Violation::found, Violation::message)
                    .containsExactly(tuple(Category.UNVERIFIED, "<unresolved com.acme.Tag>",
                            "whether class com.acme.Child inherits annotation @Tag is unknown: its superclass"
                                    + " com.acme.Plain has it, but the annotation type com.acme.Tag could not be read"
                                    + " to tell whether it is @Inherited"));
        }

        @Test
        void are_unverified_when_the_superclass_chain_breaks_unless_the_type_is_not_inherited() {
            ModuleFacts broken = module(Set.of("com.acme.Base"),
                    cls(PLUGIN).extending("com.acme.Base").build(), tag(false));

            assertThat(check(broken, classSpec(PLUGIN, 10).annotation(annotationSpec("com.acme.Other", 11))))
                    .extracting(Violation::category, Violation::message)
                    .containsExactly(tuple(Category.UNVERIFIED, "whether class com.acme.Plugin inherits annotation"
                            + " @com.acme.Other is unknown: its superclass com.acme.Base could not be read"));
            assertThat(check(broken, classSpec(PLUGIN, 10).annotation(annotationSpec("com.acme.Tag", 11))))
                    .extracting(Violation::category).containsExactly(Category.MISSING);
        }
    }
}
