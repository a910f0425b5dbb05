package io.importspy.enforce;

import io.importspy.contract.SpyModel;
import io.importspy.internal.contract.Contracts;
import io.importspy.testsupport.TestJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plugin that is a class directory is loaded from a private copy of what was validated: a class file
 * replaced after the check, directly or through a symbolic link whose target changes, never runs. The swap
 * happens while the next plugin is inspected, between the directory's check and its admission.
 */
class SnapshotIT {
    @TempDir
    static Path work;

    static Path compiled(String name, String body, Path marker) {
        return TestJars.compile(work.resolve(name), Map.of("com/acme/Hello.java", """
                package com.acme;
                public class Hello implements java.util.function.Supplier<String> {
                    static {
                        try { java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "%s"); }
                        catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                    }
                    %s
                    public String get() { return "%s"; }
                }""".formatted(marker.toString().replace("\\", "\\\\"), name, body, name)), "--release", "17");
    }

    static SpyModel contract() {
        return Contracts.parse("""
                importspy: 1
                classes:
                  - name: com.acme.Hello
                    methods: [{name: greet, parameters: [String], returns: String}]
                """, "plugin-contract.yml");
    }

    void swapWhileTheNextIsInspected(Path directory, Path classFile, Path rogue, Path marker) throws IOException {
        Path neighbour = TestJars.jar(work.resolve(directory.getFileName() + "-neighbour.jar"))
                .classes(compiled(directory.getFileName() + "-neighbour", "public String greet(String w) { return w; }",
                        work.resolve("neighbour-ran"))).build();
        GuardedLoader loader = GuardedLoader.of(contract()).withListener((target, live) -> {
            if (target.endsWith("-neighbour.jar")) {
                try {
                    Files.copy(rogue, classFile, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        try (GuardedServices.Loaded<Supplier> loaded = GuardedServices.load(Supplier.class,
                List.of(directory, neighbour), loader, GuardedServices.OnViolation.SKIP)) {
            assertThat(loaded.errors()).isEmpty();
            assertThat(loaded.plugins()).hasSize(2);
            assertThat(loaded.plugins().get(0).loadClass("com.acme.Hello").getMethods())
                    .anySatisfy(m -> assertThat(m.getName()).isEqualTo("greet"));
        }
        assertThat(Files.readAllBytes(classFile)).as("the swap happened").isEqualTo(Files.readAllBytes(rogue));
        assertThat(marker).as("the rogue class never ran").doesNotExist();
    }

    @Test
    void a_class_file_of_a_directory_replaced_after_its_check_never_runs() throws Exception {
        Path marker = work.resolve("swapped-ran");
        Path directory = compiled("swapped", "public String greet(String w) { return w; }", work.resolve("good-ran"));
        Path rogue = compiled("swapped-rogue", "", marker).resolve("com/acme/Hello.class");
        swapWhileTheNextIsInspected(directory, directory.resolve("com/acme/Hello.class"), rogue, marker);
    }

    @Test
    void a_class_file_reached_through_a_symbolic_link_is_pinned_too() throws Exception {
        Path marker = work.resolve("linked-ran");
        Path outside = compiled("linked-target", "public String greet(String w) { return w; }", work.resolve("l-ran"));
        Path directory = Files.createDirectories(work.resolve("linked/com/acme")).getParent().getParent();
        Files.createSymbolicLink(directory.resolve("com/acme/Hello.class"), outside.resolve("com/acme/Hello.class"));
        Path rogue = compiled("linked-rogue", "", marker).resolve("com/acme/Hello.class");
        swapWhileTheNextIsInspected(directory, outside.resolve("com/acme/Hello.class"), rogue, marker);
    }

    /**
     * A host that admits and drops plugins for as long as it runs: what it dropped leaves nothing behind, on disk
     * or in the JVM (no path registered to delete at exit per copy), and what it never closed is gone at exit.
     */
    @Test
    void a_long_running_host_keeps_nothing_per_dropped_plugin_and_exit_removes_the_rest() throws Exception {
        Path plugin = TestJars.jar(work.resolve("long-running.jar")).classes(compiled("long-running",
                "public String greet(String w) { return w; }", work.resolve("long-running-ran"))).build();
        Path tmp = Files.createDirectories(work.resolve("host-tmp"));
        Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.io=ALL-UNNAMED", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), LongRunningHost.class.getName(), plugin.toString(), "50")
                .redirectErrorStream(true).start();
        String output = new String(host.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(host.waitFor()).as(output).isZero();
        assertThat(output).as("paths registered with deleteOnExit after 50 plugins came and went").contains("registered 0");
        try (java.util.stream.Stream<Path> left = Files.walk(tmp)) {
            assertThat(left.filter(Files::isRegularFile)).as("copies left at exit").isEmpty();
        }
    }

    /** Admits and closes plugins, then admits one it never closes, and prints what deleteOnExit holds. */
    public static final class LongRunningHost {
        public static void main(String[] args) throws Exception {
            Path plugin = Path.of(args[0]);
            GuardedLoader loader = GuardedLoader.of(contract());
            for (int i = 0; i < Integer.parseInt(args[1]); i++) {
                try (GuardedPlugin admitted = loader.load(plugin)) {
                    admitted.loadClass("com.acme.Hello");
                }
            }
            GuardedPlugin kept = loader.load(plugin);
            kept.loadClass("com.acme.Hello");
            java.lang.reflect.Field files = Class.forName("java.io.DeleteOnExitHook").getDeclaredField("files");
            files.setAccessible(true);
            System.out.println("registered " + ((java.util.Collection<?>) files.get(null)).size());
        }
    }
}
