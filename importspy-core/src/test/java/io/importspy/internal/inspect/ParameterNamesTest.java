package io.importspy.internal.inspect;

import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.ParameterFacts;
import io.importspy.testsupport.TestJars;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterNamesTest {
    static final Map<String, String> SOURCES = Map.of("p/Params.java", """
            package p;
            public abstract class Params {
                public void mixed(long first, String second, double third, int[] fourth) { String local = second; }
                public static void statik(int alpha, long beta) { }
                public abstract void noCode(String gamma);
            }
            """);

    @TempDir
    Path tmp;

    List<Optional<String>> names(String method, String... javacOptions) {
        Path classes = TestJars.compile(tmp.resolve("classes" + javacOptions.length + method), SOURCES, javacOptions);
        ModuleFacts facts = Inspector.withClasspath(List.of()).inspect(classes, ClassSelection.named(java.util.Set.of("p.Params")));
        return facts.moduleClass("p.Params").orElseThrow().methods().stream().filter(m -> m.name().equals(method))
                .findFirst().orElseThrow().parameters().stream().map(ParameterFacts::name).toList();
    }

    @Test
    void names_come_from_method_parameters_when_compiled_with_parameters() {
        assertThat(names("mixed", "-parameters", "-g:none"))
                .containsExactly(Optional.of("first"), Optional.of("second"), Optional.of("third"), Optional.of("fourth"));
        assertThat(names("noCode", "-parameters", "-g:none")).containsExactly(Optional.of("gamma"));
    }

    @Test
    void names_come_from_the_local_variable_table_when_compiled_with_debug_information() {
        assertThat(names("mixed", "-g"))
                .containsExactly(Optional.of("first"), Optional.of("second"), Optional.of("third"), Optional.of("fourth"));
        assertThat(names("statik", "-g")).containsExactly(Optional.of("alpha"), Optional.of("beta"));
    }

    @Test
    void names_are_absent_when_the_class_file_has_neither() {
        assertThat(names("mixed", "-g:none")).containsOnly(Optional.empty()).hasSize(4);
        assertThat(names("noCode", "-g")).containsExactly(Optional.empty());
    }
}
