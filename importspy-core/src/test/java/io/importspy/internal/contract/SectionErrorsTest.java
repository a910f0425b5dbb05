package io.importspy.internal.contract;

import io.importspy.contract.SpyModel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.importspy.internal.contract.ContractErrorsTest.classErrors;
import static io.importspy.internal.contract.ContractErrorsTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

/** The sections {@code select}, {@code references} and the integrity keys of {@code module}: read, and refused. */
class SectionErrorsTest {
    private static final String HEX = "3b9c1f0a".repeat(8);

    @Nested
    class Select {
        @Test
        void a_selector_and_count_are_read_with_their_locations() {
            SpyModel model = Contracts.parse("importspy: 1\nclasses:\n  - select: {implements: a.B, kind: class}\n"
                    + "    count: {min: 1, max: 3}\n", "spymodel.yml");
            SelectSpec select = Sections.classes(model).get(0).select().orElseThrow();
            assertThat(select.describe()).isEqualTo("{implements: a.B, kind: class}");
            assertThat(select.count().describe()).isEqualTo("between 1 and 3");
            assertThat(select.count().location().line()).isEqualTo(4);
        }

        @Test
        void select_without_a_selector_key_is_refused() {
            assertThat(classErrors("  - select: {}\n")).containsExactly("3:13: 'select' needs at least one selector key "
                    + "(provides, implements, extends, annotated, name, kind, modifiers), such as "
                    + "{provides: com.acme.spi.Greeter}");
        }

        @Test
        void a_misspelt_selector_key_gets_a_suggestion() {
            assertThat(classErrors("  - select: {implemnts: a.B}\n")).singleElement().asString()
                    .contains("unknown key 'implemnts' in select; did you mean 'implements'?");
        }

        @Test
        void count_with_min_above_max_is_refused() {
            assertThat(classErrors("  - select: {name: \"a.**\"}\n    count: {min: 3, max: 1}\n"))
                    .containsExactly("4:12: 'count' has min 3 above max 1; no selection can satisfy it");
        }

        @Test
        void a_bad_count_is_reported_beside_a_bad_selector() {
            assertThat(classErrors("  - select: {}\n    count: {min: 3, max: 1}\n  - select: {nme: a.B}\n    count: -1\n"))
                    .hasSize(4).anySatisfy(e -> assertThat(e).startsWith("4:12: 'count' has min 3 above max 1"))
                    .anySatisfy(e -> assertThat(e).startsWith("6:12: 'count' must be a count of classes"));
        }

        @Test
        void a_negative_or_text_count_is_refused() {
            assertThat(classErrors("  - select: {name: \"a.**\"}\n    count: -1\n")).containsExactly(
                    "4:12: 'count' must be a count of classes (0 or more), not -1");
            assertThat(classErrors("  - select: {name: \"a.**\"}\n    count: many\n")).singleElement().asString()
                    .startsWith("4:12: 'count' must be a whole number such as 1");
        }

        @Test
        void name_and_select_together_or_count_alone_are_refused() {
            assertThat(classErrors("  - name: a.B\n    select: {kind: class}\n")).singleElement().asString()
                    .startsWith("3:5: a 'classes' entry either names its class or selects classes");
            assertThat(classErrors("  - name: a.B\n    count: 1\n")).singleElement().asString()
                    .startsWith("4:5: 'count' applies only to 'select' entries");
        }

        @Test
        void a_bad_name_glob_is_refused() {
            assertThat(classErrors("  - select: {name: \"a/b.*\"}\n")).singleElement().asString()
                    .isEqualTo("3:20: 'a/b.*' is not a class-name pattern: '/' cannot appear in a class name; "
                            + "use * within a package, ** across packages");
        }
    }

    @Nested
    class References {
        @Test
        void patterns_of_every_form_are_read() {
            SpyModel model = Contracts.parse("importspy: 1\nreferences:\n  forbid: [\"sun.misc.**\", \"a.*\", a.B, "
                    + "\"a.B#c\", \"a.B#c(String, int[])\"]\n  allow: [\"java.**\"]\n", "spymodel.yml");
            ReferencesSpec spec = Sections.references(model).orElseThrow();
            assertThat(spec.forbid()).hasSize(5);
            assertThat(spec.allow().orElseThrow().value()).hasSize(1);
            assertThat(spec.forbid().get(4).value().matchesMember("a.B", "c", java.util.List.of("java.lang.String",
                    "int[]"))).isTrue();
        }

        @Test
        void malformed_patterns_are_refused_where_they_are_written() {
            assertThat(errors("importspy: 1\nreferences:\n  forbid:\n    - \"a.B#\"\n    - \"a.B#c(String\"\n"
                    + "    - \"a..B\"\n")).containsExactly(
                    "4:7: 'a.B#' is not a reference pattern: '' is not a member name; write Class#member or "
                            + "Class#method(Type, ...)",
                    "5:7: 'a.B#c(String' is not a reference pattern: the parameter list must end with ')', as in "
                            + "java.lang.Runtime#exec(String[])",
                    "6:7: 'a..B' is not a class-name pattern: empty package segment (in reference pattern 'a..B')");
        }

        @Test
        void an_unknown_key_gets_a_suggestion() {
            assertThat(errors("importspy: 1\nreferences:\n  forbidd: [a.B]\n")).containsExactly(
                    "3:3: unknown key 'forbidd' in references; did you mean 'forbid'?");
        }
    }

    @Nested
    class Integrity {
        @Test
        void digest_signed_and_signers_are_read() {
            SpyModel model = Contracts.parse("importspy: 1\nmodule:\n  digest: \"SHA256:" + HEX.toUpperCase()
                    + "\"\n  signed: true\n  signers:\n    - key: \"" + HEX.replaceAll("(..)(?!$)", "$1:") + "\"\n",
                    "spymodel.yml");
            IntegritySpec spec = Sections.integrity(model);
            assertThat(spec.digest().orElseThrow().value()).hasToString("sha256:" + HEX);
            assertThat(spec.signers()).singleElement().satisfies(s -> assertThat(s.value()).hasToString("key sha256:" + HEX));
        }

        @Test
        void an_unknown_digest_algorithm_gets_a_suggestion() {
            assertThat(errors("importspy: 1\nmodule:\n  digest: \"sha265:" + HEX + "\"\n")).containsExactly(
                    "3:11: unknown digest algorithm 'sha265'; did you mean 'sha256'?");
            assertThat(errors("importspy: 1\nmodule:\n  digest: \"md5:" + HEX + "\"\n")).containsExactly(
                    "3:11: unknown digest algorithm 'md5'; write sha256: or sha512:");
        }

        @Test
        void a_digest_of_the_wrong_length_or_without_algorithm_is_refused() {
            assertThat(errors("importspy: 1\nmodule:\n  digest: \"sha256:abc123\"\n")).containsExactly(
                    "3:11: 'digest' sha256 has 6 hex digits; a sha256 digest has 64");
            assertThat(errors("importspy: 1\nmodule:\n  digest: \"sha512:" + HEX + "\"\n")).containsExactly(
                    "3:11: 'digest' sha512 has 64 hex digits; a sha512 digest has 128");
            assertThat(errors("importspy: 1\nmodule:\n  digest: \"" + HEX + "\"\n")).singleElement().asString()
                    .startsWith("3:11: 'digest' must name its algorithm, as in \"sha256:3b9c1f0a3b9c...\"");
            assertThat(errors("importspy: 1\nmodule:\n  digest: \"sha256:" + HEX.substring(2) + "zz\"\n"))
                    .containsExactly("3:11: 'digest' sha256 must be hexadecimal, but has 'z'");
        }

        @Test
        void signers_entries_pin_one_thing_each() {
            assertThat(errors("importspy: 1\nmodule:\n  signers:\n    - {certificate: \"" + HEX + "\", key: \"" + HEX
                    + "\"}\n")).singleElement().asString().startsWith("4:7: a 'signers' entry pins either");
            assertThat(errors("importspy: 1\nmodule:\n  signers:\n    - certificate: \"sha1:" + HEX + "\"\n"))
                    .containsExactly("4:20: signer fingerprints are SHA-256; write \"sha256:...\", not 'sha1:'");
            assertThat(errors("importspy: 1\nmodule:\n  signed: yes\n")).singleElement().asString()
                    .startsWith("3:11: 'signed' must be true or false");
        }
    }
}
