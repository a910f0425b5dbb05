package io.importspy.inspect;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runtime facts are built whole: a null name or value is refused by the builder, not met by a later query. */
class RuntimeFactsTest {
    private static RuntimeFacts.Builder builder() {
        return RuntimeFacts.builder("linux", "x86_64", "17.0.15+6", "Debian", "HotSpot");
    }

    @Test
    void a_null_variable_value_is_refused_when_built() {
        Map<String, String> variables = new HashMap<>();
        variables.put("HOME", null);
        assertThatThrownBy(() -> builder().variables(variables).build())
                .isInstanceOf(NullPointerException.class).hasMessage("variables holds a null value for HOME");
    }

    @Test
    void a_null_secret_or_property_is_refused_when_built() {
        Map<String, Boolean> secrets = new HashMap<>();
        secrets.put("TOKEN", null);
        assertThatThrownBy(() -> builder().secrets(secrets).build()).hasMessage("secrets holds a null value for TOKEN");
        Map<String, String> properties = new HashMap<>();
        properties.put(null, "x");
        assertThatThrownBy(() -> builder().properties(properties).build()).hasMessage("properties holds a null name");
    }

    @Test
    void values_keep_their_order_and_answer_queries() {
        RuntimeFacts facts = builder().variables(Map.of("TOKEN", "")).build();
        assertThat(facts.secretPresent("TOKEN")).hasValue(false);
    }
}
