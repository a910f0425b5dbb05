package io.importspy.agent;

import io.importspy.testsupport.Jvms;
import io.importspy.testsupport.Jvms.Run;
import io.importspy.testsupport.TestJars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real JVMs started with the agent, where a refused JAR's code would reach the JVM by a way the transformer might
 * not see as that JAR's: bytes defined without a name, the boot class path (which gives classes no protection
 * domain), a path whose {@code ..} follows a symbolic link. Every rogue class writes the marker file when it runs.
 */
class AgentEvasionIT {
    @TempDir
    static Path work;
    static Path host;
    static Path rogue;
    static Path policy;

    @BeforeAll
    static void build() throws IOException {
        host = TestJars.project(work).source("evasion/Host.java", AgentIT.resource("evasion/Host.java"))
                .manifest("Premain-Class", "evasion.Host").jar("host.jar");
        Files.createDirectories(work.resolve("plugins"));
        Files.createDirectories(work.resolve("lib"));
        rogue = Files.move(TestJars.project(work)
                .source("rogue/Plugin.java", AgentIT.rogueClass("rogue", "Plugin", "implements Runnable"))
                .jar("rogue.jar"), work.resolve("plugins/rogue.jar"));
        policy = Files.writeString(work.resolve("policy.yml"), """
                importspy-policy: 1
                default: refuse
                rules:
                  - match: {path: "host.jar"}
                    mode: allow
                  - match: {path: "lib/*.jar"}
                    mode: allow
                  - match: {path: "checked/*.jar"}
                    contract: checked.yml
                """);
        Files.writeString(work.resolve("checked.yml"), """
                importspy: 1
                classes:
                  - name: late.Good
                    modifiers: [public]
                """);
    }

    @Test
    void bytes_defined_without_a_name_are_named_by_their_bytes_and_refused() throws Exception {
        Run run = host(List.of("unnamed", "unnamed without code source"));

        assertThat(work.resolve("unnamed-marker")).as(run.toString()).doesNotExist();
        assertThat(run.out()).contains("unnamed: java.lang.Error: ImportSpy refused " + rogue + " (none of its code runs)")
                .containsPattern("unnamed without code source: java.lang.Error: ImportSpy refused classes defined by "
                        + "class loader evasion.Host\\$Forger@\\w+ with no code source \\(none of its code runs\\)");
    }

    @Test
    void a_class_another_loader_defines_under_the_agents_own_protection_domain_is_judged_not_admitted_as_the_agents()
            throws Exception {
        // the host is also an agent (after ImportSpy's), which finds the domain of ImportSpy's classes
        Run run = host(List.of("agent's domain", "unnamed"), "-javaagent:" + host);

        assertThat(work.resolve("agent's-marker")).as(run.toString()).doesNotExist();
        assertThat(run.out()).as(run.toString()).contains("agent's domain: java.lang.Error: ImportSpy refused "
                + CodeSources.resolved(AgentIT.AGENT) + " (none of its code runs)")
                // the agent's own classes, defined under that domain after it, still pass
                .contains("unnamed: java.lang.Error: ImportSpy refused " + rogue + " (none of its code runs)");
    }

    @Test
    void a_refused_application_cannot_start_an_agent_from_the_boot_class_path_it_names() throws Exception {
        Path starter = Files.move(TestJars.project(work).source("boot/Starter.java", """
                package boot;
                public class Starter {
                    static {
                        try {
                            java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("marker")),
                                    "boot.Starter ran\\n");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                    public static void agentmain(String options, java.lang.instrument.Instrumentation instrumentation) {
                        System.out.println("an agent from the boot class path runs");
                    }
                }
                """).jar("starter.jar"), work.resolve("plugins/starter.jar"));
        Path app = Files.move(TestJars.project(work)
                .source("app/Main.java", "package app; public class Main { public static void main(String[] a) {"
                        + " System.out.println(\"app runs\"); } }")
                .manifest("Main-Class", "app.Main")
                .manifest("Launcher-Agent-Class", "boot.Starter")
                .manifest("Boot-Class-Path", starter.getFileName().toString())
                .jar("app.jar"), work.resolve("plugins/app.jar"));
        Path marker = work.resolve("launcher-marker");

        Run run = java("-javaagent:" + AgentIT.AGENT + "=policy=" + policy, "-Dmarker=" + marker, "-jar",
                app.toString());

        assertThat(marker).as(run.toString()).doesNotExist();
        assertThat(run.out()).doesNotContain("an agent from the boot class path runs", "app runs");
        assertThat(run.err()).contains("ImportSpy refused " + app + " (none of its code runs)")
                .contains("ImportSpy refused classes the boot class loader defines outside the JDK's modules");
    }

    @Test
    void a_jar_of_the_boot_class_path_is_checked_as_any_other_code_source() throws Exception {
        Path refused = Files.move(TestJars.project(work).source("boot/Lib.java", AgentIT.rogueClass("boot", "Lib", ""))
                .jar("boot-lib.jar"), work.resolve("plugins/boot-lib.jar"));
        Path admitted = Files.copy(refused, work.resolve("lib/boot-lib.jar"));
        Path marker = work.resolve("boot-marker");

        Run refusedRun = java("-Xbootclasspath/a:" + refused, "-javaagent:" + AgentIT.AGENT + "=policy=" + policy,
                "-Dmarker=" + marker, "-Drogue=" + rogue, "-cp", host.toString(), "evasion.Host", "boot class path");
        assertThat(marker).as(refusedRun.toString()).doesNotExist();
        assertThat(refusedRun.out()).contains("boot class path: java.lang.Error: ImportSpy refused " + refused
                + " (none of its code runs)");

        // the control: the same bytes where the policy allows them do run
        Run admittedRun = java("-Xbootclasspath/a:" + admitted, "-javaagent:" + AgentIT.AGENT + "=policy=" + policy,
                "-Dmarker=" + marker, "-Drogue=" + rogue, "-cp", host.toString(), "evasion.Host", "boot class path");
        assertThat(admittedRun.out()).as(admittedRun.toString()).contains("boot class path: ran");
        assertThat(Files.readString(marker)).isEqualTo("boot.Lib ran\n");
    }

    @Test
    void a_class_path_jar_replaced_after_the_start_up_check_is_judged_by_the_file_its_loader_opens() throws Exception {
        Path late = Files.move(TestJars.project(work).source("late/Good.java", "package late; public class Good { }")
                .jar("late.jar"), Files.createDirectories(work.resolve("checked")).resolve("late.jar"));
        Path replacement = TestJars.project(work).source("late/Rogue.java", AgentIT.rogueClass("late", "Rogue", ""))
                .jar("late-rogue.jar");
        Path marker = work.resolve("replaced-marker");

        // the class path's loader opens late.jar when a class is first looked for in it, after the host replaced it
        Run run = java("-javaagent:" + AgentIT.AGENT + "=policy=" + policy, "-Dmarker=" + marker, "-Drogue=" + rogue,
                "-Dlate=" + late, "-Dreplacement=" + replacement, "-cp", host + java.io.File.pathSeparator + late,
                "evasion.Host", "replaced after the check");

        assertThat(marker).as(run.toString()).doesNotExist();
        assertThat(run.out()).contains("replaced after the check: java.lang.Error: ImportSpy refused " + late
                + " (none of its code runs)");
    }

    /** A premain that, run instead of ImportSpy's, leaves the JVM unguarded and writes the marker. */
    static String standIn(String pkg, String name) {
        return (pkg.isEmpty() ? "" : "package " + pkg + ";\n") + """
                public class %s {
                    public static void premain(String options, java.lang.instrument.Instrumentation instrumentation)
                            throws java.io.IOException {
                        java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("marker")),
                                "%s ran instead of the agent\\n");
                    }
                }
                """.formatted(name, name);
    }

    @Test
    void no_jar_of_the_class_path_stands_in_for_the_agent() throws Exception {
        Path standIn = Files.move(TestJars.project(work)
                .source("io/importspy/agent/Agent.java", standIn("io.importspy.agent", "Agent"))
                .source("ImportSpyAgent.java", standIn("", "ImportSpyAgent"))
                .jar("stand-in.jar"), work.resolve("plugins/stand-in.jar"));
        Path marker = work.resolve("stand-in-marker");

        Run run = java("-javaagent:" + AgentIT.AGENT + "=policy=" + policy + ",fail-fast", "-Dmarker=" + marker,
                "-Drogue=" + rogue, "-cp", host + java.io.File.pathSeparator + standIn, "evasion.Host", "unnamed");

        assertThat(marker).as(run.toString()).doesNotExist();
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("ImportSpy refused " + standIn + " (none of its code runs)",
                "importspy-agent: 1 code source is refused by " + policy);
    }

    @Test
    void no_module_of_the_module_path_stands_in_for_the_agent() throws Exception {
        // a module that provides a service java.base uses is resolved into the boot layer unasked
        Path standIn = Files.move(TestJars.project(work)
                .source("module-info.java", "module stand.in { requires java.instrument; "
                        + "provides java.nio.charset.spi.CharsetProvider with stand.in.Charsets; }")
                .source("io/importspy/agent/Agent.java", standIn("io.importspy.agent", "Agent"))
                .source("stand/in/Charsets.java", """
                        package stand.in;
                        public class Charsets extends java.nio.charset.spi.CharsetProvider {
                            public java.util.Iterator<java.nio.charset.Charset> charsets() {
                                return java.util.Collections.emptyIterator();
                            }
                            public java.nio.charset.Charset charsetForName(String name) {
                                return null;
                            }
                        }
                        """)
                .jar("stand-in-module.jar"), work.resolve("plugins/stand-in-module.jar"));
        Path marker = work.resolve("module-marker");

        Run run = java("-javaagent:" + AgentIT.AGENT + "=policy=" + policy + ",fail-fast", "-Dmarker=" + marker,
                "-Drogue=" + rogue, "--module-path", standIn.toString(), "-cp", host.toString(), "evasion.Host",
                "unnamed");

        assertThat(marker).as(run.toString()).doesNotExist();
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("ImportSpy refused " + standIn + " (none of its code runs)");
    }

    @Test
    void the_agent_under_another_file_name_stops_the_jvm_rather_than_run_where_a_jar_could_stand_in_for_it()
            throws Exception {
        Path renamed = Files.copy(AgentIT.AGENT, work.resolve("renamed-agent.jar"));

        Run run = java("-javaagent:" + renamed + "=policy=" + policy, "-Drogue=" + rogue, "-cp", host.toString(),
                "evasion.Host", "unnamed");

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("importspy-agent: the agent JAR must be named importspy-agent.jar: its "
                + "manifest puts that file on the boot class path, where no JAR of the application can stand in for "
                + "the agent\n");
    }

    @Test
    void a_dot_dot_after_a_symbolic_link_is_judged_where_it_leads() throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("elsewhere/plugins"));
        Files.createDirectories(work.resolve("elsewhere/lib"));
        Path real = Files.move(TestJars.project(work).source("tool/Lib.java", AgentIT.rogueClass("tool", "Lib", ""))
                .jar("tool-rogue.jar"), work.resolve("elsewhere/lib/tool.jar"));
        Files.move(TestJars.project(work).source("tool/Lib.java", "package tool; public class Lib { }")
                .jar("tool.jar"), work.resolve("lib/tool.jar"));
        Files.createSymbolicLink(work.resolve("link"), elsewhere);
        // the text says lib/tool.jar, which the policy allows; the file system opens elsewhere/lib/tool.jar
        String url = work.toUri() + "link/../lib/tool.jar";

        Run run = host(List.of("dot dot after a link"), "-Ddotdot=" + url);

        assertThat(work.resolve("dot-marker")).as(run.toString()).doesNotExist();
        assertThat(run.out()).contains("dot dot after a link: java.lang.Error: ImportSpy refused " + real
                + " (none of its code runs)");
    }

    /**
     * A JAR the policy admits that holds the rogue JAR's package, so that the rogue classes would pass the package
     * check were the rogue JAR judged as that one.
     */
    static Path lookalike(String name) throws IOException {
        return Files.move(TestJars.project(work).source("rogue/Good.java", "package rogue; public class Good { }")
                .jar(name), work.resolve("lib/" + name));
    }

    @Test
    void a_jar_whose_link_changed_after_its_loader_opened_it_is_judged_by_the_file_the_loader_reads() throws Exception {
        Path admitted = lookalike("lookalike.jar");
        Path link = Files.createSymbolicLink(work.resolve("plugins/current.jar"), rogue);

        // the host's loader opens the rogue JAR through the link; the link then names an admitted JAR
        Run run = host(List.of("link changed after its loader opened it"), "-Dlink=" + link, "-Dadmitted=" + admitted);

        assertThat(work.resolve("link-marker")).as(run.toString()).doesNotExist();
        assertThat(run.out()).contains("link changed after its loader opened it: java.lang.Error: ImportSpy refused "
                + admitted + " (none of its code runs): the JAR class loader java.net.URLClassLoader@");
        assertThat(run.out()).contains("reads its classes from is not the file at that path now");
    }

    @Test
    void a_class_path_link_is_read_where_it_led_when_the_jvm_started_and_judged_there() throws Exception {
        Path admitted = lookalike("cp-lookalike.jar");
        Path link = Files.createSymbolicLink(work.resolve("plugins/cp-current.jar"), rogue);
        Path marker = work.resolve("cp-link-marker");

        // the class path's loader resolves the link when the JVM starts, and keeps reading the rogue JAR
        Run run = java("-javaagent:" + AgentIT.AGENT + "=policy=" + policy, "-Dmarker=" + marker, "-Drogue=" + rogue,
                "-Dlink=" + link, "-Dadmitted=" + admitted, "-cp", host + java.io.File.pathSeparator + link,
                "evasion.Host", "class path link changed after its loader opened it");

        assertThat(marker).as(run.toString()).doesNotExist();
        assertThat(run.out()).contains("class path link changed after its loader opened it: java.lang.Error: ImportSpy "
                + "refused " + rogue + " (none of its code runs)");
    }

    /**
     * A JDK 25 AOT cache of an application whose class path held {@code rogue.jar} when it was admitted, made
     * with or without AOT class linking ({@code linking}); returns the options that use it.
     */
    static List<String> aotCache(Path jdk, String name, Path app, boolean linking) throws IOException {
        Path allowAll = Files.writeString(work.resolve("allow-all.yml"), "importspy-policy: 1\ndefault: allow\n");
        String classPath = app + java.io.File.pathSeparator + rogue;
        Path config = work.resolve(name + ".aotconf");
        Path cache = work.resolve(name + ".aot");
        Run record = Jvms.run(jdk, work, "-XX:AOTMode=record", "-XX:AOTConfiguration=" + config,
                "-javaagent:" + AgentIT.AGENT + "=policy=" + allowAll, "-Dmarker=" + work.resolve(name + "-training"),
                "-cp", classPath, "aot.Main");
        assertThat(record.out()).as(record.toString()).contains("aot.Main: rogue.Plugin initialized");
        Run create = Jvms.run(jdk, work, "-XX:AOTMode=create", "-XX:" + (linking ? "+" : "-") + "AOTClassLinking",
                "-XX:AOTConfiguration=" + config, "-XX:AOTCache=" + cache, "-Xbootclasspath/a:" + AgentIT.AGENT,
                "--add-modules", "java.instrument", "-cp", classPath);
        assertThat(create.exit()).as(create.toString()).isZero();
        return List.of("-XX:AOTCache=" + cache, "-Xlog:aot=error", "-cp", classPath);
    }

    static Path aotApp() throws IOException {
        Path app = work.resolve("lib/aot-app.jar");
        if (!Files.exists(app)) {
            Files.move(TestJars.project(work).source("aot/Main.java", """
                    package aot;
                    public class Main {
                        public static void main(String[] args) {
                            try {
                                Class.forName("rogue.Plugin");
                                System.out.println("aot.Main: rogue.Plugin initialized");
                            } catch (Throwable e) {
                                System.out.println("aot.Main: " + e);
                            }
                        }
                    }
                    """).jar("aot-app.jar"), app);
        }
        return app;
    }

    @Test
    void classes_an_aot_cache_defines_before_the_agent_runs_stop_the_jvm_when_refused() throws Exception {
        Path jdk = AgentIT.jdk25();
        List<String> args = new ArrayList<>(aotCache(jdk, "linked", aotApp(), true));
        Path marker = work.resolve("aot-linked-marker");
        args.addAll(0, List.of("-javaagent:" + AgentIT.AGENT + "=policy=" + policy, "-Dmarker=" + marker));
        args.add("aot.Main");

        Run run = Jvms.run(jdk, work, args.toArray(String[]::new));

        assertThat(marker).as(run.toString()).doesNotExist();
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("aot.Main");
        assertThat(run.err()).contains("importspy-agent: rogue.Plugin: ImportSpy refused " + rogue)
                .contains("defined before the agent started, where it cannot replace them");
    }

    @Test
    void an_aot_cache_made_without_aot_class_linking_leaves_every_class_to_the_agent() throws Exception {
        Path jdk = AgentIT.jdk25();
        List<String> args = new ArrayList<>(aotCache(jdk, "unlinked", aotApp(), false));
        Path marker = work.resolve("aot-unlinked-marker");
        args.addAll(0, List.of("-javaagent:" + AgentIT.AGENT + "=policy=" + policy, "-Dmarker=" + marker));
        args.add("aot.Main");

        Run run = Jvms.run(jdk, work, args.toArray(String[]::new));

        assertThat(marker).as(run.toString()).doesNotExist();
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("aot.Main: java.lang.Error: ImportSpy refused " + rogue);
    }

    /** The host with {@code attempts}, its marker named after the first attempt's first word. */
    @Test
    void a_refused_jar_that_only_provides_a_logging_back_end_or_time_zone_rules_never_runs() throws Exception {
        Path marker = work.resolve("provider-marker");
        String ran = "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker
                + "\"), getClass().getName() + \" ran\\n\", java.nio.file.StandardOpenOption.CREATE,"
                + " java.nio.file.StandardOpenOption.APPEND); } catch (java.io.IOException e) { }";
        Path providers = Files.move(TestJars.project(work)
                .source("evil/Finder.java", "package evil; public class Finder extends System.LoggerFinder {"
                        + " public Finder() { " + ran + " }"
                        + " public System.Logger getLogger(String name, Module module) {"
                        + " return System.LoggerFinder.getLoggerFinder().getLogger(name, module); } }")
                .source("evil/Zones.java", "package evil; public class Zones extends java.time.zone.ZoneRulesProvider {"
                        + " public Zones() { " + ran + " }"
                        + " protected java.util.Set<String> provideZoneIds() { return java.util.Set.of(\"Evil/Zone\"); }"
                        + " protected java.time.zone.ZoneRules provideRules(String id, boolean cache) {"
                        + " return java.time.ZoneOffset.UTC.getRules(); }"
                        + " protected java.util.NavigableMap<String, java.time.zone.ZoneRules> provideVersions(String id) {"
                        + " return new java.util.TreeMap<>(); } }")
                .resource("META-INF/services/java.lang.System$LoggerFinder", "evil.Finder\n")
                .resource("META-INF/services/java.time.zone.ZoneRulesProvider", "evil.Zones\n")
                .jar("providers.jar"), work.resolve("plugins/providers.jar"));

        // a policy that warns (an allow by module name), read on the first later code source, inside the transformer
        Path warning = Files.writeString(work.resolve("warning-policy.yml"), Files.readString(policy)
                + "  - match: {module: com.acme.unclaimed}\n    mode: allow\n");
        Run run = java("-javaagent:" + AgentIT.AGENT + "=policy=" + warning, "-Dmarker=" + marker, "-Drogue=" + rogue,
                "-cp", host + java.io.File.pathSeparator + providers, "evasion.Host", "logger", "zone");

        assertThat(marker).as(run.toString()).doesNotExist();
        assertThat(run.err()).as(run.toString()).contains("ImportSpy refused " + providers);
        assertThat(run.out()).as(run.toString()).doesNotContain(": ran");
        assertThat(run.err()).contains("importspy-agent: " + warning + ":10:5: warning: 'mode: allow' on "
                + "'module: com.acme.unclaimed'");
    }

    @Test
    void a_class_the_jdk_loads_from_the_class_path_while_a_check_runs_is_judged_and_never_runs() throws Exception {
        // a security provider named first by a system property: the JDK loads it from the class path when a check
        // first computes a digest, at start-up (a checked JAR on the class path) or later (a plugin's first class)
        Path marker = work.resolve("security-marker");
        Path provider = Files.move(TestJars.project(work)
                .source("evil/Provider.java", "package evil; public class Provider extends java.security.Provider {"
                        + " static { try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker
                        + "\"), \"evil.Provider ran\\n\"); } catch (java.io.IOException e) { } }"
                        + " public Provider() { super(\"Evil\", \"1\", \"evil\"); } }")
                .jar("provider.jar"), work.resolve("plugins/provider.jar"));
        Path security = Files.writeString(work.resolve("first.security"), "security.provider.1=evil.Provider\n");
        Path late = Files.createDirectories(work.resolve("checked")).resolve("late.jar");
        Files.move(TestJars.project(work).source("late/Good.java", "package late; public class Good { }")
                .jar("late.jar"), late, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        for (String classPath : List.of(host + java.io.File.pathSeparator + provider,
                host + java.io.File.pathSeparator + provider + java.io.File.pathSeparator + late)) {
            Run run = java("-Djava.security.properties=" + security, "-javaagent:" + AgentIT.AGENT + "=policy=" + policy,
                    "-Drogue=" + rogue, "-Dlate=" + late, "-cp", classPath, "evasion.Host", "late plugin");

            assertThat(marker).as(run.toString()).doesNotExist();
            assertThat(run.exit()).as(run.toString()).isZero();
            assertThat(run.out()).as(run.toString()).startsWith("late plugin: ");
        }
    }

    @Test
    void an_empty_class_path_element_is_the_working_directory_and_is_checked_before_main() throws Exception {
        Run run = java("-javaagent:" + AgentIT.AGENT + "=policy=" + policy + ",fail-fast", "-Drogue=" + rogue,
                "-cp", host + java.io.File.pathSeparator, "evasion.Host", "logger");

        assertThat(run.exit()).as(run.toString()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("ImportSpy refused " + work.toRealPath());
    }

    static Run host(List<String> attempts, String... properties) throws Exception {
        List<String> args = new ArrayList<>(List.of("-javaagent:" + AgentIT.AGENT + "=policy=" + policy,
                "-Dmarker=" + work.resolve(attempts.get(0).split(" ")[0] + "-marker"), "-Drogue=" + rogue));
        args.addAll(List.of(properties));
        args.addAll(List.of("-cp", host.toString(), "evasion.Host"));
        args.addAll(attempts);
        return java(args.toArray(String[]::new));
    }

    static Run java(String... args) {
        return Jvms.run(Jvms.current(), work, args);
    }
}
