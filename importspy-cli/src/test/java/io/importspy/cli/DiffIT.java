package io.importspy.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code importspy diff OLD NEW} on two real releases of commons-lang3 and on contracts. */
class DiffIT {
    private static final Path JARS = Path.of("target/diff-jars");
    static final Path OLD = JARS.resolve("commons-lang3-3.14.0.jar");
    static final Path NEW = JARS.resolve("commons-lang3-3.17.0.jar");

    @TempDir
    static Path dir;

    @BeforeAll
    static void jarsArePresent() {
        assertThat(OLD).as("copied by the build (maven-dependency-plugin, execution diff-jars)").isRegularFile();
        assertThat(NEW).isRegularFile();
    }

    @Nested
    class Two_real_releases {
        static MainTest.Outcome forward;
        static MainTest.Outcome backward;

        @BeforeAll
        static void diff() {
            forward = MainTest.run("diff", "--format", "json", OLD.toString(), NEW.toString());
            backward = MainTest.run("diff", "--format", "json", NEW.toString(), OLD.toString());
        }

        @Test
        @SuppressWarnings("unchecked")
        void lists_what_was_added_removed_and_changed_in_the_contracts_terms() {
            Map<String, Object> json = (Map<String, Object>) Json.parse(forward.out());
            List<Map<String, Object>> changes = (List<Map<String, Object>>) json.get("changes");
            assertThat(changes).anySatisfy(c -> assertThat(c).containsEntry("change", "added")
                    .containsEntry("subject", "class org.apache.commons.lang3.AppendableJoiner")
                    .containsEntry("identity", false).containsEntry("old", null)
                    .containsEntry("new", "public final class"));
            assertThat(changes).anySatisfy(c -> assertThat(c).containsEntry("change", "changed")
                    .containsEntry("subject", "module version").containsEntry("identity", true)
                    .containsEntry("old", "[3.14,4)").containsEntry("new", "[3.17,4)"));
            // 3.17.0 no longer declares that StringUtils.toString(byte[], String) throws UnsupportedEncodingException
            assertThat(changes).anySatisfy(c -> assertThat(c).containsEntry("change", "changed")
                    .containsEntry("subject", "method org.apache.commons.lang3.StringUtils#toString(byte[], java.lang.String)")
                    .containsEntry("old", "public static java.lang.String throws java.io.UnsupportedEncodingException")
                    .containsEntry("new", "public static java.lang.String"));
        }

        @Test
        @SuppressWarnings("unchecked")
        void the_older_release_lacks_what_the_newer_added_so_going_back_is_major() {
            Map<String, Object> json = (Map<String, Object>) Json.parse(backward.out());
            assertThat(backward.exit()).isEqualTo(1);
            assertThat(json).containsEntry("satisfied", false);
            assertThat((Map<String, Object>) json.get("advice")).containsEntry("bump", "major");
            assertThat((List<Map<String, Object>>) json.get("violations")).anySatisfy(v -> assertThat(v)
                    .containsEntry("category", "missing")
                    .containsEntry("message", "module lacks class org.apache.commons.lang3.AppendableJoiner"));
        }

        @Test
        @SuppressWarnings("unchecked")
        void a_dropped_throws_clause_is_a_break_of_the_contract_the_old_release_satisfies() {
            Map<String, Object> json = (Map<String, Object>) Json.parse(forward.out());
            assertThat(forward.exit()).isEqualTo(1);
            assertThat((String) ((Map<String, Object>) json.get("advice")).get("reason"))
                    .startsWith("NEW breaks the contract OLD satisfies: 3 violations");
            assertThat((List<Map<String, Object>>) json.get("violations")).extracting(v -> v.get("subject"))
                    .contains("org.apache.commons.lang3.StringUtils#toString(byte[], java.lang.String)");
        }

        @Test
        void the_text_and_markdown_reports_say_the_same() {
            MainTest.Outcome text = MainTest.run("diff", OLD.toString(), NEW.toString());
            MainTest.Outcome markdown = MainTest.run("diff", "--format", "markdown", OLD.toString(), NEW.toString());
            assertThat(text.out()).startsWith("OLD " + OLD + "\nNEW " + NEW + "\n1 removed, 8 changed, 387 added "
                    + "(and the module's identity)\n")
                    .contains("  + class org.apache.commons.lang3.AppendableJoiner: public final class\n")
                    .contains("NEW no longer satisfies the contract OLD satisfies: 3 violations\n")
                    .endsWith("semantic versioning: major (NEW breaks the contract OLD satisfies: 3 violations, e.g. "
                            + "method org.apache.commons.lang3.StringUtils#toString(byte[], java.lang.String) does not "
                            + "declare throws java.io.UnsupportedEncodingException)\n");
            assertThat(markdown.out()).startsWith("### ImportSpy diff: **major**\n\n")
                    .contains("| removed / changed / added | 1 / 8 / 387 |\n| still satisfied | **no** |\n")
                    .contains("<details><summary>Added (387)</summary>\n")
                    .contains("- `class org.apache.commons.lang3.AppendableJoiner`: public final class\n");
        }
    }

    @Nested
    class Contracts {
        Path contract(String name, String yaml) throws Exception {
            Path file = dir.resolve(name);
            Files.writeString(file, "importspy: 1\n" + yaml);
            return file;
        }

        @Test
        void a_contract_that_asks_for_more_is_major_one_that_asks_for_less_minor() throws Exception {
            Path small = contract("small.yml", "classes:\n  - name: org.apache.commons.lang3.StringUtils\n"
                    + "    methods: [{name: isBlank, parameters: [CharSequence], returns: boolean}]\n");
            Path large = contract("large.yml", "classes:\n  - name: org.apache.commons.lang3.StringUtils\n"
                    + "    methods:\n      - {name: isBlank, parameters: [CharSequence], returns: boolean}\n"
                    + "      - {name: isEmpty, parameters: [CharSequence]}\n");

            MainTest.Outcome stricter = MainTest.run("diff", small.toString(), large.toString());
            assertThat(stricter.exit()).isEqualTo(1);
            assertThat(stricter.out()).contains("  + method org.apache.commons.lang3.StringUtils#isEmpty(CharSequence): "
                    + "any return type\n").contains("a module that met OLD may not meet NEW\n")
                    .endsWith("semantic versioning: major (NEW asks for 1 thing OLD did not (e.g. method "
                            + "org.apache.commons.lang3.StringUtils#isEmpty(CharSequence)), so a module that met OLD "
                            + "may not meet NEW)\n");
            MainTest.Outcome looser = MainTest.run("diff", large.toString(), small.toString());
            assertThat(looser.exit()).isZero();
            assertThat(looser.out()).endsWith("semantic versioning: minor (NEW only drops requirements: every module "
                    + "that met OLD meets NEW)\n");
            Path reordered = contract("reordered.yml", "classes:\n  - name: org.apache.commons.lang3.StringUtils\n"
                    + "    methods: [{returns: boolean, parameters: [CharSequence], name: isBlank}]\n");
            assertThat(MainTest.run("diff", small.toString(), reordered.toString()).out())
                    .endsWith("semantic versioning: patch (NEW requires exactly what OLD did)\n");
        }

        @Test
        void a_jar_checked_against_an_old_contract_reports_its_violations() throws Exception {
            Path contract = contract("lang.yml", "module: {name: org.apache.commons.lang3}\nclasses:\n"
                    + "  - name: org.apache.commons.lang3.AppendableJoiner\n");
            MainTest.Outcome outcome = MainTest.run("diff", contract.toString(), OLD.toString());
            assertThat(outcome.exit()).isEqualTo(1);
            assertThat(outcome.out()).contains("  x missing  module lacks class org.apache.commons.lang3.AppendableJoiner\n");
            assertThat(MainTest.run("diff", contract.toString(), NEW.toString()).exit()).isZero();
        }

        @Test
        void bad_input_is_one_line_with_exit_2() throws Exception {
            MainTest.Outcome missing = MainTest.run("diff", dir.resolve("absent.jar").toString(), NEW.toString());
            assertThat(missing.exit()).isEqualTo(2);
            assertThat(missing.err()).isEqualTo("importspy: OLD '" + dir.resolve("absent.jar") + "' not found\n");
            Path broken = contract("broken.yml", "clases: []\n");
            MainTest.Outcome invalid = MainTest.run("diff", broken.toString(), NEW.toString());
            assertThat(invalid.exit()).isEqualTo(2);
            assertThat(invalid.err()).startsWith("importspy: " + broken + ":2:1: unknown key 'clases'");
            assertThat(MainTest.run("diff", OLD.toString()).err()).isEqualTo(
                    "importspy: Missing required parameter: 'NEW'; see 'importspy diff --help'\n");
        }
    }
}
