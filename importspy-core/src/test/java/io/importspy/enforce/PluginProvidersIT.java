package io.importspy.enforce;

import io.importspy.contract.SpyModel;
import io.importspy.internal.contract.Contracts;
import io.importspy.testsupport.TestJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Instantiating the providers of admitted plugins: a plugin's library with a broken {@code META-INF/services}
 * file, or a provider that fails, never takes the other plugins down under SKIP, and every message names the
 * plugin as the host gave it.
 */
class PluginProvidersIT {
    @TempDir
    static Path work;

    static Path plugin(Path directory, String name, String body) {
        String marker = work.resolve(name + "-ran").toString().replace("\\", "\\\\");
        Path classes = TestJars.compile(work.resolve(name + "-classes"), Map.of("com/acme/Hello.java", """
                package com.acme;
                public class Hello implements java.util.function.Supplier<String> {
                    static {
                        try { java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran"); }
                        catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                    }
                    %s
                    public String get() { return "%s"; }
                }""".formatted(marker, body, name)), "--release", "17");
        return TestJars.jar(directory.resolve(name + ".jar")).classes(classes)
                .entry("META-INF/services/java.util.function.Supplier", "com.acme.Hello\n").build();
    }

    static SpyModel contract() {
        return Contracts.parse("""
                importspy: 1
                module:
                  services:
                    java.util.function.Supplier: [com.acme.Hello]
                """, "plugin-contract.yml");
    }

    @Test
    void a_library_with_a_broken_services_file_does_not_take_the_plugins_down() throws Exception {
        Path directory = Files.createDirectories(work.resolve("broken-library"));
        plugin(directory, "a-first", "");
        plugin(directory, "b-second", "");
        Path libraries = Files.createDirectories(directory.resolve("a-first.lib"));
        TestJars.jar(libraries.resolve("broken.jar"))
                .entry("META-INF/services/java.util.function.Supplier", "com.nothere.Missing\nnot a name!\n")
                .entry("com/bad/Broken.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 1})
                .build();

        try (GuardedServices.Loaded<Supplier> loaded = GuardedServices.fromDirectory(Supplier.class, directory,
                GuardedLoader.of(contract()), GuardedServices.OnViolation.SKIP)) {
            assertThat(loaded.errors()).isEmpty();
            assertThat(loaded.providers()).extracting(Supplier::get).containsExactly("a-first", "b-second");
        }
        assertThat(work.resolve("a-first-ran")).exists();
        assertThat(work.resolve("b-second-ran")).exists();
    }

    @Test
    void a_provider_that_fails_is_refused_under_skip_naming_the_users_path() throws Exception {
        Path directory = Files.createDirectories(work.resolve("failing-provider"));
        Path failing = plugin(directory, "a-failing", "public Hello() { throw new IllegalStateException(\"no\"); }");
        plugin(directory, "b-good", "");

        try (GuardedServices.Loaded<Supplier> loaded = GuardedServices.fromDirectory(Supplier.class, directory,
                GuardedLoader.of(contract()), GuardedServices.OnViolation.SKIP)) {
            assertThat(loaded.providers()).extracting(Supplier::get).containsExactly("b-good");
            assertThat(loaded.plugins()).hasSize(1);
            assertThat(loaded.refused()).containsExactly(failing);
            assertThat(loaded.errors().get(failing)).isEqualTo("plugin '" + failing + "': provider com.acme.Hello of"
                    + " java.util.function.Supplier cannot be instantiated (java.lang.IllegalStateException: no)");
        }
        assertThatThrownBy(() -> GuardedServices.fromDirectory(Supplier.class, directory,
                GuardedLoader.of(contract()), GuardedServices.OnViolation.FAIL))
                .isInstanceOf(ServiceConfigurationError.class)
                .hasMessageStartingWith("plugin '" + failing + "'").hasMessageNotContaining("importspy-guarded-");
    }

    @Test
    void a_declared_provider_of_the_parent_is_left_out_and_a_non_subtype_is_an_error() throws Exception {
        Path directory = Files.createDirectories(work.resolve("declared"));
        Path classes = TestJars.compile(work.resolve("declared-classes"), Map.of("com/acme/Hello.java",
                "package com.acme; public class Hello { }"), "--release", "17");
        Path plugin = TestJars.jar(directory.resolve("declared.jar")).classes(classes)
                .entry("META-INF/services/java.util.function.Supplier",
                        "com.acme.Hello\n" + PluginProvidersIT.class.getName() + "\n").build();
        try (GuardedPlugin loaded = GuardedLoader.of(contract()).load(plugin)) {
            assertThatThrownBy(() -> loaded.providers(Supplier.class)).isInstanceOf(ServiceConfigurationError.class)
                    .hasMessage("plugin '" + plugin + "': provider com.acme.Hello of java.util.function.Supplier"
                            + " cannot be instantiated (java.lang.ClassCastException: not a subtype of"
                            + " java.util.function.Supplier)");
        }
    }
}
