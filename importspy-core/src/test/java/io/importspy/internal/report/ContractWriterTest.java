package io.importspy.internal.report;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.FieldFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.ModuleIdentity.Declared;
import io.importspy.inspect.ModuleIdentity;
import io.importspy.inspect.Origin;
import io.importspy.inspect.ParameterFacts;
import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.importspy.java.Modifier.ABSTRACT;
import static io.importspy.java.Modifier.FINAL;
import static io.importspy.java.Modifier.PRIVATE;
import static io.importspy.java.Modifier.PROTECTED;
import static io.importspy.java.Modifier.PUBLIC;
import static io.importspy.java.Modifier.STATIC;
import static io.importspy.java.Modifier.SYNCHRONIZED;
import static org.assertj.core.api.Assertions.assertThat;

class ContractWriterTest {
    private static final JavaType STRING = JavaType.of("java.lang.String");

    @Test
    void writes_identity_services_and_the_public_api() {
        String yaml = ContractWriter.toYaml(module(
                greeter(),
                type("com.acme.Hidden", ClassKind.CLASS, Set.of(), List.of(), List.of()),
                type("com.acme.Greeter$1", ClassKind.CLASS, Set.of(), List.of(), List.of()),
                type("com.acme.Hidden$Api", ClassKind.INTERFACE, Set.of(PUBLIC, STATIC, ABSTRACT), List.of(),
                        List.of()),
                ClassFacts.builder("java.lang.Object", Origin.JDK, ClassKind.CLASS).modifiers(Set.of(PUBLIC))
                        .classFileMajor(61).build()));

        assertThat(yaml).isEqualTo("""
                # A contract (format 1) that greeter-1.2.0.jar satisfies; keep what your host needs.
                importspy: 1

                module:
                  name: com.acme.greeter
                  version: "[1.2,2)"
                  services:
                    com.acme.spi.Greeter: [com.acme.Greeter]

                classes:
                  # com.acme
                  - name: com.acme.Greeter
                    kind: class
                    modifiers: [public, final]
                    extends: com.acme.spi.AbstractGreeter
                    implements: [com.acme.spi.Greeter]
                    fields:
                      - {name: NAME, type: java.lang.String, modifiers: [public, static, final], value: greeter}
                      - {name: names, type: "java.util.List<java.lang.String>", modifiers: [protected]}
                    constructors:
                      - {parameters: [], modifiers: [public]}
                    methods:
                      - {name: greet, parameters: [java.lang.String, java.lang.Object...], returns: java.lang.String, throws: [java.io.IOException], modifiers: [public]}
                """);
    }

    @Test
    void leaves_out_classes_and_members_whose_names_hold_a_lone_surrogate_which_yaml_cannot_spell() {
        String lone = "bad\uD800";
        ClassFacts type = type("com.acme.Odd", ClassKind.CLASS, Set.of(PUBLIC), List.of(
                field(lone, STRING, "x"), field("good", JavaType.of("com.acme." + lone), "y"), field("kept", STRING, "z")),
                List.of(method(lone, List.of(), STRING, Set.of(PUBLIC), false, false),
                        method("takes", List.of(JavaType.of("com.acme." + lone)), STRING, Set.of(PUBLIC), false, false),
                        method("fine", List.of(), STRING, Set.of(PUBLIC), false, false)));
        String yaml = ContractWriter.toYaml(module(type, type("com.acme." + lone, ClassKind.CLASS, Set.of(PUBLIC),
                List.of(), List.of())));
        assertThat(yaml).contains("name: kept", "name: fine").doesNotContain("bad", "takes", "name: good");
        assertThat(load(yaml).containsKey("classes")).isTrue();
    }

    @Test
    void leaves_out_a_module_name_version_service_or_provider_holding_a_lone_surrogate() {
        String lone = "bad\uD800";
        ModuleIdentity identity = new ModuleIdentity(List.of(new Declared("mod." + lone, "module-info")),
                List.of(new Declared("1." + lone, "module-info")), "odd.jar");
        ModuleFacts facts = new ModuleFacts("odd.jar", identity, Map.of(), Map.of(
                "com.acme.Spi", List.of("com.acme.Good", "com.acme." + lone),
                "com.acme." + lone, List.of("com.acme.Impl")), Set.of(), Map.of(), Set.of());

        String yaml = ContractWriter.toYaml(facts);

        assertThat(yaml).doesNotContain("bad", "mod.", "version:", "Impl")
                .contains("com.acme.Spi: [com.acme.Good]");
        assertThat(load(yaml).containsKey("module")).isTrue();
    }

    @Test
    void writes_the_version_range_a_user_would_write_for_the_release() {
        assertThat(ContractWriter.versionRange("1.4.2")).isEqualTo("[1.4,2)");
        assertThat(ContractWriter.versionRange("33.0.0-jre")).isEqualTo("[33.0,34)");
        assertThat(ContractWriter.versionRange("0.4.1")).isEqualTo("[0.4,0.5)");
        assertThat(ContractWriter.versionRange("7")).isEqualTo("[7,8)");
        assertThat(ContractWriter.versionRange("1.4-SNAPSHOT")).isEqualTo("[1.4-SNAPSHOT,2)");
        assertThat(ContractWriter.versionRange("1.4.0-beta1")).isEqualTo("[1.4.0-beta1,2)");
        assertThat(ContractWriter.versionRange("r09")).isEqualTo("[r09]");
    }

    @Test
    void reads_the_leading_numbers_of_a_version_as_the_regular_expression_it_replaces() {
        java.util.regex.Pattern numbers = java.util.regex.Pattern.compile("(\\d{1,9})(?:\\.(\\d{1,9}))?");
        java.util.Random random = new java.util.Random(4);
        String alphabet = "0123456789.-a\u0661";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder version = new StringBuilder();
            for (int n = random.nextInt(14); n > 0; n--) {
                version.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = version.toString();
            java.util.regex.Matcher matcher = numbers.matcher(text);
            String expected;
            if (!matcher.lookingAt()) {
                expected = "[" + text + "]";
            } else {
                long major = Long.parseLong(matcher.group(1));
                String minor = matcher.group(2);
                String lower = minor == null ? Long.toString(major) : major + "." + Long.parseLong(minor);
                String upper = major == 0 && minor != null ? "0." + (Long.parseLong(minor) + 1) : Long.toString(major + 1);
                expected = null;
                for (String range : List.of("[" + lower + "," + upper + ")", "[" + text + "," + upper + ")")) {
                    try {
                        if (expected == null && io.importspy.internal.contract.VersionConstraint.parse(range).test(text)) {
                            expected = range;
                        }
                    } catch (RuntimeException unparseable) {
                        // the next
                    }
                }
                expected = expected == null ? "[" + text + "]" : expected;
            }
            assertThat(ContractWriter.versionRange(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void quotes_only_what_yaml_would_read_as_something_else() {
        assertThat(YamlText.scalar("com.acme.Outer$Inner")).isEqualTo("com.acme.Outer$Inner");
        assertThat(YamlText.scalar("non-sealed")).isEqualTo("non-sealed");
        assertThat(YamlText.scalar("java.lang.Object...")).isEqualTo("java.lang.Object...");
        for (String text : List.of("true", "No", "null", "y", "1.0", "int[]", "Map<K, V>", "a: b", "#x", "", "-x",
                "x-", "a b", "\u00e9t\u00e9")) {
            assertThat(YamlText.scalar(text)).as(text).startsWith("\"");
            assertThat(load("k: " + YamlText.scalar(text)).get("k")).as(text).isEqualTo(text);
        }
    }

    @Test
    void keeps_what_the_filters_keep() {
        ClassFacts api = type("com.acme.api.Greeter", ClassKind.INTERFACE, Set.of(PUBLIC), List.of(), List.of(
                method("greet", List.of(STRING), STRING, Set.of(PUBLIC), false, false),
                method("hook", List.of(), STRING, Set.of(PROTECTED), false, false)));
        ClassFacts impl = type("com.acme.impl.DefaultGreeter", ClassKind.CLASS, Set.of(PUBLIC), List.of(), List.of());
        ClassFacts other = type("org.other.Thing", ClassKind.CLASS, Set.of(PROTECTED), List.of(), List.of());
        ModuleFacts module = module(api, impl, other);

        assertThat(ContractWriter.toYaml(module, new InspectFilter(List.of("com.acme"), List.of(), List.of(), false)))
                .contains("name: com.acme.api.Greeter", "name: com.acme.impl.DefaultGreeter", "name: hook")
                .doesNotContain("org.other");
        assertThat(ContractWriter.toYaml(module, new InspectFilter(List.of(), List.of(
                io.importspy.internal.java.Glob.compile("*.api.*")), List.of(), true)))
                .contains("name: com.acme.api.Greeter", "name: greet").doesNotContain("hook", "DefaultGreeter", "Thing");
        assertThat(ContractWriter.toYaml(module, new InspectFilter(List.of(), List.of(),
                List.of("com.acme.spi.Greeter"), false))).contains("com.acme.spi.Greeter: [com.acme.Greeter]")
                .endsWith("classes: []\n");
    }

    @Test
    void writes_an_empty_class_list_for_a_module_without_public_classes() {
        String yaml = ContractWriter.toYaml(module(type("a.Hidden", ClassKind.CLASS, Set.of(), List.of(), List.of())));

        assertThat(yaml).endsWith("\nclasses: []\n");
    }

    @Test
    void leaves_out_a_version_or_file_name_that_would_read_as_a_range_or_glob() {
        ModuleIdentity identity = new ModuleIdentity(List.of(new Declared("odd", "file name")),
                List.of(new Declared("1.0,2", "Implementation-Version")), "odd[1].jar");
        ModuleFacts facts = new ModuleFacts("odd[1].jar", identity, Map.of(), Map.of(), Set.of(), Map.of(), Set.of());

        assertThat(ContractWriter.toYaml(facts)).doesNotContain("version:").doesNotContain("filename:");
    }

    @Nested
    class Constants {
        @Test
        void are_written_for_strings_numbers_and_booleans() {
            assertThat(ContractWriter.constant("a\"b")).contains("\"a\\\"b\"");
            assertThat(ContractWriter.constant(42)).contains("42");
            assertThat(ContractWriter.constant(-7L)).contains("-7");
            assertThat(ContractWriter.constant((byte) 3)).contains("3");
            assertThat(ContractWriter.constant(true)).contains("true");
            assertThat(ContractWriter.constant(2.5d)).contains("2.5");
            assertThat(ContractWriter.constant(1e300)).contains("1.0E300");
        }

        @Test
        void a_float_is_written_as_its_shortest_decimal_text() {
            assertThat(ContractWriter.constant(0.1f)).hasValue("0.1");
            assertThat(ContractWriter.constant(Float.MAX_VALUE)).hasValue("3.4028235E38");
        }

        @Test
        void are_written_for_chars_nan_and_infinity() {
            assertThat(ContractWriter.constant('x')).hasValue("x");
            assertThat(ContractWriter.constant('1')).hasValue("\"1\"");
            assertThat(ContractWriter.constant(Double.NaN)).hasValue(".nan");
            assertThat(ContractWriter.constant(Float.NEGATIVE_INFINITY)).hasValue("-.inf");
            assertThat(ContractWriter.constant(Double.POSITIVE_INFINITY)).hasValue(".inf");
            assertThat(ContractWriter.constant(-0.0f)).hasValue("-0.0");
        }

        @Test
        void are_left_out_for_lone_surrogates() {
            assertThat(ContractWriter.constant("bad \uD800")).isEmpty();
            assertThat(ContractWriter.constant('\uD800')).isEmpty();
        }

        @Test
        void read_back_from_yaml_as_values_that_validate_equal() {
            String text = "tab\there \"quoted\" back\\slash\nnew line \u0085\u2028\uFEFF é \uD83D\uDE00 #: - [x]";
            FieldFacts textField = field("TEXT", STRING, text);
            FieldFacts longField = field("BIG", JavaType.of("long"), Long.MIN_VALUE);
            FieldFacts floatField = field("RATIO", JavaType.of("float"), 0.1f);
            FieldFacts flagField = field("ON", JavaType.of("boolean"), true);
            ClassFacts constants = type("a.Constants", ClassKind.CLASS, Set.of(PUBLIC),
                    List.of(textField, longField, floatField, flagField), List.of());

            String yaml = ContractWriter.toYaml(module(constants));

            assertThat(yaml).matches("\\p{ASCII}*");
            Map<String, Object> values = valuesOf(yaml);
            assertThat(values).containsEntry("TEXT", text).containsEntry("BIG", Long.MIN_VALUE)
                    .containsEntry("RATIO", 0.1d).containsEntry("ON", true);
        }
    }

    @Test
    void output_loads_as_yaml_with_the_expected_structure() {
        Map<?, ?> contract = load(ContractWriter.toYaml(module(greeter())));

        assertThat(contract.get("importspy")).isEqualTo(1);
        assertThat(((Map<?, ?>) contract.get("module")).get("version")).isEqualTo("[1.2,2)");
        Map<?, ?> greeter = (Map<?, ?>) ((List<?>) contract.get("classes")).get(0);
        assertThat(greeter.get("modifiers")).isEqualTo(List.of("public", "final"));
        Map<?, ?> greet = (Map<?, ?>) ((List<?>) greeter.get("methods")).get(0);
        assertThat(greet.get("parameters")).isEqualTo(List.of("java.lang.String", "java.lang.Object..."));
        assertThat(greeter.containsKey("annotations")).isFalse();
    }

    private static ClassFacts greeter() {
        List<FieldFacts> fields = List.of(
                field("NAME", STRING, "greeter"),
                new FieldFacts("names", JavaType.parse("java.util.List<java.lang.String>"),
                        JavaType.of("java.util.List"), Set.of(PROTECTED), Optional.empty(), List.of()),
                new FieldFacts("secret", STRING, STRING, Set.of(PRIVATE), Optional.empty(), List.of()));
        List<MethodFacts> methods = List.of(
                method("greet", List.of(STRING, JavaType.of("java.lang.Object").withDimensions(1)), STRING,
                        Set.of(PUBLIC, SYNCHRONIZED), true, false, JavaType.of("java.io.IOException")),
                method("<init>", List.of(), JavaType.of("void"), Set.of(PUBLIC), false, false),
                method("lambda$greet$0", List.of(), JavaType.of("void"), Set.of(PRIVATE, STATIC), false, true),
                method("bridge", List.of(), JavaType.of("java.lang.Object"), Set.of(PUBLIC), false, true),
                method("helper", List.of(), JavaType.of("void"), Set.of(), false, false));
        return ClassFacts.builder("com.acme.Greeter", Origin.TARGET, ClassKind.CLASS).modifiers(Set.of(PUBLIC, FINAL))
                .superclass(Optional.of("com.acme.spi.AbstractGreeter")).interfaces(List.of("com.acme.spi.Greeter"))
                .fields(fields).methods(methods).classFileMajor(61).build();
    }

    private static ClassFacts type(String name, ClassKind kind, Set<Modifier> modifiers, List<FieldFacts> fields,
                                   List<MethodFacts> methods) {
        return ClassFacts.builder(name, Origin.TARGET, kind).modifiers(modifiers)
                .superclass(Optional.of("java.lang.Object")).fields(fields).methods(methods).classFileMajor(61).build();
    }

    private static FieldFacts field(String name, JavaType type, Object constant) {
        return new FieldFacts(name, type, type, Set.of(PUBLIC, STATIC, FINAL), Optional.of(constant), List.of());
    }

    private static MethodFacts method(String name, List<JavaType> parameters, JavaType returns,
                                      Set<Modifier> modifiers, boolean varargs, boolean synthetic,
                                      JavaType... exceptions) {
        return MethodFacts.builder(name)
                .parameters(parameters.stream().map(t -> new ParameterFacts(Optional.empty(), t, t)).toList())
                .returns(returns, returns).exceptions(Arrays.asList(exceptions)).modifiers(modifiers)
                .varargs(varargs).synthetic(synthetic).build();
    }

    private static ModuleFacts module(ClassFacts... classes) {
        ModuleIdentity identity = new ModuleIdentity(
                List.of(new Declared("com.acme.greeter", "Automatic-Module-Name"), new Declared("greeter", "file name")),
                List.of(new Declared("1.2.0", "Implementation-Version")), "greeter-1.2.0.jar");
        Map<String, ClassFacts> byName = new LinkedHashMap<>();
        for (ClassFacts type : classes) {
            byName.put(type.name(), type);
        }
        return new ModuleFacts("libs/greeter-1.2.0.jar", identity, Map.of(),
                Map.of("com.acme.spi.Greeter", List.of("com.acme.Greeter")), Set.of(), byName, Set.of());
    }

    private static Map<?, ?> load(String yaml) {
        return (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    private static Map<String, Object> valuesOf(String yaml) {
        Map<?, ?> type = (Map<?, ?>) ((List<?>) load(yaml).get("classes")).get(0);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Object field : (List<?>) type.get("fields")) {
            Map<?, ?> map = (Map<?, ?>) field;
            values.put((String) map.get("name"), map.get("value"));
        }
        return values;
    }
}
