package io.importspy.internal.inspect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeded fuzz regression of class files: thousands of mutants of real javac output, each either read or
 * refused with a one-line error naming the entry, and none read that the JVM's {@code defineClass} refuses as
 * malformed. A failure prints the round; {@link ClassFileFuzz#main} reruns a campaign.
 */
class ClassFileFuzzTest {
    @TempDir
    Path work;

    @Test
    @Timeout(120)
    void no_mutant_is_read_that_the_jvm_refuses_and_every_refusal_is_one_located_line() throws Exception {
        ClassFileFuzz fuzz = ClassFileFuzz.compiled(work, "--release", "17", "-g", "-parameters");
        ClassFileFuzz.Outcome outcome = fuzz.run(3_000, 20261201L);
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.accepted()).as("mutants read").isGreaterThan(100);
        assertThat(outcome.refused()).as("mutants refused").isGreaterThan(1_000);
    }
}
