package io.importspy.report;

import io.importspy.contract.Location;
import io.importspy.validate.Category;
import io.importspy.validate.Context;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportTest {

    @Test
    void renders_the_documented_schema() {
        Report report = new Report("spymodel.yml", List.of(Reports.compliantTarget(),
                new TargetReport("plugin.jar", Optional.of("com.acme.plugin"), Optional.empty(),
                        List.of(Reports.missingMethod()), 0)), Strictness.LENIENT);

        assertThat(JsonReport.render(report)).isEqualTo("""
                {
                  "compliant": false,
                  "targets": [
                    {
                      "target": "libs/greeter-1.2.0.jar",
                      "module": {
                        "name": "com.acme.greeter",
                        "version": "1.2.0"
                      },
                      "compliant": true,
                      "violations": []
                    },
                    {
                      "target": "plugin.jar",
                      "module": {
                        "name": "com.acme.plugin",
                        "version": null
                      },
                      "compliant": false,
                      "violations": [
                        {
                          "category": "missing",
                          "context": "method",
                          "subject": "com.acme.Plugin#init(Context)",
                          "expected": "method init(Context)",
                          "found": "<absent>",
                          "message": "class com.acme.Plugin lacks method init(Context)",
                          "solution": "add init(Context) to com.acme.Plugin, or remove it from the contract",
                          "location": {
                            "file": "spymodel.yml",
                            "line": 14,
                            "column": 5
                          }
                        }
                      ]
                    }
                  ]
                }
                """);
    }

    @Test
    void an_empty_report_is_compliant_with_no_targets() {
        assertThat(JsonReport.render(new Report("c.yml", List.of(), Strictness.LENIENT)))
                .isEqualTo("{\n  \"compliant\": true,\n  \"targets\": []\n}\n");
    }

    @Test
    void unverified_checks_fail_the_verdict_only_when_strict() {
        TargetReport target = new TargetReport("a.jar", Optional.empty(), Optional.empty(),
                List.of(Reports.unverifiedParameterName()), 0);

        assertThat(JsonReport.render(new Report("c.yml", List.of(target), Strictness.LENIENT)))
                .startsWith("{\n  \"compliant\": true,").contains("      \"compliant\": true,");
        assertThat(JsonReport.render(new Report("c.yml", List.of(target), Strictness.STRICT)))
                .startsWith("{\n  \"compliant\": false,").contains("      \"compliant\": false,");
    }

    @Test
    void escapes_quotes_backslashes_control_characters_and_line_separators() {
        String found = "say \"hi\"\\ \n\t\r\b\f\u0001\u007f \u2028\u2029 é \uD83D\uDE00 lone \uD800!";

        String json = JsonReport.render(reportWithFound(found));

        assertThat(json).contains("\"found\": \"say \\\"hi\\\"\\\\ \\n\\t\\r\\b\\f\\u0001\\u007f \\u2028\\u2029 é "
                + "\uD83D\uDE00 lone \\ud800!\"");
    }

    @Test
    void escaped_strings_read_back_unchanged() {
        String found = "say \"hi\"\\ \n\t\r\u0001 \u2028\u2029 é \uD83D\uDE00";

        Map<?, ?> json = (Map<?, ?>) new Load(LoadSettings.builder().build())
                .loadFromString(JsonReport.render(reportWithFound(found)));

        Map<?, ?> target = (Map<?, ?>) ((List<?>) json.get("targets")).get(0);
        Map<?, ?> violation = (Map<?, ?>) ((List<?>) target.get("violations")).get(0);
        assertThat(violation.get("found")).isEqualTo(found);
        assertThat(((Map<?, ?>) violation.get("location")).get("line")).isEqualTo(3);
    }

    private static Report reportWithFound(String found) {
        Violation violation = new Violation(Category.MISMATCH, Context.FIELD, "a.B#NAME", "\"x\"", found,
                "field a.B#NAME has another value", "fix it", new Location("c.yml", 3, 7));
        TargetReport target = new TargetReport("a.jar", Optional.empty(), Optional.empty(), List.of(violation), 0);
        return new Report("c.yml", List.of(target), Strictness.LENIENT);
    }
}
