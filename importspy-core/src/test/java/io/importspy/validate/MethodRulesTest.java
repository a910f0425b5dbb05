package io.importspy.validate;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.Origin;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.importspy.validate.Facts.cls;
import static io.importspy.validate.Facts.iface;
import static io.importspy.validate.Facts.method;
import static io.importspy.validate.Facts.module;
import static io.importspy.validate.Facts.named;
import static io.importspy.validate.Facts.param;
import static io.importspy.validate.Facts.type;
import static io.importspy.validate.Facts.typeVar;
import static io.importspy.validate.Specs.at;
import static io.importspy.validate.Specs.classSpec;
import static io.importspy.validate.Specs.methodSpec;
import static io.importspy.validate.Specs.model;
import static io.importspy.validate.Specs.p;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MethodRulesTest {
    private static final String PLUGIN = "com.acme.Plugin";

    private static List<Violation> check(ModuleFacts facts, Specs.MethodBuilder method) {
        SpyModel contract = model(classSpec(PLUGIN, 10).method(method).build());
        return Validator.validate(contract, facts, Optional.empty()).violations();
    }

    private static ModuleFacts plugin(Facts.MethodBuilder... methods) {
        return module(cls(PLUGIN).methods(methods).build());
    }

    @Nested
    class Presence {
        @Test
        void a_missing_method_is_reported_with_its_signature() {
            List<Violation> violations = check(plugin(method("start")),
                    methodSpec("init", 20).params(p("Context", 21)));

            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(Category.MISSING);
                assertThat(v.context()).isEqualTo(Context.METHOD);
                assertThat(v.subject()).isEqualTo("com.acme.Plugin#init(Context)");
                assertThat(v.expected()).isEqualTo("method init(Context)");
                assertThat(v.found()).isEqualTo("<absent>");
                assertThat(v.message()).isEqualTo("class com.acme.Plugin lacks method init(Context)");
                assertThat(v.solution())
                        .isEqualTo("add method init(Context) to com.acme.Plugin, or remove it from the contract");
                assertThat(v.location()).isEqualTo(at(20));
            });
        }

        @Test
        void without_parameters_any_overload_will_do() {
            ModuleFacts facts = plugin(method("greet").params(param("java.lang.String")),
                    method("greet").params(param("int"), param("int")));

            assertThat(check(facts, methodSpec("greet", 20))).isEmpty();
        }

        @Test
        void synthetic_and_bridge_methods_do_not_count() {
            assertThat(check(plugin(method("compareTo").params(param("java.lang.Object")).synthetic()),
                    methodSpec("compareTo", 20)))
                    .extracting(Violation::category).containsExactly(Category.MISSING);
        }
    }

    @Nested
    class Overloads {
        private final ModuleFacts facts = plugin(
                method("greet").params(param("java.lang.String")).returns("java.lang.String"),
                method("greet").params(param("java.lang.String"), param("java.util.Locale")).returns("java.lang.String"),
                method("greet").params(param("int")).returns("void"));

        @Test
        void the_one_with_exactly_the_required_parameters_is_checked() {
            assertThat(check(facts, methodSpec("greet", 20).params(p("String", 21), p("Locale", 22))
                    .returns("String", 23))).isEmpty();
            assertThat(check(facts, methodSpec("greet", 20).params(p("int", 21)).returns("void", 23))).isEmpty();
        }

        @Test
        void none_matching_is_one_mismatch_listing_the_available_signatures() {
            List<Violation> violations = check(facts, methodSpec("greet", 20).params(p("String", 21), p("int", 22)));

            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(Category.MISMATCH);
                assertThat(v.subject()).isEqualTo("com.acme.Plugin#greet(String, int)");
                assertThat(v.expected()).isEqualTo("method greet(String, int)");
                assertThat(v.found()).isEqualTo(
                        "greet(java.lang.String, java.util.Locale), greet(java.lang.String), greet(int)");
                assertThat(v.message()).isEqualTo("class com.acme.Plugin lacks method greet(String, int); it has only "
                        + "greet(java.lang.String, java.util.Locale), greet(java.lang.String), greet(int)");
                assertThat(v.solution()).isEqualTo("add method greet(String, int) to com.acme.Plugin, or change the"
                        + " parameters in the contract to those of an existing overload");
                assertThat(v.location()).isEqualTo(at(20));
            });
        }

        @Test
        void many_overloads_are_counted_and_only_the_closest_few_shown() {
            ModuleFacts many = plugin(method("read").params(param("byte[]")),
                    method("read").params(param("java.io.File"), param("java.lang.Class")),
                    method("read").params(param("java.lang.String"), param("java.lang.reflect.Type")),
                    method("read").params(param("java.io.Reader"), param("java.lang.Class")),
                    method("read").params(param("java.lang.String"), param("java.lang.Class"), param("int")),
                    method("read").params(param("java.net.URL"), param("java.lang.Class")),
                    method("read").params(param("java.io.InputStream")),
                    method("read").params(param("java.lang.String"), param("java.lang.Class")));

            assertThat(check(many, methodSpec("read", 20).params(p("String", 21), p("Object", 22))))
                    .singleElement().satisfies(v -> {
                        assertThat(v.found()).isEqualTo("read(java.lang.String, java.lang.reflect.Type),"
                                + " read(java.lang.String, java.lang.Class), read(java.io.File, java.lang.Class),"
                                + " read(java.io.Reader, java.lang.Class), read(java.net.URL, java.lang.Class), and 3 more");
                        assertThat(v.message()).isEqualTo(
                                "class com.acme.Plugin lacks method read(String, Object); it has 8 overloads of read");
                        assertThat(v.solution()).doesNotContain("java.");
                    });
        }

        @Test
        void parameter_order_matters() {
            assertThat(check(facts, methodSpec("greet", 20).params(p("Locale", 21), p("String", 22))))
                    .extracting(Violation::category).containsExactly(Category.MISMATCH);
        }
    }

    @Nested
    class Inherited_methods {
        @Test
        void from_a_superclass_satisfy_the_contract() {
            ModuleFacts facts = module(cls(PLUGIN).extending("com.acme.Base").build(),
                    cls("com.acme.Base").extending("com.acme.Root").build(),
                    cls("com.acme.Root").methods(method("close").returns("void")).build());

            assertThat(check(facts, methodSpec("close", 20).params().returns("void", 21))).isEmpty();
        }

        @Test
        void from_an_interface_default_method_satisfy_the_contract() {
            ModuleFacts facts = module(cls(PLUGIN).implementing("com.acme.spi.Named").build(),
                    iface("com.acme.spi.Named").implementing("com.acme.spi.HasId").origin(Origin.CLASSPATH).build(),
                    iface("com.acme.spi.HasId").origin(Origin.CLASSPATH)
                            .methods(method("id").returns("java.lang.String").modifiers(Modifier.PUBLIC, Modifier.DEFAULT))
                            .build());

            assertThat(check(facts, methodSpec("id", 20).params().returns("String", 21)
                    .modifiers(22, Modifier.PUBLIC, Modifier.DEFAULT))).isEmpty();
        }

        @Test
        void private_methods_of_a_superclass_are_not_inherited() {
            ModuleFacts facts = module(cls(PLUGIN).extending("com.acme.Base").build(),
                    cls("com.acme.Base").methods(method("helper").modifiers(Modifier.PRIVATE)).build());

            assertThat(check(facts, methodSpec("helper", 20))).extracting(Violation::category)
                    .containsExactly(Category.MISSING);
        }

        @Test
        void an_override_hides_the_overridden_method() {
            ModuleFacts facts = module(cls(PLUGIN).extending("com.acme.Base").methods(method("run")).build(),
                    cls("com.acme.Base").methods(method("run").modifiers(Modifier.PUBLIC, Modifier.SYNCHRONIZED)).build());

            assertThat(check(facts, methodSpec("run", 20).params().modifiers(21, Modifier.SYNCHRONIZED)))
                    .extracting(Violation::category, Violation::message)
                    .containsExactly(tuple(Category.MISMATCH, "method com.acme.Plugin#run() lacks modifier synchronized"));
        }

        @Test
        void are_unverified_when_a_supertype_was_not_read() {
            ModuleFacts facts = module(Set.of("com.acme.Base"), cls(PLUGIN).extending("com.acme.Base").build());

            assertThat(check(facts, methodSpec("close", 20).params())).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(Category.UNVERIFIED);
                assertThat(v.subject()).isEqualTo("com.acme.Plugin#close()");
                assertThat(v.found()).isEqualTo("<unresolved com.acme.Base>");
                assertThat(v.message()).isEqualTo(
                        "whether class com.acme.Plugin has method close() is unknown: its supertype com.acme.Base could not be read");
                assertThat(v.solution()).isEqualTo("put the JAR that contains com.acme.Base on the class path (--classpath)");
            });
        }
    }

    @Nested
    class Types_of_parameters {
        @Test
        void simple_names_match_any_package_and_qualified_names_only_their_own() {
            ModuleFacts facts = plugin(method("load").params(param("java.util.Map$Entry"), param("java.sql.Date")));

            assertThat(check(facts, methodSpec("load", 20).params(p("Entry", 21), p("Date", 22)))).isEmpty();
            assertThat(check(facts, methodSpec("load", 20).params(p("Map.Entry", 21), p("java.sql.Date", 22)))).isEmpty();
            assertThat(check(facts, methodSpec("load", 20).params(p("java.util.Map.Entry", 21), p("java.util.Date", 22))))
                    .extracting(Violation::category).containsExactly(Category.MISMATCH);
        }

        @Test
        void generic_arguments_are_compared_only_when_written() {
            JavaType map = type("java.util.Map<java.lang.String, ? extends java.lang.Number>");
            ModuleFacts facts = plugin(method("put").params(param(map)));

            assertThat(check(facts, methodSpec("put", 20).params(p("Map", 21)))).isEmpty();
            assertThat(check(facts, methodSpec("put", 20).params(p("Map<String, ? extends Number>", 21)))).isEmpty();
            assertThat(check(facts, methodSpec("put", 20).params(p("Map<String, Number>", 21))))
                    .extracting(Violation::category).containsExactly(Category.MISMATCH);
            assertThat(check(facts, methodSpec("put", 20).params(p("Map<String, ? super Number>", 21))))
                    .extracting(Violation::category).containsExactly(Category.MISMATCH);
            assertThat(check(facts, methodSpec("put", 20).params(p("Map<String>", 21))))
                    .extracting(Violation::category).containsExactly(Category.MISMATCH);
        }

        @Test
        void a_type_variable_matches_its_name_or_its_erasure() {
            ModuleFacts facts = plugin(method("accept").params(param(typeVar("T"))));

            assertThat(check(facts, methodSpec("accept", 20).params(p("T", 21)))).isEmpty();
            assertThat(check(facts, methodSpec("accept", 20).params(p("Object", 21)))).isEmpty();
            assertThat(check(facts, methodSpec("accept", 20).params(p("String", 21))))
                    .extracting(Violation::category).containsExactly(Category.MISMATCH);
        }

        @Test
        void array_dimensions_must_match() {
            ModuleFacts facts = plugin(method("sum").params(param("int[][]")));

            assertThat(check(facts, methodSpec("sum", 20).params(p("int[][]", 21)))).isEmpty();
            assertThat(check(facts, methodSpec("sum", 20).params(p("int[]", 21))))
                    .extracting(Violation::category).containsExactly(Category.MISMATCH);
        }

        @Test
        void varargs_in_the_contract_require_a_varargs_method() {
            ModuleFacts varargs = plugin(method("format").params(param("java.lang.String"), param("java.lang.Object[]")).varargs());
            ModuleFacts array = plugin(method("format").params(param("java.lang.String"), param("java.lang.Object[]")));

            assertThat(check(varargs, methodSpec("format", 20).params(p("String", 21), p("Object...", 22)))).isEmpty();
            assertThat(check(varargs, methodSpec("format", 20).params(p("String", 21), p("Object[]", 22)))).isEmpty();
            assertThat(check(array, methodSpec("format", 20).params(p("String", 21), p("Object[]", 22)))).isEmpty();
            assertThat(check(array, methodSpec("format", 20).params(p("String", 21), p("Object...", 22))))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.MISMATCH);
                        assertThat(v.found()).isEqualTo("format(java.lang.String, java.lang.Object[])");
                    });
            assertThat(check(varargs, methodSpec("other", 20))).isNotEmpty();
        }

        @Test
        void varargs_are_shown_as_such_in_the_available_signatures() {
            ModuleFacts facts = plugin(method("format").params(param("java.lang.Object[]")).varargs());

            assertThat(check(facts, methodSpec("format", 20).params(p("int", 21))))
                    .extracting(Violation::found).containsExactly("format(java.lang.Object...)");
        }

        @Test
        void primitives_match_exactly() {
            ModuleFacts facts = plugin(method("size").params(param("long")));

            assertThat(check(facts, methodSpec("size", 20).params(p("int", 21))))
                    .extracting(Violation::category).containsExactly(Category.MISMATCH);
            assertThat(check(facts, methodSpec("size", 20).params(p("Long", 21))))
                    .extracting(Violation::category).containsExactly(Category.MISMATCH);
        }
    }

    @Nested
    class Returns_throws_and_modifiers {
        private final ModuleFacts facts = plugin(method("read").params(param("java.nio.file.Path"))
                .returns("java.util.List<java.lang.String>").throwing("java.io.IOException")
                .modifiers(Modifier.PUBLIC, Modifier.STATIC));

        @Test
        void matching_ones_pass() {
            assertThat(check(facts, methodSpec("read", 20).params(p("Path", 21)).returns("List<String>", 22)
                    .throwing("IOException", 23).modifiers(24, Modifier.PUBLIC, Modifier.STATIC))).isEmpty();
        }

        @Test
        void each_difference_is_its_own_violation_at_its_own_line() {
            List<Violation> violations = check(facts, methodSpec("read", 20).params(p("Path", 21))
                    .returns("List<Integer>", 22).throwing("java.sql.SQLException", 23).throwing("IOException", 24)
                    .modifiers(25, Modifier.PUBLIC, Modifier.FINAL));

            assertThat(violations).extracting(v -> v.location().line(), Violation::category, Violation::expected,
                            Violation::found, Violation::message)
                    .containsExactly(
                            tuple(22, Category.MISMATCH, "List<Integer>", "java.util.List<java.lang.String>",
                                    "method com.acme.Plugin#read(Path) returns java.util.List<java.lang.String>, not List<Integer>"),
                            tuple(23, Category.MISMATCH, "throws java.sql.SQLException", "throws java.io.IOException",
                                    "method com.acme.Plugin#read(Path) does not declare throws java.sql.SQLException"),
                            tuple(25, Category.MISMATCH, "public final", "public static",
                                    "method com.acme.Plugin#read(Path) lacks modifier final"));
            assertThat(violations).allSatisfy(v -> assertThat(v.subject()).isEqualTo("com.acme.Plugin#read(Path)"));
        }

        @Test
        void a_declared_subclass_of_a_listed_exception_declares_it() {
            ModuleFacts facts = module(cls(PLUGIN).methods(
                            method("parse").throwing("com.fasterxml.JsonProcessingException"),
                            method("open").throwing("java.io.FileNotFoundException"),
                            method("load").throwing("com.acme.LoadException")).build(),
                    cls("com.fasterxml.JsonProcessingException").origin(Origin.CLASSPATH)
                            .extending("com.fasterxml.JacksonException").build(),
                    cls("com.fasterxml.JacksonException").origin(Origin.CLASSPATH).extending("java.io.IOException")
                            .build());

            assertThat(check(facts, methodSpec("parse", 20).throwing("java.io.IOException", 21))).isEmpty();
            assertThat(check(facts, methodSpec("parse", 20).throwing("Exception", 21))).isEmpty();
            assertThat(check(facts, methodSpec("open", 20).throwing("IOException", 21))).isEmpty();
            assertThat(check(facts, methodSpec("open", 20).throwing("java.lang.Exception", 21))).isEmpty();
            assertThat(check(facts, methodSpec("parse", 20).throwing("java.sql.SQLException", 21)))
                    .extracting(Violation::category).containsExactly(Category.MISMATCH);
            assertThat(check(facts, methodSpec("open", 20).throwing("com.acme.LoadException", 21)))
                    .extracting(Violation::category).containsExactly(Category.MISMATCH);
            assertThat(check(facts, methodSpec("load", 20).throwing("java.io.IOException", 21)))
                    .extracting(Violation::category, Violation::found, Violation::message)
                    .containsExactly(tuple(Category.UNVERIFIED, "throws com.acme.LoadException",
                            "whether method com.acme.Plugin#load declares throws java.io.IOException is unknown: it"
                                    + " declares throws com.acme.LoadException, and class com.acme.LoadException could"
                                    + " not be read to tell whether it extends java.io.IOException"));
        }

        @Test
        void of_several_overloads_the_closest_is_reported() {
            ModuleFacts overloads = plugin(method("get").returns("int"),
                    method("get").params(param("int")).returns("java.lang.String"));

            assertThat(check(overloads, methodSpec("get", 20).returns("String", 21))).isEmpty();
            assertThat(check(overloads, methodSpec("get", 20).returns("long", 21)))
                    .extracting(Violation::found).containsExactly("int");
        }
    }

    @Nested
    class Parameter_names {
        @Test
        void are_compared_where_the_bytecode_has_them() {
            ModuleFacts facts = plugin(method("greet").params(named("who", "java.lang.String"), named("locale", "java.util.Locale")));

            assertThat(check(facts, methodSpec("greet", 20).params(p("who", "String", 21), p("Locale", 22)))).isEmpty();
            assertThat(check(facts, methodSpec("greet", 20).params(p("name", "String", 21), p("Locale", 22))))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.MISMATCH);
                        assertThat(v.expected()).isEqualTo("parameter 1 named name");
                        assertThat(v.found()).isEqualTo("parameter 1 named who");
                        assertThat(v.message()).isEqualTo(
                                "method com.acme.Plugin#greet(String, Locale) names parameter 1 who, not name");
                        assertThat(v.location()).isEqualTo(at(21));
                    });
        }

        @Test
        void are_one_unverified_violation_where_the_bytecode_has_none() {
            ModuleFacts facts = plugin(method("greet").params(param("java.lang.String"), param("java.util.Locale")));

            assertThat(check(facts, methodSpec("greet", 20).params(p("who", "String", 21), p("locale", "Locale", 22))))
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.UNVERIFIED);
                        assertThat(v.context()).isEqualTo(Context.METHOD);
                        assertThat(v.expected()).isEqualTo("parameter names who, locale");
                        assertThat(v.found()).isEqualTo("<no parameter names in bytecode>");
                        assertThat(v.message()).isEqualTo("the names of the parameters of method "
                                + "com.acme.Plugin#greet(String, Locale) are unknown: the class file does not record them");
                        assertThat(v.solution()).contains("javac -parameters");
                        assertThat(v.location()).isEqualTo(at(21));
                        assertThat(v.fails(Strictness.LENIENT)).isFalse();
                    });
        }
    }

    @Nested
    class Constructors {
        private static List<Violation> checkConstructor(ClassFacts facts, io.importspy.internal.contract.ConstructorSpec spec) {
            SpyModel contract = model(classSpec(PLUGIN, 10).constructor(spec).build());
            return Validator.validate(contract, module(facts), Optional.empty()).violations();
        }

        private final ClassFacts facts = cls(PLUGIN).methods(Facts.constructor(),
                Facts.constructor(param("java.lang.String"), param("int")).modifiers(Modifier.PROTECTED)).build();

        @Test
        void are_matched_by_exact_parameters() {
            assertThat(checkConstructor(facts, Specs.constructorSpec(20))).isEmpty();
            assertThat(checkConstructor(facts, Specs.constructorSpec(20, p("String", 21), p("int", 22)))).isEmpty();
            assertThat(checkConstructor(facts, Specs.anyConstructor(20))).isEmpty();
        }

        @Test
        void a_missing_overload_lists_the_declared_constructors() {
            assertThat(checkConstructor(facts, Specs.constructorSpec(20, p("long", 21)))).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(Category.MISMATCH);
                assertThat(v.context()).isEqualTo(Context.CONSTRUCTOR);
                assertThat(v.subject()).isEqualTo("com.acme.Plugin#<init>(long)");
                assertThat(v.found()).isEqualTo("Plugin(), Plugin(java.lang.String, int)");
                assertThat(v.message()).isEqualTo(
                        "class com.acme.Plugin lacks constructor Plugin(long); it has only Plugin(), Plugin(java.lang.String, int)");
                assertThat(v.solution()).isEqualTo("add constructor Plugin(long) to com.acme.Plugin, or change the"
                        + " parameters in the contract to those of an existing constructor");
            });
        }

        @Test
        void are_not_inherited() {
            ClassFacts sub = cls(PLUGIN).extending("com.acme.Base").methods(Facts.constructor()).build();
            ModuleFacts facts = module(sub, cls("com.acme.Base").methods(Facts.constructor(param("int"))).build());
            SpyModel contract = model(classSpec(PLUGIN, 10).constructor(Specs.constructorSpec(20, p("int", 21))).build());

            assertThat(Validator.validate(contract, facts, Optional.empty()).violations())
                    .extracting(Violation::category).containsExactly(Category.MISMATCH);
        }

        @Test
        void their_modifiers_are_checked() {
            io.importspy.internal.contract.ConstructorSpec spec = new io.importspy.internal.contract.ConstructorSpec(
                    Optional.of(List.of(p("String", 21), p("int", 22))), List.of(),
                    Optional.of(Specs.mods(23, Modifier.PUBLIC)), at(20));

            assertThat(checkConstructor(facts, spec)).extracting(Violation::subject, Violation::message)
                    .containsExactly(tuple("com.acme.Plugin#<init>(String, int)",
                            "constructor com.acme.Plugin#<init>(String, int) lacks modifier public"));
        }

        @Test
        void an_interface_has_none() {
            assertThat(checkConstructor(iface(PLUGIN).build(), Specs.anyConstructor(20))).singleElement()
                    .satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.MISSING);
                        assertThat(v.message()).isEqualTo("class com.acme.Plugin lacks a constructor");
                    });
        }
    }
}
