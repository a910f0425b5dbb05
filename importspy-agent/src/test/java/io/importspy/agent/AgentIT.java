package io.importspy.agent;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real JVMs started with {@code -javaagent:importspy-agent.jar}: a host with no ImportSpy code in it loads a
 * compliant and a rogue plugin through its own class loaders; the rogue static initializer never runs.
 */
class AgentIT {
    static final Path AGENT = Path.of(System.getProperty("importspy.agent.jar", "target/importspy-agent.jar"));

    @TempDir
    static Path work;
    static Path host;
    static Path marker;

    @BeforeAll
    static void build() throws Exception {
        marker = work.resolve("rogue-ran");
        host = jar("host.jar", Map.of("host/Main.java", """
                package host;
                public class Main {
                    public static void main(String[] args) throws Exception {
                        System.out.println("host started");
                        java.io.File[] jars = new java.io.File(args[0]).listFiles((d, n) -> n.endsWith(".jar"));
                        java.util.Arrays.sort(jars);
                        for (java.io.File jar : jars) {
                            java.net.URLClassLoader loader = new java.net.URLClassLoader(
                                    new java.net.URL[] {jar.toURI().toURL()}, Main.class.getClassLoader());
                            try {
                                for (Runnable plugin : java.util.ServiceLoader.load(Runnable.class, loader)) {
                                    plugin.run();
                                }
                            } catch (Throwable e) {
                                Throwable cause = e;
                                while (cause.getCause() != null) {
                                    cause = cause.getCause();
                                }
                                System.out.println("refused " + jar.getName() + ": " + cause.getClass().getName()
                                        + ": " + cause.getMessage().lines().findFirst().orElse(""));
                            }
                        }
                    }
                }
                """), Map.of());
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.move(jar("good.jar", Map.of("good/Plugin.java", """
                package good;
                public final class Plugin implements Runnable {
                    public void run() { System.out.println("good plugin works"); }
                }
                """), Map.of("META-INF/services/java.lang.Runnable", "good.Plugin\n")), plugins.resolve("good.jar"));
        Files.move(jar("rogue.jar", Map.of("rogue/Plugin.java", """
                package rogue;
                public class Plugin implements Runnable {
                    static {
                        try { java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran"); }
                        catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                    }
                    public void run() { System.out.println("rogue plugin runs"); }
                }
                """.formatted(marker.toString().replace("\\", "\\\\"))),
                Map.of("META-INF/services/java.lang.Runnable", "rogue.Plugin\n")), plugins.resolve("rogue.jar"));
        Files.writeString(work.resolve("plugin.yml"), """
                importspy: 1
                module:
                  services:
                    java.lang.Runnable: [good.Plugin]
                classes:
                  - name: good.Plugin
                    modifiers: [public, final]
                """);
        Files.writeString(work.resolve("policy.yml"), """
                importspy-policy: 1
                default: allow
                rules:
                  - match: {path: "plugins/*.jar"}
                    contract: plugin.yml
                """);
        Files.writeString(work.resolve("strict-policy.yml"), "importspy-policy: 1\ndefault: refuse\n");
    }

    @Test
    void a_rogue_plugin_of_a_host_without_importspy_never_runs_while_the_compliant_one_works() throws Exception {
        Path recording = work.resolve("verdicts.jfr");
        Run run = java("-javaagent:" + AGENT + "=policy=" + work.resolve("policy.yml"),
                "-XX:StartFlightRecording=filename=" + recording + ",dumponexit=true,settings=default",
                "-cp", host.toString(), "host.Main", work.resolve("plugins").toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("host started", "good plugin works")
                .contains("refused rogue.jar: java.lang.Error: ImportSpy refused " + work.resolve("plugins/rogue.jar")
                        + " (none of its code runs):")
                .doesNotContain("rogue plugin runs");
        assertThat(marker).as("the rogue static initializer never ran").doesNotExist();

        List<RecordedEvent> verdicts = RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().equals("io.importspy.Verdict")).toList();
        Map<String, String> byJar = verdicts.stream().collect(Collectors.toMap(
                e -> Path.of(e.getString("codeSource")).getFileName().toString(), e -> e.getString("verdict"),
                (a, b) -> a + "," + b));
        assertThat(byJar).containsEntry("good.jar", "admitted").containsEntry("rogue.jar", "refused");
        assertThat(verdicts).allSatisfy(e -> assertThat(e.getString("contract")).isNotBlank());
    }

    @Test
    void fail_fast_stops_the_jvm_before_main_with_the_report_on_stderr() throws Exception {
        Run run = java("-javaagent:" + AGENT + "=policy=" + work.resolve("strict-policy.yml") + ",fail-fast",
                "-cp", host.toString(), "host.Main", work.resolve("plugins").toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("host started");
        assertThat(run.err()).contains("ImportSpy refused " + host.toAbsolutePath())
                .contains("no rule of policy " + work.resolve("strict-policy.yml"))
                .contains("the application was not started (fail-fast)")
                .doesNotContain("at io.importspy");
    }

    @Test
    void a_bad_policy_is_one_located_line_and_exit_2() throws Exception {
        Path bad = Files.writeString(work.resolve("bad-policy.yml"), "importspy-policy: 1\ndefualt: allow\n");
        Run run = java("-javaagent:" + AGENT + "=policy=" + bad, "-cp", host.toString(), "host.Main",
                work.resolve("plugins").toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).doesNotContain("host started");
        assertThat(run.err()).contains("importspy-agent: " + bad + ":2:1: unknown key 'defualt' in the policy; "
                + "did you mean 'default'?").doesNotContain("Exception");
    }

    record Run(int exit, String out, String err) {
    }

    static Run java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the JVM did not finish in 120 s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    static Path jar(String name, Map<String, String> sources, Map<String, String> resources) throws IOException {
        Path dir = Files.createTempDirectory(work, "build");
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                out.putNextEntry(new JarEntry(resource.getKey()));
                out.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
