package io.importspy.agent;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The agent's options, written after {@code =} in {@code -javaagent:importspy-agent.jar=policy=FILE,fail-fast}.
 *
 * @param policy   the policy file (required)
 * @param failFast whether a refused class-path entry stops the JVM before {@code main}
 */
record AgentOptions(Path policy, boolean failFast) {
    /**
     * Reads the option text.
     *
     * @throws IllegalArgumentException naming the bad option and how to write it
     */
    static AgentOptions parse(String text) {
        Path policy = null;
        boolean failFast = false;
        for (String option : (text == null ? "" : text).split(",")) {
            if (option.isBlank()) {
                continue;
            }
            if (option.equals("fail-fast")) {
                failFast = true;
            } else if (option.startsWith("policy=")) {
                try {
                    policy = Path.of(option.substring("policy=".length()));
                } catch (InvalidPathException e) {
                    throw new IllegalArgumentException("policy '" + option.substring(7) + "' is not a file path");
                }
            } else {
                throw new IllegalArgumentException("unknown option '" + option + "'; the options are policy=FILE "
                        + "and fail-fast, as in -javaagent:importspy-agent.jar=policy=importspy-policy.yml,fail-fast");
            }
        }
        if (policy == null) {
            throw new IllegalArgumentException("no policy given; write -javaagent:importspy-agent.jar=policy=FILE");
        }
        if (!Files.isRegularFile(policy)) {
            throw new IllegalArgumentException("policy '" + policy + "' does not exist or is not a file");
        }
        return new AgentOptions(policy, failFast);
    }
}
