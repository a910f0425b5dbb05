package io.importspy.internal.inspect;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.ModuleIdentity;
import io.importspy.inspect.Origin;
import io.importspy.inspect.ParameterFacts;
import io.importspy.java.JavaType;
import io.importspy.testsupport.TestJars;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Inspection of real third-party JARs and of class files newer than the running Java. */
class RealJarsTest {
    @TempDir
    Path tmp;

    static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void postgresql_driver_implements_java_sql_driver_and_declares_connect() {
        Path jar = jarOf(org.postgresql.Driver.class);
        ModuleFacts facts = Inspector.withClasspath(List.of()).inspect(jar, ClassSelection.named(Set.of("org.postgresql.Driver")));

        ClassFacts driver = facts.moduleClass("org.postgresql.Driver").orElseThrow();
        assertThat(driver.interfaces()).contains("java.sql.Driver");
        assertThat(facts.anyClass("java.sql.Driver").orElseThrow().origin()).isEqualTo(Origin.JDK);
        assertThat(driver.methods()).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("connect");
            assertThat(m.parameters()).extracting(ParameterFacts::erasure)
                    .containsExactly(JavaType.of("java.lang.String"), JavaType.of("java.util.Properties"));
        });
        assertThat(facts.identity().names()).extracting(ModuleIdentity.Declared::value)
                .contains("org.postgresql.jdbc", "postgresql");
        assertThat(facts.identity().version()).contains("42.7.13");
        assertThat(facts.services()).containsEntry("java.sql.Driver", List.of("org.postgresql.Driver"));
        assertThat(facts.unresolved()).isEmpty();
    }

    @Test
    void guava_is_read_completely_without_error_in_time_close_to_inflating_it() throws Exception {
        Path jar = jarOf(com.google.common.collect.ImmutableList.class);
        long inflate = Long.MAX_VALUE;
        long inspect = Long.MAX_VALUE;
        ModuleFacts facts = null;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            inflateEveryEntry(jar);
            inflate = Math.min(inflate, System.nanoTime() - start);
            start = System.nanoTime();
            facts = Inspector.withClasspath(List.of()).inspect(jar, ClassSelection.all());
            inspect = Math.min(inspect, System.nanoTime() - start);
        }
        System.out.printf("guava: inflate %d ms, inspect all() %d ms, %d classes%n",
                inflate / 1_000_000, inspect / 1_000_000, facts.classes().size());

        assertThat(facts.classes()).hasSizeGreaterThan(1900);
        assertThat(facts.moduleClass("com.google.common.collect.ImmutableList").orElseThrow().modifiers())
                .contains(io.importspy.java.Modifier.ABSTRACT);
        assertThat(facts.identity().names()).extracting(ModuleIdentity.Declared::value)
                .contains("com.google.common", "com.google.guava:guava", "guava");
        assertThat(inspect).isLessThan(Math.max(10 * inflate, 2_000_000_000L));
    }

    private static void inflateEveryEntry(Path jar) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (var entries = file.entries(); entries.hasMoreElements(); ) {
                try (var in = file.getInputStream(entries.nextElement())) {
                    in.readAllBytes();
                }
            }
        }
    }

    @Test
    void commons_lang_is_named_by_its_automatic_module_name_first() {
        Path jar = jarOf(org.apache.commons.lang3.StringUtils.class);
        ModuleFacts facts = Inspector.withClasspath(List.of()).inspect(jar, ClassSelection.none());
        assertThat(facts.identity().primaryName()).contains("org.apache.commons.lang3");
        assertThat(facts.identity().names()).extracting(ModuleIdentity.Declared::value).contains("commons-lang3");
        assertThat(facts.identity().version()).contains("3.17.0");
    }

    @Test
    void a_class_compiled_for_java_25_is_readable() {
        Path javac = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/javac");
        assumeTrue(Files.isExecutable(javac), "JDK 25 is not installed at " + javac);
        Path classes = TestJars.compileWith(javac, tmp.resolve("classes"), Map.of("n/Modern.java", """
                package n;
                public record Modern(String name, int size) {
                    public static final String KIND = "modern";
                    public String describe(Object other) {
                        return other instanceof Modern(String n, int s) ? n + s : name;
                    }
                }
                """), "--release", "25", "-parameters");
        Path jar = TestJars.jar(tmp.resolve("modern.jar")).classes(classes).build();

        ClassFacts modern = Inspector.withClasspath(List.of()).inspect(jar, ClassSelection.all())
                .moduleClass("n.Modern").orElseThrow();

        assertThat(modern.classFileMajor()).isEqualTo(69);
        assertThat(modern.kind()).isEqualTo(io.importspy.java.ClassKind.RECORD);
        assertThat(modern.methods()).anySatisfy(m -> assertThat(m.parameters()).extracting(p -> p.name().orElse(""))
                .containsExactly("other"));
    }
}
