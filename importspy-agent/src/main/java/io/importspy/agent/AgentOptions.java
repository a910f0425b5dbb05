package io.importspy.agent;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The agent's options, written after {@code =} in
 * {@code -javaagent:importspy-agent.jar=policy=FILE[,fail-fast][,unchecked=refuse|audit|allow][,cache=DIR]}.
 *
 * @param policy    the policy file (required)
 * @param failFast  whether a refused start-up code source stops the JVM before {@code main}
 * @param unchecked what happens to classes no checkable code source accounts for: defined with no code source
 *                  or one that is not a local file, or outside the packages of the code source they claim
 * @param cache     the directory of the start-up verdict cache, when one is used
 */
record AgentOptions(Path policy, boolean failFast, Verdict.Outcome unchecked, Optional<Path> cache) {
    static final String USAGE = "-javaagent:importspy-agent.jar=policy=FILE[,fail-fast]"
            + "[,unchecked=refuse|audit|allow][,cache=DIR]";

    /**
     * Reads the option text.
     *
     * @throws IllegalArgumentException naming the bad option and how to write it
     */
    static AgentOptions parse(String text) {
        Path policy = null;
        boolean failFast = false;
        Verdict.Outcome unchecked = Verdict.Outcome.REFUSED;
        Path cache = null;
        java.util.Map<String, String> given = new java.util.HashMap<>();
        for (String option : (text == null ? "" : text).split(",")) {
            if (option.isBlank()) {
                continue;
            }
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            String before = given.putIfAbsent(name, option);
            if (before != null) { // a later copy must not quietly override an earlier one (an appended ",unchecked=allow")
                throw new IllegalArgumentException("option '" + name + "' is given twice ('" + before + "' and '"
                        + option + "'); give each option once");
            }
            if (option.equals("fail-fast")) {
                failFast = true;
            } else if (option.startsWith("policy=")) {
                policy = path(option, "policy=");
            } else if (option.startsWith("cache=")) {
                cache = path(option, "cache=");
            } else if (option.startsWith("unchecked=")) {
                unchecked = switch (option.substring("unchecked=".length()).toLowerCase(Locale.ROOT)) {
                    case "refuse" -> Verdict.Outcome.REFUSED;
                    case "audit" -> Verdict.Outcome.AUDITED;
                    case "allow" -> Verdict.Outcome.ADMITTED;
                    default -> throw new IllegalArgumentException("unknown value in '" + option
                            + "'; write unchecked=refuse, unchecked=audit or unchecked=allow");
                };
            } else {
                throw new IllegalArgumentException("unknown option '" + option + "'; the options are " + USAGE);
            }
        }
        if (policy == null) {
            throw new IllegalArgumentException("no policy given; write " + USAGE);
        }
        if (!Files.isRegularFile(policy)) {
            throw new IllegalArgumentException("policy '" + policy + "' does not exist or is not a file");
        }
        return new AgentOptions(policy.toAbsolutePath().normalize(), failFast, unchecked, Optional.ofNullable(cache));
    }

    private static Path path(String option, String prefix) {
        String value = option.substring(prefix.length());
        try {
            if (value.isEmpty()) {
                throw new InvalidPathException(value, "empty");
            }
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(prefix.substring(0, prefix.length() - 1) + " '" + value
                    + "' is not a file path");
        }
    }
}
