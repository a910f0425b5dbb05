package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import io.importspy.inspect.ModuleFacts;
import io.importspy.testsupport.TestJars;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Broken targets fail with one line that quotes the target (and entry) and says what is wrong. */
class InspectionErrorsTest {
    @TempDir
    Path tmp;

    private static Inspector inspector() {
        return Inspector.withClasspath(List.of());
    }

    private Path goodJar() {
        Path classes = TestJars.compile(tmp.resolve("classes"),
                Map.of("a/Foo.java", "package a; public class Foo { public String name() { return \"foo\"; } }"));
        return TestJars.jar(tmp.resolve("good.jar")).classes(classes).build();
    }

    @Test
    void a_missing_target_is_named() {
        Path missing = tmp.resolve("nowhere.jar");
        assertThatThrownBy(() -> inspector().inspect(missing, ClassSelection.all()))
                .isInstanceOf(InspectionException.class)
                .hasMessage(missing + ": no such file or directory; check the path");
    }

    @Test
    void a_truncated_jar_is_not_a_readable_jar() throws Exception {
        byte[] bytes = Files.readAllBytes(goodJar());
        Path broken = Files.write(tmp.resolve("broken.jar"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> inspector().inspect(broken, ClassSelection.all()))
                .isInstanceOf(InspectionException.class)
                .hasMessage(broken + ": not a readable JAR (zip END header not found)");
    }

    @Test
    void an_empty_file_and_a_text_file_are_not_readable_jars() throws Exception {
        Path empty = Files.write(tmp.resolve("empty.jar"), new byte[0]);
        assertThatThrownBy(() -> inspector().inspect(empty, ClassSelection.none()))
                .hasMessage(empty + ": not a readable JAR (zip file is empty)");
        Path text = Files.writeString(tmp.resolve("notes.jar"), "these are not classes\n");
        assertThatThrownBy(() -> inspector().inspect(text, ClassSelection.none()))
                .hasMessageStartingWith(text + ": not a readable JAR (");
    }

    @Test
    void a_garbage_class_entry_names_the_entry_and_its_bad_magic() throws Exception {
        Path plugin = TestJars.jar(tmp.resolve("plugin.jar"))
                .entry("com/acme/Foo.class", Files.readAllBytes(goodJar())).build();
        assertThatThrownBy(() -> inspector().inspect(plugin, ClassSelection.all()))
                .isInstanceOf(InspectionException.class)
                .hasMessage(plugin + "!com/acme/Foo.class: not a valid class file (bad magic 0x504b0304)");
        assertThatThrownBy(() -> inspector().inspect(plugin, ClassSelection.named(Set.of("com.acme.Foo"))))
                .hasMessage(plugin + "!com/acme/Foo.class: not a valid class file (bad magic 0x504b0304)");
    }

    @Test
    void a_class_entry_that_inflates_past_the_limit_is_refused_without_exhausting_memory() throws Exception {
        // 65 MiB of zeros deflate to about 64 KiB: a small JAR that would inflate into a huge array
        Path bomb = TestJars.jar(tmp.resolve("bomb.jar"))
                .entry("com/acme/Big.class", new byte[Archive.MAX_ENTRY_BYTES + (1 << 20)]).build();
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        assertThatThrownBy(() -> inspector().inspect(bomb, ClassSelection.named(Set.of("com.acme.Big"))))
                .isInstanceOf(InspectionException.class)
                .hasMessage(bomb + "!com/acme/Big.class: entry inflates to more than 64 MiB; no class file or"
                        + " resource is that large (a zip bomb?)");
        assertThatThrownBy(() -> inspector().inspect(bomb, ClassSelection.all()))
                .isInstanceOf(InspectionException.class)
                .hasMessage(bomb + "!com/acme/Big.class: entry inflates to more than 64 MiB; no class file or"
                        + " resource is that large (a zip bomb?)");
    }

    @Test
    void a_class_file_cut_short_is_not_valid() throws Exception {
        goodJar();
        byte[] real = Files.readAllBytes(tmp.resolve("classes/a/Foo.class"));
        Path plugin = TestJars.jar(tmp.resolve("cut.jar")).entry("a/Foo.class", Arrays.copyOf(real, real.length - 40))
                .build();
        assertThatThrownBy(() -> inspector().inspect(plugin, ClassSelection.all()))
                .isInstanceOf(InspectionException.class)
                .hasMessageStartingWith(plugin + "!a/Foo.class: not a valid class file (");
    }

    @Test
    void a_directory_without_class_files_is_refused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty-classes"));
        Files.writeString(dir.resolve("readme.txt"), "nothing");
        assertThatThrownBy(() -> inspector().inspect(dir, ClassSelection.all()))
                .hasMessage(dir + ": no class files in this directory; give a JAR or a directory of compiled "
                        + "classes (e.g. target/classes)");
    }

    @Test
    void a_missing_class_path_entry_is_named_when_it_is_needed() {
        Path jar = goodJar();
        Path missing = tmp.resolve("lib/missing.jar");
        ModuleFacts facts = Inspector.withClasspath(List.of(missing)).inspect(jar, ClassSelection.none());
        assertThat(facts.classes()).isEmpty();
        assertThatThrownBy(() -> Inspector.withClasspath(List.of(missing)).inspect(jar,
                ClassSelection.named(Set.of("a.NotInTheJar"))))
                .hasMessage(missing + ": no such file or directory; check the path");
    }
}
