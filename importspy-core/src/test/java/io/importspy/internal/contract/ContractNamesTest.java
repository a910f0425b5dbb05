package io.importspy.internal.contract;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.importspy.internal.contract.ContractErrorsTest.classErrors;
import static io.importspy.internal.contract.ContractErrorsTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

/** Contract errors for names that cannot name anything and modifiers that cannot apply where written. */
class ContractNamesTest {

    @Nested
    class Empty_names {
        @Test
        void an_empty_module_name_filename_or_resource_is_an_error() {
            assertThat(errors("importspy: 1\nmodule: {name: \"\", filename: '', resources: [a.txt, \"\"]}\n"))
                    .containsExactly(
                            "2:16: 'name' is empty; write the module's name, such as com.acme.plugin, or remove the key",
                            "2:30: 'filename' is empty; write a file name or glob, such as plugin-*.jar, or remove the key",
                            "2:53: empty resource path in 'resources'; write a path such as greeter.properties");
        }

        @Test
        void an_empty_class_field_or_method_name_counts_as_missing() {
            assertThat(classErrors("  - name: \"\"\n  - name: a.B\n    fields: [{name: ''}]\n    methods: [{name: ' '}]\n"))
                    .containsExactly("3:5: 'classes' entry needs a 'name'", "5:14: 'fields' entry needs a 'name'",
                            "6:15: 'methods' entry needs a 'name'");
        }

        @Test
        void an_empty_parameter_name_is_an_error() {
            assertThat(classErrors("  - name: a.B\n    methods: [{name: m, parameters: [{name: '', type: int}]}]\n"))
                    .containsExactly("4:45: 'name' is empty; write a parameter name or remove the key");
        }

        @Test
        void empty_service_and_provider_names_are_errors() {
            assertThat(errors("importspy: 1\nmodule:\n  services:\n    \"\": [a.B]\n    a.Spi: [a.C, \"\"]\n"))
                    .containsExactly(
                            "4:5: empty class name in 'services'; write a binary name such as com.acme.Plugin",
                            "5:18: empty class name in 'a.Spi'; write a binary name such as com.acme.Plugin");
        }

        @Test
        void empty_names_in_the_manifest_environment_and_libraries_are_errors() {
            assertThat(errors("""
                    importspy: 1
                    module: {manifest: {"": x}}
                    deployments:
                      - environment: {variables: {"": x}, secrets: [A, ""], properties: {"": x}}
                        libraries: ["", {name: ""}]
                        java: {vendor: [Oracle, ""]}
                    """)).containsExactly(
                    "2:21: empty name in 'manifest'; write a name such as Plugin-Id",
                    "4:31: empty name in 'variables'; write a name such as MODE",
                    "4:52: empty name in 'secrets'; write a name such as DB_PASSWORD",
                    "4:70: empty name in 'properties'; write a name such as file.encoding",
                    "5:17: empty name in 'libraries'; write a name such as org.slf4j:slf4j-api",
                    "5:21: 'libraries' entry needs a 'name'",
                    "6:29: empty value in 'vendor'; write a name or remove the empty entry");
        }
    }

    @Nested
    class Variable_names {
        @Test
        void a_secret_with_a_value_is_an_error_that_does_not_echo_the_value() {
            java.util.List<String> errors = errors(
                    "importspy: 1\ndeployments:\n  - environment: {secrets: [DB_PASSWORD=hunter2secret, TOKEN]}\n");
            assertThat(errors).containsExactly("3:29: 'DB_PASSWORD=…' is not a variable name: it contains '='; "
                    + "list secrets by name only");
            assertThat(String.join("\n", errors)).doesNotContain("hunter2");
        }

        @Test
        void a_variable_name_with_an_equals_sign_is_an_error_that_does_not_echo_the_value() {
            java.util.List<String> errors = errors(
                    "importspy: 1\ndeployments:\n  - environment: {variables: {MODE=prod: {}, LEVEL: x}}\n");
            assertThat(errors).containsExactly("3:31: 'MODE=…' is not a variable name: it contains '='; "
                    + "write the name as the key and the value after the colon, as in MODE: value");
            assertThat(String.join("\n", errors)).doesNotContain("prod");
        }
    }

    @Nested
    class Modifiers_where_they_apply {
        @Test
        void a_class_modifier_must_apply_to_a_class() {
            assertThat(classErrors("  - name: a.B\n    modifiers: [public, transient, sealed, non-sealed, strictfp]\n"))
                    .containsExactly("4:25: modifier 'transient' does not apply to a class; a class may be public, "
                            + "protected, private, static, final, abstract, strictfp, sealed or non-sealed");
        }

        @Test
        void a_field_modifier_must_apply_to_a_field() {
            assertThat(classErrors("  - name: a.B\n    fields: [{name: x, modifiers: [volatile, transient, abstract]}]\n"))
                    .containsExactly("4:57: modifier 'abstract' does not apply to a field; a field may be public, "
                            + "protected, private, static, final, transient or volatile");
        }

        @Test
        void a_method_modifier_must_apply_to_a_method() {
            assertThat(classErrors("  - name: a.B\n    methods: [{name: m, modifiers: [default, native, volatile]}]\n"))
                    .containsExactly("4:54: modifier 'volatile' does not apply to a method; a method may be public, "
                            + "protected, private, static, final, abstract, default, synchronized, native or strictfp");
        }

        @Test
        void a_constructor_may_only_have_an_access_modifier() {
            assertThat(classErrors("  - name: a.B\n    constructors: [{modifiers: static}, {modifiers: [protected]}]\n"))
                    .containsExactly("4:32: modifier 'static' does not apply to a constructor; a constructor may be "
                            + "public, protected or private");
        }

        @Test
        void unknown_modifiers_are_still_reported_as_unknown() {
            assertThat(classErrors("  - name: a.B\n    fields: [{name: x, modifiers: [transiant]}]\n"))
                    .containsExactly("4:36: unknown modifier 'transiant'; did you mean 'transient'?");
        }
    }
}
