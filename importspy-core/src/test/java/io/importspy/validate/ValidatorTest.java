package io.importspy.validate;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.Origin;
import io.importspy.internal.contract.ModuleSpec;
import io.importspy.internal.contract.ServiceSpec;
import io.importspy.java.ClassKind;
import io.importspy.java.Modifier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.importspy.validate.Facts.cls;
import static io.importspy.validate.Facts.field;
import static io.importspy.validate.Facts.iface;
import static io.importspy.validate.Facts.method;
import static io.importspy.validate.Facts.module;
import static io.importspy.validate.Facts.param;
import static io.importspy.validate.Specs.anyConstructor;
import static io.importspy.validate.Specs.at;
import static io.importspy.validate.Specs.classSpec;
import static io.importspy.validate.Specs.fieldSpec;
import static io.importspy.validate.Specs.methodSpec;
import static io.importspy.validate.Specs.model;
import static io.importspy.validate.Specs.p;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ValidatorTest {
    static final ModuleFacts GREETER = module(
            cls("com.acme.greeter.DefaultGreeter").modifiers(Modifier.PUBLIC, Modifier.FINAL)
                    .extending("com.acme.spi.AbstractGreeter").implementing("com.acme.spi.Greeter")
                    .fields(field("NAME", "java.lang.String", "greeter", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL))
                    .methods(Facts.constructor(),
                            method("greet").params(param("java.lang.String"), param("java.util.Locale"))
                                    .returns("java.lang.String").throwing("java.io.IOException"))
                    .build(),
            cls("com.acme.spi.AbstractGreeter").origin(Origin.CLASSPATH).modifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .build(),
            iface("com.acme.spi.Greeter").origin(Origin.CLASSPATH).build());

    static SpyModel greeterContract() {
        return model(ModuleSpec.empty(at(1)), List.of(classSpec("com.acme.greeter.DefaultGreeter", 10)
                .kind(ClassKind.CLASS, 11).modifiers(12, Modifier.PUBLIC, Modifier.FINAL)
                .extending("com.acme.spi.AbstractGreeter", 13).implementing("Greeter", 14)
                .field(fieldSpec("NAME", 15, "String", "greeter"))
                .constructor(Specs.constructorSpec(18))
                .method(methodSpec("greet", 19).params(p("String", 20), p("java.util.Locale", 21))
                        .returns("String", 22).throwing("java.io.IOException", 23).modifiers(24, Modifier.PUBLIC))
                .build()), List.of());
    }

    @Nested
    class The_report {
        @Test
        void names_the_target_and_the_module_identity() {
            TargetReport report = Validator.validate(greeterContract(), GREETER, Optional.empty());

            assertThat(report.target()).isEqualTo("build/greeter-1.4.0.jar");
            assertThat(report.moduleName()).contains("com.acme.greeter");
            assertThat(report.moduleVersion()).contains("1.4.0");
            assertThat(report.deploymentsTried()).isZero();
        }

        @Test
        void of_a_compliant_module_has_no_violations() {
            TargetReport report = Validator.validate(greeterContract(), GREETER, Optional.empty());

            assertThat(report.violations()).isEmpty();
            assertThat(report.isCompliant(Strictness.STRICT)).isTrue();
        }

        @Test
        void of_an_empty_contract_has_no_violations() {
            TargetReport report = Validator.validate(model(), GREETER, Optional.empty());

            assertThat(report.violations()).isEmpty();
        }
    }

    @Nested
    class Missing_classes {
        @Test
        void are_one_violation_each_and_their_members_are_not_reported() {
            SpyModel contract = model(classSpec("com.acme.greeter.Absent", 30).kind(ClassKind.CLASS, 31)
                    .field(fieldSpec("NAME", 32, "String", "x")).method(methodSpec("greet", 35)).build());

            List<Violation> violations = Validator.validate(contract, GREETER, Optional.empty()).violations();

            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(Category.MISSING);
                assertThat(v.context()).isEqualTo(Context.CLASS);
                assertThat(v.subject()).isEqualTo("com.acme.greeter.Absent");
                assertThat(v.expected()).isEqualTo("class com.acme.greeter.Absent");
                assertThat(v.found()).isEqualTo("<absent>");
                assertThat(v.message()).isEqualTo("module lacks class com.acme.greeter.Absent");
                assertThat(v.solution())
                        .isEqualTo("add class com.acme.greeter.Absent to the module, or remove it from the contract");
                assertThat(v.location()).isEqualTo(at(30));
            });
        }

        @Test
        void are_not_found_among_supertypes_read_from_the_class_path() {
            SpyModel contract = model(classSpec("com.acme.spi.Greeter", 30).build());

            assertThat(Validator.validate(contract, GREETER, Optional.empty()).violations())
                    .extracting(Violation::category, Violation::subject)
                    .containsExactly(tuple(Category.MISSING, "com.acme.spi.Greeter"));
        }

        @Test
        void are_found_whether_nesting_is_written_with_a_dollar_or_a_dot() {
            ModuleFacts facts = module(cls("com.acme.Outer$Inner").build(), cls("com.acme.Outer$Deep$Er").build());
            SpyModel contract = model(classSpec("com.acme.Outer.Inner", 2).build(),
                    classSpec("com.acme.Outer$Deep.Er", 3).build(), classSpec("com.acme.Outer$Inner", 4).build());

            assertThat(Validator.validate(contract, facts, Optional.empty()).violations()).isEmpty();
        }
    }

    @Nested
    class Every_violation {
        @Test
        void is_collected_in_contract_order_module_then_classes_then_members() {
            ModuleSpec moduleSpec = new ModuleSpec(Optional.of(at("com.acme.other", 2)), Optional.empty(),
                    Optional.of(at("plugin-*.jar", 3)), List.of(Specs.value("Plugin-Id", "other", 4)),
                    List.of(new ServiceSpec("com.acme.spi.Missing", List.of(), at(5))), List.of(at("absent.txt", 6)),
                    at(2));
            SpyModel contract = model(moduleSpec, List.of(
                    classSpec("com.acme.greeter.DefaultGreeter", 10).kind(ClassKind.INTERFACE, 11)
                            .modifiers(12, Modifier.ABSTRACT).extending("com.acme.Base", 13)
                            .implementing("java.io.Serializable", 14)
                            .annotation(Specs.annotationSpec("Extension", 15))
                            .field(fieldSpec("COUNT", 16, null, null))
                            .constructor(Specs.constructorSpec(18, p("int", 19)))
                            .method(methodSpec("stop", 20)).build(),
                    classSpec("com.acme.greeter.Absent", 30).build(),
                    classSpec("com.acme.greeter.DefaultGreeter", 40).constructor(anyConstructor(41)).build()),
                    List.of());

            List<Violation> violations = Validator.validate(contract, GREETER, Optional.empty()).violations();

            assertThat(violations).extracting(v -> v.location().line(), Violation::category, Violation::context)
                    .containsExactly(
                            tuple(2, Category.MISMATCH, Context.MODULE),
                            tuple(3, Category.MISMATCH, Context.MODULE),
                            tuple(4, Category.MISMATCH, Context.MODULE),
                            tuple(5, Category.MISSING, Context.MODULE),
                            tuple(6, Category.MISSING, Context.MODULE),
                            tuple(11, Category.MISMATCH, Context.CLASS),
                            tuple(12, Category.MISMATCH, Context.CLASS),
                            tuple(13, Category.MISMATCH, Context.CLASS),
                            tuple(14, Category.MISMATCH, Context.CLASS),
                            tuple(15, Category.MISSING, Context.CLASS),
                            tuple(16, Category.MISSING, Context.FIELD),
                            tuple(18, Category.MISMATCH, Context.CONSTRUCTOR),
                            tuple(20, Category.MISSING, Context.METHOD),
                            tuple(30, Category.MISSING, Context.CLASS));
        }

        @Test
        void from_deployments_comes_last() {
            SpyModel contract = model(ModuleSpec.empty(at(1)),
                    List.of(classSpec("com.acme.greeter.Absent", 5).build()),
                    List.of(Specs.deployment(20, List.of("aarch64"), null, List.of(), List.of())));

            TargetReport report = Validator.validate(contract, GREETER,
                    Optional.of(Facts.runtime(Map.of(), Map.of())));

            assertThat(report.violations()).extracting(Violation::context)
                    .containsExactly(Context.CLASS, Context.RUNTIME);
            assertThat(report.deploymentsTried()).isEqualTo(1);
        }
    }
}
