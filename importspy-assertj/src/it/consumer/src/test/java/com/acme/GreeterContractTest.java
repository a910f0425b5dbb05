package com.acme;

import io.importspy.RuntimeSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.importspy.assertj.ImportSpyAssertions.assertThat;
import static io.importspy.assertj.ImportSpyAssertions.assertThatThrownBy;

/** The plugin's own test of the host's contract, as a plugin author writes it. */
class GreeterContractTest {
    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void the_plugin_complies_with_the_host_contract() {
        assertThat(CLASSES).withRuntime(RuntimeSource.none()).strictly()
                .compliesWith(Path.of("src/test/resources/greeter.yml"));
    }

    @Test
    void a_violation_fails_with_the_text_report() {
        assertThatThrownBy(() -> assertThat(CLASSES).compliesWith(Path.of("src/test/resources/farewell.yml")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("target/classes")
                .hasMessageContaining("NOT COMPLIANT")
                .hasMessageContaining("x missing  class com.acme.Greeter lacks method farewell(String)  "
                        + "(src/test/resources/farewell.yml:5:9)")
                .hasMessageEndingWith("1 target, 0 compliant, 1 violation, 0 unverified\n");
    }

    @Test
    void a_rogue_contract_can_be_asserted_violated_and_path_assertions_still_work() {
        assertThat(CLASSES).isDirectory().doesNotComplyWith(Path.of("src/test/resources/farewell.yml"));
    }
}
