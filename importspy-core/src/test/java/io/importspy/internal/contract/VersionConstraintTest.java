package io.importspy.internal.contract;

import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionConstraintTest {

    @Nested
    class Prefixes {
        @ParameterizedTest(name = "{0} matches {1}: {2}")
        @CsvSource({
                "17, 17, true",
                "17, 17.0.15, true",
                "17, 17.0.15+6, true",
                "17, 171, false",
                "17, 21.0.2, false",
                "3.12, 3.12.9, true",
                "3.12, 3.120, false",
                "3.12, 3.1, false",
                "1.0, 1, true",
                "1.0-SNAPSHOT, 1.0-snapshot, true",
                "2, 2-beta, true",
        })
        void a_prefix_matches_versions_that_start_with_its_components(String prefix, String version, boolean matches) {
            assertThat(VersionConstraint.parse(prefix).test(version)).isEqualTo(matches);
            assertThat(VersionConstraint.parse(prefix).isRange()).isFalse();
        }
    }

    @Nested
    class Ranges {
        @ParameterizedTest(name = "{0} contains {1}: {2}")
        @CsvSource(delimiter = ';', value = {
                "[1.2,2); 1.2; true",
                "[1.2,2); 1.10; true",
                "[1.2,2); 1.1; false",
                "[1.2,2); 2.0; false",
                "[1.2,2); 2.0-SNAPSHOT; true",
                "[1.2,2); 1.9.9; true",
                "[17,); 17.0.15+6; true",
                "[17,); 11.0.2; false",
                "[17,17.0.15]; 17.0.15+6; true",
                "(,1.0]; 1.0; true",
                "(,1.0]; 1.0.1; false",
                "(,1.0); 1.0-SNAPSHOT; true",
                "[1.0]; 1; true",
                "[1.0]; 1.0.1; false",
                "(,1.0],[1.2,); 1.1; false",
                "(,1.0],[1.2,); 1.5; true",
                "(,1.0],[1.2,); 0.9; true",
                "(1.0,2.0); 1.0; false",
                "[ 1.0 , 2.0 ]; 2.0; true",
        })
        void a_range_contains_versions_in_maven_order(String range, String version, boolean contains) {
            assertThat(VersionConstraint.parse(range).test(version)).isEqualTo(contains);
            assertThat(VersionConstraint.parse(range).isRange()).isTrue();
        }
    }

    @Nested
    class BadInput {
        @ParameterizedTest(name = "[{index}] {1}")
        @CsvSource(delimiter = ';', value = {
                "''; a version constraint is empty",
                "[1.0; invalid version range '[1.0': a range opened with '[' is never closed",
                "[2.0,1.0]; invalid version range '[2.0,1.0]': '[2.0,1.0]' is empty",
                "[,1.0]; invalid version range '[,1.0]': an unbounded side must use '(' or ')'",
                "(1.0); invalid version range '(1.0)': a single version must be written as [version]",
                "[1,2,3]; invalid version range '[1,2,3]': '[1,2,3]' has more than two bounds",
                "[1.0,2.0)x; invalid version range '[1.0,2.0)x': ranges must be separated by ','",
                "[1.0,2.0),; invalid version range '[1.0,2.0),': a range is missing after the last ','",
                "1.2,2.0; '1.2,2.0' is not a version or a version range",
                ">=17; '>=17' is not a version or a version range",
                "[a b,2]; invalid version range '[a b,2]': 'a b' is not a version",
                "[,]; invalid version range '[,]': '[,]' has neither a lower nor an upper bound",
        })
        void unparseable_constraints_are_rejected_with_a_message_that_quotes_them(String text, String message) {
            assertThatThrownBy(() -> VersionConstraint.parse(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(message);
        }
    }

    @Nested
    class MavenOrdering {
        @Test
        void well_known_orderings_hold() {
            List<String> ascending = List.of("1.0-alpha1", "1.0-alpha2", "1.0-beta", "1.0-milestone-1", "1.0-rc1",
                    "1.0-SNAPSHOT", "1.0", "1.0-sp", "1.0.1", "1.1", "1.9", "1.10", "2.0-rc-1", "2");
            for (int i = 0; i + 1 < ascending.size(); i++) {
                assertThat(MavenVersion.of(ascending.get(i)))
                        .as("%s < %s", ascending.get(i), ascending.get(i + 1))
                        .isLessThan(MavenVersion.of(ascending.get(i + 1)));
            }
            assertThat(MavenVersion.of("1.0.0")).isEqualTo(MavenVersion.of("1"));
            assertThat(MavenVersion.of("1.0-ga")).isEqualTo(MavenVersion.of("1.0-final"));
        }

        @Test
        void agrees_with_maven_on_a_corpus_of_generated_versions() {
            Random random = new Random(42);
            String[] parts = {"0", "1", "2", "10", "9", "alpha", "beta", "rc", "SNAPSHOT", "sp", "ga", "final", "m",
                    "a", "b", "cr", "jre", "android", "foo", "01"};
            String[] separators = {".", "-", ""};
            List<String> versions = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                StringBuilder text = new StringBuilder(String.valueOf(random.nextInt(4)));
                int length = random.nextInt(5);
                for (int j = 0; j < length; j++) {
                    text.append(separators[random.nextInt(separators.length)]).append(parts[random.nextInt(parts.length)]);
                }
                versions.add(text.toString());
            }
            for (String a : versions) {
                for (int k = 0; k < 20; k++) {
                    String b = versions.get(random.nextInt(versions.size()));
                    int expected = Integer.signum(new ComparableVersion(a).compareTo(new ComparableVersion(b)));
                    int actual = Integer.signum(MavenVersion.of(a).compareTo(MavenVersion.of(b)));
                    assertThat(actual).as("compare %s with %s", a, b).isEqualTo(expected);
                }
            }
        }
    }

    @Nested
    class HandWrittenMatching {
        private final java.util.regex.Pattern version = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
        private final java.util.regex.Pattern separators = java.util.regex.Pattern.compile("[.+-]");

        @Test
        void versions_and_their_tokens_are_read_as_the_regular_expressions_read_them() {
            assertThat(VersionConstraint.isVersion("17.0.15+6")).isTrue();
            assertThat(VersionConstraint.isVersion(".1")).isFalse();
            assertThat(VersionConstraint.tokens("1..2-")).containsExactly("1", "", "2", "");
            Random random = new Random(17);
            String alphabet = "aZ09._+-/ \u00e9\n";
            for (int i = 0; i < 200_000; i++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(8); n > 0; n--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String candidate = text.toString();
                assertThat(VersionConstraint.isVersion(candidate)).as(candidate)
                        .isEqualTo(version.matcher(candidate).matches());
                assertThat(VersionConstraint.tokens(candidate)).as(candidate)
                        .isEqualTo(List.of(separators.split(candidate.toLowerCase(java.util.Locale.ROOT), -1)));
            }
        }
    }
}
