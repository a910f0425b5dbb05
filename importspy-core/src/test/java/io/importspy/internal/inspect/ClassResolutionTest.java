package io.importspy.internal.inspect;

import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.Origin;
import io.importspy.testsupport.TestJars;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Lazy reading: only named classes and their supertypes, from the target, the class path, then the JDK. */
class ClassResolutionTest {
    @TempDir
    static Path tmp;
    static Path plugin;
    static Path library;

    @BeforeAll
    static void buildPluginAndLibrary() {
        Path libClasses = TestJars.compile(tmp.resolve("lib"), Map.of(
                "lib/Missing.java", "package lib; public abstract class Missing { }",
                "lib/Base.java", "package lib; public abstract class Base extends Missing implements Runnable { }"));
        // the library JAR lacks lib/Missing.class, so that supertype is found nowhere
        library = TestJars.jar(tmp.resolve("lib-1.0.jar")).entry("lib/Base.class", read(libClasses.resolve("lib/Base.class")))
                .build();
        Map<String, String> sources = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            sources.put("app/C" + i + ".java", "package app; public class C" + i + " extends Parent implements Marked { }");
        }
        sources.put("app/Parent.java", "package app; public class Parent { }");
        sources.put("app/Marked.java", "package app; public interface Marked extends java.io.Serializable { }");
        sources.put("app/Plugin.java", """
                package app;
                public class Plugin extends lib.Base implements java.util.function.Supplier<String> {
                    public String get() { return "x"; }
                    public void run() { }
                    public static class Nested { }
                }
                """);
        Path classes = TestJars.compile(tmp.resolve("app"), sources, "-classpath", libClasses.toString());
        plugin = TestJars.jar(tmp.resolve("app.jar")).classes(classes).build();
    }

    static byte[] read(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void named_classes_read_only_those_classes_and_their_supertypes() {
        List<String> read = new ArrayList<>();
        ModuleFacts facts = Inspector.observed(List.of(), read::add)
                .inspect(plugin, ClassSelection.named(Set.of("app.C1", "app.C2")));

        assertThat(read).containsExactlyInAnyOrder("app.C1", "app.C2", "app.Parent", "app.Marked",
                "java.lang.Object", "java.io.Serializable");
        assertThat(facts.classes().keySet()).containsExactlyInAnyOrderElementsOf(read);
        assertThat(facts.classes().get("java.lang.Object").origin()).isEqualTo(Origin.JDK);
        assertThat(facts.classes().get("app.Parent").origin()).isEqualTo(Origin.TARGET);
        assertThat(facts.entries()).hasSizeGreaterThan(60);
        assertThat(facts.unresolved()).isEmpty();
    }

    @Test
    void a_named_class_the_target_lacks_is_read_from_the_class_path_or_the_jdk_and_is_not_the_module_s() {
        ModuleFacts facts = Inspector.withClasspath(List.of(library))
                .inspect(plugin, ClassSelection.named(Set.of("lib.Base", "java.lang.Deprecated", "app.Absent")));

        assertThat(facts.anyClass("lib.Base")).hasValueSatisfying(c -> assertThat(c.origin()).isEqualTo(Origin.CLASSPATH));
        assertThat(facts.anyClass("java.lang.Deprecated")).hasValueSatisfying(c -> assertThat(c.origin()).isEqualTo(Origin.JDK));
        assertThat(facts.moduleClass("lib.Base")).as("not a class of the module").isEmpty();
        assertThat(facts.anyClass("app.Absent")).isEmpty();
    }

    @Test
    void supertypes_come_from_the_target_then_the_class_path_then_the_jdk_and_the_rest_is_unresolved() {
        ModuleFacts facts = Inspector.withClasspath(List.of(library))
                .inspect(plugin, ClassSelection.named(Set.of("app.Plugin")));

        assertThat(facts.moduleClass("app.Plugin")).isPresent();
        assertThat(facts.classes().get("lib.Base").origin()).isEqualTo(Origin.CLASSPATH);
        assertThat(facts.moduleClass("lib.Base")).isEmpty();
        assertThat(facts.anyClass("java.util.function.Supplier").orElseThrow().origin()).isEqualTo(Origin.JDK);
        assertThat(facts.anyClass("java.lang.Runnable")).isPresent();
        assertThat(facts.unresolved()).containsExactly("lib.Missing");
    }

    @Test
    void without_the_class_path_the_library_supertype_is_unresolved() {
        ModuleFacts facts = Inspector.withClasspath(List.of())
                .inspect(plugin, ClassSelection.named(Set.of("app.Plugin")));

        assertThat(facts.unresolved()).containsExactly("lib.Base");
        assertThat(facts.anyClass("java.util.function.Supplier")).isPresent();
    }

    @Test
    void nested_classes_may_be_named_with_a_dot_or_a_dollar_and_absent_classes_are_simply_not_read() {
        for (String name : List.of("app.Plugin.Nested", "app.Plugin$Nested")) {
            ModuleFacts facts = Inspector.withClasspath(List.of()).inspect(plugin, ClassSelection.named(Set.of(name)));
            assertThat(facts.moduleClass("app.Plugin$Nested")).as(name).isPresent();
            assertThat(facts.moduleClass("app.Plugin")).as(name).isEmpty();
        }
        ModuleFacts none = Inspector.withClasspath(List.of()).inspect(plugin, ClassSelection.named(Set.of("app.Nope")));
        assertThat(none.classes()).isEmpty();
        assertThat(none.unresolved()).isEmpty();
    }

    @Test
    void all_reads_every_class_of_the_target_and_nothing_outside_it() {
        List<String> read = new ArrayList<>();
        ModuleFacts facts = Inspector.observed(List.of(library), read::add).inspect(plugin, ClassSelection.all());

        assertThat(read).hasSize(64).contains("app.Plugin$Nested", "app.C59").doesNotContain("java.lang.Object");
        assertThat(facts.classes().values()).allMatch(c -> c.origin() == Origin.TARGET);
    }

    @Test
    void jdk_supertypes_outside_the_platform_class_loader_come_from_the_jdk_image(@TempDir Path dir) {
        Path classes = TestJars.compile(dir.resolve("classes"), Map.of("t/MyTree.java", """
                package t;
                public abstract class MyTree implements com.sun.source.tree.Tree, java.sql.Wrapper { }
                """));
        ModuleFacts facts = Inspector.withClasspath(List.of()).inspect(classes, ClassSelection.named(Set.of("t.MyTree")));

        assertThat(facts.anyClass("com.sun.source.tree.Tree").orElseThrow().origin()).isEqualTo(Origin.JDK);
        assertThat(facts.anyClass("java.sql.Wrapper").orElseThrow().origin()).isEqualTo(Origin.JDK);
        assertThat(facts.unresolved()).isEmpty();
    }

    @Test
    void candidates_cover_every_split_between_package_and_nesting() {
        assertThat(ClassNames.candidates("a.b.Outer.Inner"))
                .containsExactly("a.b.Outer.Inner", "a.b.Outer$Inner", "a.b$Outer$Inner", "a$b$Outer$Inner");
        assertThat(ClassNames.candidates("a.b.Outer$Inner")).as("a $ makes it a binary name")
                .containsExactly("a.b.Outer$Inner");
        assertThat(ClassNames.candidates("a.Outer$Inner.Deep")).as("dots after a $: packages or nesting")
                .containsExactly("a.Outer$Inner.Deep", "a.Outer$Inner$Deep");
        assertThat(ClassNames.candidates("clojure.core.proxy$java.io.Writer$ff19274a"))
                .containsExactly("clojure.core.proxy$java.io.Writer$ff19274a", "clojure.core.proxy$java.io$Writer$ff19274a",
                        "clojure.core.proxy$java$io$Writer$ff19274a");
    }
}
