package io.importspy.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContextTest {
    @Test
    void a_context_is_its_label_and_equals_the_constant_of_the_same_label() {
        assertThat(Context.of("method")).isEqualTo(Context.METHOD).hasSameHashCodeAs(Context.METHOD);
        assertThat(Context.ENVIRONMENT.label()).isEqualTo("environment");
        assertThat(Context.LIBRARY).hasToString("library");
    }

    @Test
    void a_new_section_names_its_own_context() {
        Context reference = Context.of("reference");
        assertThat(reference.label()).isEqualTo("reference");
        assertThat(reference).isNotEqualTo(Context.CLASS);
        assertThat(Context.of("x-acme-license").label()).isEqualTo("x-acme-license");
    }

    @Test
    void a_label_that_is_not_a_lower_case_word_is_refused_with_the_label_quoted() {
        for (String bad : new String[] {"", "Method", "two words", "1st", "-x", "métier"}) {
            assertThatThrownBy(() -> Context.of(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a context is a lower-case word (letters, digits, '-'), not '" + bad + "'");
        }
    }
}
