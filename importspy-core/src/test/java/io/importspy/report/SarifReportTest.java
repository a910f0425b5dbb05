package io.importspy.report;

import io.importspy.contract.Location;
import io.importspy.validate.Category;
import io.importspy.validate.Context;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class SarifReportTest {

    @Test
    void renders_one_run_with_a_rule_and_a_located_result_per_violation() {
        Report report = new Report("spymodel.yml", List.of(Reports.compliantTarget(),
                new TargetReport("plugin.jar", Optional.of("com.acme.plugin"), Optional.empty(),
                        List.of(Reports.missingMethod()), 0)), Strictness.LENIENT);

        assertThat(SarifReport.render(report, Optional.of("1.2.3"))).isEqualTo("""
                {
                  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
                  "version": "2.1.0",
                  "runs": [
                    {
                      "tool": {
                        "driver": {
                          "name": "ImportSpy",
                          "version": "1.2.3",
                          "informationUri": "https://github.com/importspy/importspy-java/blob/main/README.md#report-rules",
                          "rules": [
                            {
                              "id": "importspy/missing-method",
                              "name": "MissingMethod",
                              "shortDescription": {
                                "text": "Missing method"
                              },
                              "fullDescription": {
                                "text": "The contract requires a method, and the checked module or runtime lacks it."
                              },
                              "helpUri": "https://github.com/importspy/importspy-java/blob/main/README.md#importspy-missing-method",
                              "help": {
                                "text": "Add what is missing to the module (or run where it is present), or remove \
                the requirement from the contract. Each result says exactly what to change."
                              },
                              "defaultConfiguration": {
                                "level": "error"
                              },
                              "properties": {
                                "category": "missing",
                                "context": "method"
                              }
                            }
                          ]
                        }
                      },
                      "invocations": [
                        {
                          "executionSuccessful": true
                        }
                      ],
                      "results": [
                        {
                          "ruleId": "importspy/missing-method",
                          "ruleIndex": 0,
                          "level": "error",
                          "message": {
                            "text": "plugin.jar: class com.acme.Plugin lacks method init(Context). Fix: add \
                init(Context) to com.acme.Plugin, or remove it from the contract."
                          },
                          "locations": [
                            {
                              "physicalLocation": {
                                "artifactLocation": {
                                  "uri": "spymodel.yml"
                                },
                                "region": {
                                  "startLine": 14,
                                  "startColumn": 5
                                }
                              },
                              "logicalLocations": [
                                {
                                  "fullyQualifiedName": "com.acme.Plugin#init(Context)",
                                  "kind": "function"
                                }
                              ]
                            }
                          ],
                          "partialFingerprints": {
                            "importspy/v1": "9e24f3bc82a5dca111334ac8d6d3fc9fda2b43cd13bee33ffb245837160c14e4"
                          },
                          "properties": {
                            "target": "plugin.jar",
                            "category": "missing",
                            "context": "method",
                            "subject": "com.acme.Plugin#init(Context)",
                            "expected": "method init(Context)",
                            "found": "<absent>"
                          }
                        }
                      ],
                      "properties": {
                        "compliant": false,
                        "strict": false,
                        "targets": [
                          {
                            "target": "libs/greeter-1.2.0.jar",
                            "compliant": true
                          },
                          {
                            "target": "plugin.jar",
                            "compliant": false
                          }
                        ]
                      }
                    }
                  ]
                }
                """);
    }

    @Test
    void a_compliant_report_has_no_rules_and_no_results() {
        Map<String, Object> run = run(SarifReport.render(new Report("spymodel.yml", List.of(Reports.compliantTarget()),
                Strictness.LENIENT)));

        assertThat(run.get("results")).isEqualTo(List.of());
        assertThat(driver(run).get("rules")).isEqualTo(List.of());
        assertThat(((List<?>) run.get("invocations")).get(0)).isEqualTo(Map.of("executionSuccessful", true));
        assertThat((Map<String, Object>) run.get("properties")).containsEntry("compliant", true);
    }

    @Test
    void the_tool_version_is_the_package_implementation_version_or_left_out() {
        Report report = new Report("c.yml", List.of(), Strictness.LENIENT);
        String implementation = SarifReport.class.getPackage().getImplementationVersion();

        assertThat(driver(run(SarifReport.render(report, Optional.empty())))).doesNotContainKey("version");
        assertThat(SarifReport.render(report))
                .isEqualTo(SarifReport.render(report, Optional.ofNullable(implementation)));
    }

    @Nested
    class Rules_and_levels {
        @Test
        void there_is_one_rule_per_category_and_context_pair_and_each_result_points_to_its_rule() {
            Violation otherMissingMethod = new Violation(Category.MISSING, Context.METHOD, "a.B#stop()", "method stop()",
                    "<absent>", "class a.B lacks method stop()", "add it", new Location("spymodel.yml", 16, 5));
            Violation missingField = new Violation(Category.MISSING, Context.FIELD, "a.B#NAME", "field NAME",
                    "<absent>", "class a.B lacks field NAME", "add it", new Location("spymodel.yml", 9, 9));
            TargetReport target = new TargetReport("a.jar", Optional.empty(), Optional.empty(),
                    List.of(Reports.missingMethod(), missingField, otherMissingMethod, Reports.wrongOs()), 2);

            Map<String, Object> run = run(SarifReport.render(new Report("spymodel.yml", List.of(target), Strictness.LENIENT)));

            List<Map<String, Object>> rules = maps(driver(run).get("rules"));
            assertThat(rules).extracting(rule -> rule.get("id")).containsExactly("importspy/missing-method",
                    "importspy/missing-field", "importspy/invalid-runtime");
            for (Map<String, Object> result : maps(run.get("results"))) {
                assertThat(rules.get((Integer) result.get("ruleIndex")).get("id")).isEqualTo(result.get("ruleId"));
            }
            assertThat(maps(run.get("results"))).extracting(r -> r.get("ruleId")).containsExactly(
                    "importspy/missing-method", "importspy/missing-field", "importspy/missing-method",
                    "importspy/invalid-runtime");
        }

        @Test
        void missing_mismatch_and_invalid_are_errors_and_unverified_a_warning_unless_strict() {
            Violation mismatch = new Violation(Category.MISMATCH, Context.FIELD, "a.B#NAME", "\"x\"", "\"y\"",
                    "field a.B#NAME is \"y\"", "change it", new Location("spymodel.yml", 3, 7));
            TargetReport target = new TargetReport("a.jar", Optional.empty(), Optional.empty(), List.of(
                    Reports.missingMethod(), mismatch, Reports.wrongOs(), Reports.unverifiedParameterName()), 0);

            Map<String, Object> lenient = run(SarifReport.render(new Report("spymodel.yml", List.of(target), Strictness.LENIENT)));
            Map<String, Object> strict = run(SarifReport.render(new Report("spymodel.yml", List.of(target), Strictness.STRICT)));

            assertThat(maps(lenient.get("results"))).extracting(r -> r.get("level"))
                    .containsExactly("error", "error", "error", "warning");
            assertThat(maps(strict.get("results"))).extracting(r -> r.get("level"))
                    .containsExactly("error", "error", "error", "error");
            assertThat(maps(driver(lenient).get("rules")).get(3).get("defaultConfiguration"))
                    .isEqualTo(Map.of("level", "warning"));
            assertThat(maps(driver(strict).get("rules")).get(3).get("defaultConfiguration"))
                    .isEqualTo(Map.of("level", "error"));
            assertThat((Map<String, Object>) strict.get("properties")).containsEntry("strict", true)
                    .containsEntry("compliant", false);
            assertThat((Map<String, Object>) maps(lenient.get("results")).get(3).get("properties"))
                    .containsEntry("category", "unverified").containsEntry("target", "a.jar")
                    .containsEntry("expected", "parameter name 'who'").containsEntry("found", "<no names in bytecode>");
        }

        @Test
        void deployment_results_have_no_logical_location() {
            Map<String, Object> result = maps(run(SarifReport.render(Reports.twoTargets(Strictness.LENIENT))).get("results")).get(2);

            assertThat(result.get("ruleId")).isEqualTo("importspy/invalid-runtime");
            assertThat(maps(result.get("locations")).get(0)).containsOnlyKeys("physicalLocation");
        }
    }

    @Nested
    class Fingerprints {
        private String fingerprint(TargetReport target) {
            Map<String, Object> result = maps(run(SarifReport.render(new Report("spymodel.yml", List.of(target),
                    Strictness.LENIENT))).get("results")).get(0);
            Map<String, Object> fingerprints = (Map<String, Object>) result.get("partialFingerprints");
            assertThat(fingerprints).containsOnlyKeys("importspy/v1");
            return (String) fingerprints.get("importspy/v1");
        }

        private TargetReport target(String path, Optional<String> module, Violation violation) {
            return new TargetReport(path, module, Optional.empty(), List.of(violation), 0);
        }

        private Violation method(String subject, String expected, String found, Location location) {
            return new Violation(Category.MISSING, Context.METHOD, subject, expected, found, "it lacks " + subject,
                    "add it", location);
        }

        @Test
        void survive_moved_requirements_other_paths_messages_and_found_values() {
            String first = fingerprint(target("plugin.jar", Optional.of("com.acme.plugin"),
                    method("a.B#c()", "method c()", "<absent>", new Location("spymodel.yml", 14, 5))));

            assertThat(first).matches("[0-9a-f]{64}");
            assertThat(fingerprint(target("/ci/build/target/plugin-1.1.jar", Optional.of("com.acme.plugin"),
                    new Violation(Category.MISSING, Context.METHOD, "a.B#c()", "method c()", "<none>", "other words",
                            "other fix", new Location("contracts/spymodel.yml", 40, 9))))).isEqualTo(first);
        }

        @Test
        void differ_by_rule_target_subject_and_expected_text() {
            Location at = new Location("spymodel.yml", 14, 5);
            String base = fingerprint(target("p.jar", Optional.of("com.acme.plugin"),
                    method("a.B#c()", "method c()", "<absent>", at)));

            assertThat(List.of(
                    fingerprint(target("p.jar", Optional.of("com.acme.other"), method("a.B#c()", "method c()", "-", at))),
                    fingerprint(target("p.jar", Optional.of("com.acme.plugin"), method("a.B#d()", "method c()", "-", at))),
                    fingerprint(target("p.jar", Optional.of("com.acme.plugin"), method("a.B#c()", "method d()", "-", at))),
                    fingerprint(target("p.jar", Optional.of("com.acme.plugin"), new Violation(Category.MISMATCH,
                            Context.METHOD, "a.B#c()", "method c()", "-", "m", "f", at))),
                    fingerprint(target("p.jar", Optional.empty(), method("a.B#c()", "method c()", "-", at)))))
                    .doesNotContain(base).doesNotHaveDuplicates();
        }

        @Test
        void a_target_without_a_module_name_is_known_by_its_file_name() {
            Location at = new Location("spymodel.yml", 1, 1);

            assertThat(fingerprint(target("a/plugin.jar", Optional.empty(), method("a.B#c()", "method c()", "-", at))))
                    .isEqualTo(fingerprint(target("b\\plugin.jar", Optional.empty(), method("a.B#c()", "method c()",
                            "-", at))));
        }
    }

    @Nested
    class Rule_documentation {
        @Test
        void every_rule_links_to_its_readme_anchor_and_an_extension_s_to_the_rules_section() {
            Violation extension = new Violation(Category.MISSING, Context.of("x-acme-license"), "license",
                    "a licence", "<absent>", "module lacks a licence", "add one", new Location("c.yml", 3, 1));
            TargetReport target = new TargetReport("a.jar", Optional.empty(), Optional.empty(),
                    List.of(Reports.wrongOs(), extension), 0);

            List<Map<String, Object>> rules = maps(driver(run(SarifReport.render(new Report("c.yml", List.of(target),
                    Strictness.LENIENT)))).get("rules"));

            assertThat(rules).extracting(rule -> rule.get("helpUri")).containsExactly(
                    SarifRule.README + "#importspy-invalid-runtime", SarifRule.README + "#report-rules");
            assertThat(rules).allSatisfy(rule -> assertThat(rule).containsKeys("shortDescription", "fullDescription",
                    "help", "name"));
        }
    }

    @Nested
    class Locations {
        @Test
        void a_relative_contract_path_stays_relative_with_forward_slashes() {
            assertThat(SarifReport.uri("contracts\\plugin\\spymodel.yml")).isEqualTo("contracts/plugin/spymodel.yml");
            assertThat(SarifReport.uri("./spymodel.yml")).isEqualTo("./spymodel.yml");
        }

        @Test
        void characters_outside_uri_paths_are_percent_encoded() {
            assertThat(SarifReport.uri("my contracts/spy#1?.yml")).isEqualTo("my%20contracts/spy%231%3F.yml");
            assertThat(SarifReport.uri("vertrag/prüfung:a.yml")).isEqualTo("vertrag/pr%C3%BCfung%3Aa.yml");
            assertThat(SarifReport.uri("100%.yml")).isEqualTo("100%25.yml");
        }

        @Test
        void an_absolute_path_becomes_a_file_uri() {
            assertThat(SarifReport.uri("/work/ci/spymodel.yml")).isEqualTo("file:///work/ci/spymodel.yml");
            assertThat(SarifReport.uri("C:\\ci\\spy model.yml")).isEqualTo("file:///C:/ci/spy%20model.yml");
            assertThat(SarifReport.uri("\\\\server\\share\\spymodel.yml")).isEqualTo("file://server/share/spymodel.yml");
        }

        @Test
        void a_location_without_a_line_has_no_region() {
            Violation unlocated = new Violation(Category.MISSING, Context.CLASS, "a.B", "class a.B", "<absent>",
                    "module lacks class a.B", "add it", new Location("spymodel.yml", 0, 0));
            TargetReport target = new TargetReport("a.jar", Optional.empty(), Optional.empty(), List.of(unlocated), 0);

            Map<String, Object> result = maps(run(SarifReport.render(new Report("spymodel.yml", List.of(target),
                    Strictness.LENIENT))).get("results")).get(0);

            assertThat((Map<String, Object>) maps(result.get("locations")).get(0).get("physicalLocation"))
                    .containsOnlyKeys("artifactLocation");
        }
    }

    @Nested
    class Message_text {
        @Test
        void ends_the_message_and_the_fix_with_a_full_stop_once() {
            Violation punctuated = new Violation(Category.MISSING, Context.CLASS, "a.B", "class a.B", "<absent>",
                    "module lacks class a.B.", "add it!", new Location("c.yml", 1, 1));

            TargetReport target = Reports.compliantTarget();

            assertThat(SarifReport.messageText(target, punctuated))
                    .isEqualTo("libs/greeter-1.2.0.jar: module lacks class a.B. Fix: add it!");
            assertThat(SarifReport.messageText(target, Reports.wrongOs())).isEqualTo("libs/greeter-1.2.0.jar: the "
                    + "operating system windows is not allowed. Fix: run on linux or macos, or add windows to the contract.");
        }

        @Test
        void hostile_text_is_escaped_and_reads_back_unchanged() {
            String hostile = "\"quoted\" \\ <b>&amp;</b> ]]> \u0000\u0001\u001f\u007f \n\r\t \u2028 é \uD83D\uDE00";
            Violation violation = new Violation(Category.MISMATCH, Context.FIELD, "a.B#" + hostile, hostile, hostile,
                    "value is " + hostile, "fix " + hostile, new Location("spymodel.yml", 3, 7));
            TargetReport target = new TargetReport("dir/" + hostile + ".jar", Optional.empty(), Optional.empty(),
                    List.of(violation), 0);

            String sarif = SarifReport.render(new Report("spymodel.yml", List.of(target), Strictness.LENIENT));

            assertThat(sarif).doesNotContain("\u0000", "\u0001", "\u2028").contains("\\u0000\\u0001\\u001f\\u007f");
            Map<String, Object> result = maps(run(sarif).get("results")).get(0);
            assertThat((Map<String, Object>) result.get("properties")).containsEntry("found", hostile)
                    .containsEntry("expected", hostile).containsEntry("subject", "a.B#" + hostile)
                    .containsEntry("target", "dir/" + hostile + ".jar");
            assertThat(result.get("message")).isEqualTo(Map.of("text", "dir/" + hostile + ".jar: value is " + hostile
                    + ". Fix: fix " + hostile + "."));
        }
    }

    private static Map<String, Object> run(String sarif) {
        Map<String, Object> log = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(sarif);
        assertThat(log).containsOnlyKeys("$schema", "version", "runs")
                .containsEntry("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
                .containsEntry("version", "2.1.0");
        List<Map<String, Object>> runs = maps(log.get("runs"));
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    private static Map<String, Object> driver(Map<String, Object> run) {
        return (Map<String, Object>) ((Map<String, Object>) run.get("tool")).get("driver");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return (List<Map<String, Object>>) list;
    }
}
