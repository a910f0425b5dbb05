package io.importspy.internal.contract;

import io.importspy.CpuTimeLimit;
import io.importspy.contract.ContractError;
import io.importspy.contract.ContractException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.importspy.internal.contract.ContractErrorsTest.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * YAML 1.2 safe loading: hostile or broken input ends in one clear contract error, quickly. How quickly is
 * measured in CPU time of the test's thread ({@link CpuTimeLimit}); the wall-clock timeout only catches hangs.
 */
@Timeout(120)
class SafeLoadingTest {
    @RegisterExtension
    static final CpuTimeLimit CPU = CpuTimeLimit.of(Duration.ofSeconds(10));

    static List<String> readErrors(Path file) {
        ContractException e = catchThrowableOfType(() -> Contracts.read(file), ContractException.class);
        assertThat(e).as("a contract exception").isNotNull();
        return e.errors().stream().map(ContractError::toString).collect(Collectors.toList());
    }

    @Nested
    class Limits {
        @Test
        void a_billion_laughs_alias_bomb_is_refused_where_its_expansion_passes_the_node_limit() {
            String lol = "[" + String.join(", ", java.util.Collections.nCopies(9, "lol")) + "]";
            StringBuilder yaml = new StringBuilder("importspy: 1\nl0: &l0 " + lol + "\n");
            for (int level = 1; level <= 9; level++) {
                String alias = "*l" + (level - 1);
                String aliases = IntStream.range(0, 9).mapToObj(i -> alias).collect(Collectors.joining(", "));
                yaml.append("l").append(level).append(": &l").append(level).append(" [").append(aliases).append("]\n");
            }
            // l1 to l4 expand to 74,718 nodes; the first alias of l5 (line 7, column 10) adds l4's 66,430
            assertThat(errors(yaml.toString())).containsExactly(
                    "7:10: contract expands to more than 100000 YAML nodes through aliases; write the entries out instead");
        }

        @Test
        void the_51st_alias_of_a_list_is_refused() {
            String aliases = IntStream.range(0, 60).mapToObj(i -> "*l").collect(Collectors.joining(", "));
            // the 51st alias starts at column 5 + 50 * 4
            assertThat(errors("importspy: 1\nl: &l [a]\nx: [" + aliases + "]\n")).containsExactly(
                    "3:205: contract uses more than 50 aliases of lists or mappings; write the entries out instead");
        }

        @Test
        void a_doubling_alias_chain_within_the_alias_limit_is_refused_by_its_size() {
            StringBuilder yaml = new StringBuilder("importspy: 1\nclasses:\n  - &d0 {name: a.B}\n");
            for (int level = 1; level <= 24; level++) {
                yaml.append("  - &d").append(level).append(" [*d").append(level - 1).append(", *d").append(level - 1)
                        .append("]\n");
            }
            List<String> errors = errors(yaml.toString());
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).endsWith(
                    ": contract expands to more than 100000 YAML nodes through aliases; write the entries out instead");
        }

        @Test
        void a_large_contract_without_aliases_is_bounded_by_its_size_only() {
            String yaml = "importspy: 1\nmodule:\n  resources:\n" + "    - r\n".repeat(120_000);
            assertThat(Sections.module(Contracts.parse(yaml, "spymodel.yml")).resources()).hasSize(120_000);
        }

        @Test
        void a_recursive_alias_is_refused() {
            assertThat(errors("importspy: 1\nclasses: &self [*self]\n")).containsExactly(
                    "2:17: alias '*self' refers to a node that contains it; recursive YAML is not allowed in a contract");
        }

        @Test
        void ten_thousand_nested_lists_are_refused_at_the_depth_limit() {
            String yaml = "importspy: 1\nclasses: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
            // the root mapping is level 1, so the 64th '[' (column 10 + 63) opens level 65
            assertThat(errors(yaml)).containsExactly("2:73: contract is nested more than 64 levels deep; flatten it");
        }

        @Test
        void deep_block_nesting_is_refused_too() {
            StringBuilder yaml = new StringBuilder("importspy: 1\nmodule:\n");
            for (int level = 1; level <= 70; level++) {
                yaml.append("  ".repeat(level)).append("k").append(level).append(":\n");
            }
            assertThat(errors(yaml.toString())).containsExactly(
                    "66:129: contract is nested more than 64 levels deep; flatten it");
        }

        @Test
        void a_line_over_the_line_limit_is_refused_before_yaml_reads_it() {
            String yaml = "importspy: 1\nmodule:\n  name: \"" + "a".repeat(16 * 1024 * 1024 - 40) + "\"\n";
            assertThat(errors(yaml)).containsExactly("3:262145: line 3 is 16777186 characters long; the limit is"
                    + " 262144 (write a long value over several lines, or shorten it)");
        }

        @Test
        void a_scalar_over_the_scalar_limit_is_refused_where_it_starts() {
            String value = ("a".repeat(1000) + "\n    ").repeat(100);
            String yaml = "importspy: 1\nmodule:\n  name: \"" + value + "\"\n";
            assertThat(errors(yaml)).singleElement().asString()
                    .matches("3:9: a value of 100\\d{3} characters; the limit is 65536 \\(shorten it\\)");
        }

        @Test
        void a_number_of_thousands_of_digits_is_an_error_not_quadratic_work() {
            String yaml = "importspy: 1\nclasses:\n  - name: a.B\n    fields:\n      - {name: X, value: "
                    + "9".repeat(60_000) + "}\n";
            assertThat(errors(yaml)).containsExactly("5:26: a number of 60000 characters; no Java constant is that"
                    + " long (quote it to compare it as text)");
        }

        // Contracts near the 16 MiB limit, one per test: each must parse within the class's CPU time limit.
        @Test
        void a_contract_of_the_longest_lines_parses_in_seconds() {
            String longLines = ("    - " + "r".repeat(200_000) + "\n").repeat(80);
            assertThat(errors("importspy: 1\nmodule:\n  resources:\n" + longLines)).hasSize(1);
        }

        @Test
        void a_contract_of_the_longest_numbers_parses_in_seconds() {
            String digits = "importspy: 1\nclasses:\n  - name: a.B\n    fields:\n"
                    + ("      - {name: X, value: " + "9".repeat(990) + "}\n").repeat(15_000);
            assertThat(Sections.classes(Contracts.parse(digits, "spymodel.yml")).get(0).fields()).hasSize(15_000);
        }

        @Test
        void a_contract_of_long_versions_parses_in_seconds() {
            String versions = "importspy: 1\ndeployments:\n  - libraries:\n"
                    + ("      - {name: a, version: \"[" + "1".repeat(60_000) + ",)\"}\n").repeat(250);
            assertThat(Sections.deployments(Contracts.parse(versions, "spymodel.yml"))).hasSize(1);
        }

        @Test
        void a_contract_of_nearly_two_million_nodes_parses_in_seconds() {
            String manyNodes = "importspy: 1\nmodule:\n  resources:\n" + "    - r\n".repeat(1_900_000);
            assertThat(Sections.module(Contracts.parse(manyNodes, "spymodel.yml")).resources()).hasSize(1_900_000);
        }

        @Test
        void text_over_sixteen_mebibytes_is_refused_before_parsing() {
            String yaml = "importspy: 1\n# " + "x".repeat(17 * 1024 * 1024) + "\n";
            assertThat(errors(yaml)).containsExactly("1:1: contract is 17825808 bytes; the limit is 16 MiB");
        }

        @Test
        void the_size_limit_counts_utf8_bytes_not_characters() {
            String yaml = "importspy: 1\n# " + "\u00e9".repeat(9_000_000) + "\n";
            assertThat(errors(yaml)).containsExactly("1:1: contract is 18000016 bytes; the limit is 16 MiB");
        }

        @Test
        void a_file_over_sixteen_mebibytes_is_refused_without_reading_it(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("big.yml");
            Files.write(file, new byte[17 * 1024 * 1024]);
            assertThat(readErrors(file)).containsExactly(file + ":1:1: contract is 17825792 bytes; the limit is 16 MiB");
        }

        @Test
        void an_endless_stream_or_device_is_refused_after_sixteen_mebibytes_not_read_to_its_end() throws Exception {
            java.io.InputStream endless = new java.io.InputStream() {
                @Override
                public int read() {
                    return ' ';
                }

                @Override
                public int read(byte[] bytes, int offset, int length) {
                    java.util.Arrays.fill(bytes, offset, offset + length, (byte) ' ');
                    return length;
                }
            };
            assertThat(catchThrowableOfType(() -> Contracts.read(endless, "stream.yml"), ContractException.class))
                    .hasMessage("stream.yml:1:1: contract is more than 16777216 bytes; the limit is 16 MiB");
            Path zero = Path.of("/dev/zero");
            if (Files.isReadable(zero)) {
                assertThat(readErrors(zero)).containsExactly(zero + ":1:1: contract is more than 16777216 bytes;"
                        + " the limit is 16 MiB");
                assertThat(catchThrowableOfType(() -> Policies.read(zero), ContractException.class))
                        .hasMessage(zero + ":1:1: policy is more than 16777216 bytes; the limit is 16 MiB");
                assertThat(catchThrowableOfType(() -> Baselines.read(zero), ContractException.class))
                        .hasMessage(zero + ":1:1: baseline is more than 16777216 bytes; the limit is 16 MiB");
            }
        }
    }

    @Nested
    class Tags {
        @Test
        void object_constructing_and_custom_tags_are_refused_each_where_written() {
            assertThat(errors("""
                    importspy: 1
                    module:
                      name: !!python/object:os.system echo
                      filename: !java.io.File /etc/passwd
                      resources: !!java.util.ArrayList [a]
                      manifest: !foo {A: b}
                      version: !!binary "MTIz"
                    """)).containsExactly(
                    "3:9: tag '!!python/object:os.system' is not allowed; a contract holds plain YAML values only (remove the tag)",
                    "4:13: tag '!java.io.File' is not allowed; a contract holds plain YAML values only (remove the tag)",
                    "5:14: tag '!!java.util.ArrayList' is not allowed; a contract holds plain YAML values only (remove the tag)",
                    "6:13: tag '!foo' is not allowed; a contract holds plain YAML values only (remove the tag)",
                    "7:12: tag '!!binary' is not allowed; a contract holds plain YAML values only (remove the tag)");
        }

        @Test
        void a_tag_is_the_only_error_of_its_node_even_when_the_untagged_value_is_of_the_wrong_shape() {
            assertThat(errors("importspy: 1\nmodule: !!java.io.File /etc/passwd\n")).containsExactly(
                    "2:9: tag '!!java.io.File' is not allowed; a contract holds plain YAML values only (remove the tag)");
        }

        @Test
        void a_standard_tag_that_does_not_fit_its_value_is_an_error() {
            assertThat(errors("importspy: 1\nclasses: [{name: a.B, fields: [{name: X, value: !!int ten}]}]\n"))
                    .containsExactly("2:49: 'ten' is not a valid int; remove the tag or fix the value");
        }
    }

    @Nested
    class Yaml_syntax {
        @Test
        void duplicate_keys_are_reported_at_the_second_key() {
            assertThat(errors("""
                    importspy: 1
                    module:
                      name: a
                      name: b
                    importspy: 1
                    """)).containsExactly(
                    "4:3: duplicate key 'name'; it is already set at line 3; keep only one",
                    "5:1: duplicate key 'importspy'; it is already set at line 1; keep only one");
        }

        @Test
        void a_syntax_error_is_one_line_at_the_problem() {
            assertThat(errors("importspy: 1\nmodule: {name: x\n"))
                    .containsExactly("3:1: invalid YAML: expected ',' or '}', but got <stream end> (while parsing a flow mapping)");
            assertThat(errors("importspy: 1\n  module: x\n"))
                    .containsExactly("2:9: invalid YAML: mapping values are not allowed here");
        }

        @Test
        void tabs_and_several_documents_get_a_fix() {
            assertThat(errors("importspy: 1\nmodule:\n\tname: x\n"))
                    .containsExactly("3:1: invalid YAML: a tab is used for indentation; indent with spaces");
            assertThat(errors("importspy: 1\n---\nimportspy: 1\n")).containsExactly(
                    "2:1: invalid YAML: a contract is a single YAML document; remove the second '---' and what follows");
        }

        @Test
        void an_undefined_alias_is_a_syntax_error() {
            assertThat(errors("importspy: 1\nmodule: *nowhere\n"))
                    .containsExactly("2:9: invalid YAML: found undefined alias nowhere");
        }

        @Test
        void a_key_must_be_a_plain_name() {
            assertThat(errors("importspy: 1\n? [a, b]\n: c\n"))
                    .containsExactly("2:3: a key must be a plain name, not a list");
        }
    }

    @Nested
    class Files_on_disk {
        @Test
        void a_missing_file_is_reported_at_its_path(@TempDir Path dir) {
            Path file = dir.resolve("nope.yml");
            assertThat(readErrors(file)).containsExactly(file + ":1:1: cannot read contract: no such file");
        }

        @Test
        void a_directory_is_not_a_contract(@TempDir Path dir) {
            assertThat(readErrors(dir)).containsExactly(dir + ":1:1: cannot read contract: it is a directory, not a file");
        }

        @Test
        void a_file_that_is_not_utf8_is_reported_where_the_bad_byte_is(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("latin1.yml");
            Files.write(file, "importspy: 1\nmodule: {name: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readErrors(file))
                    .containsExactly(file + ":2:19: cannot read contract: it is not UTF-8 text; save it as UTF-8");
        }

        @Test
        void errors_in_a_file_name_the_file(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("spymodel.yml");
            Files.writeString(file, "importspy: 1\nclasses: [{name: a.B, kind: klass}]\n");
            assertThat(readErrors(file)).containsExactly(
                    file + ":2:29: 'kind' must be one of class, interface, enum, record, annotation, not 'klass'");
        }
    }
}
