package io.importspy.internal.java;

import io.importspy.CpuTimeLimit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlobTest {

    private static boolean matches(String glob, String text) {
        return Glob.compile(glob).matches(text);
    }

    @Nested
    class Syntax {
        @Test
        void follows_the_usual_glob_syntax_on_every_platform() {
            assertThat(matches("greeter-*.jar", "greeter-1.4.0.jar")).isTrue();
            assertThat(matches("greeter-?.jar", "greeter-1.jar")).isTrue();
            assertThat(matches("*.{jar,zip}", "greeter.zip")).isTrue();
            assertThat(matches("[!x]*.jar", "greeter.jar")).isTrue();
            assertThat(matches("[!g]*.jar", "greeter.jar")).isFalse();
            assertThat(matches("greeter-[0-9].jar", "greeter-7.jar")).isTrue();
            assertThat(matches("greeter-*.jar", "Greeter-1.jar")).isFalse();
            assertThat(matches("greeter.jar", "greeterXjar")).as("a dot is literal").isFalse();
            assertThat(matches("greeter(1).jar", "greeter(1).jar")).as("regex characters are literal").isTrue();
            assertThat(matches("a\\*b", "a*b")).isTrue();
            assertThat(matches("a\\*b", "axb")).isFalse();
            assertThat(matches("{a,b{c,d}}x", "bdx")).as("nested alternatives").isTrue();
            assertThat(matches("a,b", "a,b")).as("a comma outside braces is literal").isTrue();
            assertThat(matches("*", "")).isTrue();
            assertThat(matches("?", "\uD83D\uDE00")).as("? is one code point").isTrue();
        }

        @Test
        void agrees_with_a_regular_expression_on_random_globs() {
            Random random = new Random(8);
            String alphabet = "ab*?";
            for (int round = 0; round < 5_000; round++) {
                StringBuilder glob = new StringBuilder();
                StringBuilder regex = new StringBuilder();
                for (int i = random.nextInt(8); i > 0; i--) {
                    char c = alphabet.charAt(random.nextInt(alphabet.length()));
                    glob.append(c);
                    regex.append(c == '*' ? ".*" : c == '?' ? "." : String.valueOf(c));
                }
                StringBuilder text = new StringBuilder();
                for (int i = random.nextInt(8); i > 0; i--) {
                    text.append("ab".charAt(random.nextInt(2)));
                }
                assertThat(matches(glob.toString(), text.toString())).as(glob + " on " + text)
                        .isEqualTo(Pattern.matches(regex.toString(), text));
            }
        }
    }

    /** Measured in CPU time of the test's thread; the wall-clock timeouts only catch hangs. */
    @Nested
    class Bounded_cost {
        @RegisterExtension
        final CpuTimeLimit cpu = CpuTimeLimit.of(Duration.ofSeconds(5));

        @Test
        @Timeout(60)
        void many_stars_never_backtrack() {
            String glob = "*".repeat(30) + "x";
            assertThat(matches(glob, "a".repeat(10_000))).isFalse();
            assertThat(matches("*a*a*a*a*a*a*a*a*a*a*b", "a".repeat(20_000))).isFalse();
            assertThat(matches("{*,*}{*,*}{*,*}{*,*}{*,*}{*,*}{*,*}{*,*}x", "a".repeat(10_000))).isFalse();
        }

        @Test
        @Timeout(60)
        void a_glob_of_the_longest_scalar_compiles_and_matches() {
            String glob = "*?".repeat(32 << 10);
            assertThat(matches(glob, "a".repeat(200))).isFalse();
        }
    }

    @Nested
    class Malformed_globs {
        @Test
        void are_refused_with_the_position_and_a_fix() {
            assertThatThrownBy(() -> Glob.compile("[!]"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("glob '[!]' is malformed at character 1: '[!]' is an empty character class; list at"
                            + " least one character in it, or escape the bracket as '\\['");
            assertThatThrownBy(() -> Glob.compile("a[bc")).hasMessageContaining("at character 2: '[' is never closed");
            assertThatThrownBy(() -> Glob.compile("x{a,b")).hasMessageContaining("at character 2: '{' is never closed");
            assertThatThrownBy(() -> Glob.compile("a}")).hasMessageContaining("at character 2: '}' closes no '{'");
            assertThatThrownBy(() -> Glob.compile("a\\")).hasMessageContaining("at character 2: '\\' at the end");
            assertThatThrownBy(() -> Glob.compile("[z-a]")).hasMessageContaining("range 'z-a' is reversed");
            assertThatThrownBy(() -> Glob.compile("{".repeat(10_000) + "}".repeat(10_000)))
                    .hasMessageContaining("nested more than 32 levels");
        }
    }
}
