package io.importspy.cli;

import io.importspy.internal.diff.ContractDiff;
import io.importspy.internal.diff.DiffReport;
import io.importspy.validate.TargetReport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code importspy diff OLD NEW}: what changed between two JARs (or class directories), two contracts, or one of
 * each, in the contract's terms, whether NEW still satisfies what OLD satisfied, and the semantic-versioning
 * advice; as text, JSON or Markdown. Exits 1 when NEW breaks what OLD satisfied (the advice is major).
 */
final class DiffCommand {
    /** Report formats: text for people, JSON for machines, Markdown for pull-request comments. */
    enum Format { TEXT, JSON, MARKDOWN }

    private final ParseResult parsed;

    private DiffCommand(ParseResult parsed) {
        this.parsed = parsed;
    }

    static DiffCommand from(ParseResult diff) {
        return new DiffCommand(diff);
    }

    static CommandSpec spec(CommandSpec spec) {
        spec.usageMessage().sortOptions(false)
                .description(Commands.DIFF_SUMMARY, "",
                        "A JAR is compared as the contract 'importspy inspect' writes for it. For a NEW JAR the advice "
                                + "comes from validating NEW against OLD's contract (without its version and file "
                                + "name): any violation is major, added API minor, neither patch. For a NEW contract: "
                                + "a requirement added or changed is major (a module that met OLD may fail NEW), "
                                + "only removed ones minor, none patch.")
                .footerHeading("%nExit codes:%n")
                .footer("  0  NEW satisfies what OLD satisfied (minor or patch)",
                        "  1  it does not (major)",
                        "  2  bad input: missing or corrupt JAR, invalid contract, bad option",
                        "  3  internal error of ImportSpy (run with --verbose and report it)%n");
        spec.addOption(OptionSpec.builder("--format").type(Format.class).paramLabel("text|json|markdown")
                .description("Report format: text (default), json, or markdown for a pull-request comment.").build());
        spec.addOption(Commands.path(OptionSpec.builder("--output")).paramLabel("FILE")
                .description("Write the report to FILE instead of stdout.").build());
        spec.addOption(OptionSpec.builder("--classpath").type(String[].class).paramLabel("PATHS")
                .description("Libraries that resolve NEW's supertypes, separated by '${sys:path.separator}'; "
                        + "repeatable.").build());
        spec.addOption(Commands.flag("--verbose", "Show a stack trace with errors."));
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("1").required(true).paramLabel("OLD")
                .type(Path.class)
                .converters(new Commands.PathConverter())
                .description("The old JAR, class directory or contract (*.yml, *.yaml).").build());
        spec.addPositional(PositionalParamSpec.builder().index("1").arity("1").required(true).paramLabel("NEW")
                .type(Path.class)
                .converters(new Commands.PathConverter())
                .description("The new JAR, class directory or contract.").build());
        Commands.standardHelpOptions(spec);
        return spec;
    }

    int execute(PrintWriter out) {
        Path oldPath = parsed.matchedPositionalValue(0, null);
        Path newPath = parsed.matchedPositionalValue(1, null);
        Format format = parsed.matchedOptionValue("--format", Format.TEXT);
        Path output = parsed.matchedOptionValue("--output", null);
        List<Path> classpath = InputFiles.classpath(List.of(parsed.matchedOptionValue("--classpath", new String[0])));
        InputFiles inputs = new InputFiles();
        inputs.fileOrDirectory(oldPath, isContract(oldPath) ? "OLD contract" : "OLD");
        inputs.fileOrDirectory(newPath, isContract(newPath) ? "NEW contract" : "NEW");
        for (Path entry : classpath) {
            inputs.fileOrDirectory(entry, "class-path entry");
        }
        inputs.check();
        // OLD is read on a thread of its own while this one reads NEW: two inspections, each as long as the rest of
        // a diff of two small JARs together; that thread then validates a NEW module against OLD's contract, which
        // needs NEW's path, not its reading. OLD's error, when both fail, is the one reported, as when read first;
        // then NEW's reading's, then its validation's.
        SideReading oldSide = new SideReading(oldPath, isContract(newPath) ? null : newPath, classpath);
        Thread oldReader = new Thread(oldSide, "importspy-diff-old");
        oldReader.setDaemon(true);
        oldReader.start();
        ContractDiff.Side newSide;
        try {
            newSide = side(newPath, classpath);
        } catch (RuntimeException | Error failed) {
            oldSide.await(oldReader);
            throw failed;
        }
        ContractDiff.Side old = oldSide.await(oldReader);
        ContractDiff.Result diff = ContractDiff.diff(old, newSide, oldSide.satisfaction());
        String report = switch (format) {
            case TEXT -> DiffReport.text(diff);
            case JSON -> DiffReport.json(diff);
            case MARKDOWN -> DiffReport.markdown(diff);
        };
        if (output != null) {
            ValidateCommand.write(output, report);
        } else {
            out.print(report);
            out.flush();
        }
        return diff.stillSatisfied() ? Main.COMPLIANT : Main.VIOLATIONS;
    }

    /** One side read on another thread: its side, or what reading it threw. */
    private static final class SideReading implements Runnable {
        private final Path path;
        /** The NEW module to validate against this side's contract once it is read; null when NEW is a contract. */
        private final Path newModule;
        private final List<Path> classpath;
        private ContractDiff.Side side;
        private Throwable failure;
        private TargetReport satisfaction;
        private Throwable satisfactionFailure;

        SideReading(Path path, Path newModule, List<Path> classpath) {
            this.path = path;
            this.newModule = newModule;
            this.classpath = classpath;
        }

        @Override
        public void run() {
            try {
                side = side(path, classpath);
            } catch (RuntimeException | Error failed) {
                failure = failed;
                return;
            }
            if (newModule != null) {
                try {
                    satisfaction = ContractDiff.satisfaction(side, newModule, classpath);
                } catch (RuntimeException | Error failed) {
                    satisfactionFailure = failed;
                }
            }
        }

        /** The side, once {@code reader} has read it; what reading it threw, thrown here. */
        ContractDiff.Side await(Thread reader) {
            boolean interrupted = false;
            while (true) {
                try {
                    reader.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            rethrow(failure);
            return side;
        }

        /** NEW validated against this side, after {@link #await}: none for a NEW contract; what it threw, thrown. */
        Optional<TargetReport> satisfaction() {
            rethrow(satisfactionFailure);
            return Optional.ofNullable(satisfaction);
        }

        private static void rethrow(Throwable failed) {
            if (failed instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed instanceof Error error) {
                throw error;
            }
        }
    }

    private static ContractDiff.Side side(Path path, List<Path> classpath) {
        return isContract(path) ? ContractDiff.Side.contract(path) : ContractDiff.Side.module(path, classpath);
    }

    private static boolean isContract(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return (name.endsWith(".yml") || name.endsWith(".yaml")) && !Files.isDirectory(path);
    }
}
