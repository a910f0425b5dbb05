package io.importspy.inspect;

import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Facts of a method made on first use are the facts of the method, made once, and only when asked for. */
class MethodFactsTest {
    private static final MethodFacts RUN = MethodFacts.builder("run")
            .parameters(List.of(new ParameterFacts(Optional.of("task"), JavaType.of("java.lang.Runnable"),
                    JavaType.of("java.lang.Runnable"))))
            .returns(JavaType.of("int"), JavaType.of("int")).modifiers(Set.of(Modifier.PUBLIC))
            .exceptions(List.of(JavaType.of("java.io.IOException"))).build();

    @Test
    void deferred_facts_equal_the_facts_they_are_made_of() {
        AtomicInteger made = new AtomicInteger();
        MethodFacts deferred = MethodFacts.deferred("run", false, counting(made, RUN));

        assertThat(deferred).isEqualTo(RUN).hasSameHashCodeAs(RUN).hasToString(RUN.toString());
        assertThat(RUN).isEqualTo(deferred);
        assertThat(deferred.toBuilder().build()).isEqualTo(RUN);
        assertThat(deferred.parameters()).isEqualTo(RUN.parameters());
        assertThat(deferred.modifiers()).containsExactly(Modifier.PUBLIC);
        assertThat(made).as("made once, kept").hasValue(1);
    }

    @Test
    void the_name_the_synthetic_flag_and_whether_it_is_a_constructor_make_nothing() {
        AtomicInteger made = new AtomicInteger();
        MethodFacts deferred = MethodFacts.deferred("run", false, counting(made, RUN));

        assertThat(deferred.name()).isEqualTo("run");
        assertThat(deferred.synthetic()).isFalse();
        assertThat(deferred.isConstructor()).isFalse();
        assertThat(made).hasValue(0);
        assertThat(deferred.erasedReturn()).isEqualTo(JavaType.of("int"));
        assertThat(made).hasValue(1);
    }

    @Test
    void facts_made_for_another_method_are_refused() {
        MethodFacts deferred = MethodFacts.deferred("call", false, () -> RUN);

        assertThatThrownBy(deferred::parameters).isInstanceOf(IllegalStateException.class).hasMessageContaining("call");
        assertThatThrownBy(MethodFacts.deferred("run", true, () -> RUN)::returnType)
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void threads_that_read_one_method_at_once_see_the_same_facts() throws Exception {
        for (int round = 0; round < 200; round++) {
            MethodFacts deferred = MethodFacts.deferred("run", false, () -> RUN.toBuilder().build());
            java.util.concurrent.atomic.AtomicReference<Object> seen = new java.util.concurrent.atomic.AtomicReference<>();
            Thread other = new Thread(() -> seen.set(deferred.exceptions()));
            other.start();
            assertThat(deferred.parameters()).isEqualTo(RUN.parameters());
            other.join();
            assertThat(seen.get()).isEqualTo(RUN.exceptions());
            assertThat(deferred).isEqualTo(RUN);
        }
    }

    private static Supplier<MethodFacts> counting(AtomicInteger made, MethodFacts facts) {
        return () -> {
            made.incrementAndGet();
            return facts;
        };
    }
}
