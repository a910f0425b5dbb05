package io.importspy.internal.contract;

import io.importspy.contract.SpyModel;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.importspy.internal.contract.ContractsTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** The shorter forms a contract may use, and how scalars become values. */
class ContractFormsTest {

    @Nested
    class Scalar_and_list_forms {
        @Test
        void a_single_value_means_a_one_element_list() {
            SpyModel model = parse("""
                    importspy: 1
                    module: {resources: only.txt}
                    classes:
                      - name: a.B
                        modifiers: public
                        implements: java.lang.Runnable
                        annotations: a.Marker
                        methods: [{name: run, throws: java.io.IOException}]
                    deployments:
                      - arch: x64
                        os: Mac OS X
                        java: {vendor: Oracle Corporation, implementation: [HotSpot, OpenJ9]}
                        environment: {secrets: TOKEN}
                    """);
            ClassSpec spec = Sections.classes(model).get(0);
            assertThat(Sections.module(model).resources()).extracting(Located::value).containsExactly("only.txt");
            assertThat(spec.modifiers().orElseThrow().value()).isEqualTo(Set.of(Modifier.PUBLIC));
            assertThat(spec.interfaces()).extracting(Located::value).containsExactly(JavaType.of("java.lang.Runnable"));
            assertThat(spec.annotations()).extracting(AnnotationSpec::type).containsExactly(JavaType.of("a.Marker"));
            assertThat(spec.methods().get(0).throwsTypes()).hasSize(1);
            DeploymentSpec deployment = Sections.deployments(model).get(0);
            assertThat(deployment.architectures().orElseThrow().value()).containsExactly("x86_64");
            assertThat(deployment.systems().orElseThrow().value()).containsExactly("macos");
            JavaSpec java = deployment.java().orElseThrow();
            assertThat(java.vendors().orElseThrow().value()).containsExactly("Oracle Corporation");
            assertThat(java.implementations().orElseThrow().value()).containsExactly("HotSpot", "OpenJ9");
            assertThat(deployment.secrets()).extracting(Located::value).containsExactly("TOKEN");
        }

        @Test
        void an_alias_and_its_canonical_name_count_once() {
            SpyModel model = parse("importspy: 1\ndeployments: [{arch: [amd64, x86_64, AMD64]}]\n");
            assertThat(Sections.deployments(model).get(0).architectures().orElseThrow().value()).containsExactly("x86_64");
        }

        @Test
        void an_annotation_may_be_a_single_mapping() {
            SpyModel model = parse("importspy: 1\nclasses: [{name: a.B, annotations: {type: a.Tag, values: {v: x}}}]\n");
            assertThat(Sections.classes(model).get(0).annotations().get(0).values())
                    .containsExactly(Map.entry("v", new ScalarValue("x", "x", false)));
        }
    }

    @Nested
    class Parameters {
        MethodSpec method(String parameters) {
            return Sections.classes(parse("importspy: 1\nclasses: [{name: a.B, methods: [{name: m, parameters: "
                    + parameters + "}]}]\n")).get(0).methods().get(0);
        }

        @Test
        void an_empty_list_requires_no_parameters() {
            assertThat(method("[]").parameters()).contains(List.of());
        }

        @Test
        void types_may_be_written_alone_or_with_a_name() {
            List<ParameterSpec> parameters = method("[String, {name: count, type: int}, {type: long}]").parameters().orElseThrow();
            assertThat(parameters).extracting(ParameterSpec::name)
                    .containsExactly(Optional.empty(), Optional.of("count"), Optional.empty());
            assertThat(parameters).extracting(ParameterSpec::type)
                    .containsExactly(JavaType.of("String"), JavaType.of("int"), JavaType.of("long"));
        }

        @Test
        void generic_array_and_varargs_types_are_read_as_java_spells_them() {
            List<ParameterSpec> parameters =
                    method("[\"Map<String, ? extends Number>\", \"byte[][]\", String...]").parameters().orElseThrow();
            assertThat(parameters.get(0).type()).isEqualTo(JavaType.parse("Map<String, ? extends Number>"));
            assertThat(parameters.get(1).type().dimensions()).isEqualTo(2);
            assertThat(parameters.get(2).type().varargs()).isTrue();
            assertThat(parameters.get(2).type().dimensions()).isEqualTo(1);
        }
    }

    @Nested
    class Values {
        List<ValueSpec> variables(String mapping) {
            return Sections.deployments(parse("importspy: 1\ndeployments: [{environment: {variables: " + mapping
                    + "}}]\n")).get(0).variables();
        }

        @Test
        void scalars_become_the_text_they_were_written_as() {
            assertThat(variables("{A: 8080, B: \"8080\", C: true, D: 1.5, E: '1.10', F: 1.10, G: 0x1F, H: text}"))
                    .extracting(ValueSpec::matcher)
                    .containsExactly(new ValueMatcher.Equals("8080"), new ValueMatcher.Equals("8080"),
                            new ValueMatcher.Equals("true"), new ValueMatcher.Equals("1.5"),
                            new ValueMatcher.Equals("1.10"), new ValueMatcher.Equals("1.10"),
                            new ValueMatcher.Equals("0x1F"), new ValueMatcher.Equals("text"));
        }

        @Test
        void an_empty_mapping_requires_presence_and_a_pattern_a_match() {
            List<ValueSpec> values = variables("{A: {}, B: {pattern: \"v[0-9]+\"}}");
            assertThat(values.get(0).matcher()).isEqualTo(new ValueMatcher.Present());
            assertThat(values.get(1).matcher().test("v12")).isTrue();
            assertThat(values.get(1).matcher().test("v12x")).isFalse();
        }

        @Test
        void field_values_keep_their_yaml_type() {
            List<FieldSpec> fields = Sections.classes(parse("""
                    importspy: 1
                    classes:
                      - name: a.B
                        fields:
                          - {name: A, value: 10}
                          - {name: B, value: true}
                          - {name: C, value: 2.5}
                          - {name: D, value: "10"}
                          - {name: E, value: 123456789012345678901234567890}
                          - {name: F, value: [1, two, false]}
                          - {name: G, value: 0o17}
                          - {name: H, value: -42}
                          - {name: I, value: FALSE}
                    """)).get(0).fields();
            assertThat(fields).extracting(f -> typed(f.value().orElseThrow().value())).containsExactly(
                    10L, true, 2.5, "10", new BigInteger("123456789012345678901234567890"), List.of(1L, "two", false),
                    15L, -42L, false);
            assertThat(fields).extracting(f -> f.value().orElseThrow().value().toString()).containsExactly(
                    "10", "true", "2.5", "\"10\"", "123456789012345678901234567890", "[1, \"two\", false]", "0o17", "-42",
                    "FALSE");
        }

        private static Object typed(Object value) {
            return value instanceof List<?> list ? list.stream().map(v -> ((ScalarValue) v).value()).toList()
                    : ((ScalarValue) value).value();
        }

        @Test
        void unquoted_versions_that_yaml_keeps_as_written_are_accepted() {
            SpyModel model = parse("importspy: 1\nmodule: {version: 17}\ndeployments: [{java: {version: 1.2}}]\n");
            assertThat(Sections.module(model).version().orElseThrow().value().toString()).isEqualTo("17");
            assertThat(Sections.deployments(model).get(0).java().orElseThrow().version().orElseThrow().value().toString())
                    .isEqualTo("1.2");
        }

        @Test
        void the_format_may_be_quoted() {
            assertThat(parse("importspy: \"1\"\n").format()).isEqualTo(1);
        }

        @Test
        void standard_tags_are_allowed_and_honoured() {
            SpyModel model = parse("importspy: 1\nclasses: [{name: a.B, fields: [{name: X, value: !!str 10}]}]\n");
            assertThat(Sections.classes(model).get(0).fields().get(0).value().orElseThrow().value())
                    .isEqualTo(new ScalarValue("10", "10", false));
        }
    }
}
