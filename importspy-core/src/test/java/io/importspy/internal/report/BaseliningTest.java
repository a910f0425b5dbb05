package io.importspy.internal.report;

import io.importspy.contract.ContractError;
import io.importspy.contract.ContractException;
import io.importspy.contract.Location;
import io.importspy.internal.contract.Baselines;
import io.importspy.validate.Category;
import io.importspy.validate.Context;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BaseliningTest {
    static final String BASELINE = """
            importspy-baseline: 1
            violations:
              - target: com.acme.greeter
                category: missing
                context: method
                subject: "com.acme.Greeter#wave()"
                expected: "method wave()"
                justification: wave ships in 1.3
              - target: com.acme.greeter
                category: mismatch
                context: class
                subject: com.acme.Greeter
                expected: final
                justification: made final in 2.0
            """;

    static Violation wave(Location at) {
        return new Violation(Category.MISSING, Context.METHOD, "com.acme.Greeter#wave()", "method wave()", "<absent>",
                "class com.acme.Greeter lacks method wave()", "add it", at);
    }

    static Violation notPublic() {
        return new Violation(Category.MISMATCH, Context.CLASS, "com.acme.Greeter", "public", "<none>",
                "class com.acme.Greeter lacks modifier public", "declare it public", new Location("spymodel.yml", 4, 16));
    }

    static Report report(Strictness strictness, Violation... violations) {
        return new Report("spymodel.yml", List.of(new TargetReport("plugins/greeter-1.2.0.jar",
                Optional.of("com.acme.greeter"), Optional.of("1.2.0"), List.of(violations), 0)), strictness);
    }

    @Nested
    class Apply {
        @Test
        void suppresses_a_listed_violation_wherever_the_contract_now_writes_it_and_reports_the_rest() {
            Baselines.File baseline = Baselines.parse(BASELINE, "baseline.yml");

            Report applied = Baselining.apply(report(Strictness.LENIENT, wave(new Location("spymodel.yml", 40, 9)),
                    notPublic()), baseline);

            TargetReport target = applied.targets().get(0);
            assertThat(target.violations()).containsExactly(notPublic());
            assertThat(target.suppressed()).singleElement().satisfies(s -> {
                assertThat(s.violation().location()).isEqualTo(new Location("spymodel.yml", 40, 9));
                assertThat(s.justification()).isEqualTo("wave ships in 1.3");
                assertThat(s.entry()).isEqualTo(new Location("baseline.yml", 3, 5));
            });
            assertThat(applied.baseline()).get().satisfies(b -> {
                assertThat(b.file()).isEqualTo("baseline.yml");
                assertThat(b.stale()).singleElement().satisfies(stale -> {
                    assertThat(stale.category()).isEqualTo(Category.MISMATCH);
                    assertThat(stale.expected()).isEqualTo("final");
                    assertThat(stale.location()).isEqualTo(new Location("baseline.yml", 9, 5));
                });
            });
            assertThat(applied.isCompliant()).isFalse();
        }

        @Test
        void a_report_whose_violations_are_all_listed_is_compliant_unless_strict_with_a_stale_entry() {
            Baselines.File baseline = Baselines.parse(BASELINE, "baseline.yml");

            Report lenient = Baselining.apply(report(Strictness.LENIENT, wave(new Location("spymodel.yml", 1, 1))),
                    baseline);
            Report strict = Baselining.apply(report(Strictness.STRICT, wave(new Location("spymodel.yml", 1, 1))),
                    baseline);

            assertThat(lenient.targets().get(0).isCompliant(Strictness.STRICT)).isTrue();
            assertThat(lenient.isCompliant()).isTrue();
            assertThat(strict.isCompliant()).as("a stale entry fails a strict run").isFalse();
        }

        @Test
        void needs_the_same_target_identity_and_expected_text() {
            Baselines.File baseline = Baselines.parse(BASELINE, "baseline.yml");
            Violation otherExpectation = new Violation(Category.MISSING, Context.METHOD, "com.acme.Greeter#wave()",
                    "method wave(String)", "<absent>", "lacks it", "add it", new Location("spymodel.yml", 1, 1));
            Report otherModule = new Report("spymodel.yml", List.of(new TargetReport("greeter.jar",
                    Optional.of("com.acme.other"), Optional.empty(), List.of(wave(new Location("s.yml", 1, 1))), 0)),
                    Strictness.LENIENT);

            assertThat(Baselining.apply(report(Strictness.LENIENT, otherExpectation), baseline).targets().get(0)
                    .suppressed()).isEmpty();
            assertThat(Baselining.apply(otherModule, baseline).targets().get(0).suppressed()).isEmpty();
            assertThat(Baselining.apply(otherModule, baseline).baseline().get().stale()).hasSize(2);
        }
    }

    @Nested
    class Write {
        @Test
        void lists_every_violation_with_an_empty_justification_that_the_reader_refuses_until_filled() {
            String yaml = Baselining.write(report(Strictness.LENIENT, wave(new Location("spymodel.yml", 14, 5)),
                    notPublic()));

            assertThat(Baselining.entries(yaml)).isEqualTo(2);
            assertThat(Baselining.unjustified(yaml)).isEqualTo(2);
            ContractException refused = catchThrowableOfType(ContractException.class,
                    () -> Baselines.parse(yaml, "baseline.yml"));
            assertThat(refused.errors()).extracting(ContractError::message).allMatch(m -> m.startsWith(
                    "baseline entry has no justification"));

            String filled = yaml.replace("justification:            # required: why this violation is accepted",
                    "justification: accepted for now");
            Report applied = Baselining.apply(report(Strictness.STRICT, wave(new Location("spymodel.yml", 99, 5)),
                    notPublic()), Baselines.parse(filled, "baseline.yml"));
            assertThat(applied.targets().get(0).violations()).isEmpty();
            assertThat(applied.targets().get(0).suppressed()).hasSize(2);
            assertThat(applied.isCompliant()).isTrue();
        }

        @Test
        void keeps_the_justification_of_what_a_baseline_suppressed_and_drops_stale_entries() {
            Report applied = Baselining.apply(report(Strictness.LENIENT, wave(new Location("spymodel.yml", 2, 5))),
                    Baselines.parse(BASELINE, "baseline.yml"));

            String yaml = Baselining.write(applied);

            assertThat(yaml).contains("justification: \"wave ships in 1.3\"").doesNotContain("made final");
            assertThat(Baselines.parse(yaml, "b.yml").entries()).singleElement()
                    .satisfies(e -> assertThat(e.subject()).isEqualTo("com.acme.Greeter#wave()"));
        }

        @Test
        void a_compliant_report_writes_an_empty_baseline_and_hostile_text_reads_back() {
            assertThat(Baselines.parse(Baselining.write(report(Strictness.LENIENT)), "b.yml").entries()).isEmpty();

            String hostile = "a.B#\"x\"\n\t: - # é \uD83D\uDE00";
            Violation violation = new Violation(Category.MISMATCH, Context.FIELD, hostile, hostile, "f", "m", "s",
                    new Location("c.yml", 1, 1));
            String yaml = Baselining.write(report(Strictness.LENIENT, violation)).replace("justification:            #",
                    "justification: ok #");
            assertThat(Baselines.parse(yaml, "b.yml").entries()).singleElement()
                    .satisfies(e -> assertThat(e.key()).containsExactly("com.acme.greeter", "mismatch", "field",
                            hostile, hostile));
        }
    }
}
