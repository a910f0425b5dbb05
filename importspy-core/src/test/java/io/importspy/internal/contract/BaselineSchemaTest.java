package io.importspy.internal.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The baseline's JSON Schema (shipped in the core JAR) agrees with the baseline reader on keys and on files. */
class BaselineSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode tree;
    private static JsonSchema schema;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = BaselineSchemaTest.class.getResourceAsStream("/io/importspy/baseline-1.schema.json")) {
            tree = JSON.readTree(in);
        }
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(tree);
    }

    private static JsonNode yaml(String text) {
        return JSON.valueToTree(new Load(LoadSettings.builder().build()).loadFromString(text));
    }

    @Test
    void names_exactly_the_keys_the_reader_accepts() {
        List<String> top = new ArrayList<>();
        tree.get("properties").fieldNames().forEachRemaining(top::add);
        List<String> entry = new ArrayList<>();
        tree.at("/properties/violations/items/properties").fieldNames().forEachRemaining(entry::add);

        assertThat(top).containsExactlyElementsOf(BaselineReader.TOP_KEYS);
        assertThat(entry).containsExactlyElementsOf(BaselineReader.ENTRY_KEYS);
    }

    @Test
    void accepts_what_the_reader_reads_and_refuses_what_it_refuses() {
        String valid = "importspy-baseline: 1\nviolations:\n" + BaselinesTest.ENTRY;
        Baselines.parse(valid, "b.yml");

        assertThat(schema.validate(yaml(valid))).isEmpty();
        assertThat(schema.validate(yaml(valid.replace("justification:", "justfication:")))).isNotEmpty();
        assertThat(schema.validate(yaml(valid.replace("category: missing", "category: mising")))).isNotEmpty();
        assertThat(schema.validate(yaml(valid.replace("wave ships in 1.3 (ACME-123)", "\" \"")))).isNotEmpty();
        assertThat(schema.validate(yaml("importspy-baseline: 2\nviolations: []\n"))).isNotEmpty();
    }
}
