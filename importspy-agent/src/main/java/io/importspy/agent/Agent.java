package io.importspy.agent;

import io.importspy.API;
import io.importspy.contract.ContractException;
import io.importspy.contract.Policy;
import io.importspy.contract.SpyModel;
import io.importspy.internal.contract.Policies;
import io.importspy.internal.report.PlainText;
import io.importspy.internal.spi.Extensions;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The ImportSpy Java agent: {@code java -javaagent:importspy-agent.jar=policy=FILE[,fail-fast] -jar app.jar}.
 *
 * <p>Before {@code main}, every JAR and class directory on the class path and the module path is checked against
 * the policy. A refused one stops the JVM before {@code main} under
 * {@code fail-fast} (the reports on stderr, exit code 1); without it, its classes are blocked as every later refused
 * code source is: each class it defines is a stub whose initialization throws an error carrying the report. Code
 * sources that appear later (a host's own class loader over a plugin directory, a
 * module layer) are checked when their first class is defined. Bad options or a bad policy stop the JVM with one
 * located line per problem and exit code 2.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Agent {
    /** How many threads check the start-up code sources on a cold start: the processors, at most 8. */
    private static final int STARTUP_THREADS = Math.min(8, Runtime.getRuntime().availableProcessors());

    private Agent() {
    }

    /**
     * The agent's entry point, called before {@code main} by the JAR's {@code Premain-Class}, which loads this class
     * from the agent JAR with a class loader of its own, so that no JAR of the application stands in for it.
     *
     * @param options         the text after {@code =} in {@code -javaagent:importspy-agent.jar=...}
     * @param instrumentation the JVM's instrumentation, which the agent's transformer is added to
     */
    public static void premain(String options, Instrumentation instrumentation) {
        AgentOptions parsed;
        try {
            parsed = AgentOptions.parse(options);
        } catch (IllegalArgumentException e) {
            System.err.println("importspy-agent: " + e.getMessage());
            System.err.flush();
            Runtime.getRuntime().halt(2);
            return;
        }
        openJdk(instrumentation);
        OpenedJars.open();
        Supplier<Policy> policy = new PolicyOnce(parsed.policy());
        Path agentJar = agentJar();
        List<Path> classpath = codeSources("java.class.path", agentJar);
        List<Path> startup = new ArrayList<>(classpath);
        startup.addAll(codeSources("jdk.module.path", agentJar));
        Checker checker = new Checker(policy, classpath, recorded(jvmArguments()));
        Transformer transformer = new Transformer(new CodeSources(checker, agentJar, parsed.unchecked()));
        List<String> identities = new ArrayList<>(startup.size()); // before anything reads them; a loop, not a
        for (Path source : startup) {                                // stream: a warm start does little else
            identities.add(identity(source));
        }
        // installed before the start-up check, so that a class the JDK loads from the class path for it (a security
        // provider that a system property names, say) reaches the transformer, which refuses it: the check threads
        // have no verdict on it yet. What the JVM defined before is judged below, from this list.
        instrumentation.addTransformer(transformer);
        Class<?>[] loadedBefore = instrumentation.getAllLoadedClasses();
        List<Verdict> verdicts;
        try {
            verdicts = startup(parsed, policy, checker, agentJar, startup, identities);
        } catch (RuntimeException e) { // not caught by type: the verifier would load the class on every start
            if (!(e instanceof ContractException bad)) {
                throw e;
            }
            bad.errors().forEach(error -> System.err.println("importspy-agent: " + error));
            System.err.flush();
            Runtime.getRuntime().halt(2);
            return;
        }
        List<Verdict> refused = new ArrayList<>();
        for (int i = 0; i < startup.size(); i++) {
            Verdict verdict = verdicts.get(i);
            transformer.decided(startup.get(i), identities.get(i), verdict);
            if (verdict.refused()) {
                refused.add(verdict);
            }
        }
        if (!refused.isEmpty() && parsed.failFast()) {
            refused.forEach(v -> System.err.print(v.reason().endsWith("\n") ? v.reason() : v.reason() + "\n"));
            System.err.println("importspy-agent: " + refused.size() + " code source"
                    + (refused.size() == 1 ? " is" : "s are") + " refused by " + parsed.policy()
                    + "; the application was not started (fail-fast)");
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
        List<String> before;
        try {
            before = transformer.refusedBefore(loadedBefore);
        } catch (Exception e) {
            before = List.of("the classes defined before the agent started cannot be checked: " + e);
        }
        if (!before.isEmpty()) { // defined already: no stub can replace them, so the application must not start
            before.forEach(line -> System.err.println("importspy-agent: " + line));
            System.err.println("importspy-agent: " + before.size() + " class" + (before.size() == 1 ? " was" : "es were")
                    + " defined before the agent started, where it cannot replace them (a JDK AOT cache made with AOT"
                    + " class linking defines the classes it holds before any agent runs: make it with"
                    + " -XX:-AOTClassLinking); the application was not started");
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
        checker.started();
        checker.log();
    }

    /** The verdicts on the start-up code sources, from the cache when it holds them, else checked now. */
    private static List<Verdict> startup(AgentOptions options, Supplier<Policy> policy, Checker checker, Path agentJar,
                                         List<Path> sources, List<String> identities) {
        Optional<StartupCache> cache = Optional.empty();
        if (options.cache().isPresent()) {
            try {
                cache = StartupCache.in(options.cache().get(), StartupCache.key(agentJar, options.policy(),
                        options.unchecked().name(), sources, identities));
            } catch (IOException e) {
                System.err.println("importspy-agent: not using cache " + options.cache().get() + ": " + e.getMessage());
            }
        }
        // loops, not streams: a warm start does little else, and a stream pipeline costs it classes and lambdas
        Optional<List<Verdict>> cached = cache.isPresent() ? cache.get().load() : Optional.empty();
        if (cached.isPresent() && cached.get().size() == sources.size()) {
            List<Verdict> verdicts = new ArrayList<>(sources.size());
            for (Verdict verdict : cached.get()) {
                verdicts.add(checker.cached(verdict));
            }
            return verdicts;
        }
        Policy rules = policy.get();
        List<Verdict> verdicts = checker.checkAtStartup(sources, STARTUP_THREADS);
        boolean directories = false;
        for (Path source : sources) {
            directories |= Files.isDirectory(source);
        }
        if (cache.isPresent() && !directories) { // a class directory changes without a trace
            List<Path> contracts = new ArrayList<>();
            for (SpyModel contract : rules.contracts()) {
                contracts.add(Path.of(contract.file()));
            }
            cache.get().store(contracts, verdicts);
        }
        return verdicts;
    }

    /** A start-up code source's {@link StartupCache#identity identity}; {@code ""}, which no file has, when unreadable. */
    static String identity(Path source) {
        try {
            return StartupCache.identity(source);
        } catch (IOException e) {
            return "";
        }
    }

    /** The entries of a path-list property that exist, absolute; a module directory's modules one by one. */
    static List<Path> codeSources(String property, Path agentJar) {
        List<Path> sources = new ArrayList<>();
        for (String entry : System.getProperty(property, "").split(File.pathSeparator, -1)) {
            if (entry.isEmpty()) {
                if (!property.equals("java.class.path")) {
                    continue;
                }
                entry = "."; // the class path's loader reads an empty element as the working directory
            }
            Path path;
            try {
                path = CodeSources.resolved(Path.of(entry));
            } catch (IllegalArgumentException e) { // not caught by type: see premain
                if (e instanceof java.nio.file.InvalidPathException) {
                    continue; // no file there: the class loader finds nothing in it either
                }
                throw e;
            }
            if (path.equals(agentJar) || !Files.exists(path)) {
                continue;
            }
            if (property.equals("jdk.module.path") && Files.isDirectory(path)
                    && !Files.exists(path.resolve("module-info.class"))) {
                try (Stream<Path> modules = Files.list(path)) {
                    modules.sorted().map(CodeSources::resolved).forEach(sources::add);
                } catch (IOException e) {
                    sources.add(path);
                }
            } else {
                sources.add(path);
            }
        }
        return sources;
    }

    /**
     * Whether the JVM was started with the flight recorder ({@code -XX:StartFlightRecording},
     * {@code -XX:FlightRecorderOptions}, {@code -XX:+FlightRecorder}): only then are verdicts JFR events ({@link VerdictEvent}), since even
     * loading an event class makes the JDK prepare much of the flight recorder, which would cost every JVM a
     * quarter of a second. {@code jcmd JFR.start} on a JVM started with {@code -XX:FlightRecorderOptions} records
     * them.
     */
    static boolean recorded(List<String> jvmArguments) {
        for (String a : jvmArguments) {
            if (a.startsWith("-XX:StartFlightRecording") || a.startsWith("-XX:FlightRecorderOptions")
                    || a.equals("-XX:+FlightRecorder")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Exports to the agent's module the package of {@code java.base} that holds the JVM's arguments
     * ({@link #jvmArguments}) and opens those {@link OpenedJars} reads fields of, in one {@code redefineModule}: each
     * call costs a start-up (the first of a JVM links the instrumentation's lambdas). Where the JDK lacks one of
     * the packages, the export alone is tried; where that fails too, the JVM's arguments come from its management
     * interface and the agent judges files by their paths.
     */
    static void openJdk(Instrumentation instrumentation) {
        Module base = Object.class.getModule();
        java.util.Set<Module> agent = java.util.Set.of(Agent.class.getModule());
        java.util.Map<String, java.util.Set<Module>> exports = java.util.Map.of("jdk.internal.misc", agent);
        try {
            instrumentation.redefineModule(base, java.util.Set.of(), exports, OpenedJars.packages(agent),
                    java.util.Set.of(), java.util.Map.of());
        } catch (RuntimeException another) {
            try {
                instrumentation.redefineModule(base, java.util.Set.of(), exports, java.util.Map.of(),
                        java.util.Set.of(), java.util.Map.of());
            } catch (RuntimeException none) {
                // jvmArguments and OpenedJars fall back
            }
        }
    }

    /**
     * The JVM's own arguments, wherever they came from (the command line, {@code JAVA_TOOL_OPTIONS}, argument files),
     * as the JDK's management interface reports them, read without loading it: its class is in a package of
     * {@code java.base} that {@link #openJdk} exports to the agent.
     */
    static List<String> jvmArguments() {
        try {
            Object arguments = Class.forName("jdk.internal.misc.VM").getMethod("getRuntimeArguments").invoke(null);
            return List.of((String[]) arguments);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        }
    }

    private static Path agentJar() {
        try {
            return CodeSources.resolved(Path.of(Agent.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()));
        } catch (Exception e) { // a URISyntaxException or a RuntimeException; not by type: see premain
            return Path.of("").toAbsolutePath();
        }
    }

    /**
     * The policy, read on first need (a warm start reads none), once; perhaps inside the transformer, so its warnings
     * go to stderr, never through a logger (a logging back end loaded inside a transformer escapes it; see
     * {@link Checker#log}). An extension found on the class path would run before that class path is checked: the
     * agent uses none, and a contract that needs one is refused as a contract error; installed before any contract is
     * read. One class, not a memoizer and a lambda: a warm start loads each class it names.
     */
    private static final class PolicyOnce implements Supplier<Policy> {
        private final Path file;
        private volatile Policy value;

        PolicyOnce(Path file) {
            this.file = file;
        }

        @Override
        public Policy get() {
            Policy result = value;
            if (result == null) {
                synchronized (this) {
                    result = value;
                    if (result == null) {
                        Extensions.install(Extensions.none());
                        value = result = Policies.read(file,
                                warning -> System.err.println("importspy-agent: " + PlainText.visible(warning)));
                    }
                }
            }
            return result;
        }
    }
}
