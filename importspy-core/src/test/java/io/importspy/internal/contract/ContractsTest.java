package io.importspy.internal.contract;

import io.importspy.contract.Location;
import io.importspy.contract.SpyModel;
import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ContractsTest {

    static final String FULL = """
            importspy: 1
            module:
              name: com.acme.greeter
              version: "[1.2,2)"
              filename: "greeter-*.jar"
              manifest:
                Plugin-Id: greeter
                Plugin-Port: 8080
                Build: {pattern: "b\\\\d+"}
                Signed: {}
              services:
                com.acme.spi.Greeter: [com.acme.greeter.DefaultGreeter, com.acme.greeter.LoudGreeter]
                com.acme.spi.Logger: com.acme.greeter.Log
                com.acme.spi.Any: []
              resources: [greeter.properties, META-INF/greeter.txt]
            classes:
              - name: com.acme.greeter.DefaultGreeter
                kind: record
                modifiers: [public, final]
                extends: com.acme.spi.AbstractGreeter<String>
                implements: [com.acme.spi.Greeter, java.io.Serializable]
                annotations:
                  - com.acme.spi.Extension
                  - type: com.acme.spi.Priority
                    values: {value: 10, label: high, enabled: true, weight: 1.5, tags: [a, b]}
                fields:
                  - name: NAME
                    type: String
                    modifiers: [public, static, final]
                    value: greeter
                  - name: greetings
                    type: java.util.List<String>
                constructors:
                  - parameters: []
                  - parameters: [{name: name, type: String}, int...]
                    throws: java.io.IOException
                    modifiers: protected
                methods:
                  - name: greet
                    parameters: [String, java.util.Locale]
                    returns: String
                    throws: [java.io.IOException]
                    modifiers: [public]
                  - name: close
            deployments:
              - arch: [amd64, arm64]
                os: [linux, darwin]
                java:
                  version: "[17,)"
                  vendor: [Eclipse Adoptium, Oracle Corporation]
                  implementation: HotSpot
                environment:
                  variables:
                    MODE: production
                    LOG_DIR: {}
                  secrets: [DB_PASSWORD, API_KEY]
                  properties:
                    file.encoding: UTF-8
                libraries:
                  - name: org.slf4j:slf4j-api
                    version: "[2.0,)"
                  - com.google.guava:guava
              - os: windows
            """;

    static SpyModel parse(String yaml) {
        return Contracts.parse(yaml, "spymodel.yml");
    }

    static String at(Location location) {
        return location.line() + ":" + location.column();
    }

    @Nested
    class A_contract_with_every_key {
        final SpyModel model = parse(FULL);

        @Test
        void reads_the_format_and_starts_at_the_top_of_the_file() {
            assertThat(model.format()).isEqualTo(1);
            assertThat(model.location()).isEqualTo(new Location("spymodel.yml", 1, 1));
            assertThat(model.file()).isEqualTo("spymodel.yml");
        }

        @Test
        void reads_the_module_identity() {
            ModuleSpec module = Sections.module(model);
            assertThat(at(module.location())).isEqualTo("2:1");
            assertThat(module.name().orElseThrow().value()).isEqualTo("com.acme.greeter");
            assertThat(at(module.name().orElseThrow().location())).isEqualTo("3:9");
            assertThat(module.version().orElseThrow().value().toString()).isEqualTo("[1.2,2)");
            assertThat(module.filename().orElseThrow().value()).isEqualTo("greeter-*.jar");
            assertThat(module.resources()).extracting(Located::value)
                    .containsExactly("greeter.properties", "META-INF/greeter.txt");
        }

        @Test
        void reads_manifest_attributes_as_text_pattern_or_presence() {
            List<ValueSpec> manifest = Sections.module(model).manifest();
            assertThat(manifest).extracting(ValueSpec::name).containsExactly("Plugin-Id", "Plugin-Port", "Build", "Signed");
            assertThat(manifest.get(0).matcher()).isEqualTo(new ValueMatcher.Equals("greeter"));
            assertThat(manifest.get(1).matcher()).isEqualTo(new ValueMatcher.Equals("8080"));
            assertThat(manifest.get(2).matcher().describe()).isEqualTo("matching /b\\d+/");
            assertThat(manifest.get(2).matcher().test("b12")).isTrue();
            assertThat(manifest.get(2).matcher().test("b")).isFalse();
            assertThat(manifest.get(3).matcher()).isEqualTo(new ValueMatcher.Present());
            assertThat(at(manifest.get(1).location())).isEqualTo("8:5");
        }

        @Test
        void reads_services_with_a_list_a_single_provider_or_none() {
            assertThat(Sections.module(model).services()).containsExactly(
                    new ServiceSpec("com.acme.spi.Greeter",
                            List.of("com.acme.greeter.DefaultGreeter", "com.acme.greeter.LoudGreeter"),
                            new Location("spymodel.yml", 12, 5)),
                    new ServiceSpec("com.acme.spi.Logger", List.of("com.acme.greeter.Log"),
                            new Location("spymodel.yml", 13, 5)),
                    new ServiceSpec("com.acme.spi.Any", List.of(), new Location("spymodel.yml", 14, 5)));
        }

        @Test
        void reads_the_class_header() {
            ClassSpec spec = Sections.classes(model).get(0);
            assertThat(spec.name()).isEqualTo("com.acme.greeter.DefaultGreeter");
            assertThat(at(spec.location())).isEqualTo("17:5");
            assertThat(spec.kind().orElseThrow().value()).isEqualTo(ClassKind.RECORD);
            assertThat(at(spec.kind().orElseThrow().location())).isEqualTo("18:11");
            assertThat(spec.modifiers().orElseThrow().value()).containsExactly(Modifier.PUBLIC, Modifier.FINAL);
            assertThat(spec.superclass().orElseThrow().value()).isEqualTo(JavaType.parse("com.acme.spi.AbstractGreeter<String>"));
            assertThat(spec.interfaces()).extracting(Located::value)
                    .containsExactly(JavaType.of("com.acme.spi.Greeter"), JavaType.of("java.io.Serializable"));
            assertThat(at(spec.interfaces().get(1).location())).isEqualTo("21:40");
        }

        @Test
        void reads_annotations_as_a_type_or_a_type_with_values() {
            List<AnnotationSpec> annotations = Sections.classes(model).get(0).annotations();
            assertThat(annotations.get(0)).isEqualTo(
                    new AnnotationSpec(JavaType.of("com.acme.spi.Extension"), Map.of(), new Location("spymodel.yml", 23, 9)));
            AnnotationSpec priority = annotations.get(1);
            assertThat(priority.type()).isEqualTo(JavaType.of("com.acme.spi.Priority"));
            assertThat(at(priority.location())).isEqualTo("24:9");
            assertThat(priority.values()).containsExactly(Map.entry("value", new ScalarValue(10L, "10", false)),
                    Map.entry("label", new ScalarValue("high", "high", false)),
                    Map.entry("enabled", new ScalarValue(true, "true", false)),
                    Map.entry("weight", new ScalarValue(1.5, "1.5", false)),
                    Map.entry("tags", List.of(new ScalarValue("a", "a", false), new ScalarValue("b", "b", false))));
        }

        @Test
        void reads_fields_with_type_modifiers_and_value() {
            List<FieldSpec> fields = Sections.classes(model).get(0).fields();
            FieldSpec name = fields.get(0);
            assertThat(name.name()).isEqualTo("NAME");
            assertThat(at(name.location())).isEqualTo("27:9");
            assertThat(name.type().orElseThrow().value()).isEqualTo(JavaType.of("String"));
            assertThat(name.modifiers().orElseThrow().value())
                    .containsExactlyInAnyOrder(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
            assertThat(name.value().orElseThrow().value()).isEqualTo(new ScalarValue("greeter", "greeter", false));
            assertThat(at(name.value().orElseThrow().location())).isEqualTo("30:16");
            FieldSpec greetings = fields.get(1);
            assertThat(greetings.type().orElseThrow().value()).isEqualTo(JavaType.parse("java.util.List<String>"));
            assertThat(greetings.modifiers()).isEmpty();
            assertThat(greetings.value()).isEmpty();
        }

        @Test
        void reads_constructors() {
            List<ConstructorSpec> constructors = Sections.classes(model).get(0).constructors();
            assertThat(constructors.get(0).parameters()).contains(List.of());
            ConstructorSpec second = constructors.get(1);
            assertThat(second.parameters().orElseThrow()).containsExactly(
                    new ParameterSpec(Optional.of("name"), JavaType.of("String"), new Location("spymodel.yml", 35, 22)),
                    new ParameterSpec(Optional.empty(), JavaType.parse("int..."), new Location("spymodel.yml", 35, 50)));
            assertThat(second.parameters().orElseThrow().get(1).type().varargs()).isTrue();
            assertThat(second.throwsTypes()).extracting(Located::value).containsExactly(JavaType.of("java.io.IOException"));
            assertThat(second.modifiers().orElseThrow().value()).containsExactly(Modifier.PROTECTED);
        }

        @Test
        void reads_methods_with_and_without_parameters() {
            List<MethodSpec> methods = Sections.classes(model).get(0).methods();
            MethodSpec greet = methods.get(0);
            assertThat(greet.name()).isEqualTo("greet");
            assertThat(at(greet.location())).isEqualTo("39:9");
            assertThat(greet.parameters().orElseThrow()).extracting(ParameterSpec::type)
                    .containsExactly(JavaType.of("String"), JavaType.of("java.util.Locale"));
            assertThat(greet.returns().orElseThrow().value()).isEqualTo(JavaType.of("String"));
            assertThat(greet.throwsTypes()).extracting(Located::value).containsExactly(JavaType.of("java.io.IOException"));
            assertThat(greet.modifiers().orElseThrow().value()).containsExactly(Modifier.PUBLIC);
            MethodSpec close = methods.get(1);
            assertThat(close.parameters()).isEmpty();
            assertThat(close.returns()).isEmpty();
            assertThat(close.throwsTypes()).isEmpty();
        }

        @Test
        void reads_deployments_with_canonical_platform_names() {
            assertThat(Sections.deployments(model)).hasSize(2);
            DeploymentSpec first = Sections.deployments(model).get(0);
            assertThat(at(first.location())).isEqualTo("46:5");
            assertThat(first.architectures().orElseThrow().value()).containsExactly("x86_64", "aarch64");
            assertThat(at(first.architectures().orElseThrow().location())).isEqualTo("46:11");
            assertThat(first.systems().orElseThrow().value()).containsExactly("linux", "macos");
            assertThat(Sections.deployments(model).get(1).systems().orElseThrow().value()).containsExactly("windows");
            assertThat(Sections.deployments(model).get(1).java()).isEmpty();
        }

        @Test
        void reads_the_java_runtime() {
            JavaSpec java = Sections.deployments(model).get(0).java().orElseThrow();
            assertThat(at(java.location())).isEqualTo("48:5");
            assertThat(java.version().orElseThrow().value().toString()).isEqualTo("[17,)");
            assertThat(java.vendors().orElseThrow().value()).containsExactly("Eclipse Adoptium", "Oracle Corporation");
            assertThat(java.implementations().orElseThrow().value()).containsExactly("HotSpot");
        }

        @Test
        void reads_the_environment() {
            DeploymentSpec first = Sections.deployments(model).get(0);
            assertThat(first.variables()).containsExactly(
                    new ValueSpec("MODE", new ValueMatcher.Equals("production"), new Location("spymodel.yml", 54, 9)),
                    new ValueSpec("LOG_DIR", new ValueMatcher.Present(), new Location("spymodel.yml", 55, 9)));
            assertThat(first.secrets()).extracting(Located::value).containsExactly("DB_PASSWORD", "API_KEY");
            assertThat(at(first.secrets().get(1).location())).isEqualTo("56:30");
            assertThat(first.properties()).containsExactly(
                    new ValueSpec("file.encoding", new ValueMatcher.Equals("UTF-8"), new Location("spymodel.yml", 58, 9)));
        }

        @Test
        void reads_libraries_as_entries_or_plain_names() {
            List<LibrarySpec> libraries = Sections.deployments(model).get(0).libraries();
            assertThat(libraries).extracting(LibrarySpec::name).containsExactly("org.slf4j:slf4j-api", "com.google.guava:guava");
            assertThat(libraries.get(0).version().orElseThrow().value().toString()).isEqualTo("[2.0,)");
            assertThat(at(libraries.get(0).location())).isEqualTo("60:9");
            assertThat(libraries.get(1).version()).isEmpty();
        }
    }

    @Test
    void a_contract_with_only_the_format_requires_nothing() {
        SpyModel model = parse("importspy: 1\n");
        assertThat(Sections.module(model)).isEqualTo(ModuleSpec.empty(new Location("spymodel.yml", 1, 1)));
        assertThat(Sections.classes(model)).isEmpty();
        assertThat(Sections.deployments(model)).isEmpty();
    }

    @Test
    void the_example_contract_of_the_design_parses() throws URISyntaxException {
        Path example = Path.of(ContractsTest.class.getResource("/contracts/design-example.yml").toURI());
        SpyModel model = Contracts.read(example);
        assertThat(model.file()).isEqualTo(example.toString());
        assertThat(Sections.module(model).name().orElseThrow().value()).isEqualTo("com.acme.greeter");
        ClassSpec greeter = Sections.classes(model).get(0);
        assertThat(greeter.name()).isEqualTo("com.acme.greeter.DefaultGreeter");
        assertThat(greeter.fields()).extracting(FieldSpec::name).containsExactly("NAME", "greetings");
        assertThat(greeter.methods().get(0).parameters().orElseThrow()).hasSize(2);
        DeploymentSpec deployment = Sections.deployments(model).get(0);
        assertThat(deployment.java().orElseThrow().vendors().orElseThrow().value())
                .containsExactly("Eclipse Adoptium", "Oracle Corporation", "Debian");
        assertThat(deployment.variables()).extracting(ValueSpec::matcher)
                .containsExactly(new ValueMatcher.Equals("production"), new ValueMatcher.Present());
        assertThat(deployment.libraries().get(0).location()).isEqualTo(new Location(example.toString(), 54, 9));
    }

    @Test
    void read_names_the_file_as_the_user_gave_the_path(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("spymodel.yml"), "\uFEFFimportspy: 1\nmodule: {name: x}\n");
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("spymodel.yml"));
        SpyModel model = Contracts.read(relative);
        assertThat(model.file()).isEqualTo(relative.toString());
        assertThat(Sections.module(model).name().orElseThrow().location()).isEqualTo(new Location(relative.toString(), 2, 16));
    }
}
