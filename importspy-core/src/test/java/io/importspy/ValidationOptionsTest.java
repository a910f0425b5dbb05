package io.importspy;

import io.importspy.validate.Strictness;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValidationOptionsTest {
    @Test
    void defaults_are_lenient_in_the_running_jvm_without_class_path() {
        ValidationOptions defaults = ValidationOptions.defaults();

        assertThat(defaults.classpath()).isEmpty();
        assertThat(defaults.runtime()).isEqualTo(RuntimeSource.current());
        assertThat(defaults.strictness()).isEqualTo(Strictness.LENIENT);
    }

    @Test
    void with_methods_return_new_options_and_leave_the_original_alone() {
        ValidationOptions defaults = ValidationOptions.defaults();

        ValidationOptions changed = defaults.withClasspath(List.of(Path.of("a.jar")))
                .withRuntime(RuntimeSource.recorded(Path.of("prod.yml")))
                .withStrictness(Strictness.STRICT);

        assertThat(changed).isEqualTo(new ValidationOptions(List.of(Path.of("a.jar")),
                new RuntimeSource.Recorded(Path.of("prod.yml")), Strictness.STRICT));
        assertThat(defaults).isEqualTo(ValidationOptions.defaults());
    }

    @Test
    void the_class_path_is_copied() {
        List<Path> classpath = new ArrayList<>(List.of(Path.of("a.jar")));
        ValidationOptions options = ValidationOptions.defaults().withClasspath(classpath);

        classpath.add(Path.of("b.jar"));

        assertThat(options.classpath()).containsExactly(Path.of("a.jar"));
    }
}
