package io.importspy.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.nio.file.Path;
import java.util.List;

/** The options of {@code importspy audit}, built with picocli's programmatic API as {@link Commands} does. */
final class AuditOptions {
    private AuditOptions() {
    }

    static CommandSpec spec(CommandSpec spec) {
        spec.usageMessage().sortOptions(false)
                .description(Commands.AUDIT_SUMMARY, "",
                        "Targets: JARs given as arguments, every *.jar under --dir, the paths of a --list file (one a "
                                + "line, relative to the file), and the Maven coordinates of a --manifest (one "
                                + "'groupId:artifactId:version[:classifier] sha256:HEX' a line), read from the local "
                                + "repository; a JAR whose digest is not the one pinned is an error.", "",
                        "--shard I/N audits the targets whose name hashes to shard I (0 <= I < N): N machines with "
                                + "shards 0/N .. N-1/N together audit each target exactly once, and their records are "
                                + "those of one unsharded run. A verdict is cached under the target's file name and "
                                + "digest, the digests of the contract (or the policy and its contracts) and the "
                                + "settings (ImportSpy and Java versions, class path, extensions, runtime record, "
                                + "--strict), so a re-run skips what has not changed.")
                .footerHeading("%nExit codes:%n")
                .footer("  0  every target compliant or allowed", "  1  at least one target non-compliant",
                        "  2  bad input (contract, policy, options, target lists), or a target that",
                        "     could not be audited (unreadable, corrupt, digest mismatch: verdict error)",
                        "  3  internal error of ImportSpy (run with --verbose and report it)%n");
        spec.addOption(OptionSpec.builder("-c", "--contract").type(String.class).paramLabel("FILE")
                .description("The contract every target is checked against (a file, or jar:PATH[!/ENTRY]).").build());
        spec.addOption(Commands.path(OptionSpec.builder("--policy")).paramLabel("FILE")
                .description("A policy (importspy-policy: 1) that picks each target's contract; audit rules are "
                        + "checked as enforce rules, allowed targets are recorded as 'allowed'.").build());
        spec.addOption(paths("--dir", "DIR", "Audit every *.jar under DIR, at any depth; a target is named by its "
                + "path relative to DIR. Repeatable."));
        spec.addOption(paths("--list", "FILE", "Audit the JARs FILE lists, one path a line (relative to FILE's "
                + "directory; # starts a comment). Repeatable."));
        spec.addOption(paths("--manifest", "FILE", "Audit the Maven artifacts FILE lists, one "
                + "'groupId:artifactId:version[:classifier] sha256:HEX' (or sha512:) a line, read from --repository. "
                + "Repeatable."));
        spec.addOption(Commands.path(OptionSpec.builder("--repository")).paramLabel("DIR")
                .description("The local Maven repository of --manifest (default: ~/.m2/repository).").build());
        spec.addOption(OptionSpec.builder("--jobs", "-j").type(int.class).paramLabel("N")
                .description("Targets audited at once (default: the number of processors).").build());
        spec.addOption(OptionSpec.builder("--shard").type(String.class).paramLabel("I/N")
                .description("Audit only shard I of N (I from 0, as JOB_COMPLETION_INDEX counts).").build());
        spec.addOption(Commands.path(OptionSpec.builder("--cache")).paramLabel("DIR")
                .description("The verdict cache (default: $XDG_CACHE_HOME/importspy/audit, else "
                        + "~/.cache/importspy/audit).").build());
        spec.addOption(Commands.flag("--no-cache", "Neither read nor write the verdict cache."));
        spec.addOption(Commands.path(OptionSpec.builder("--output", "-o")).paramLabel("FILE")
                .description("Write the records to FILE instead of stdout.").build());
        spec.addOption(OptionSpec.builder("--classpath").type(String[].class).paramLabel("PATHS")
                .description("Libraries beside the targets, separated by '${sys:path.separator}'; repeatable.")
                .build());
        spec.addOption(OptionSpec.builder("--runtime").type(String.class).paramLabel("none|FILE")
                .description("Check deployments against a runtime recorded with 'importspy inspect --runtime' "
                        + "(default: none, skip them; an audit does not judge the machine it runs on).").build());
        ExtensionsOption.addTo(spec, "");
        spec.addOption(Commands.flag("--strict", "Unverified checks make a target non-compliant."));
        spec.addOption(Commands.flag("--quiet", "No progress line and no summary line on stderr."));
        spec.addOption(Commands.flag("--verbose", "Show a stack trace with errors."));
        spec.addPositional(PositionalParamSpec.builder().arity("0..*").paramLabel("TARGET")
                .type(List.class).auxiliaryTypes(Path.class).converters(new Commands.PathConverter())
                .description("JARs to audit.").build());
        Commands.standardHelpOptions(spec);
        return spec;
    }

    private static OptionSpec paths(String name, String label, String description) {
        return OptionSpec.builder(name).type(Path[].class).converters(new Commands.PathConverter())
                .paramLabel(label).description(description).build();
    }
}
