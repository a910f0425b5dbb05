package io.importspy.internal.inspect;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.Origin;
import io.importspy.java.ClassKind;
import io.importspy.java.Modifier;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The multi-release rule's message is the same in every JVM, whatever order its sets iterate in. */
class VersionsTest {
    @Test
    void modifiers_that_differ_are_named_in_declaration_order() {
        ClassFacts judged = ClassFacts.builder("a.B", Origin.TARGET, ClassKind.CLASS).modifiers(Set.of(Modifier.PUBLIC))
                .build();
        for (Set<Modifier> other : java.util.List.of(Set.of(Modifier.FINAL, Modifier.PUBLIC),
                Set.of(Modifier.PUBLIC, Modifier.FINAL), java.util.EnumSet.of(Modifier.FINAL, Modifier.PUBLIC))) {
            ClassFacts variant = judged.toBuilder().modifiers(other).build();
            assertThatThrownBy(() -> Versions.requireSame(judged, "x.jar!a/B.class", variant,
                    "x.jar!META-INF/versions/9/a/B.class"))
                    .isInstanceOf(InspectionException.class)
                    .hasMessageContaining("its kind or modifiers differ (class [public, final], not class [public])");
        }
    }
}
