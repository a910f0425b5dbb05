package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import io.importspy.java.Modifier;
import io.importspy.testsupport.TestJars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Selection reads most class files only to the end of their interfaces (the constant pool names every
 * annotation a class carries; its flags give its modifiers unless an InnerClasses or PermittedSubclasses
 * attribute is named there too): these are the classes whose selection depends on those rules, and the class
 * files that are malformed in the part read or only after it.
 */
class ClassHeadSelectionTest {
    @TempDir
    static Path tmp;
    static Path classes;
    static Path plugin;

    @BeforeAll
    static void build() {
        classes = TestJars.compile(tmp.resolve("classes"), Map.of(
                "com/example/Outer.java", "package com.example; import java.lang.annotation.*;"
                        + " public class Outer { @Retention(RetentionPolicy.RUNTIME) public @interface Marker { }"
                        + " protected static class Inner implements Runnable { public void run() { } }"
                        + " class Plain implements Runnable { public void run() { } } }",
                "com/example/Tagged.java", "package com.example; @Outer.Marker public class Tagged { }",
                "com/example/MethodOnly.java", "package com.example; public class MethodOnly {"
                        + " @Outer.Marker public void m() { } }",
                "com/example/Plugin.java", "package com.example; import java.lang.annotation.*; @Inherited"
                        + " @Retention(RetentionPolicy.RUNTIME) public @interface Plugin { }",
                "com/example/Base.java", "package com.example; @Plugin public abstract class Base { }",
                "com/example/Derived.java", "package com.example; public class Derived extends Base { }",
                "com/example/Task.java", "package com.example; public class Task implements Runnable {"
                        + " public void run() { } }"));
        plugin = TestJars.jar(tmp.resolve("plugin.jar")).classes(classes).build();
    }

    /** The module's classes a selection by {@code query} reads the facts of: those it selects. */
    private static Set<String> selected(Path jar, ClassQuery query) {
        return selected(jar, query, Inspector.EVERY_JAVA);
    }

    private static Set<String> selected(Path jar, ClassQuery query, int release) {
        ClassSelection.Named selection = new ClassSelection.Named(Set.of(), List.of(query), Optional.empty(), Set.of(),
                false);
        // the facts read are those of the selected classes and of their supertypes (the JDK's)
        return Inspector.withClasspath(List.of()).forJava(release).inspect(jar, selection).classes().keySet().stream()
                .filter(name -> name.startsWith("com.example.")).collect(java.util.stream.Collectors.toSet());
    }

    private static ClassQuery annotated(String annotation) {
        return new ClassQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(annotation),
                Optional.empty(), Optional.empty(), Set.of());
    }

    private static ClassQuery runnable(Set<Modifier> modifiers) {
        return new ClassQuery(Optional.empty(), Optional.of("java.lang.Runnable"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), modifiers);
    }

    @Test
    void a_nested_annotation_type_is_found_by_its_source_binary_or_simple_name() {
        for (String name : List.of("com.example.Outer.Marker", "com.example.Outer$Marker", "Marker")) {
            assertThat(selected(plugin, annotated(name))).as(name).containsExactly("com.example.Tagged");
        }
    }

    @Test
    void an_inherited_annotation_declared_in_the_module_selects_the_subclasses() {
        assertThat(selected(plugin, annotated("com.example.Plugin")))
                .containsExactlyInAnyOrder("com.example.Base", "com.example.Derived");
    }

    @Test
    void a_nested_class_has_the_modifiers_of_its_inner_classes_entry_not_of_its_flags() {
        assertThat(selected(plugin, runnable(Set.of(Modifier.STATIC)))).containsExactly("com.example.Outer$Inner");
        assertThat(selected(plugin, runnable(Set.of(Modifier.PROTECTED)))).containsExactly("com.example.Outer$Inner");
        assertThat(selected(plugin, runnable(Set.of(Modifier.PUBLIC)))).containsExactly("com.example.Task");
        assertThat(selected(plugin, runnable(Set.of()))).containsExactlyInAnyOrder("com.example.Task",
                "com.example.Outer$Inner", "com.example.Outer$Plain");
    }

    @Test
    void a_class_malformed_in_its_head_is_refused_though_selection_reads_no_further() throws IOException {
        byte[] bytes = Files.readAllBytes(classes.resolve("com/example/Derived.class"));
        int superClass = headEnd(bytes) - 4; // super_class, then the interfaces count (0)
        bytes[superClass] = (byte) 0xFF;
        bytes[superClass + 1] = (byte) 0xFF;
        Path jar = TestJars.jar(tmp.resolve("bad-head.jar")).classes(classes)
                .entry("com/example/Derived.class", bytes).build();
        assertThatThrownBy(() -> selected(jar, runnable(Set.of()))).isInstanceOf(InspectionException.class)
                .hasMessage(jar + "!com/example/Derived.class: not a valid class file (super_class is constant"
                        + " #65535, which does not exist (the pool has " + poolSize(bytes) + "))");
    }

    @Test
    void a_class_malformed_after_its_head_is_refused_once_it_is_selected() throws IOException {
        byte[] task = Files.readAllBytes(classes.resolve("com/example/Task.class"));
        byte[] derived = Files.readAllBytes(classes.resolve("com/example/Derived.class"));
        Path jar = TestJars.jar(tmp.resolve("bad-tail.jar")).classes(classes)
                .entry("com/example/Task.class", java.util.Arrays.copyOf(task, task.length + 3))
                .entry("com/example/Derived.class", java.util.Arrays.copyOf(derived, derived.length + 3)).build();
        // Derived's head is sound and it is not selected: what selection read of it was checked and passed
        assertThatThrownBy(() -> selected(jar, runnable(Set.of()))).isInstanceOf(InspectionException.class)
                .hasMessage(jar + "!com/example/Task.class: not a valid class file (3 bytes after the end of the class)");
        assertThat(selected(jar, annotated("com.example.Outer.Marker"))).containsExactly("com.example.Tagged");
    }

    @Test
    void a_class_malformed_in_a_constant_its_header_does_not_take_is_refused_once_it_is_selected() throws IOException {
        // a zero byte is not modified UTF-8: no JVM defines these classes, though their names and supertypes are sound
        byte[] derived = zeroIn(Files.readAllBytes(classes.resolve("com/example/Derived.class")), "Derived.java");
        byte[] task = zeroIn(Files.readAllBytes(classes.resolve("com/example/Task.class")), "Task.java");
        Path jar = TestJars.jar(tmp.resolve("bad-constant.jar")).classes(classes)
                .entry("com/example/Derived.class", derived).entry("com/example/Task.class", task).build();
        // neither is selected: their headers were read and what a header takes of them was checked and passed
        assertThat(selected(jar, annotated("com.example.Outer.Marker"))).containsExactly("com.example.Tagged");
        // Derived is selected through its superclass's @Inherited annotation, Task by its interface: read whole
        assertThatThrownBy(() -> selected(jar, annotated("com.example.Plugin"))).isInstanceOf(InspectionException.class)
                .hasMessageStartingWith(jar + "!com/example/Derived.class: not a valid class file (constant #")
                .hasMessageEndingWith(" is not valid modified UTF-8)");
        assertThatThrownBy(() -> selected(jar, runnable(Set.of()))).isInstanceOf(InspectionException.class)
                .hasMessageStartingWith(jar + "!com/example/Task.class: not a valid class file (constant #")
                .hasMessageEndingWith(" is not valid modified UTF-8)");
    }

    @Test
    void a_class_read_whole_ahead_of_a_selection_that_does_not_take_it_is_not_judged_beyond_its_header() {
        // in the module, Base has the interface and Sub extends it; the host's class path has its own Base, which
        // a plugin's class loader finds first and which has none: Sub is not selected, though the header read,
        // having seen the module's Base, may read Sub whole at once
        Path module = TestJars.compile(tmp.resolve("shadowed"), Map.of(
                "com/example/shadow/Base.java", "package com.example.shadow;"
                        + " public class Base implements Runnable { public void run() { } }",
                "com/example/shadow/Sub.java", "package com.example.shadow; public class Sub extends Base { }"));
        Path host = TestJars.jar(tmp.resolve("shadow-host.jar")).classes(TestJars.compile(tmp.resolve("shadow-host"),
                Map.of("com/example/shadow/Base.java", "package com.example.shadow; public class Base { }"))).build();
        byte[] sub;
        try {
            sub = Files.readAllBytes(module.resolve("com/example/shadow/Sub.class"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path jar = TestJars.jar(tmp.resolve("shadowed.jar")).classes(module)
                .entry("com/example/shadow/Sub.class", java.util.Arrays.copyOf(sub, sub.length + 3)).build();
        ClassSelection.Named selection = new ClassSelection.Named(Set.of(), List.of(runnable(Set.of())),
                Optional.empty(), Set.of(), false);
        // on one thread, in entry order: Base's header is read before Sub's
        Set<String> read = ReadThreads.alone(() -> Inspector.withClasspath(List.of(host)).inspect(jar, selection))
                .classes().keySet();
        assertThat(read).contains("com.example.shadow.Base").doesNotContain("com.example.shadow.Sub");
        // selected, Sub is refused
        ClassSelection.Named bySubclass = new ClassSelection.Named(Set.of(), List.of(new ClassQuery(Optional.empty(),
                Optional.empty(), Optional.of("com.example.shadow.Base"), Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of())), Optional.empty(), Set.of(), false);
        assertThatThrownBy(() -> Inspector.withClasspath(List.of(host)).inspect(jar, bySubclass))
                .isInstanceOf(InspectionException.class)
                .hasMessage(jar + "!com/example/shadow/Sub.class: not a valid class file (3 bytes after the end of the class)");
    }

    /** {@code bytes} with the first byte of the first occurrence of ASCII {@code text} set to zero. */
    private static byte[] zeroIn(byte[] bytes, String text) {
        byte[] wanted = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                byte[] copy = bytes.clone();
                copy[i] = 0;
                return copy;
            }
        }
        throw new IllegalArgumentException(text + " is not in the class file");
    }

    @Test
    void every_version_of_a_multi_release_class_is_read_whole_and_must_agree_unless_one_java_is_judged() {
        Path base = TestJars.compile(tmp.resolve("mr-base"), Map.of("com/example/Job.java",
                "package com.example; public class Job implements Runnable { public void run() { } }"));
        Path versioned = TestJars.compile(tmp.resolve("mr-17"), Map.of("com/example/Job.java",
                "package com.example; @Deprecated public class Job implements Runnable { public void run() { } }"));
        Path jar = TestJars.jar(tmp.resolve("mr.jar")).multiRelease().classes(base)
                .classes(versioned, "META-INF/versions/17/").build();
        // the query reads neither annotations nor modifiers, yet the versions' headers are compared whole
        assertThatThrownBy(() -> selected(jar, runnable(Set.of()))).isInstanceOf(InspectionException.class)
                .hasMessageContaining("another Java version loads this class instead of")
                .hasMessageContaining("its header differs");
        // read for one Java, only the version that Java loads counts
        assertThat(selected(jar, runnable(Set.of()), 17)).containsExactly("com.example.Job");
        assertThat(selected(jar, runnable(Set.of()), 11)).containsExactly("com.example.Job");
    }

    /** Where the interfaces of a class file end. */
    private static int headEnd(byte[] b) {
        int count = poolSize(b) + 1;
        int at = 10;
        for (int i = 1; i < count; i++) {
            int tag = b[at] & 0xFF;
            switch (tag) {
                case 1 -> at += 3 + ((b[at + 1] & 0xFF) << 8 | b[at + 2] & 0xFF);
                case 5, 6 -> {
                    at += 9;
                    i++;
                }
                case 7, 8, 16, 19, 20 -> at += 3;
                case 15 -> at += 4;
                default -> at += 5;
            }
        }
        return at + 8 + 2 * ((b[at + 6] & 0xFF) << 8 | b[at + 7] & 0xFF);
    }

    private static int poolSize(byte[] b) {
        return ((b[8] & 0xFF) << 8 | b[9] & 0xFF) - 1;
    }
}
