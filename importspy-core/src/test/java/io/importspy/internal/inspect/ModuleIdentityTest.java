package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import io.importspy.inspect.LibraryFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.ModuleIdentity;
import io.importspy.testsupport.TestJars;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ModuleIdentityTest {
    static final Map<String, String> SPI = Map.of(
            "com/acme/spi/Greeter.java", "package com.acme.spi; public interface Greeter { String greet(); }",
            "com/acme/greeter/DefaultGreeter.java", """
                    package com.acme.greeter;
                    public class DefaultGreeter implements com.acme.spi.Greeter { public String greet() { return "hi"; } }
                    """);

    @TempDir
    Path tmp;

    ModuleFacts inspect(Path target) {
        return Inspector.withClasspath(List.of()).inspect(target, ClassSelection.none());
    }

    @Test
    void module_info_gives_the_first_name_the_first_version_and_provided_services() {
        Map<String, String> sources = new java.util.HashMap<>(SPI);
        sources.put("module-info.java", """
                module com.acme.greeter {
                    exports com.acme.spi;
                    provides com.acme.spi.Greeter with com.acme.greeter.DefaultGreeter;
                }
                """);
        Path classes = TestJars.compile(tmp.resolve("classes"), sources, "--module-version", "1.4.2");
        Path jar = TestJars.jar(tmp.resolve("greeter-1.4.2.jar")).manifest("Implementation-Version", "1.4.2-impl")
                .classes(classes)
                .entry("META-INF/services/com.acme.spi.Greeter", "# providers\n\ncom.acme.greeter.DefaultGreeter # same\n")
                .build();

        ModuleFacts facts = inspect(jar);

        assertThat(facts.identity().names()).extracting(ModuleIdentity.Declared::value, ModuleIdentity.Declared::source)
                .containsExactly(tuple("com.acme.greeter", "module-info"), tuple("greeter", "file name"));
        assertThat(facts.identity().versions()).extracting(ModuleIdentity.Declared::value)
                .containsExactly("1.4.2", "1.4.2-impl");
        assertThat(facts.identity().fileName()).isEqualTo("greeter-1.4.2.jar");
        assertThat(facts.services()).containsExactly(
                Map.entry("com.acme.spi.Greeter", List.of("com.acme.greeter.DefaultGreeter")));
        assertThat(facts.classes()).isEmpty();
        assertThat(facts.entries()).contains("module-info.class", "com/acme/spi/Greeter.class", "META-INF/MANIFEST.MF");
    }

    @Test
    void manifest_names_osgi_names_and_pom_properties_come_in_the_documented_order() {
        Path classes = TestJars.compile(tmp.resolve("classes"), SPI);
        Path jar = TestJars.jar(tmp.resolve("greeter-plugin-2.0.0-SNAPSHOT.jar"))
                .manifest("Automatic-Module-Name", "com.acme.greeter")
                .manifest("Bundle-SymbolicName", "com.acme.greeter.bundle; singleton:=true")
                .manifest("Bundle-Version", "2.0.0.SNAPSHOT")
                .manifest("Plugin-Id", "greeter")
                .classes(classes)
                .entry("META-INF/maven/com.acme/greeter-plugin/pom.properties",
                        "groupId=com.acme\nartifactId=greeter-plugin\nversion=2.0.0-SNAPSHOT\n")
                .build();

        ModuleFacts facts = inspect(jar);

        assertThat(facts.identity().names()).extracting(ModuleIdentity.Declared::value, ModuleIdentity.Declared::source)
                .containsExactly(tuple("com.acme.greeter", "Automatic-Module-Name"),
                        tuple("com.acme.greeter.bundle", "Bundle-SymbolicName"),
                        tuple("com.acme:greeter-plugin", "pom.properties"),
                        tuple("greeter-plugin", "pom.properties"),
                        tuple("greeter-plugin", "file name"));
        assertThat(facts.identity().version()).contains("2.0.0.SNAPSHOT");
        assertThat(facts.identity().versions()).extracting(ModuleIdentity.Declared::source)
                .containsExactly("Bundle-Version", "pom.properties");
        assertThat(facts.manifest()).containsEntry("Plugin-Id", "greeter").containsKey("Manifest-Version");
        assertThat(LibraryFacts.of(facts.identity(), "x").names()).containsExactly("com.acme.greeter",
                "com.acme.greeter.bundle", "com.acme:greeter-plugin", "greeter-plugin");
    }

    @Test
    void a_shaded_jar_is_not_named_or_versioned_by_the_pom_properties_of_what_it_shades() {
        Path classes = TestJars.compile(tmp.resolve("shaded-classes"), SPI);
        Path jar = TestJars.jar(tmp.resolve("greeter-shaded-1.3.0.jar"))
                .manifest("Implementation-Version", "1.3.0")
                .classes(classes)
                .entry("META-INF/maven/com.acme/greeter-shaded/pom.properties",
                        "groupId=com.acme\nartifactId=greeter-shaded\nversion=1.3.0\n")
                .entry("META-INF/maven/com.google.guava/guava/pom.properties",
                        "groupId=com.google.guava\nartifactId=guava\nversion=33.2.1-jre\n")
                .build();
        Path renamed = TestJars.jar(tmp.resolve("bundle.jar")).classes(classes)
                .entry("META-INF/maven/com.acme/greeter-shaded/pom.properties",
                        "groupId=com.acme\nartifactId=greeter-shaded\nversion=1.3.0\n")
                .entry("META-INF/maven/com.google.guava/guava/pom.properties",
                        "groupId=com.google.guava\nartifactId=guava\nversion=33.2.1-jre\n")
                .build();

        ModuleIdentity identity = inspect(jar).identity();

        assertThat(identity.names()).extracting(ModuleIdentity.Declared::value)
                .containsExactly("com.acme:greeter-shaded", "greeter-shaded", "greeter-shaded");
        assertThat(identity.versions()).extracting(ModuleIdentity.Declared::value, ModuleIdentity.Declared::source)
                .containsExactly(tuple("1.3.0", "Implementation-Version"), tuple("1.3.0", "pom.properties"));
        assertThat(inspect(renamed).identity().names()).extracting(ModuleIdentity.Declared::source)
                .containsExactly("file name");
        assertThat(inspect(renamed).identity().versions()).isEmpty();
    }

    @Test
    void the_file_stem_drops_the_version_the_way_real_artifacts_are_named() {
        assertThat(IdentityReader.fileStem("greeter-1.2.3.jar")).isEqualTo("greeter");
        assertThat(IdentityReader.fileStem("commons-lang3-3.17.0.jar")).isEqualTo("commons-lang3");
        assertThat(IdentityReader.fileStem("guava-33.4.8-jre.jar")).isEqualTo("guava");
        assertThat(IdentityReader.fileStem("postgresql-42.7.13.jar")).isEqualTo("postgresql");
        assertThat(IdentityReader.fileStem("plugin.jar")).isEqualTo("plugin");
        assertThat(IdentityReader.fileStem("classes")).isEqualTo("classes");
    }

    @Test
    void a_class_directory_has_its_directory_name_and_its_manifest_file() throws Exception {
        Path classes = TestJars.compile(tmp.resolve("greeter-classes"), SPI);
        java.nio.file.Files.createDirectories(classes.resolve("META-INF"));
        java.nio.file.Files.writeString(classes.resolve("META-INF/MANIFEST.MF"),
                "Manifest-Version: 1.0\nAutomatic-Module-Name: com.acme.dir\n\n");

        ModuleFacts facts = Inspector.withClasspath(List.of()).inspect(classes,
                ClassSelection.named(Set.of("com.acme.greeter.DefaultGreeter")));

        assertThat(facts.identity().primaryName()).contains("com.acme.dir");
        assertThat(facts.identity().fileName()).isEqualTo("greeter-classes");
        assertThat(facts.moduleClass("com.acme.greeter.DefaultGreeter")).isPresent();
        assertThat(facts.entries()).contains("com/acme/spi/Greeter.class", "META-INF/MANIFEST.MF");
    }

    @Test
    void a_multi_release_jar_uses_the_newest_version_the_running_java_supports() {
        String level = "package mr; public class Level { public static final int LEVEL = %d; }";
        Path base = TestJars.compile(tmp.resolve("base"), Map.of("mr/Level.java", level.formatted(8)));
        Path v11 = TestJars.compile(tmp.resolve("v11"), Map.of("mr/Level.java", level.formatted(11)));
        Path future = TestJars.compile(tmp.resolve("v99"), Map.of("mr/Level.java", level.formatted(99)));
        TestJars.JarBuilder layout = TestJars.jar(tmp.resolve("mr.jar")).classes(base)
                .classes(v11, "META-INF/versions/11/").classes(future, "META-INF/versions/99/");
        Path multiRelease = layout.multiRelease().build();
        Path plain = TestJars.jar(tmp.resolve("plain.jar")).classes(base)
                .classes(v11, "META-INF/versions/11/").build();

        assertThat(constant(multiRelease, ClassSelection.all())).isEqualTo(11);
        for (ClassSelection selection : List.of(ClassSelection.all(), ClassSelection.named(Set.of("mr.Level")))) {
            assertThat(constant(plain, selection)).isEqualTo(8);
        }
        assertThat(constant(multiRelease, ClassSelection.named(Set.of("mr.Level")))).isEqualTo(11);
        // read for another Java, that Java's entries
        for (int release : List.of(9, 11, 98, 99)) {
            ModuleFacts facts = Inspector.withClasspath(List.of()).forJava(release).inspect(multiRelease,
                    ClassSelection.named(Set.of("mr.Level")));
            assertThat(facts.moduleClass("mr.Level").orElseThrow().fields().get(0).constant()).as("Java " + release)
                    .contains(release < 11 ? 8 : release < 99 ? 11 : 99);
            assertThat(facts.section(ClassVersions.class)).isEmpty();
        }
        // read for every Java, the running Java's, and the others beside it, lowest first, for validation to judge
        ModuleFacts every = Inspector.withClasspath(List.of()).forJava(Inspector.EVERY_JAVA).inspect(multiRelease,
                ClassSelection.named(Set.of("mr.Level")));
        assertThat(every.moduleClass("mr.Level").orElseThrow().fields().get(0).constant()).contains(11);
        assertThat(every.section(ClassVersions.class).orElseThrow().of("mr.Level"))
                .extracting(v -> v.where().substring(v.where().indexOf('!') + 1), v -> v.facts().fields().get(0).constant().orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mr/Level.class", 8),
                        org.assertj.core.groups.Tuple.tuple("META-INF/versions/99/mr/Level.class", 99));
    }

    private Object constant(Path jar, ClassSelection selection) {
        ModuleFacts facts = Inspector.withClasspath(List.of()).inspect(jar, selection);
        assertThat(facts.classes().keySet()).contains("mr.Level").noneMatch(name -> name.startsWith("META-INF"));
        return facts.moduleClass("mr.Level").orElseThrow().fields().get(0).constant().orElseThrow();
    }
}
