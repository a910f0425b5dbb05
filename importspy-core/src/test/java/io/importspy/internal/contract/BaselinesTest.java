package io.importspy.internal.contract;

import io.importspy.contract.ContractError;
import io.importspy.contract.ContractException;
import io.importspy.contract.Location;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BaselinesTest {
    static final String ENTRY = """
              - target: com.acme.greeter
                category: missing
                context: method
                subject: "com.acme.Greeter#wave(String, int)"
                expected: "method wave(String, int)"
                justification: wave ships in 1.3 (ACME-123)
            """;

    private static List<String> errors(String yaml) {
        ContractException e = catchThrowableOfType(ContractException.class, () -> Baselines.parse(yaml, "baseline.yml"));
        assertThat(e).as("a ContractException for:\n" + yaml).isNotNull();
        return e.errors().stream().map(ContractError::toString).toList();
    }

    @Test
    void reads_each_entry_with_its_key_justification_and_location() {
        Baselines.File file = Baselines.parse("importspy-baseline: 1\nviolations:\n" + ENTRY, "baseline.yml");

        assertThat(file.file()).isEqualTo("baseline.yml");
        assertThat(file.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.key()).containsExactly("com.acme.greeter", "missing", "method",
                    "com.acme.Greeter#wave(String, int)", "method wave(String, int)");
            assertThat(entry.justification()).isEqualTo("wave ships in 1.3 (ACME-123)");
            assertThat(entry.location()).isEqualTo(new Location("baseline.yml", 3, 5));
        });
    }

    @Test
    void an_empty_list_is_a_baseline_that_accepts_nothing() {
        assertThat(Baselines.parse("importspy-baseline: 1\nviolations: []\n", "b.yml").entries()).isEmpty();
    }

    @Nested
    class Errors {
        @Test
        void an_unknown_key_is_located_with_a_suggestion() {
            assertThat(errors("importspy-baseline: 1\nviolations:\n" + ENTRY.replace("justification:", "justfication:")))
                    .containsExactly("baseline.yml:3:5: baseline entry lacks justification; an entry names the "
                                    + "violation by target, category, context, subject and expected, and says why it is "
                                    + "accepted in justification",
                            "baseline.yml:8:5: unknown key 'justfication' in baseline entry; did you mean "
                                    + "'justification'?");
        }

        @Test
        void an_empty_justification_is_refused_until_written() {
            assertThat(errors("importspy-baseline: 1\nviolations:\n"
                    + ENTRY.replace("justification: wave ships in 1.3 (ACME-123)", "justification:   # required")))
                    .containsExactly("baseline.yml:8:19: baseline entry has no justification; say why this violation is "
                            + "accepted (importspy validate --write-baseline leaves it empty for you to fill in), or "
                            + "remove the entry");
            assertThat(errors("importspy-baseline: 1\nviolations:\n"
                    + ENTRY.replace("wave ships in 1.3 (ACME-123)", "\"  \""))).hasSize(1);
        }

        @Test
        void an_unknown_category_and_a_context_that_is_no_word_are_located() {
            assertThat(errors("importspy-baseline: 1\nviolations:\n"
                    + ENTRY.replace("category: missing", "category: mising").replace("context: method", "context: Method")))
                    .containsExactly("baseline.yml:4:15: unknown category 'mising'; did you mean 'missing'?",
                            "baseline.yml:5:14: context 'Method' is not a lower-case word such as method, class or "
                                    + "environment; write it as the report names it");
        }

        @Test
        void a_duplicate_entry_names_the_first() {
            assertThat(errors("importspy-baseline: 1\nviolations:\n" + ENTRY + ENTRY)).containsExactly(
                    "baseline.yml:9:5: duplicate baseline entry: the same violation is listed at line 3; remove one");
        }

        @Test
        void the_format_line_and_the_list_are_required_and_of_their_shape() {
            assertThat(errors("violations: []\n")).containsExactly(
                    "baseline.yml:1:1: missing 'importspy-baseline: 1'; add it as the first line of the baseline");
            assertThat(errors("importspy-baseline: 2\nviolations: {}\n")).containsExactly(
                    "baseline.yml:1:21: unsupported baseline format the number 2; this version of ImportSpy reads "
                            + "'importspy-baseline: 1'",
                    "baseline.yml:2:13: 'violations' must be a list of entries such as {target: com.acme.plugin, "
                            + "category: missing, context: method, subject: ..., expected: ..., justification: ...}, "
                            + "not a mapping");
            assertThat(errors("")).containsExactly("baseline.yml:1:1: baseline is empty; start with 'importspy-baseline: 1'");
            assertThat(errors("importspy-baseline: 1\nviolations:\n  - just text\n  - {target: [a]}\n")).containsExactly(
                    "baseline.yml:3:5: 'violations' entries must be mappings with target, category, context, subject, "
                            + "expected and justification, not 'just text'",
                    "baseline.yml:4:5: baseline entry lacks category, context, subject, expected, justification; an "
                            + "entry names the violation by target, category, context, subject and expected, and says "
                            + "why it is accepted in justification");
        }

        @Test
        void yaml_that_constructs_objects_is_refused_as_in_contracts() {
            assertThat(errors("importspy-baseline: 1\nviolations: !!java.util.ArrayList []\n")).hasSize(1)
                    .allMatch(error -> error.startsWith("baseline.yml:2:13: "));
        }
    }
}
