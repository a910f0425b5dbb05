package io.importspy.report;

import io.importspy.contract.Location;
import io.importspy.validate.Context;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A context no built-in section uses (a new section's, an extension's) reaches every format unchanged. */
class ExtensionContextTest {
    private static final Violation LICENCE = Violation.mismatch(Context.of("x-acme-license"), "license")
            .expected("Apache-2.0").found("GPL-3.0").message("module license is GPL-3.0, not Apache-2.0")
            .fix("relicense the module, or change x-acme-license in the contract")
            .at(new Location("spymodel.yml", 40, 3));
    private static final Report REPORT = new Report("spymodel.yml", List.of(new TargetReport("plugin.jar",
            Optional.empty(), Optional.empty(), List.of(LICENCE), 3)), Strictness.LENIENT);

    @Test
    void sarif_gives_it_a_rule_described_by_its_label_and_no_logical_location() {
        String sarif = SarifReport.render(REPORT, Optional.empty());
        assertThat(sarif).contains("\"id\": \"importspy/mismatch-x-acme-license\"",
                "\"name\": \"MismatchXAcmeLicense\"",
                "\"text\": \"Mismatched x-acme-license\"",
                "\"text\": \"The contract requires what its x-acme-license section states; it exists, but its"
                        + " type, value, modifiers or supertype differ.\"",
                "\"context\": \"x-acme-license\"");
        assertThat(sarif).doesNotContain("logicalLocations");
    }

    @Test
    void json_text_and_junit_name_it_by_its_label() {
        assertThat(JsonReport.render(REPORT)).contains("\"context\": \"x-acme-license\"");
        assertThat(JUnitReport.render(REPORT)).contains("name=\"license (x-acme-license)\"")
                .doesNotContain("no deployment matched");
        assertThat(TextReport.render(REPORT)).contains("x mismatch  module license is GPL-3.0, not Apache-2.0")
                .doesNotContain("no deployment matched");
    }
}
