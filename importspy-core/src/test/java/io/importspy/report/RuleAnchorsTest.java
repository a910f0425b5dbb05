package io.importspy.report;

import io.importspy.validate.Category;
import io.importspy.validate.Context;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README documents every rule the reports use, each at the anchor its SARIF {@code helpUri} names. */
class RuleAnchorsTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void every_category_and_listed_context_has_its_anchor_in_the_readme() throws IOException {
        String readme = Files.readString(README);
        List<String> missing = new ArrayList<>();
        for (Context context : Contexts.listed()) {
            for (Category category : Category.values()) {
                SarifRule rule = new SarifRule(category, context);
                String anchor = rule.helpUri().substring(rule.helpUri().indexOf('#') + 1);
                assertThat(rule.helpUri()).startsWith(SarifRule.README + "#");
                if (!readme.contains("<a id=\"" + anchor + "\"></a>`" + rule.id() + "`")) {
                    missing.add(rule.id());
                }
            }
        }

        assertThat(missing).as("rules without their anchor in README.md").isEmpty();
        assertThat(readme).contains("\n### Report rules\n", "<a id=\"" + SarifRule.anchor("stale-baseline") + "\"></a>`"
                + SarifBaseline.STALE_ID + "`", "\n### Baselines\n");
        assertThat(SarifRule.RULES_SECTION).isEqualTo(SarifRule.README + "#report-rules");
    }
}
