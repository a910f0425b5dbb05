package io.importspy.internal.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.importspy.Spy;
import io.importspy.contract.ContractException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JSON Schema of the contract language ({@code importspy schema}) agrees with the contract reader: on
 * every key, on every contract in the repository, and on typos; checked with a real JSON Schema validator.
 */
class ContractSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode schemaTree;
    private static JsonSchema schema;

    @BeforeAll
    static void load() throws IOException {
        schemaTree = JSON.readTree(Spy.contractSchema());
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
    }

    /** The YAML as the contract reader sees it (YAML 1.2 core schema), as a JSON tree. */
    private static JsonNode yaml(String text) {
        Object data = new Load(LoadSettings.builder().build()).loadFromString(text);
        return JSON.valueToTree(data);
    }

    private static Set<String> errors(String yaml) {
        return schema.validate(yaml(yaml)).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void the_schema_is_a_draft_2020_12_schema_with_a_description_on_every_key() {
        assertThat(schemaTree.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(java.net.URI.create("https://json-schema.org/draft/2020-12/schema"));
        assertThat(metaSchema.validate(schemaTree)).isEmpty();
        List<String> undescribed = new ArrayList<>();
        forEachObject(schemaTree, "#", (path, node) -> node.path("properties").fields().forEachRemaining(p -> {
            JsonNode property = p.getValue();
            JsonNode described = property.has("$ref") ? resolve(property.get("$ref").asText()) : property;
            if (!described.hasNonNull("description") || described.get("description").asText().isBlank()) {
                undescribed.add(path + "/properties/" + p.getKey());
            }
        }));
        assertThat(undescribed).isEmpty();
    }

    @Nested
    class Keys {
        /** Each object of the schema and the keys the reader accepts in it. */
        private final Map<String, List<String>> readerKeys = new LinkedHashMap<>();

        {
            readerKeys.put("#", ContractReader.TOP_KEYS);
            readerKeys.put("#/$defs/module", ContractReader.MODULE_KEYS);
            readerKeys.put("#/$defs/deployment", ContractReader.DEPLOYMENT_KEYS);
            readerKeys.put("#/$defs/java", ContractReader.JAVA_KEYS);
            readerKeys.put("#/$defs/environment", ContractReader.ENVIRONMENT_KEYS);
            readerKeys.put("#/$defs/library/anyOf/1", ContractReader.LIBRARY_KEYS);
            readerKeys.put("#/$defs/class", ClassReader.CLASS_KEYS);
            readerKeys.put("#/$defs/field", ClassReader.FIELD_KEYS);
            readerKeys.put("#/$defs/constructor", ClassReader.CONSTRUCTOR_KEYS);
            readerKeys.put("#/$defs/method", ClassReader.METHOD_KEYS);
            readerKeys.put("#/$defs/parameter/anyOf/1", ClassReader.PARAMETER_KEYS);
            readerKeys.put("#/$defs/annotation/anyOf/1", ClassReader.ANNOTATION_KEYS);
            readerKeys.put("#/$defs/expectedValue/anyOf/1", NodeReader.VALUE_KEYS);
            readerKeys.put("#/$defs/select", SelectReader.SELECT_KEYS);
            readerKeys.put("#/$defs/count/anyOf/1", SelectReader.COUNT_KEYS);
            readerKeys.put("#/$defs/signer", IntegrityReader.SIGNER_KEYS);
            readerKeys.put("#/$defs/references", ReferencesReader.KEYS);
        }

        @Test
        void every_object_of_the_schema_has_exactly_the_keys_the_reader_accepts() {
            Map<String, List<String>> schemaKeys = new LinkedHashMap<>();
            forEachObject(schemaTree, "#", (path, node) -> {
                if (node.has("properties")) {
                    List<String> keys = new ArrayList<>();
                    node.get("properties").fieldNames().forEachRemaining(keys::add);
                    schemaKeys.put(path, keys);
                }
            });
            assertThat(schemaKeys.keySet()).containsExactlyInAnyOrderElementsOf(readerKeys.keySet());
            readerKeys.forEach((path, keys) -> assertThat(schemaKeys.get(path)).as(path)
                    .containsExactlyInAnyOrderElementsOf(keys));
        }

        @Test
        void every_object_of_the_schema_refuses_unknown_keys_as_the_reader_does() {
            readerKeys.keySet().forEach(path -> assertThat(resolve(path).path("additionalProperties").asBoolean(true))
                    .as(path + " additionalProperties").isFalse());
        }
    }

    @Test
    void every_contract_in_the_repository_that_the_reader_accepts_is_valid_against_the_schema() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> contracts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(ContractSchemaTest::isContractFile).sorted().toList()) {
                try {
                    Contracts.read(file);
                    contracts.add(file);
                } catch (ContractException notAValidContract) {
                    // broken contracts kept as test input; the reader's own tests pin their errors
                }
            }
        }
        assertThat(contracts).as("contracts found under " + root).hasSizeGreaterThanOrEqualTo(8);
        for (Path contract : contracts) {
            assertThat(errors(Files.readString(contract))).as(root.relativize(contract).toString()).isEmpty();
        }
    }

    private static boolean isContractFile(Path file) {
        String name = file.getFileName().toString();
        if (!(name.endsWith(".yml") || name.endsWith(".yaml")) || file.toString().contains("/target/")
                || file.toString().contains("/.git/") || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("importspy:"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "clases: []                                                             | clases",
            "module: {nmae: com.acme.plugin}                                        | nmae",
            "classes: [{name: com.acme.P, modifers: [public]}]                      | modifers",
            "classes: [{name: com.acme.P, methods: [{name: run, paramters: []}]}]   | paramters",
            "classes: [{name: com.acme.P, fields: [{name: F, vaule: 1}]}]           | vaule",
            "classes: [{name: com.acme.P, constructors: [{parameter: []}]}]         | parameter",
            "classes: [{name: com.acme.P, annotations: [{type: A, value: {}}]}]     | value",
            "deployments: [{java: {versoin: \"[17,)\"}}]                              | versoin",
            "deployments: [{enviroment: {}}]                                        | enviroment",
            "deployments: [{environment: {secret: [DB_PASSWORD]}}]                  | secret",
            "deployments: [{environment: {variables: {MODE: {patern: x}}}}]         | patern",
            "deployments: [{libraries: [{name: org.slf4j:slf4j-api, versions: \"2\"}]}] | versions",
    })
    void a_misspelt_key_is_refused_by_the_schema_and_by_the_reader(String body, String typo) {
        String contract = "importspy: 1\n" + body + "\n";
        assertThat(errors(contract)).as(contract).isNotEmpty().anyMatch(message -> message.contains(typo));
        assertThatThrownBy(() -> Contracts.parse(contract, "typo.yml"))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("'" + typo + "'");
    }

    @Test
    void values_of_the_wrong_kind_are_refused_too() {
        assertThat(errors("importspy: 2\n")).isNotEmpty();
        assertThat(errors("classes: []\n")).anyMatch(message -> message.contains("importspy"));
        assertThat(errors("importspy: 1\nclasses: [{name: com.acme.P, kind: struct}]\n")).isNotEmpty();
        assertThat(errors("importspy: 1\nclasses: [{name: com.acme.P, modifiers: [transient]}]\n")).isNotEmpty();
        assertThat(errors("importspy: 1\nclasses: [{kind: class}]\n")).anyMatch(message -> message.contains("name"));
    }

    /**
     * Calls {@code action} on {@code node} and every subschema under it (in properties, $defs, items, anyOf and
     * additionalProperties), with its JSON pointer.
     */
    private static void forEachObject(JsonNode node, String path, BiConsumer<String, JsonNode> action) {
        if (!node.isObject()) {
            return;
        }
        action.accept(path, node);
        for (String map : List.of("properties", "$defs")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path(map).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                forEachObject(field.getValue(), path + "/" + map + "/" + field.getKey(), action);
            }
        }
        for (String single : List.of("items", "additionalProperties")) {
            forEachObject(node.path(single), path + "/" + single, action);
        }
        JsonNode anyOf = node.path("anyOf");
        for (int i = 0; i < anyOf.size(); i++) {
            forEachObject(anyOf.get(i), path + "/anyOf/" + i, action);
        }
    }

    private static JsonNode resolve(String pointer) {
        return pointer.equals("#") ? schemaTree : schemaTree.at(pointer.substring(1));
    }
}
