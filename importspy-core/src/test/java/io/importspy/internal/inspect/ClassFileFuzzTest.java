package io.importspy.internal.inspect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.importspy.inspect.InspectionException;
import io.importspy.inspect.Origin;

import java.io.InputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void a_mutant_that_crashed_hotspot_17_at_define_time_is_refused_before_any_jvm_sees_it() throws Exception {
        // round 948,806 of the campaign `ClassFileFuzz 1000000 7`: a method's attribute cut off at the end of the
        // file. OpenJDK 17.0.15's ClassFileParser read past the end of its bytes for it (a SIGSEGV inside the
        // campaign's process; alone, a different "Invalid method attribute name index" from run to run)
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/hostile/truncated-method-attribute.class.bin")) {
            bytes = in.readAllBytes();
        }

        assertThatThrownBy(() -> ClassFiles.read(bytes, Origin.TARGET, "fuzz.jar!f/Shapes$Visitor.class",
                "f/Shapes$Visitor.class", new Signatures.Cache()))
                .isInstanceOf(InspectionException.class)
                .hasMessage("fuzz.jar!f/Shapes$Visitor.class: not a valid class file (truncated: 5 bytes needed at"
                        + " offset 460 of 461)");
    }
}
