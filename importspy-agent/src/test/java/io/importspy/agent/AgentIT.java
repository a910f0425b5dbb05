package io.importspy.agent;

import io.importspy.testsupport.Jvms;
import io.importspy.testsupport.Jvms.Run;
import io.importspy.testsupport.TestJars;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real JVMs started with {@code -javaagent:importspy-agent.jar}: a host with no ImportSpy code in it loads a
 * compliant and a rogue plugin through its own class loaders, and tries to run the rogue bytes by every other way
 * it knows; the rogue code never runs. Five JVMs in all, sharing one set of fixtures.
 */
class AgentIT {
    static final Path AGENT = Path.of(System.getProperty("importspy.agent.jar", "target/importspy-agent.jar"))
            .toAbsolutePath();

    @TempDir
    static Path work;
    static Path host;
    static Path blocked;
    static Path plugins;
    static Path rogue;
    static Path good;

    @BeforeAll
    static void build() throws IOException {
        host = TestJars.project(work).source("host/Main.java", resource("host/Main.java"))
                .jar("host.jar");
        blocked = TestJars.project(work)
                .source("blocked/Lib.java", rogueClass("blocked", "Lib", "")).jar("blocked.jar");
        plugins = Files.createDirectories(work.resolve("plugins"));
        good = Files.copy(TestJars.project(work).source("good/Plugin.java", """
                package good;
                public final class Plugin implements Runnable {
                    public void run() { System.out.println("good plugin works"); }
                }
                """).resource("META-INF/services/java.lang.Runnable", "good.Plugin\n").jar("good.jar"),
                plugins.resolve("good.jar"));
        rogue = Files.copy(TestJars.project(work)
                .source("rogue/Plugin.java", rogueClass("rogue", "Plugin", "implements Runnable"))
                .source("rogue/Helper.java", rogueClass("rogue", "Helper", ""))
                .source("rogue/Hidden.java", rogueClass("rogue", "Hidden", ""))
                .resource("META-INF/services/java.lang.Runnable", "rogue.Plugin\n").jar("rogue.jar"),
                plugins.resolve("rogue.jar"));
        Files.copy(rogue, plugins.resolve("rogue-copy.jar"));
        Files.writeString(work.resolve("plugin.yml"), """
                importspy: 1
                module:
                  services:
                    java.lang.Runnable: [good.Plugin]
                classes:
                  - name: good.Plugin
                    modifiers: [public, final]
                """);
        for (String mode : List.of("enforce", "audit")) {
            Files.writeString(work.resolve(mode + "-policy.yml"), """
                    importspy-policy: 1
                    default: allow
                    rules:
                      - match: {path: "plugins/*.jar"}
                        contract: plugin.yml
                        mode: %s
                      - match: {path: "blocked.jar"}
                        contract: plugin.yml
                        mode: %s
                    """.formatted(mode, mode));
        }
        Files.writeString(work.resolve("strict-policy.yml"), "importspy-policy: 1\ndefault: refuse\n");
    }

    /** A class whose static initializer, were it ever run, appends its name to the marker file. */
    static String rogueClass(String pkg, String name, String supertypes) {
        return """
                package %s;
                public class %s %s {
                    static {
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("marker")),
                                    "%s.%s ran\\n", java.nio.file.StandardOpenOption.CREATE,
                                    java.nio.file.StandardOpenOption.APPEND);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                    public void run() { System.out.println("rogue plugin runs"); }
                }
                """.formatted(pkg, name, supertypes, pkg, name);
    }

    /** The first JVM, with an empty start-up cache; {@link #a_warm_start_reads_the_verdicts_of_the_cache} reruns it. */
    static Run enforced(String name) throws Exception {
        return java(java17(), "-javaagent:" + AGENT + "=policy=" + work.resolve("enforce-policy.yml") + ",cache="
                        + work.resolve("cache"), "-Dmarker=" + work.resolve(name + "-marker"),
                "-XX:StartFlightRecording=filename=" + work.resolve(name + ".jfr") + ",settings=default",
                "-cp", host + java.io.File.pathSeparator + blocked, "host.Main", plugins.toString(), rogue.toString(),
                good.toString());
    }

    static Run cold;

    static synchronized Run cold() throws Exception {
        if (cold == null) {
            cold = enforced("cold");
        }
        return cold;
    }

    @Test
    void a_rogue_plugin_of_a_host_without_importspy_never_runs_while_the_compliant_one_works() throws Exception {
        Run run = cold();

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(work.resolve("cold-marker")).as("no rogue static initializer ran: " + run).doesNotExist();
        assertThat(run.out()).contains("host started", "good plugin works", "plugin good.jar: ran", "host done")
                .doesNotContain("rogue plugin runs")
                .contains("plugin rogue.jar: java.lang.Error: ImportSpy refused " + rogue + " (")
                .contains("plugin rogue-copy.jar: java.lang.Error: ImportSpy refused " + plugins.resolve("rogue-copy.jar"))
                .contains("second loader: java.lang.Error: ImportSpy refused " + rogue + " (")
                .contains("class path: java.lang.Error: ImportSpy refused " + blocked + " (none of its code runs):");
    }

    @Test
    void the_rogue_bytes_stay_refused_whatever_way_the_host_defines_them() throws Exception {
        Run run = cold();

        assertThat(work.resolve("cold-marker")).as(run.toString()).doesNotExist();
        String unchecked = "(none of its code runs): no checkable code source accounts for it; start the agent with "
                + "unchecked=allow to admit such code";
        assertThat(run.out().lines().filter(l -> l.contains(": ran"))).containsExactly("plugin good.jar: ran");
        assertThat(run.out())
                .contains("jar url: java.lang.Error: ImportSpy refused " + rogue + " (")
                .contains("lookup define: java.lang.Error: ImportSpy refused " + rogue + " (")
                .containsPattern("no code source: java.lang.Error: ImportSpy refused classes defined by class loader "
                        + "host.Main\\$Forger@\\w+ with no code source " + java.util.regex.Pattern.quote(unchecked))
                .contains("forged code source: java.lang.Error: ImportSpy refused rogue.Plugin, which is in no package "
                        + "of " + good + ", the code source its class loader claims for it " + unchecked)
                .contains("from http://plugins.example/rogue.jar, which is no local file " + unchecked)
                .contains("that claim the JDK's code source jrt:/java.base " + unchecked)
                // a hidden class needs a full-privilege lookup, which only the stub's own (never run) code could make
                .contains("hidden class: java.lang.IllegalAccessException: rogue.Plugin/host.Main does not have full "
                        + "privilege access");
    }

    @Test
    void one_jfr_event_per_verdict_and_each_jar_checked_once_whatever_the_number_of_loaders() throws Exception {
        cold();

        List<RecordedEvent> verdicts = verdicts(work.resolve("cold.jfr"));
        assertThat(verdicts).allSatisfy(e -> {
            assertThat(e.getString("contract")).isNotBlank();
            if (e.getString("digest").startsWith("sha256:") && !e.getBoolean("cached")) {
                assertThat(e.getLong("checkTime")).as("check time of %s", e).isPositive();
            }
        });
        assertThat(summary(verdicts)).containsExactlyInAnyOrder(
                "host.jar admitted checked",
                "blocked.jar refused checked",
                "good.jar admitted checked",
                "rogue-copy.jar refused checked",
                "rogue.jar refused checked", // the same bytes as rogue-copy.jar, under another file name
                "no code source refused checked",
                "http://plugins.example/rogue.jar refused checked",
                "jrt:/java.base refused checked");
        RecordedEvent copy = verdicts.stream().filter(e -> e.getString("codeSource").endsWith("rogue-copy.jar"))
                .findFirst().orElseThrow();
        assertThat(copy.getString("digest")).startsWith("sha256:").hasSize(71);
        assertThat(copy.getString("contract")).isEqualTo(work.resolve("plugin.yml").toString());
        assertThat(copy.getLong("checkTime")).isPositive();
    }

    @Test
    void a_warm_start_reads_the_verdicts_of_the_cache() throws Exception {
        cold();
        Run warm = enforced("warm");

        assertThat(warm.exit()).as(warm.toString()).isZero();
        assertThat(work.resolve("warm-marker")).doesNotExist();
        assertThat(hostLines(warm)).isEqualTo(hostLines(cold()));
        assertThat(summary(verdicts(work.resolve("warm.jfr")))).contains("host.jar admitted cached",
                "blocked.jar refused cached", "good.jar admitted checked", "rogue-copy.jar refused checked");
    }

    @Test
    void the_cache_keeps_each_entry_in_one_file_that_only_its_owner_may_read() throws Exception {
        cold();

        List<Path> files;
        try (java.util.stream.Stream<Path> listed = Files.list(work.resolve("cache"))) {
            files = listed.toList();
        }
        assertThat(files).isNotEmpty().allSatisfy(file -> {
            assertThat(file.getFileName().toString()).endsWith(".verdicts"); // no file it was written to first is left
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        });
    }

    @Test
    void fail_fast_stops_the_jvm_before_main_with_the_reports_on_stderr() throws Exception {
        Run run = java(java17(), "-javaagent:" + AGENT + "=policy=" + work.resolve("strict-policy.yml") + ",fail-fast",
                "-Dmarker=" + work.resolve("fail-fast-marker"), "-cp", host.toString(),
                "host.Main", plugins.toString(), rogue.toString(), good.toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("host started");
        assertThat(run.err()).contains("ImportSpy refused " + host + " (none of its code runs):")
                .contains("no rule of policy " + work.resolve("strict-policy.yml"))
                .contains("importspy-agent: 1 code source is refused by " + work.resolve("strict-policy.yml")
                        + "; the application was not started (fail-fast)")
                .doesNotContain("\tat ");
    }

    @Test
    void a_bad_policy_is_one_located_line_and_exit_2() throws Exception {
        Path bad = Files.writeString(work.resolve("bad-policy.yml"), "importspy-policy: 1\ndefualt: allow\n");
        Run run = java(java17(), "-javaagent:" + AGENT + "=policy=" + bad, "-cp", host.toString(), "host.Main",
                plugins.toString(), rogue.toString(), good.toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).doesNotContain("host started");
        assertThat(run.err()).isEqualTo("importspy-agent: " + bad + ":1:1: missing 'default'; say what happens to "
                + "code no rule matches: 'default: refuse', 'default: audit' or 'default: allow'\n"
                + "importspy-agent: " + bad + ":2:1: unknown key 'defualt' in the policy; did you mean 'default'?\n");
    }

    /**
     * An extension on the class path would run before the class path is checked: the agent uses none, so a
     * contract that needs one is refused before main, and the extension's code never runs.
     */
    @Test
    void runs_no_extension_from_the_class_path_it_checks_and_refuses_a_contract_that_needs_one() throws Exception {
        String trap = rogueClass("trap", "Section", "implements io.importspy.spi.Extension.Section<String>")
                .replace("    public void run() { System.out.println(\"rogue plugin runs\"); }", """
                            public String key() { return "x-trap"; }
                            public Class<String> section() { return String.class; }
                            public String read(io.importspy.spi.Extension.Node node,
                                    io.importspy.spi.Extension.Errors errors) { return "read"; }
                            public void check(String section, Facts facts, Sink sink) { }
                        """);
        Path extension = TestJars.project(work).classpath(TestJars.locationOf(io.importspy.spi.Extension.class))
                .source("trap/Section.java", trap)
                .resource("META-INF/services/io.importspy.spi.Extension", "trap.Section\n").jar("trap.jar");
        Path contract = Files.writeString(work.resolve("trap.yml"), "importspy: 1\nx-trap: yes\n");
        Path policy = Files.writeString(work.resolve("trap-policy.yml"), """
                importspy-policy: 1
                default: allow
                rules:
                  - match: {path: "plugins/*.jar"}
                    contract: trap.yml
                """);
        Run run = java(java17(), "-javaagent:" + AGENT + "=policy=" + policy, "-Dmarker=" + work.resolve("trap-marker"),
                "-cp", host + java.io.File.pathSeparator + extension, "host.Main", plugins.toString(),
                rogue.toString(), good.toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).doesNotContain("host started");
        assertThat(run.err()).isEqualTo("importspy-agent: " + contract + ":2:1: no extension provides 'x-trap' (looked"
                + " in nowhere: extensions are off here); add the JAR of the extension that owns it with --extensions or"
                + " to the class path, or remove the section\n");
        assertThat(work.resolve("trap-marker")).as("the extension's code never ran").doesNotExist();
    }

    @Test
    void on_jdk_25_audit_mode_logs_the_findings_through_system_logger_and_admits() throws Exception {
        Path jdk25 = jdk25();
        Path marker = work.resolve("audit-marker");
        Run run = java(jdk25, "-javaagent:" + AGENT + "=policy=" + work.resolve("audit-policy.yml"),
                "-Dmarker=" + marker, "-cp", host + java.io.File.pathSeparator + blocked, "host.Main",
                plugins.toString(), rogue.toString(), good.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("good plugin works", "plugin rogue.jar: ran", "rogue plugin runs",
                "class path: ran");
        // the control: admitted, the rogue code does run; refused code with no checkable source still does not
        assertThat(Files.readAllLines(marker)).contains("rogue.Plugin ran", "rogue.Helper ran", "blocked.Lib ran");
        assertThat(run.out()).contains("no code source: java.lang.Error: ImportSpy refused");
        assertThat(run.err()).contains("WARNING: importspy audit: " + rogue + ": ")
                .contains("WARNING: importspy audit: " + blocked + ": ");
    }

    static Path jdk25() {
        Optional<Path> jdk25 = Jvms.jdk25();
        org.junit.jupiter.api.Assumptions.assumeTrue(jdk25.isPresent(), "no JDK 25: set -Dimportspy.jdk25=/path/to/jdk-25");
        return jdk25.get();
    }

    /** What the host printed, without JFR's start-up lines and the class loaders' identity hash codes. */
    static List<String> hostLines(Run run) {
        return run.out().lines().filter(l -> !l.startsWith("[")).map(l -> l.replaceAll("@\\w+", "")).toList();
    }

    static List<RecordedEvent> verdicts(Path recording) throws IOException {
        return RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().equals("io.importspy.Verdict")).toList();
    }

    /** Each event as "code-source verdict checked|cached", a file by its name, code with no location so. */
    static List<String> summary(List<RecordedEvent> verdicts) {
        return verdicts.stream().map(e -> {
            String source = e.getString("codeSource");
            String name = source.contains("with no code source") ? "no code source"
                    : source.contains(" from ") ? source.replaceAll(".* from (\\S+),.*", "$1")
                    : source.contains("claim the JDK") ? source.replaceAll(".*code source (\\S+)$", "$1")
                    : Path.of(source).getFileName().toString();
            return name + " " + e.getString("verdict") + (e.getBoolean("cached") ? " cached" : " checked");
        }).toList();
    }

    static Path java17() {
        return Jvms.current();
    }

    static Run java(Path java, String... args) {
        return Jvms.run(java, work, args);
    }

    static String resource(String name) {
        try (var in = AgentIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
