package io.importspy;

import io.importspy.internal.contract.Contracts;
import io.importspy.testsupport.TestJars;
import io.importspy.validate.Category;
import io.importspy.validate.Context;
import io.importspy.validate.Strictness;
import io.importspy.validate.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.importspy.RealJarsIT.jarOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code references:} over a plugin compiled by javac that calls what hosts forbid, directly and through
 * its own subclasses of JDK and library classes; and over real JARs that use {@code sun.misc.Unsafe}.
 */
class ReferencesIT {
    @TempDir
    static Path tmp;
    static Path lib;
    static Path plugin;

    @BeforeAll
    static void build() {
        Path libClasses = TestJars.compile(tmp.resolve("lib-classes"), Map.of(
                "com/lib/Base.java", "package com.lib; public class Base { public void danger() { } }"));
        lib = TestJars.jar(tmp.resolve("lib-1.0.jar")).classes(libClasses).build();
        Path classes = TestJars.compile(tmp.resolve("plugin-classes"), Map.of(
                "com/example/Exiter.java", """
                        package com.example;
                        public class Exiter {
                            public void quit() {
                                System.out.println("bye");
                                System.exit(1);
                            }
                        }
                        """,
                "com/example/MyThread.java", "package com.example; public class MyThread extends Thread { }",
                "com/example/Stopper.java", """
                        package com.example;
                        public class Stopper {
                            @SuppressWarnings("removal")
                            void halt(MyThread thread) {
                                thread.setDaemon(true);
                                thread.stop();
                            }
                        }
                        """,
                "com/example/Shell.java", """
                        package com.example;
                        import java.io.IOException;
                        public class Shell {
                            Process run() throws IOException {
                                return Runtime.getRuntime().exec(new String[] {"ls"});
                            }
                            void open(java.lang.reflect.Field field) {
                                field.setAccessible(true);
                            }
                        }
                        """,
                "com/example/Sub.java", """
                        package com.example;
                        import java.util.ArrayList;
                        import java.util.List;
                        public class Sub extends com.lib.Base {
                            List<String> names = new ArrayList<>();
                            void go() {
                                danger();
                            }
                        }
                        """), "-g", "-classpath", libClasses.toString());
        plugin = TestJars.jar(tmp.resolve("plugin-1.0.jar")).classes(classes).build();
    }

    static List<Violation> violations(Path jar, String references, List<Path> classpath) {
        return Spy.validate(Contracts.parse("importspy: 1\nreferences:\n" + references, "spymodel.yml"),
                ValidationOptions.defaults().withRuntime(RuntimeSource.none()).withStrictness(Strictness.STRICT)
                        .withClasspath(classpath), List.of(jar)).targets().get(0).violations();
    }

    @Nested
    class Forbid {
        @Test
        void a_forbidden_call_names_the_class_method_line_and_rule() {
            assertThat(violations(plugin, "  forbid: [java.lang.System#exit]\n", List.of(lib))).singleElement()
                    .satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.INVALID);
                        assertThat(v.context().label()).isEqualTo("reference");
                        assertThat(v.subject()).isEqualTo("com.example.Exiter#quit()");
                        assertThat(v.message()).isEqualTo("com.example.Exiter#quit() (Exiter.java:5) references "
                                + "java.lang.System#exit(int), which references.forbid excludes (java.lang.System#exit)");
                        assertThat(v.location().line()).isEqualTo(3);
                    });
        }

        @Test
        void a_member_is_matched_against_the_class_that_declares_it() {
            assertThat(violations(plugin, "  forbid: [java.lang.Thread#stop]\n", List.of(lib))).singleElement()
                    .satisfies(v -> assertThat(v.message()).startsWith("com.example.Stopper#halt(com.example.MyThread) "
                            + "(Stopper.java:6) references java.lang.Thread#stop()"));
        }

        @Test
        void overloads_fields_and_class_globs() {
            assertThat(violations(plugin, "  forbid: [\"java.lang.Runtime#exec(String[])\"]\n", List.of(lib)))
                    .singleElement().satisfies(v -> assertThat(v.subject()).isEqualTo("com.example.Shell#run()"));
            assertThat(violations(plugin, "  forbid: [\"java.lang.Runtime#exec(String)\"]\n", List.of(lib))).isEmpty();
            assertThat(violations(plugin, "  forbid: [java.lang.System#out]\n", List.of(lib))).singleElement()
                    .satisfies(v -> assertThat(v.found()).isEqualTo("java.lang.System#out at line 4"));
            assertThat(violations(plugin, "  forbid: [\"java.lang.reflect.*#setAccessible\"]\n", List.of(lib)))
                    .singleElement().satisfies(v -> assertThat(v.subject())
                            .isEqualTo("com.example.Shell#open(java.lang.reflect.Field)"));
        }

        @Test
        void a_member_inherited_from_a_class_that_cannot_be_read_is_unverified() {
            assertThat(violations(plugin, "  forbid: [com.lib.Base#danger]\n", List.of(lib))).singleElement()
                    .satisfies(v -> assertThat(v.category()).isEqualTo(Category.INVALID));
            assertThat(violations(plugin, "  forbid: [com.lib.Base#danger]\n", List.of())).singleElement()
                    .satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.UNVERIFIED);
                        assertThat(v.message()).contains("com.example.Sub").contains("com.lib.Base could not be read");
                    });
        }
    }

    @Nested
    class Allow {
        @Test
        void anything_outside_allow_the_module_and_object_is_a_violation() {
            List<Violation> found = violations(plugin, "  allow: [\"java.lang.*\", \"com.lib.**\"]\n", List.of(lib));
            assertThat(found).isNotEmpty().allSatisfy(v -> assertThat(v.location().line()).isEqualTo(3));
            assertThat(found).extracting(Violation::subject).contains("com.example.Sub#<init>()",
                    "com.example.Shell#open(java.lang.reflect.Field)");
            assertThat(found).filteredOn(v -> v.subject().equals("com.example.Sub#<init>()")).singleElement()
                    .satisfies(v -> assertThat(v.found()).isEqualTo("java.util.ArrayList#<init>(), java.util.List at line 5"));
        }

        @Test
        void an_empty_allow_allows_the_module_and_object_alone() {
            assertThat(violations(plugin, "  allow: []\n", List.of(lib))).extracting(Violation::subject)
                    .contains("com.example.Exiter#quit()", "com.example.Sub#go()");
        }
    }

    @Nested
    class RealJars {
        @ParameterizedTest
        @ValueSource(strings = {"guava", "netty"})
        void libraries_that_use_sun_misc_unsafe_are_caught(String library) throws Exception {
            Path jar = "guava".equals(library) ? jarOf(com.google.common.collect.ImmutableList.class)
                    : jarOf(io.netty.util.internal.PlatformDependent.class);
            List<Violation> found = violations(jar, "  forbid: [\"sun.misc.**\"]\n", List.of());
            assertThat(found).isNotEmpty().allSatisfy(v -> {
                assertThat(v.category()).isEqualTo(Category.INVALID);
                assertThat(v.found()).contains("sun.misc.");
            });
            assertThat(found).anySatisfy(v -> assertThat(v.message()).matches(".*\\.java:\\d+\\) references .*"));
        }

        @Test
        void okio_3_no_longer_uses_sun_misc_unsafe() throws Exception {
            assertThat(violations(jarOf(okio.Buffer.class), "  forbid: [\"sun.misc.**\", \"jdk.internal.**\"]\n",
                    List.of())).isEmpty();
            assertThat(violations(jarOf(okio.Buffer.class), "  forbid: [java.util.zip.Inflater#inflate]\n", List.of()))
                    .isNotEmpty();
        }

        /** The README's presets, group by group (each under its comment), against a real JAR that uses what the group forbids. */
        @ParameterizedTest
        @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
                "JDK internals | guava", "sun.misc.Unsafe and its successor | netty", "process execution | groovy",
                "ending the JVM | postgresql", "reflection that breaks encapsulation | commons-lang3",
                "loading native code | netty"})
        void the_readme_presets_catch_real_jars_that_use_what_they_forbid(String group, String library) throws Exception {
            Map<String, Path> jars = Map.of("guava", jarOf(com.google.common.collect.ImmutableList.class),
                    "netty", jarOf(io.netty.util.internal.PlatformDependent.class),
                    "groovy", jarOf(groovy.lang.GroovyObject.class), "postgresql", jarOf(org.postgresql.Driver.class),
                    "commons-lang3", jarOf(org.apache.commons.lang3.StringUtils.class));
            List<String> patterns = readmePreset(group);
            assertThat(patterns).as("the README's preset group '%s'", group).isNotEmpty();
            StringBuilder forbid = new StringBuilder("  forbid:\n");
            patterns.forEach(pattern -> forbid.append("    - ").append(pattern).append('\n'));
            List<Violation> found = violations(jars.get(library), forbid.toString(), List.of());
            assertThat(found).as("%s against %s", patterns, library).anySatisfy(v -> {
                assertThat(v.category()).isEqualTo(Category.INVALID);
                assertThat(v.message()).contains(" references ").contains("which references.forbid excludes");
                assertThat(v.location().line()).isBetween(4, 3 + patterns.size());
            });
        }

        /** The patterns under {@code # group...} in the README's presets block. */
        private static List<String> readmePreset(String group) throws java.io.IOException {
            Path dir = Path.of("").toAbsolutePath();
            while (!java.nio.file.Files.exists(dir.resolve("README.md").resolveSibling("importspy-core"))) {
                dir = dir.getParent();
            }
            String readme = java.nio.file.Files.readString(dir.resolve("README.md"));
            int start = readme.indexOf("```yaml", readme.indexOf("Presets worth copying:"));
            String block = readme.substring(start, readme.indexOf("```", start + 7));
            List<String> patterns = new java.util.ArrayList<>();
            boolean in = false;
            for (String line : block.split("\n")) {
                String trimmed = line.trim();
                if (trimmed.startsWith("#")) {
                    in = trimmed.substring(1).trim().startsWith(group);
                } else if (in && trimmed.startsWith("- ")) {
                    patterns.add(trimmed.substring(2));
                }
            }
            return patterns;
        }

        @Test
        void guava_does_not_exit_the_jvm() throws Exception {
            assertThat(violations(jarOf(com.google.common.collect.ImmutableList.class),
                    "  forbid: [java.lang.System#exit, java.lang.Runtime#halt]\n", List.of())).isEmpty();
        }
    }
}
