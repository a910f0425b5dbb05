package io.importspy.internal.java;

import io.importspy.CpuTimeLimit;
import io.importspy.contract.Policy;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PathGlobTest {

    /** The regular expression the policy's globs were once translated to: the reference for their meaning. */
    static Pattern reference(String glob, char separator) {
        String notSeparator = "[^" + Pattern.quote(String.valueOf(separator)) + "]";
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean segment = i + 2 < glob.length() && glob.charAt(i + 2) == separator;
                regex.append(segment ? "(?:.*" + Pattern.quote(String.valueOf(separator)) + ")?" : ".*");
                i += segment ? 2 : 1;
            } else if (c == '*') {
                regex.append(notSeparator).append('*');
            } else if (c == '?') {
                regex.append(notSeparator);
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Test
    void follows_the_policy_glob_syntax() {
        assertThat(PathGlob.compile("/p/*.jar", '/').matches("/p/a.jar")).isTrue();
        assertThat(PathGlob.compile("/p/*.jar", '/').matches("/p/x/a.jar")).isFalse();
        assertThat(PathGlob.compile("/p/**/*.jar", '/').matches("/p/a.jar")).isTrue();
        assertThat(PathGlob.compile("/p/**/*.jar", '/').matches("/p/x/y/a.jar")).isTrue();
        assertThat(PathGlob.compile("/p/**", '/').matches("/p/x/y")).isTrue();
        assertThat(PathGlob.compile("/p/?.jar", '/').matches("/p/ab.jar")).isFalse();
        assertThat(PathGlob.compile("org.*:*", ':').matches("org.acme:core")).isTrue();
        assertThat(PathGlob.compile("*:core", ':').matches("org.acme:core-extra")).isFalse();
    }

    @Test
    void agrees_with_the_regular_expression_on_random_globs_and_texts() {
        Random random = new Random(20261202L);
        String globChars = "ab/*?";
        String textChars = "ab/";
        for (int run = 0; run < 20_000; run++) {
            StringBuilder glob = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                glob.append(globChars.charAt(random.nextInt(globChars.length())));
            }
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                text.append(textChars.charAt(random.nextInt(textChars.length())));
            }
            assertThat(PathGlob.compile(glob.toString(), '/').matches(text.toString())).as(glob + " on " + text)
                    .isEqualTo(reference(glob.toString(), '/').matcher(text).matches());
        }
    }

    /** Measured in CPU time of the test's thread; the wall-clock timeouts only catch hangs. */
    @Nested
    class Bounded_cost {
        @RegisterExtension
        final CpuTimeLimit cpu = CpuTimeLimit.of(Duration.ofSeconds(5));

        @Test
        @Timeout(60)
        void a_policy_glob_of_many_stars_never_backtracks_on_a_long_plugin_path() {
            String name = "a-".repeat(2_000) + "a.jar";
            Policy.Match path = Policy.Match.OnPath.of("plugins/" + "*-".repeat(30) + "x.jar", "/srv");
            assertThat(path.matches("/srv/plugins/" + name, List.of())).isFalse();
            Policy.Match any = Policy.Match.OnPath.of("**/**/**/**/**/**/**/**/**/**/x.jar", "/srv");
            assertThat(any.matches("/srv/" + "a/".repeat(2_000) + "y.jar", List.of())).isFalse();
            Policy.Match coordinates = Policy.Match.OnCoordinates.of("*.*.*.*.*.*.*.*.*.*.*.*:x");
            assertThat(coordinates.matches("/x", List.of("a.".repeat(2_000) + ":y"))).isFalse();
        }
    }
}
