package io.importspy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core JAR as a JPMS module: a consumer on the module path compiles against the exported packages,
 * cannot compile against an internal one, and runs a validation (with the bundled ASM and SnakeYAML) and a
 * guarded plugin load.
 */
class ModularJarIT {
    private static Path jar;

    @BeforeAll
    static void findTheJar() {
        jar = Path.of(System.getProperty("importspy.core.jar", "target/importspy-core.jar"));
        assertThat(jar).as("the packaged core JAR (system property importspy.core.jar)").isRegularFile();
    }

    @Test
    void the_jar_is_module_io_importspy_core_exporting_only_the_api() {
        ModuleDescriptor descriptor = ModuleFinder.of(jar).find("io.importspy.core").orElseThrow().descriptor();
        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.exports()).allMatch(e -> !e.isQualified())
                .extracting(ModuleDescriptor.Exports::source).containsExactlyInAnyOrderElementsOf(ApiBoundaryTest.EXPORTED);
        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name).containsExactly("java.base");
        assertThat(descriptor.packages()).contains("io.importspy.internal.contract", "io.importspy.internal.asm");
    }

    @Test
    void a_module_compiles_and_runs_against_the_exported_packages(@TempDir Path dir) throws Exception {
        Path classes = compile(dir, """
                package consumer;

                import io.importspy.Spy;
                import io.importspy.contract.SpyModel;
                import io.importspy.enforce.GuardedPlugin;
                import io.importspy.validate.Report;
                import java.nio.file.Path;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        SpyModel model = Spy.contract(Path.of(args[0]));
                        Report report = Spy.validate(Path.of(args[1]), model);
                        System.out.print(report.isCompliant() ? "compliant" : "violated");
                        try (GuardedPlugin plugin = Spy.guardedLoader(Path.of(args[2])).load(Path.of(args[3]))) {
                            plugin.providers(Runnable.class).forEach(Runnable::run);
                        }
                    }
                }
                """).orElseThrowErrors();
        Path plugin = pluginJar(dir);
        Path pluginContract = Files.writeString(dir.resolve("plugin-contract.yml"), """
                importspy: 1
                module:
                  services:
                    java.lang.Runnable: [plugin.Task]
                classes:
                  - name: plugin.Task
                    implements: [Runnable]
                """);
        Path contract = Files.writeString(dir.resolve("spymodel.yml"), """
                importspy: 1
                classes:
                  - name: consumer.Main
                    methods:
                      - {name: main, parameters: ["String[]"], returns: void, modifiers: [public, static]}
                """);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", jar + java.io.File.pathSeparator + classes, "-m", "consumer/consumer.Main",
                contract.toString(), classes.toString(), pluginContract.toString(), plugin.toString())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).as("validated its own classes, then loaded a guarded plugin and ran its provider")
                .isEqualTo("compliant ran");
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void a_module_cannot_compile_against_an_internal_package(@TempDir Path dir) throws IOException {
        Compiled compiled = compile(dir, """
                package consumer;

                import io.importspy.internal.contract.Contracts;

                public class Main {
                    public static void main(String[] args) {
                        Contracts.read(java.nio.file.Path.of(args[0]));
                    }
                }
                """);
        assertThat(compiled.succeeded()).isFalse();
        assertThat(compiled.errors()).contains("package io.importspy.internal.contract is not visible");
    }

    /** A plugin JAR (class path, not a module) providing {@code java.lang.Runnable} with {@code plugin.Task}. */
    private static Path pluginJar(Path dir) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("plugin-src/plugin"));
        Path source = Files.writeString(sources.resolve("Task.java"), """
                package plugin;

                public class Task implements Runnable {
                    public void run() {
                        System.out.print(" ran");
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("plugin-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            assertThat(javac.getTask(null, files, null, List.of("-d", classes.toString(), "--release", "17"), null,
                    files.getJavaFileObjects(source)).call()).isTrue();
        }
        Path jar = dir.resolve("plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("plugin/Task.class"));
            out.write(Files.readAllBytes(classes.resolve("plugin/Task.class")));
            out.putNextEntry(new JarEntry("META-INF/services/java.lang.Runnable"));
            out.write("plugin.Task\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    /** Compiles module {@code consumer} (requiring io.importspy.core) with one class, {@code consumer.Main}. */
    private static Compiled compile(Path dir, String main) throws IOException {
        Path sources = dir.resolve("src");
        Files.createDirectories(sources.resolve("consumer"));
        Files.writeString(sources.resolve("module-info.java"), "module consumer { requires io.importspy.core; }\n");
        Files.writeString(sources.resolve("consumer/Main.java"), main);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--module-path", jar.toString(), "-d", classes.toString(), "--release", "17");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(
                    sources.resolve("module-info.java"), sources.resolve("consumer/Main.java"))).call();
            String errors = diagnostics.getDiagnostics().stream().map(d -> d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            return new Compiled(ok, errors, classes);
        }
    }

    private record Compiled(boolean succeeded, String errors, Path classes) {
        Path orElseThrowErrors() {
            assertThat(succeeded).as(errors).isTrue();
            return classes;
        }
    }
}
