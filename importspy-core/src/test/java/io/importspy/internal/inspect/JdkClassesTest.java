package io.importspy.internal.inspect;

import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.Origin;
import io.importspy.testsupport.TestJars;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** JDK classes: found by package in the JDK's modules, and read once per process. */
class JdkClassesTest {
    @TempDir
    Path tmp;

    @Test
    void classes_of_boot_platform_and_application_loader_modules_are_found_by_package() throws Exception {
        assertThat(JdkImage.read("java/util/List.class")).hasValueSatisfying(b -> assertThat(b).startsWith(0xCA, 0xFE));
        assertThat(JdkImage.read("java/sql/Driver.class")).isPresent();
        assertThat(JdkImage.read("com/sun/source/tree/Tree.class")).isPresent();
    }

    @Test
    void a_class_outside_every_jdk_package_or_missing_from_its_package_is_not_found() throws Exception {
        assertThat(JdkImage.read("io/importspy/example/pipeline/Plugin.class")).isEmpty();
        assertThat(JdkImage.read("java/util/NoSuchList.class")).isEmpty();
        assertThat(JdkImage.read("Unpackaged.class")).isEmpty();
        assertThat(JdkImage.read("org/objectweb/asm/ClassReader.class"))
                .as("a library on the class path is no JDK class").isEmpty();
    }

    @Test
    void jdk_supertypes_are_read_once_per_process_and_reported_to_every_inspection() {
        Path classes = TestJars.compile(tmp.resolve("classes"), Map.of("c/Sized.java", """
                package c;
                public abstract class Sized extends java.util.AbstractList<String> implements java.util.RandomAccess { }
                """));
        List<String> first = new ArrayList<>();
        ModuleFacts once = Inspector.observed(List.of(), first::add).inspect(classes, ClassSelection.named(Set.of("c.Sized")));
        List<String> second = new ArrayList<>();
        ModuleFacts twice = Inspector.observed(List.of(), second::add).inspect(classes, ClassSelection.named(Set.of("c.Sized")));

        assertThat(first).contains("java.util.AbstractList", "java.util.List", "java.lang.Object");
        assertThat(second).containsExactlyInAnyOrderElementsOf(first);
        assertThat(twice.anyClass("java.util.AbstractList").orElseThrow())
                .isSameAs(once.anyClass("java.util.AbstractList").orElseThrow())
                .satisfies(facts -> assertThat(facts.origin()).isEqualTo(Origin.JDK));
        assertThat(twice.moduleClass("c.Sized").orElseThrow()).isNotSameAs(once.moduleClass("c.Sized").orElseThrow());
        assertThat(ClassResolver.cachedJdkClasses()).isBetween(4, ClassResolver.JDK_CACHE_LIMIT);
    }
}
