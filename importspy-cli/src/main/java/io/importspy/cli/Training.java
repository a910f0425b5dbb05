package io.importspy.cli;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The training run of the start-up archives the build makes (the AppCDS archive {@code importspy.jsa}, and
 * on a JDK 25 or newer the AOT cache {@code importspy.aot}): every command once, in one JVM, so that the
 * archive holds the classes each command loads. Output is discarded; exit codes do not matter.
 *
 * <p>{@code java -cp importspy.jar io.importspy.cli.Training CONTRACT TARGET}: {@code CONTRACT} should
 * hold one violation, so that the report's violation path is trained too, and {@code TARGET} should be a JAR.
 */
final class Training {
    private Training() {
    }

    /** Runs every command on {@code args[0]} (a contract) and {@code args[1]} (a target JAR). */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java -cp importspy.jar io.importspy.cli.Training CONTRACT TARGET");
            System.exit(Main.BAD_INPUT);
        }
        String contract = args[0];
        String target = args[1];
        String[][] commandLines = {
            {"validate", "--runtime", "current", "-c", contract, target},
            {"validate", "--format", "json", "-c", contract, target},
            {"validate", "--format", "sarif", "-c", contract, target},
            {"validate", "--format", "junit", "-c", contract, target},
            {"--help"},
            {"--version"},
            {"completion"},
            {"validate", "--help"},
            {"inspect", "--help"},
            {"inspect", target},
            {"inspect", "--runtime"},
            {"inspect", "--runtime", "-c", contract},
            {"schema"},
            {"audit", "--no-cache", "--quiet", "-c", contract, target},
            {"diff", target, target},
            {"validate", "--frobnicate", "-c", contract, target},
            {"validate", "-c", contract, target + ".missing"},
        };
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        for (String[] commandLine : commandLines) {
            Main.run(discard, discard, commandLine);
        }
    }
}
