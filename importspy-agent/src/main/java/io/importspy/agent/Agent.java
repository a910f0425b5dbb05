package io.importspy.agent;

import io.importspy.Spy;
import io.importspy.contract.ContractException;
import io.importspy.contract.Policy;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ImportSpy Java agent: {@code java -javaagent:importspy-agent.jar=policy=FILE[,fail-fast] -jar app.jar}.
 *
 * <p>Before {@code main}, every JAR and class directory on the class path and module path is checked against
 * the policy. A refused one stops the JVM before {@code main} under {@code fail-fast} (the report on stderr,
 * exit code 1); without it, its classes are blocked as every later refused code source is: each class it
 * defines is a stub whose initialization throws an error carrying the report. Code sources that appear later
 * (a host's own class loader over a plugin directory, a module layer) are checked when their first class is
 * defined. A bad policy or bad agent options stop the JVM with one located line per problem and exit code 2.
 */
public final class Agent {
    private Agent() {
    }

    /** The agent's entry point, called by the JVM before {@code main}. */
    public static void premain(String options, Instrumentation instrumentation) {
        AgentOptions parsed;
        Policy policy;
        try {
            parsed = AgentOptions.parse(options);
            policy = Spy.policy(parsed.policy());
        } catch (IllegalArgumentException e) {
            System.err.println("importspy-agent: " + e.getMessage());
            Runtime.getRuntime().halt(2);
            return;
        } catch (ContractException e) {
            e.errors().forEach(error -> System.err.println("importspy-agent: " + error));
            Runtime.getRuntime().halt(2);
            return;
        }
        Checker checker = new Checker(policy);
        Path agentJar = agentJar();
        Transformer transformer = new Transformer(checker, agentJar);
        List<Verdict> refused = new ArrayList<>();
        for (Path entry : startupCodeSources()) {
            if (entry.equals(agentJar)) {
                continue;
            }
            Verdict verdict = checker.check(entry);
            transformer.decided(entry, verdict);
            if (verdict.refused()) {
                refused.add(verdict);
            }
        }
        if (parsed.failFast() && !refused.isEmpty()) {
            refused.forEach(v -> System.err.print(v.reason().endsWith("\n") ? v.reason() : v.reason() + "\n"));
            System.err.println("importspy-agent: " + refused.size() + " code source"
                    + (refused.size() == 1 ? " is" : "s are") + " refused by " + policy.file()
                    + "; the application was not started (fail-fast)");
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
        instrumentation.addTransformer(transformer);
    }

    /** The class-path entries and the module path's JARs and module directories, as the JVM was started. */
    static List<Path> startupCodeSources() {
        List<Path> sources = new ArrayList<>();
        for (String property : List.of("java.class.path", "jdk.module.path")) {
            String value = System.getProperty(property, "");
            for (String entry : value.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                Path path = Path.of(entry).toAbsolutePath().normalize();
                if (property.equals("jdk.module.path") && Files.isDirectory(path)
                        && !Files.exists(path.resolve("module-info.class"))) {
                    try (Stream<Path> modules = Files.list(path)) {
                        modules.sorted().forEach(sources::add);
                    } catch (IOException e) {
                        sources.add(path);
                    }
                } else if (Files.exists(path)) {
                    sources.add(path);
                }
            }
        }
        return sources;
    }

    private static Path agentJar() {
        try {
            return Path.of(Agent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("");
        }
    }
}
