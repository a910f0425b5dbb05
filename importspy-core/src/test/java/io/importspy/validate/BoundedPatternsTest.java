package io.importspy.validate;

import io.importspy.CpuTimeLimit;
import io.importspy.Spy;
import io.importspy.ValidationOptions;
import io.importspy.internal.contract.Contracts;
import io.importspy.testsupport.TestJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code pattern:} that backtracks catastrophically on a value the plugin chose (its manifest) costs a bounded
 * amount of work, and the value then does not match, with the reason in the report.
 */
@Timeout(120)
class BoundedPatternsTest {
    @RegisterExtension
    static final CpuTimeLimit CPU = CpuTimeLimit.of(Duration.ofSeconds(5));

    @TempDir
    static Path work;

    static Report validate(String pattern, String value) {
        Path jar = TestJars.jar(work.resolve("plugin-" + value.length() + "-" + pattern.hashCode() + ".jar"))
                .manifest("Plugin-Id", value).build();
        return Spy.validate(Contracts.parse("""
                importspy: 1
                module:
                  manifest:
                    Plugin-Id: {pattern: '%s'}
                """.formatted(pattern), "spymodel.yml"), ValidationOptions.defaults().withRuntime(
                io.importspy.RuntimeSource.none()), List.of(jar));
    }

    @Test
    void an_exponential_pattern_gives_up_and_the_value_does_not_match() {
        Report report = validate("(.*a){20}", "a".repeat(40) + "!");
        assertThat(report.isCompliant()).isFalse();
        assertThat(report.targets().get(0).violations()).singleElement().satisfies(v -> {
            assertThat(v.location().line()).isEqualTo(4);
            assertThat(v.expected()).isEqualTo("matching /(.*a){20}/ (the pattern gave up on this value after"
                    + " 10000000 steps, or ran out of stack: it backtracks too much; simplify it, e.g. without a"
                    + " repeated group of wildcards)");
        });
    }

    @Test
    void a_pattern_that_recurses_per_character_on_a_long_value_gives_up_instead_of_overflowing() {
        Report report = validate("(a|b)*", "ab".repeat(30_000));
        assertThat(report.targets().get(0).violations()).singleElement()
                .satisfies(v -> assertThat(v.expected()).contains("gave up"));
    }

    @Test
    void ordinary_patterns_still_decide() {
        assertThat(validate("a+!", "a".repeat(40) + "!").isCompliant()).isTrue();
        assertThat(validate("v\\d+", "v12").isCompliant()).isTrue();
        assertThat(validate("v\\d+", "v1x").targets().get(0).violations()).singleElement()
                .satisfies(v -> assertThat(v.expected()).isEqualTo("matching /v\\d+/"));
    }
}
