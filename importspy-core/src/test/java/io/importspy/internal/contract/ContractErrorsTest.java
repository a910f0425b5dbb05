package io.importspy.internal.contract;

import io.importspy.contract.ContractException;
import io.importspy.contract.SpyModel;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad contracts: every error is reported, one line each, at its line and column. */
class ContractErrorsTest {

    /** The errors of a contract as "line:column: message". */
    static List<String> errors(String yaml) {
        ContractException e = catchThrowableOfType(() -> Contracts.parse(yaml, "spymodel.yml"), ContractException.class);
        assertThat(e).as("a contract exception").isNotNull();
        assertThat(e.errors()).allSatisfy(error -> {
            assertThat(error.location().file()).isEqualTo("spymodel.yml");
            assertThat(error.message()).doesNotContain("\n");
        });
        return e.errors().stream()
                .map(error -> error.location().line() + ":" + error.location().column() + ": " + error.message())
                .collect(Collectors.toList());
    }

    /** The errors of a contract whose classes section is {@code classes}, indented at column 1. */
    static List<String> classErrors(String classes) {
        return errors("importspy: 1\nclasses:\n" + classes);
    }

    @Nested
    class The_file_as_a_whole {
        @Test
        void an_empty_file_says_how_to_start() {
            assertThat(errors("")).containsExactly("1:1: contract is empty; start with 'importspy: 1'");
            assertThat(errors("# only a comment\n")).containsExactly("1:1: contract is empty; start with 'importspy: 1'");
        }

        @Test
        void the_top_level_must_be_a_mapping() {
            assertThat(errors("- importspy: 1\n"))
                    .containsExactly("1:1: a contract must be a mapping of keys such as 'importspy: 1', not a list");
            assertThat(errors("hello\n"))
                    .containsExactly("1:1: a contract must be a mapping of keys such as 'importspy: 1', not 'hello'");
        }

        @Test
        void a_malformed_file_name_glob_is_an_error_at_the_glob() {
            assertThat(errors("importspy: 1\nmodule:\n  filename: \"[!]\"\n")).containsExactly("3:13: glob '[!]' is"
                    + " malformed at character 1: '[!]' is an empty character class; list at least one character in"
                    + " it, or escape the bracket as '\\[' (in 'filename')");
            assertThat(errors("importspy: 1\nmodule:\n  filename: \"plugin-{a,b.jar\"\n")).singleElement().asString()
                    .startsWith("3:13: glob 'plugin-{a,b.jar' is malformed at character 8: '{' is never closed");
        }

        @Test
        void the_format_is_required() {
            assertThat(errors("module: {name: x}\n"))
                    .containsExactly("1:1: missing 'importspy: 1'; add it as the first line of the contract");
        }

        @Test
        void only_format_1_is_read() {
            assertThat(errors("importspy: 2\n"))
                    .containsExactly("1:12: unsupported format 'importspy: 2'; this version of ImportSpy reads format 1");
            assertThat(errors("importspy: one\n"))
                    .containsExactly("1:12: unsupported format 'importspy: one'; this version of ImportSpy reads format 1");
            assertThat(errors("importspy:\n")).containsExactly("1:11: 'importspy' has no value; write 'importspy: 1'");
        }

        @Test
        void unknown_top_level_keys_are_errors() {
            assertThat(errors("importspy: 1\nclases: []\n"))
                    .containsExactly("2:1: unknown key 'clases' in the contract; did you mean 'classes'?");
            assertThat(errors("importspy: 1\nplugins: []\n")).containsExactly(
                    "2:1: unknown key 'plugins' in the contract; valid keys are importspy, module, classes, references, deployments");
        }

        @Test
        void sections_of_the_wrong_shape_say_what_they_must_be() {
            assertThat(errors("importspy: 1\nmodule: [a]\nclasses: {name: a.B}\ndeployments: linux\n")).containsExactly(
                    "2:9: 'module' must be a mapping such as {name: com.acme.plugin}, not a list",
                    "3:10: 'classes' must be a list of classes, not a mapping",
                    "4:14: 'deployments' must be a list of deployments, not 'linux'");
        }

        @Test
        void several_errors_are_reported_together_in_file_order() {
            assertThat(errors("""
                    importspy: 1
                    deployments:
                      - os: linx
                        arch: [amd64, sparc9]
                    classes:
                      - name: a.B
                        kind: klass
                        methods:
                          - name: run
                            modifers: [public]
                      - kind: class
                    """)).containsExactly(
                    "3:9: unknown operating system 'linx'; did you mean 'linux'?",
                    "4:19: unknown architecture 'sparc9'; known: aarch64, arm, loongarch64, ppc64, ppc64le, riscv64,"
                            + " s390x, x86, x86_64",
                    "7:11: 'kind' must be one of class, interface, enum, record, annotation, not 'klass'",
                    "10:9: unknown key 'modifers' in method; did you mean 'modifiers'?",
                    "11:5: 'classes' entry needs a 'name' or a 'select'");
        }
    }

    @Nested
    class Classes {
        @Test
        void an_entry_needs_a_name() {
            assertThat(classErrors("  - kind: class\n")).containsExactly("3:5: 'classes' entry needs a 'name' or a 'select'");
        }

        @Test
        void an_empty_name_counts_as_missing() {
            assertThat(classErrors("  - name:\n    kind: class\n")).containsExactly("3:5: 'classes' entry needs a 'name'");
        }

        @Test
        void entries_must_be_mappings() {
            assertThat(classErrors("  - a.B\n")).containsExactly(
                    "3:5: 'classes' entries must be mappings such as {name: com.acme.Plugin}, not 'a.B'");
        }

        @Test
        void a_class_may_be_listed_only_once() {
            assertThat(classErrors("  - name: a.B\n  - name: a.C\n  - name: a.B\n"))
                    .containsExactly("5:11: class 'a.B' is listed twice (first at line 3); merge the two entries");
        }

        @Test
        void a_name_must_be_a_binary_class_name() {
            assertThat(classErrors("  - name: a.B<T>\n")).containsExactly(
                    "3:11: 'a.B<T>' is not a class name; write a binary name such as com.acme.Plugin or com.acme.Outer$Inner");
        }

        @Test
        void the_kind_must_be_a_known_kind() {
            assertThat(classErrors("  - name: a.B\n    kind: klass\n")).containsExactly(
                    "4:11: 'kind' must be one of class, interface, enum, record, annotation, not 'klass'");
        }

        @Test
        void unknown_keys_are_reported_with_a_suggestion_or_the_valid_keys() {
            assertThat(classErrors("  - name: a.B\n    extend: a.C\n    color: red\n")).containsExactly(
                    "4:5: unknown key 'extend' in class; did you mean 'extends'?",
                    "5:5: unknown key 'color' in class; valid keys are name, select, count, kind, modifiers, extends, implements,"
                            + " annotations, fields, constructors, methods");
        }

        @Test
        void modifiers_must_be_a_list_or_a_single_modifier() {
            assertThat(classErrors("  - name: a.B\n    modifiers: {public: true}\n")).containsExactly(
                    "4:16: 'modifiers' must be a list of modifiers or a single modifier, not a mapping");
        }

        @Test
        void unknown_modifiers_are_reported_with_a_suggestion_or_the_valid_ones() {
            assertThat(classErrors("  - name: a.B\n    modifiers: [publc, Final, override]\n")).containsExactly(
                    "4:17: unknown modifier 'publc'; did you mean 'public'?",
                    "4:24: unknown modifier 'Final'; did you mean 'final'?",
                    "4:31: unknown modifier 'override'; Java modifiers are public, protected, private, static, final,"
                            + " abstract, default, synchronized, native, transient, volatile, strictfp, sealed, non-sealed");
        }

        @Test
        void supertypes_must_be_classes() {
            assertThat(classErrors("  - name: a.B\n    extends: int\n    implements: [\"a.C[]\", \"a.D<\"]\n"))
                    .containsExactly(
                            "4:14: 'extends' must name a class or interface, not 'int'",
                            "5:18: 'implements' must name a class or interface, not 'a.C[]'",
                            "5:27: invalid type 'a.D<': a type name is missing at the end");
        }

        @Test
        void annotations_need_a_type_and_values_must_be_plain() {
            assertThat(classErrors("""
                      - name: a.B
                        annotations:
                          - values: {a: 1}
                          - type: a.Tag
                            values: {nested: {x: 1}, list: [[1]], empty: ~}
                          - [a.Tag]
                    """)).containsExactly(
                    "5:9: 'annotations' entry needs a 'type'",
                    "7:26: 'nested' must be a value or a list of values, not a mapping",
                    "7:41: 'list' items must be plain values, not a list",
                    "7:54: 'empty' has no value; write a value or a list of values or remove the key",
                    "8:9: 'annotations' must be a list of annotation types or {type: X, values: {...}}, not a list");
        }
    }

    @Nested
    class Members {
        @Test
        void fields_and_methods_need_a_name() {
            assertThat(classErrors("  - name: a.B\n    fields: [{type: int}]\n    methods: [{returns: int}]\n"))
                    .containsExactly("4:14: 'fields' entry needs a 'name'", "5:15: 'methods' entry needs a 'name'");
        }

        @Test
        void member_names_must_be_names_the_jvm_allows() {
            assertThat(classErrors("  - name: a.B\n    fields: [{name: a.b}]\n    methods: [{name: \"get<T>\"}]\n"))
                    .containsExactly("4:21: 'a.b' is not a valid field name: the JVM forbids '.' ';' '[' '/' in field names",
                            "5:22: 'get<T>' is not a valid method name: the JVM forbids '.' ';' '[' '/' '<' '>' in method names");
        }

        @Test
        void names_of_other_jvm_languages_are_accepted() {
            SpyModel model = Contracts.parse("importspy: 1\nclasses:\n  - name: a.B\n    fields: [{name: 1st}]\n"
                    + "    methods: [{name: \"run now\"}, {name: onTimeout-8Mi8wO0}, {name: \"-deprecated_javaName\"}]\n",
                    "spymodel.yml");
            assertThat(Sections.classes(model).get(0).fields()).extracting(FieldSpec::name).containsExactly("1st");
            assertThat(Sections.classes(model).get(0).methods()).extracting(MethodSpec::name)
                    .containsExactly("run now", "onTimeout-8Mi8wO0", "-deprecated_javaName");
        }

        @Test
        void unknown_keys_in_a_method_suggest_the_closest_key() {
            assertThat(classErrors("  - name: a.B\n    methods:\n      - name: run\n        modifers: [public]\n"))
                    .containsExactly("6:9: unknown key 'modifers' in method; did you mean 'modifiers'?");
        }

        @Test
        void a_field_value_must_be_plain_data() {
            assertThat(classErrors("  - name: a.B\n    fields: [{name: X, value: {a: 1}}]\n"))
                    .containsExactly("4:31: 'value' must be a value or a list of values, not a mapping");
        }

        @Test
        void invalid_types_quote_the_type_parser() {
            assertThat(classErrors("  - name: a.B\n    methods: [{name: m, returns: \"List<String\"}]\n"))
                    .containsExactly("4:34: invalid type 'List<String': '<' is never closed");
        }

        @Test
        void a_generic_type_split_at_its_comma_in_a_flow_list_is_told_to_be_quoted() {
            assertThat(classErrors("  - name: a.B\n    methods: [{name: m, parameters: [Map<String, Integer>, int]}]\n"))
                    .containsExactly("4:38: invalid type 'Map<String': '<' is never closed; YAML splits a plain value"
                                    + " at each comma inside [...] or {...}: quote a generic type that contains a comma,"
                                    + " as in \"Map<String, ...>\"",
                            "4:50: invalid type 'Integer>': unexpected '>' at position 8; YAML splits a plain value"
                                    + " at each comma inside [...] or {...}: quote a generic type that contains a comma,"
                                    + " as in \"Map<String, Integer>\"");
            assertThat(classErrors("  - name: a.B\n    implements: [Comparable<Map<String, Integer>>]\n"))
                    .first().asString().startsWith("4:18: invalid type 'Comparable<Map<String': '<' is never"
                            + " closed; YAML splits").endsWith("as in \"Comparable<Map<String, ...>\"");
            assertThat(classErrors("  - name: a.B\n    implements: [Comparable<Map<String, int[]>>]\n"))
                    .containsExactly("4:46: invalid YAML: a value starts with '>'; YAML splits a plain value at each"
                            + " comma inside [...] or {...}: quote a generic type that contains a comma,"
                            + " as in \"Map<String, int[]>\"");
        }

        @Test
        void a_quoted_or_block_generic_type_with_a_comma_is_read_whole_and_gets_no_hint() {
            assertThat(classErrors("""
                      - name: a.B
                        implements: ["Map<String, Integer>"]
                        methods:
                          - name: m
                            parameters:
                              - Map<String, Integer>
                            returns: List<String
                    """)).containsExactly("9:18: invalid type 'List<String': '<' is never closed");
        }

        @Test
        void varargs_is_only_allowed_on_the_last_parameter() {
            assertThat(classErrors("""
                      - name: a.B
                        fields: [{name: f, type: String...}]
                        methods:
                          - {name: m, parameters: [String..., int]}
                          - {name: n, returns: "int ..."}
                    """)).containsExactly(
                    "4:30: 'type' cannot be varargs 'String...'; write 'String[]' for an array",
                    "6:32: varargs 'String...' must be the last parameter; write 'String[]' for an array",
                    "7:28: 'returns' cannot be varargs 'int ...'; write 'int[]' for an array");
        }

        @Test
        void parameters_must_be_a_list_of_types_or_named_types() {
            assertThat(classErrors("""
                      - name: a.B
                        methods:
                          - {name: m, parameters: String}
                          - {name: n, parameters: [{name: x}, {name: y, type: int, final: true}, [int], ~]}
                        constructors:
                          - parameters: [{name: "a/b", type: int}]
                    """)).containsExactly(
                    "5:31: 'parameters' must be a list of parameter types such as [String, int], not 'String'",
                    "6:32: 'parameters' entry needs a 'type'",
                    "6:64: unknown key 'final' in parameter; valid keys are name, type",
                    "6:78: 'parameters' entries must be types or {name: x, type: T}, not a list",
                    "6:85: 'parameters' entries must be types or {name: x, type: T}, not empty",
                    "8:29: 'a/b' is not a valid parameter name: the JVM forbids '.' ';' '[' '/' in parameter names");
        }

        @Test
        void throws_must_name_classes() {
            assertThat(classErrors("  - name: a.B\n    constructors: [{throws: [void], modifiers: [publik]}]\n"))
                    .containsExactly("4:30: 'throws' must name a class or interface, not 'void'",
                            "4:49: unknown modifier 'publik'; did you mean 'public'?");
        }
    }

    @Nested
    class Module {
        @Test
        void empty_values_ask_for_a_value() {
            assertThat(errors("importspy: 1\nmodule:\n  name:\n  filename: [a, b]\n")).containsExactly(
                    "3:8: 'name' has no value; write text or remove the key",
                    "4:13: 'filename' must be text, not a list");
        }

        @Test
        void unquoted_versions_that_yaml_changes_must_be_quoted() {
            assertThat(errors("importspy: 1\nmodule: {version: 1.10}\ndeployments: [{java: {version: 17.0}}]\n"))
                    .containsExactly(
                            "2:19: write version: \"1.10\" (quoted); YAML reads 1.10 as the number 1.1",
                            "3:32: write version: \"17.0\" (quoted); YAML reads 17.0 as the number 17");
        }

        @Test
        void a_version_is_not_a_boolean() {
            assertThat(errors("importspy: 1\nmodule: {version: true}\n"))
                    .containsExactly("2:19: 'version' must be a version such as \"[1.2,2)\", not the boolean true");
        }

        @Test
        void an_unparseable_version_is_an_error_at_its_location() {
            // The message text is VersionConstraint's own; the parse stage places it.
            List<String> errors = errors("importspy: 1\nmodule: {version: \"[1.2\"}\n");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).startsWith("2:19: ").contains("[1.2");
        }

        @Test
        void manifest_values_must_be_text_presence_or_a_valid_pattern() {
            assertThat(errors("""
                    importspy: 1
                    module:
                      manifest:
                        A:
                        B: [x]
                        C: {pattern: "a(b"}
                        D: {patern: x}
                    """)).containsExactly(
                    "4:7: 'A' has no value; write A: {} to require only that it is present",
                    "5:8: 'B' must be a value, {} or {pattern: \"...\"}, not a list",
                    "6:18: invalid pattern 'a(b' for 'C': Unclosed group at index 3; fix the regular expression",
                    "7:9: unknown key 'patern' in value of 'D'; did you mean 'pattern'?");
        }

        @Test
        void a_pattern_is_at_most_a_thousand_characters() {
            assertThat(errors("importspy: 1\nmodule:\n  manifest:\n    A: {pattern: \"" + "(".repeat(20_000)
                    + ")".repeat(20_000) + "\"}\n")).containsExactly("4:18: a pattern of 40000 characters for 'A';"
                    + " the limit is 1000 (simplify the regular expression)");
        }

        @Test
        void services_need_class_names_and_providers() {
            assertThat(errors("""
                    importspy: 1
                    module:
                      services:
                        com.acme.Spi:
                        "not a class": [a.B]
                        com.acme.Other: [a.B, {x: 1}]
                    """)).containsExactly(
                    "4:18: 'com.acme.Spi' has no providers; write [] to accept any provider",
                    "5:5: 'not a class' is not a class name; write a binary name such as com.acme.Plugin or com.acme.Outer$Inner",
                    "6:27: 'com.acme.Other' must be text, not a mapping");
        }
    }

    @Nested
    class Deployments {
        @Test
        void unknown_platforms_list_the_known_names() {
            assertThat(errors("importspy: 1\ndeployments: [{os: plan9, arch: [x86_64, {a: 1}]}]\n")).containsExactly(
                    "2:20: unknown operating system 'plan9'; known: aix, freebsd, linux, macos, netbsd, openbsd, solaris,"
                            + " windows",
                    "2:42: 'arch' must be text, not a mapping");
        }

        @Test
        void sections_report_unknown_keys_with_their_context() {
            assertThat(errors("""
                    importspy: 1
                    deployments:
                      - jvm: {}
                        java: {vendors: [Oracle]}
                        environment: {variable: {A: b}, secrets: {A: b}}
                        libraries: [{version: "1"}, {name: a, versoin: "2"}, [x]]
                    """)).containsExactly(
                    "3:5: unknown key 'jvm' in deployment; valid keys are arch, os, java, environment, libraries, facts",
                    "4:12: unknown key 'vendors' in java; did you mean 'vendor'?",
                    "5:19: unknown key 'variable' in environment; did you mean 'variables'?",
                    "5:46: 'secrets' must be a list of variable names or a single one, not a mapping",
                    "6:17: 'libraries' entry needs a 'name'",
                    "6:43: unknown key 'versoin' in library; did you mean 'version'?",
                    "6:58: 'libraries' entries must be names or {name: x, version: \"...\"}, not a list");
        }

        @Test
        void environment_values_report_bad_patterns_and_missing_values() {
            assertThat(errors("importspy: 1\ndeployments: [{environment: {properties: {a.b: {pattern: \"[\"}, c: ~}}}]\n"))
                    .containsExactly(
                            "2:58: invalid pattern '[' for 'a.b': Unclosed character class at index 0;"
                                    + " fix the regular expression",
                            "2:67: 'c' has no value; write c: {} to require only that it is present");
        }
    }
}
