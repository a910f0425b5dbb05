package io.importspy.enforce;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.Origin;
import io.importspy.java.JavaType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class LiveFactsTest {
    static class Names extends ArrayList<String> implements Comparable<Names> {
        @Override
        public int compareTo(Names other) {
            return 0;
        }
    }

    interface Pairing<K, V extends Comparable<? super V>> extends Function<K, List<? extends V>> {
    }

    @Test
    void generic_supertypes_of_a_live_class_come_from_reflection() {
        ClassFacts names = LiveFacts.of(Names.class, Origin.LIVE, false);

        assertThat(names.superclass()).contains("java.util.ArrayList");
        assertThat(names.typeParameters()).isEmpty();
        assertThat(names.genericSuperclass().map(JavaType::toString)).contains("java.util.ArrayList<java.lang.String>");
        assertThat(names.genericInterfaces()).extracting(JavaType::toString)
                .containsExactly("java.lang.Comparable<io.importspy.enforce.LiveFactsTest$Names>");
    }

    @Test
    void type_parameters_are_named_and_used_as_type_variables() {
        ClassFacts pairing = LiveFacts.of(Pairing.class, Origin.LIVE, false);

        assertThat(pairing.typeParameters()).containsExactly("K", "V");
        assertThat(pairing.genericSuperclass()).isEmpty();
        assertThat(pairing.genericInterfaces()).singleElement().satisfies(function -> {
            assertThat(function.toString()).isEqualTo("java.util.function.Function<K, java.util.List<? extends V>>");
            assertThat(function.arguments().get(0)).isEqualTo(JavaType.typeVariable("K"));
        });
    }

    @Test
    void a_class_that_is_not_generic_has_its_erased_supertypes() {
        ClassFacts object = LiveFacts.of(Object.class, Origin.JDK, false);
        ClassFacts exception = LiveFacts.of(IllegalStateException.class, Origin.JDK, false);

        assertThat(object.genericSuperclass()).isEmpty();
        assertThat(exception.genericSuperclass()).contains(JavaType.of("java.lang.RuntimeException"));
        assertThat(exception.typeParameters()).isEmpty();
    }
}
