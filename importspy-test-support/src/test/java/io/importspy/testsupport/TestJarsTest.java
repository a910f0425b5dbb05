package io.importspy.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestJarsTest {
    @TempDir
    Path tmp;

    private static List<String> entries(Path jar) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
        }
    }

    @Test
    void packs_compiled_classes_extra_entries_and_the_manifest_in_order() throws Exception {
        Path classes = TestJars.compile(tmp.resolve("classes"),
                Map.of("com/acme/Greeter.java", "package com.acme; public class Greeter { }"));
        Path jar = TestJars.jar(tmp.resolve("greeter-1.2.3.jar"))
                .manifest("Automatic-Module-Name", "com.acme.greeter")
                .classes(classes)
                .entry("META-INF/services/com.acme.Greeter", "com.acme.Greeter\n")
                .build();

        assertThat(entries(jar)).containsExactly("META-INF/MANIFEST.MF", "com/acme/Greeter.class",
                "META-INF/services/com.acme.Greeter");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("com.acme.greeter");
        }
    }

    @Test
    void writes_no_manifest_when_asked() throws Exception {
        Path jar = TestJars.jar(tmp.resolve("bare.jar")).withoutManifest().entry("a.txt", "a").build();
        assertThat(entries(jar)).containsExactly("a.txt");
    }

    @Test
    void reports_javac_diagnostics_when_sources_do_not_compile() {
        assertThatThrownBy(() -> TestJars.compile(tmp.resolve("classes"), Map.of("A.java", "class A { int x = \"no\"; }")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("javac failed")
                .hasMessageContaining("incompatible types");
    }

    @Test
    void a_project_compiles_against_another_jar_and_loads_in_a_fixture_loader() throws Exception {
        Path api = TestJars.project(tmp).source("com/acme/spi/Greeter.java",
                "package com.acme.spi; public interface Greeter { String greet(String who); }").jar("api.jar");
        Path plugin = TestJars.project(tmp).classpath(api)
                .source("com/acme/Polite.java", """
                        package com.acme;
                        public class Polite implements com.acme.spi.Greeter {
                            public String greet(String who) { return "Good day, " + who; }
                        }
                        """)
                .resource("META-INF/services/com.acme.spi.Greeter", "com.acme.Polite\n")
                .manifest("Implementation-Version", "1.0")
                .jar("plugin-1.0.jar");

        assertThat(entries(plugin)).containsExactly("META-INF/MANIFEST.MF", "com/acme/Polite.class",
                "META-INF/services/com.acme.spi.Greeter");
        try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), api, plugin)) {
            Class<?> polite = loader.loadClass("com.acme.Polite");
            assertThat(polite.getMethod("greet", String.class).getParameters()[0].getName()).isEqualTo("who");
            assertThat(polite.getMethod("greet", String.class).invoke(polite.getConstructor().newInstance(), "host"))
                    .isEqualTo("Good day, host");
            assertThat(TestJars.locationOf(polite)).isEqualTo(plugin);
        }
    }

    @Test
    void a_project_with_a_module_declaration_compiles_as_a_module() throws Exception {
        Path jar = TestJars.project(tmp)
                .source("module-info.java", "module com.acme.greeter { exports com.acme; }")
                .source("com/acme/Greeter.java", "package com.acme; public class Greeter { }")
                .jar("greeter.jar");
        assertThat(entries(jar)).contains("module-info.class", "com/acme/Greeter.class");
    }
}
