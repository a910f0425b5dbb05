package io.importspy.report;

import io.importspy.contract.Location;
import io.importspy.validate.Category;
import io.importspy.validate.Context;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every format says of a baseline: suppressed violations, stale entries, and the verdict. */
@SuppressWarnings("unchecked")
class BaselineReportsTest {
    static final Location ENTRY = new Location("baseline.yml", 3, 5);
    static final Report.Stale STALE = new Report.Stale("com.acme.plugin", Category.MISMATCH, Context.CLASS,
            "com.acme.Plugin", "final", "made final in 2.0", new Location("baseline.yml", 9, 5));

    /** The failing target of {@link Reports}, its missing method suppressed; one stale entry. */
    static Report baselined(Strictness strictness) {
        TargetReport failing = Reports.failingTarget();
        TargetReport target = failing.withSuppressed(failing.violations().subList(1, 3),
                List.of(new TargetReport.Suppressed(Reports.missingMethod(), "init ships in 1.3", ENTRY)));
        return new Report("spymodel.yml", List.of(Reports.compliantTarget(), target), strictness)
                .withBaseline(List.of(Reports.compliantTarget(), target),
                        new Report.Baseline("baseline.yml", List.of(STALE)));
    }

    @Nested
    class Text {
        @Test
        void shows_suppressed_violations_with_their_justification_and_stale_entries_as_warnings() {
            String text = TextReport.render(baselined(Strictness.LENIENT));

            assertThat(text).contains("""
                      - suppressed  missing: class com.acme.Plugin lacks method init(Context)  (spymodel.yml:14:5)
                          justification: init ships in 1.3  (baseline.yml:3:5)
                    """, """
                    baseline.yml: 1 stale entry
                      ! stale  mismatch class com.acme.Plugin of com.acme.plugin matches no violation  (baseline.yml:9:5)
                          fix: remove the entry: its violation is gone, or its requirement changed
                    """).endsWith("2 targets, 1 compliant, 1 violation, 1 unverified, 1 suppressed, 1 stale\n");
        }

        @Test
        void a_strict_run_fails_on_a_stale_entry() {
            Report strict = baselined(Strictness.STRICT);

            assertThat(TextReport.render(strict)).contains("  x stale  mismatch class com.acme.Plugin");
            assertThat(strict.isCompliant()).isFalse();
        }
    }

    @Test
    void json_moves_suppressed_violations_apart_and_lists_stale_entries() {
        Map<String, Object> json = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(JsonReport.render(baselined(Strictness.LENIENT)));

        Map<String, Object> target = ((List<Map<String, Object>>) json.get("targets")).get(1);
        assertThat((List<?>) target.get("violations")).hasSize(2);
        assertThat((List<Map<String, Object>>) target.get("suppressed")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("subject", "com.acme.Plugin#init(Context)")
                .containsEntry("justification", "init ships in 1.3")
                .containsEntry("baseline", Map.of("file", "baseline.yml", "line", 3, "column", 5)));
        assertThat(((List<Map<String, Object>>) json.get("targets")).get(0)).doesNotContainKey("suppressed");
        Map<String, Object> baseline = (Map<String, Object>) json.get("baseline");
        assertThat(baseline).containsEntry("file", "baseline.yml");
        assertThat((List<Map<String, Object>>) baseline.get("stale")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("target", "com.acme.plugin").containsEntry("category", "mismatch")
                .containsEntry("expected", "final").containsEntry("justification", "made final in 2.0"));
        assertThat(JsonReport.render(Reports.twoTargets(Strictness.LENIENT))).doesNotContain("\"baseline\"",
                "\"suppressed\"");
    }

    @Nested
    class Sarif {
        @Test
        void suppresses_the_listed_results_externally_and_reports_stale_entries_under_their_rule() throws IOException {
            String sarif = SarifReport.render(baselined(Strictness.LENIENT));
            Map<String, Object> run = ((List<Map<String, Object>>) ((Map<String, Object>) new Load(
                    LoadSettings.builder().build()).loadFromString(sarif)).get("runs")).get(0);
            List<Map<String, Object>> results = (List<Map<String, Object>>) run.get("results");

            assertThat(results).extracting(r -> r.get("ruleId")).containsExactly("importspy/unverified-method",
                    "importspy/invalid-runtime", "importspy/missing-method", "importspy/stale-baseline");
            assertThat(results.subList(0, 2)).allSatisfy(r -> assertThat(r).containsEntry("suppressions", List.of()));
            assertThat((List<Map<String, Object>>) results.get(2).get("suppressions")).singleElement()
                    .satisfies(s -> assertThat(s).containsEntry("kind", "external")
                            .containsEntry("justification", "init ships in 1.3")
                            .containsKey("location"));
            Map<String, Object> stale = results.get(3);
            assertThat(stale).containsEntry("level", "warning").doesNotContainKey("suppressions");
            assertThat(stale.get("message").toString()).contains("com.acme.plugin: the baseline entry mismatch class "
                    + "com.acme.Plugin matches no violation");
            List<Map<String, Object>> rules = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                    run.get("tool")).get("driver")).get("rules");
            assertThat(rules.get((Integer) stale.get("ruleIndex"))).containsEntry("id", "importspy/stale-baseline")
                    .containsEntry("helpUri", SarifRule.README + "#importspy-stale-baseline");
            for (Map<String, Object> result : results) {
                assertThat(rules.get((Integer) result.get("ruleIndex")).get("id")).isEqualTo(result.get("ruleId"));
            }
        }

        @Test
        void is_valid_against_the_sarif_schema_lenient_and_strict() throws IOException {
            SarifSchemaTest.load();
            SarifSchemaTest.assertValid(SarifReport.render(baselined(Strictness.LENIENT)));
            SarifSchemaTest.assertValid(SarifReport.render(baselined(Strictness.STRICT)));
        }
    }

    @Test
    void junit_skips_suppressed_violations_and_has_a_suite_of_stale_entries() {
        String lenient = JUnitReport.render(baselined(Strictness.LENIENT));
        String strict = JUnitReport.render(baselined(Strictness.STRICT));

        assertThat(lenient).contains("<testsuites name=\"importspy\" tests=\"5\" failures=\"1\" errors=\"0\" skipped=\"3\">",
                "<skipped message=\"suppressed by the baseline: init ships in 1.3\">missing: class com.acme.Plugin",
                "<testsuite name=\"importspy: baseline baseline.yml\" tests=\"1\" failures=\"0\" errors=\"0\" "
                        + "skipped=\"1\" time=\"0\">",
                "<testcase classname=\"importspy.baseline\" name=\"com.acme.plugin: mismatch class com.acme.Plugin\"");
        assertThat(strict).contains("<failure type=\"stale\" message=\"stale baseline entry: it matches no violation\">");
    }
}
