package io.importspy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.importspy.contract.Location;
import io.importspy.validate.Category;
import io.importspy.validate.Context;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ImportSpy's SARIF is valid against the official SARIF 2.1.0 JSON Schema of the OASIS TC (vendored in the test
 * resources, see {@code sarif/README.md}), checked with a real JSON Schema validator: for every category and
 * every context the reports know, an extension's context, hostile text and unlocated violations.
 */
class SarifSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void load() throws IOException { // also called by other tests
        try (InputStream in = SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            assertThat(in).as("the vendored SARIF schema").isNotNull();
            JsonNode tree = JSON.readTree(in);
            assertThat(tree.get("title").asText()).isEqualTo("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(tree);
        }
    }

    @ParameterizedTest
    @EnumSource(Strictness.class)
    void every_category_and_context_renders_a_valid_log(Strictness strictness) throws IOException {
        List<Violation> violations = new ArrayList<>();
        List<Context> contexts = new ArrayList<>(Contexts.listed());
        contexts.add(Context.of("x-acme-license"));
        int line = 1;
        for (Context context : contexts) {
            for (Category category : Category.values()) {
                violations.add(new Violation(category, context, "com.acme.Plugin#" + context + "\u0000\"<&>",
                        "expected " + category, "found \u2028 é", "it is wrong", "fix it",
                        new Location(line % 7 == 0 ? "/abs/spy model.yml" : "spymodel.yml", line % 5 == 0 ? 0 : line,
                                line % 3 == 0 ? 0 : 9)));
                line++;
            }
        }
        Report report = new Report("spymodel.yml", List.of(Reports.compliantTarget(),
                new TargetReport("plugins/plugin 1.0.jar", Optional.empty(), Optional.empty(), violations, 2)),
                strictness);

        assertValid(SarifReport.render(report, Optional.of("0.1.0")));
        assertValid(SarifReport.render(report, Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(Strictness.class)
    void an_empty_and_a_compliant_report_are_valid_logs(Strictness strictness) throws IOException {
        assertValid(SarifReport.render(new Report("c.yml", List.of(), strictness)));
        assertValid(SarifReport.render(new Report("c.yml", List.of(Reports.compliantTarget()), strictness)));
    }

    @org.junit.jupiter.api.Test
    void the_schema_refuses_what_sarif_forbids() throws IOException {
        String valid = SarifReport.render(Reports.twoTargets(Strictness.LENIENT));

        assertThat(schema.validate(JSON.readTree(valid.replace("\"level\": \"error\"", "\"level\": \"fatal\""))))
                .isNotEmpty();
        assertThat(schema.validate(JSON.readTree(valid.replace("\"ruleIndex\"", "\"ruleNumber\"")))).isNotEmpty();
    }

    static void assertValid(String sarif) throws IOException {
        Set<ValidationMessage> errors = schema.validate(JSON.readTree(sarif));
        assertThat(errors).as(sarif).isEmpty();
    }
}
