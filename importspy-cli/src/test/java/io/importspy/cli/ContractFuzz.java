package io.importspy.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A seeded fuzzer of contracts through the command line: each mutant of a contract that uses every section is
 * validated against a real plugin JAR by {@code importspy validate}, in process. A finding is an exit code
 * other than 0, 1 or 2, a run longer than a few seconds, output on stderr for 0 or 1, or, for 2, a line that is
 * not one located problem ({@code file:line:column: ...} for the contract, or a path for a target).
 * Used by {@code ContractFuzzTest}; {@code java ... ContractFuzz <mutants> <seed>} runs a longer campaign.
 */
public final class ContractFuzz {
    static final String SEED = """
            importspy: 1
            module:
              name: com.acme.greeter
              version: "[1.2,2)"
              filename: "greeter-*.{jar,zip}"
              manifest:
                Automatic-Module-Name: com.acme.greeter
                Missing: {pattern: "^v[0-9]+$"}
              services:
                com.acme.spi.Greeter: [com.acme.Greeter]
              resources: [greeter.properties, /META-INF/MANIFEST.MF]
            classes:
              - name: com.acme.Greeter
                kind: class
                modifiers: [public, final]
                extends: java.lang.Object
                implements: [java.io.Serializable]
                annotations: [{type: java.lang.Deprecated, values: {since: "1"}}]
                fields:
                  - {name: NAME, type: String, modifiers: [public, static, final], value: greeter}
                  - {name: COUNT, type: int, value: 10}
                constructors:
                  - parameters: []
                methods:
                  - name: greet
                    parameters: [String, "java.util.Map<String, ? extends Number>", {name: who, type: String}, "int[]..."]
                    returns: String
                    throws: [java.io.IOException]
                    modifiers: [public]
              - name: com.acme.Outer.Inner
            deployments:
              - arch: [x86_64, aarch64]
                os: [linux, macos]
                java: {version: "[17,)", vendor: [Eclipse Adoptium], implementation: HotSpot}
                environment:
                  variables: {MODE: production, LOG_DIR: {}, PORT: 8080}
                  secrets: [DB_PASSWORD]
                  properties: {file.encoding: UTF-8}
                libraries:
                  - {name: "org.slf4j:slf4j-api", version: "[2.0,)"}
              - os: windows
            """;
    private static final String[] TOKENS = {"{", "}", "[", "]", ":", ",", "-", "&a", "*a", "!!str", "!!binary",
        "\"", "'", "|", ">", "#", "\n", "\t", "  ", "\\", "\uD800", "\uDFFF", "\u0000", "\uFEFF", "**", "[!]",
        "*****************************x", "(,1.0],[1.2,)", "[", "<", ">", "...", "$", "java.lang.String",
        "999999999999999999999999999", "1e400", ".nan", "~", "null", "true", "0x1F", "-0o7", "\u00e9", "\uD83D\uDE00",
        "importspy: 2", "x-acme: 1", "select:", "count: 0"};
    private static final Pattern LOCATED = Pattern.compile("importspy: ((.+?):\\d+:\\d+: |(/|\\w).*?(\\.jar|\\.yml)"
            + "[^ ]*: ).+");

    /** What one campaign found. */
    public record Outcome(int mutants, Map<Integer, Integer> exits, List<String> findings) {
    }

    private final Path work;
    private final Path plugin;

    ContractFuzz(Path work) {
        this.work = work;
        this.plugin = TestPlugins.greeterJar(work, "greeter-1.2.0.jar", TestPlugins.GREETER);
    }

    Outcome run(int mutants, long seed) throws Exception {
        Random random = new Random(seed);
        Map<Integer, Integer> exits = new TreeMap<>();
        List<String> findings = new ArrayList<>();
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "contract-fuzz");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int round = 0; round < mutants; round++) {
                String text = mutate(random);
                Path contract = work.resolve("fuzz.yml");
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8); // a lone surrogate becomes '?'
                if (random.nextInt(8) == 0) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256); // also not UTF-8 at all
                }
                Files.write(contract, bytes);
                Future<String[]> result = runner.submit(() -> validate(contract));
                String[] outcome;
                try {
                    outcome = result.get(20, TimeUnit.SECONDS);
                } catch (TimeoutException hang) {
                    findings.add("round " + round + ": no answer within 20 s");
                    result.cancel(true);
                    runner.shutdownNow();
                    runner = Executors.newSingleThreadExecutor();
                    continue;
                }
                int exit = Integer.parseInt(outcome[0]);
                exits.merge(exit, 1, Integer::sum);
                String problem = judge(exit, outcome[1], outcome[2]);
                if (problem != null) {
                    findings.add("round " + round + ": " + problem + " for " + quote(text));
                }
            }
        } finally {
            runner.shutdownNow();
        }
        return new Outcome(mutants, exits, findings);
    }

    private String[] validate(Path contract) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                    StandardCharsets.UTF_8), "validate", "-c", contract.toString(), "--runtime", "current",
                    "--format", "json", plugin.toString());
        } catch (Throwable escaped) {
            return new String[] {"-1", "", "escaped " + escaped};
        }
        return new String[] {String.valueOf(exit), out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8)};
    }

    private static String judge(int exit, String out, String err) {
        if (exit < 0) {
            return err;
        }
        if (exit == 0 || exit == 1) {
            return err.isEmpty() && out.startsWith("{") ? null : "exit " + exit + " with stderr " + quote(err);
        }
        if (exit != 2) {
            return "exit " + exit + ": " + quote(err);
        }
        for (String line : err.split("\n")) {
            if (!LOCATED.matcher(line).matches()) {
                return "unlocated error line " + quote(line);
            }
        }
        return out.isEmpty() ? null : "output on stdout with exit 2";
    }

    static String mutate(Random random) {
        StringBuilder text = new StringBuilder(SEED);
        for (int m = 1 + random.nextInt(2); m > 0; m--) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(12)));
                case 2 -> {
                    int end = Math.min(text.length(), at + 1 + random.nextInt(30));
                    text.replace(at, end, TOKENS[random.nextInt(TOKENS.length)]);
                }
                case 3 -> {
                    int from = random.nextInt(text.length());
                    int end = Math.min(text.length(), from + random.nextInt(80));
                    text.insert(at, text.substring(from, end));
                }
                case 4 -> text.insert(at, (char) random.nextInt(0x3000));
                default -> {
                    int lineStart = text.lastIndexOf("\n", Math.max(0, at - 1)) + 1;
                    text.insert(lineStart, " ".repeat(1 + random.nextInt(3)));
                }
            }
        }
        return text.toString();
    }

    private static String quote(String text) {
        String shown = text.length() > 300 ? text.substring(0, 300) + "..." : text;
        return "\"" + shown.replace("\n", "\\n") + "\"";
    }

    /** A longer campaign: {@code mutants seed}; prints the counts. */
    public static void main(String[] args) throws Exception {
        int mutants = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        Path work = Files.createTempDirectory("importspy-contract-fuzz");
        long start = System.nanoTime();
        Outcome outcome = new ContractFuzz(work).run(mutants, seed);
        System.out.printf("mutants %d, exits %s, findings %d, %.1f s%n", outcome.mutants(), outcome.exits(),
                outcome.findings().size(), (System.nanoTime() - start) / 1e9);
        outcome.findings().stream().limit(40).forEach(System.out::println);
    }
}
