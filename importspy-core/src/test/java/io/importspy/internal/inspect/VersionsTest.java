package io.importspy.internal.inspect;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.Origin;
import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the versions of a multi-release JAR's class have in common: the API a contract of every Java may require. */
class VersionsTest {
    private static MethodFacts method(String name, Modifier... modifiers) {
        return MethodFacts.builder(name).modifiers(Set.of(modifiers))
                .returns(JavaType.of("java.lang.String"), JavaType.of("java.lang.String")).build();
    }

    private static ClassFacts withMethods(MethodFacts... methods) {
        return ClassFacts.builder("a.B", Origin.TARGET, ClassKind.CLASS).modifiers(Set.of(Modifier.PUBLIC))
                .methods(List.of(methods)).build();
    }

    @Test
    void a_method_only_some_versions_have_is_left_out_and_private_ones_are_kept() {
        ClassFacts judged = withMethods(method("greet", Modifier.PUBLIC), method("hashCode", Modifier.PUBLIC),
                method("helper", Modifier.PRIVATE));
        ClassFacts base = withMethods(method("greet", Modifier.PUBLIC));

        assertThat(Versions.common(judged, List.of(base)).methods()).extracting(MethodFacts::name)
                .containsExactly("greet", "helper");
    }

    @Test
    void modifiers_of_implementation_do_not_make_methods_differ() {
        ClassFacts judged = withMethods(method("greet", Modifier.PUBLIC, Modifier.SYNCHRONIZED));
        ClassFacts other = withMethods(method("greet", Modifier.PUBLIC));

        assertThat(Versions.common(judged, List.of(other))).isSameAs(judged);
    }

    @Test
    void an_api_modifier_that_differs_makes_the_method_not_common() {
        ClassFacts judged = withMethods(method("greet", Modifier.PUBLIC, Modifier.FINAL), method("name", Modifier.PUBLIC));
        ClassFacts other = withMethods(method("greet", Modifier.PUBLIC), method("name", Modifier.PUBLIC));

        assertThat(Versions.common(judged, List.of(other)).methods()).extracting(MethodFacts::name)
                .containsExactly("name");
    }
}
