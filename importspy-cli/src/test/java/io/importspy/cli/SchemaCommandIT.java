package io.importspy.cli;

import io.importspy.Spy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code importspy schema}: the JSON Schema of the contract language, as the core JAR ships it. */
class SchemaCommandIT {
    @Test
    void prints_the_schema_the_core_ships() {
        MainTest.Outcome outcome = MainTest.run("schema");
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.exit()).isZero();
        assertThat(outcome.out()).isEqualTo(Spy.contractSchema())
                .startsWith("{")
                .contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"");
    }

    @Test
    void its_help_shows_the_line_that_editors_read() {
        MainTest.Outcome outcome = MainTest.run("schema", "--help");
        assertThat(outcome.exit()).isZero();
        assertThat(outcome.out()).contains("# yaml-language-server: $schema=spymodel.schema.json");
    }

    @Test
    void it_takes_no_arguments() {
        MainTest.Outcome outcome = MainTest.run("schema", "extra");
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.out()).isEmpty();
        assertThat(outcome.err()).startsWith("importspy: ").hasLineCount(1);
    }
}
