package io.importspy.cli;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * The model of the {@code importspy} command line, built with picocli's programmatic API: no annotation is
 * read, no field is set by reflection, and none of picocli's reflectively registered type converters is
 * loaded ({@link #commandLine}). Building it costs a few classes, not picocli's reflective model; every
 * command line, valid or not, is read by it.
 */
final class Commands {
    /** Names of the subcommands, as they appear in {@code ParseResult.subcommand()}. */
    static final String VALIDATE = "validate";
    static final String AUDIT = "audit";
    static final String DIFF = "diff";
    static final String INSPECT = "inspect";
    static final String SCHEMA = "schema";
    static final String COMPLETION = "completion";

    static final String[] EXIT_CODES = {"  0  every target compliant",
            "  1  at least one violation (unverified checks only with --strict)",
            "  2  bad input: invalid contract, missing or corrupt file, bad option",
            "  3  internal error of ImportSpy (run with --verbose and report it)%n"};

    /**
     * The classes whose converters picocli registers by reflection: all of them. Picocli matches this regular
     * expression against the name of each of those classes only (19 per {@code CommandLine}, compiling it each
     * time), never against another converter's, so a short expression that matches those names is the cheapest
     * that leaves exactly those out: any run of the characters they are spelt with. Not {@code .*}: a dot, a range
     * or a predefined class is a lambda in {@code java.util.regex}, and the first lambda a command line links
     * starts the JDK's method-handle machinery (about 8 ms of CPU on JDK 17, on the path of {@code --version}).
     */
    static final String REFLECTIVE_CONVERTERS = "[.CDILMOPTYZacdefhijlmnopqrstuvy]*";

    private Commands() {
    }

    /**
     * The whole command line, ready to parse. Picocli's built-in converters that it registers by reflection
     * (java.sql, java.time, java.nio.file.Path; system property {@code picocli.converters.excludes}) are left
     * out unless that property is already set: none of them is used here, and {@code Path} has its own. The
     * property is set only while picocli registers its converters, so that a caller running the command line in
     * its own JVM finds its system properties as it left them.
     */
    static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line for {@code args}: the whole model, or, when the first argument names a subcommand, the
     * root and that subcommand only. Every {@code CommandLine} picocli makes registers its type converters
     * again, so the model of the subcommands a command line does not reach is left out; picocli still reads
     * every argument, and what it reports is the same: the root's options are only {@code --help} and
     * {@code --version}, so a first argument that names a subcommand is that subcommand. The whole model for
     * anything else (the root's help lists every subcommand; a misspelt one is answered with the names of
     * those it resembles; {@code completion} describes them all). {@code null}: the whole model.
     */
    static CommandLine commandLine(String[] args) {
        String only = args == null ? null : reachedSubcommand(args);
        boolean set = System.getProperty(EXCLUDES) == null;
        if (set) {
            System.setProperty(EXCLUDES, REFLECTIVE_CONVERTERS);
        }
        try {
            return build(only);
        } finally {
            if (set) {
                System.clearProperty(EXCLUDES);
            }
        }
    }

    /** The one subcommand {@code args} reach, {@code ""} for none (no argument, or only --version), else null. */
    private static String reachedSubcommand(String[] args) {
        if (args.length == 0 || args.length == 1 && ("-V".equals(args[0]) || "--version".equals(args[0]))) {
            return "";
        }
        for (String name : new String[] {VALIDATE, AUDIT, DIFF, INSPECT, SCHEMA}) {
            if (name.equals(args[0])) {
                return name;
            }
        }
        return null;
    }

    private static final String EXCLUDES = "picocli.converters.excludes";

    /** The root and every subcommand ({@code only} null), or the root and subcommand {@code only} (none for {@code ""}). */
    private static CommandLine build(String only) {
        CommandSpec root = command("importspy");
        standardHelpOptions(root);
        root.usageMessage()
                .description("Checks JVM modules (JARs, class directories) against an import contract, from their "
                        + "bytes, before any of their code runs.")
                .footerHeading("%nExit codes:%n")
                .footer(EXIT_CODES);
        if (only == null || only.equals(VALIDATE)) {
            root.addSubcommand(VALIDATE, validate());
        }
        if (only == null || only.equals(AUDIT)) {
            root.addSubcommand(AUDIT, AuditOptions.spec(command(AUDIT)));
        }
        if (only == null || only.equals(DIFF)) {
            root.addSubcommand(DIFF, DiffCommand.spec(command(DIFF)));
        }
        if (only == null || only.equals(INSPECT)) {
            root.addSubcommand(INSPECT, inspect());
        }
        if (only == null || only.equals(SCHEMA)) {
            root.addSubcommand(SCHEMA, schema());
        }
        if (only == null) {
            root.addSubcommand(COMPLETION, completion());
        }
        return new CommandLine(root).setCaseInsensitiveEnumValuesAllowed(true);
    }

    private static CommandSpec validate() {
        CommandSpec spec = command(VALIDATE);
        spec.usageMessage().sortOptions(false)
                .description("Checks each TARGET (a JAR or a class directory) against the contract, or the "
                        + "contract a policy picks for it, and prints a report.")
                .footerHeading("%nExit codes:%n")
                .footer(EXIT_CODES);
        spec.addOption(OptionSpec.builder("-c", "--contract").type(String.class).paramLabel("FILE")
                .description("The import contract: a file (spymodel.yml), or one a JAR publishes at META-INF/importspy/: "
                        + "jar:PATH (its only one) or jar:PATH!/META-INF/importspy/NAME.yml.").build());
        spec.addOption(path(OptionSpec.builder("--policy")).paramLabel("FILE")
                .description("A policy (importspy-policy: 1) that picks each TARGET's contract: the first rule "
                        + "matching its path, module name or coordinates. Audit rules are checked as enforce "
                        + "rules; a target the policy allows passes; one no rule matches gets the default.").build());
        spec.addOption(OptionSpec.builder("--format").type(List.class).auxiliaryTypes(ValidateCommand.Format.class)
                .paramLabel("text|json|sarif|junit")
                .description("Report format: text for people (default), json for machines, sarif (SARIF 2.1.0) for "
                        + "code-scanning UIs, junit (JUnit XML) for the test tabs of CI servers. Repeatable: "
                        + "each --format FORMAT --output FILE pair writes one report; a last --format without "
                        + "--output goes to stdout.").build());
        spec.addOption(OptionSpec.builder("--output").type(List.class).auxiliaryTypes(Path.class)
                .converters(new PathConverter()).paramLabel("FILE")
                .description("Write the report of the --format before it to FILE (text when there is none). The "
                        + "text report still goes to stdout when no report does and none is text; else the "
                        + "summary line goes to stderr.").build());
        spec.addOption(OptionSpec.builder("--classpath").type(String[].class).paramLabel("PATHS")
                .description("Libraries beside the targets, separated by '${sys:path.separator}'; repeatable. "
                        + "Supertypes are resolved from them, and they are the libraries deployments require.")
                .build());
        spec.addOption(OptionSpec.builder("--runtime").type(String.class).paramLabel("current|none|FILE")
                .description("Runtime the deployments are checked against: this JVM (default), none (skip the "
                        + "checks), or a FILE recorded with 'importspy inspect --runtime'.").build());
        ExtensionsOption.addTo(spec, "");
        spec.addOption(flag("--strict", "Unverified checks fail (exit 1) instead of being warnings."));
        spec.addOption(flag("--undeclared", "Also report what the contract's classes have and the contract does not "
                + "declare: public and protected fields, constructors and methods (category undeclared), so that the "
                + "contract is the API's lock file and drift fails the check."));
        spec.addOption(flag("--quiet", "Print no report on stdout and no summary on stderr (the exit code tells; "
                + "--output still writes its file; errors are still printed)."));
        spec.addOption(OptionSpec.builder("--color").type(ValidateCommand.Color.class).paramLabel("auto|always|never")
                .description("Colour the text report: auto (default: on a terminal, unless NO_COLOR is set), "
                        + "always, never.").build());
        spec.addOption(path(OptionSpec.builder("--baseline")).paramLabel("FILE")
                .description("Violations accepted for now (importspy-baseline: 1), each with a justification: "
                        + "reported as suppressed, they fail nothing. An entry that matches no violation is stale: "
                        + "a warning, a failure with --strict.").build());
        spec.addOption(path(OptionSpec.builder("--write-baseline")).paramLabel("FILE")
                .description("Write every violation of this run (and each one --baseline suppressed, with its "
                        + "justification) to FILE as a baseline; new entries have an empty justification, which "
                        + "--baseline refuses until it is written.").build());
        spec.addOption(flag("--verbose", "Show a stack trace with errors."));
        spec.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("TARGET")
                .type(List.class).auxiliaryTypes(Path.class).converters(new PathConverter())
                .description("JARs or class directories to check.").build());
        standardHelpOptions(spec);
        return spec;
    }

    private static CommandSpec inspect() {
        CommandSpec spec = command(INSPECT);
        spec.usageMessage().sortOptions(false)
                .description("Prints a contract that TARGET satisfies, or records this JVM's runtime facts.", "",
                        "inspect TARGET: prints a contract (format 1) that TARGET satisfies: its name, the version "
                                + "range a user would write for its release ([1.4,2) for 1.4.2), its services, its "
                                + "public and protected classes and members, one member a line, grouped by package. "
                                + "A starting point to cut down to what a host needs; --package, --class, --service "
                                + "and --public-api-only cut it down from the start (each filter given must hold). "
                                + "With --pin, also the file's digest and its signers, to pin exactly these bytes.",
                        "inspect --runtime [-c FILE]: prints this JVM's facts as YAML, for 'validate --runtime FILE' "
                                + "elsewhere. Environment variables are printed only when the contract given with "
                                + "-c names them (a whole environment usually holds credentials); secrets are "
                                + "printed as present or absent, never with their value. Without -c, every system "
                                + "property is printed except those that may hold a credential or a command line: "
                                + "sun.java.command, names containing password, passwd, secret, token, credential, "
                                + "api key or private key, and URLs with a password; the YAML's first lines name "
                                + "what was omitted. With -c, only the properties the contract names are printed, "
                                + "whatever their name.")
                .footerHeading("%nExit codes:%n")
                .footer("  0  printed", "  2  bad input: missing or corrupt file, invalid contract, bad option",
                        "  3  internal error of ImportSpy (run with --verbose and report it)%n");
        spec.addOption(flag("--runtime", "Record the running JVM instead of inspecting a target."));
        spec.addOption(flag("--pin", "With TARGET: also write module.digest (SHA-256 of the file) and, for a JAR "
                + "that every signature covers, module.signers."));
        spec.addOption(OptionSpec.builder("-c", "--contract").type(String.class).paramLabel("FILE")
                .description("With --runtime: record only what this contract's deployments ask about.").build());
        spec.addOption(OptionSpec.builder("--classpath").type(String[].class).paramLabel("PATHS")
                .description("With --runtime: libraries to record, separated by '${sys:path.separator}'; "
                        + "repeatable.").build());
        ExtensionsOption.addTo(spec, "With --runtime: ");
        spec.addOption(OptionSpec.builder("--package").type(String[].class).paramLabel("PACKAGE")
                .description("With TARGET: write only the classes of PACKAGE and its subpackages; repeatable.").build());
        spec.addOption(OptionSpec.builder("--class").type(String[].class).paramLabel("GLOB")
                .description("With TARGET: write only the classes whose binary name matches GLOB (* any run of "
                        + "characters); repeatable.").build());
        spec.addOption(OptionSpec.builder("--service").type(String[].class).paramLabel("TYPE")
                .description("With TARGET: write only the providers of service TYPE, and only its services entry; "
                        + "repeatable.").build());
        spec.addOption(flag("--public-api-only", "With TARGET: leave out protected classes and members (what a "
                + "subclass sees), keeping what a caller sees."));
        spec.addOption(flag("--verbose", "Show a stack trace with errors."));
        spec.addPositional(PositionalParamSpec.builder().arity("0..1").paramLabel("TARGET")
                .type(Path.class).converters(new PathConverter())
                .description("A JAR or class directory.").build());
        standardHelpOptions(spec);
        return spec;
    }

    private static CommandSpec schema() {
        CommandSpec spec = command(SCHEMA);
        spec.usageMessage()
                .description("Prints the JSON Schema (draft 2020-12) of the contract language, format 1.", "",
                        "Save it beside your contracts and name it on a contract's first line, so that editors with "
                                + "the YAML language server (VS Code, IntelliJ) complete and check keys as you type:",
                        "  importspy schema > spymodel.schema.json",
                        "  # yaml-language-server: $schema=spymodel.schema.json")
                .footerHeading("%nExit codes:%n")
                .footer("  0  printed", "  3  internal error of ImportSpy (run with --verbose and report it)%n");
        standardHelpOptions(spec);
        return spec;
    }

    private static CommandSpec completion() {
        CommandSpec spec = command(COMPLETION);
        spec.usageMessage()
                .description("Prints a completion script for bash and zsh (generated by picocli from these commands).",
                        "", "bash: source <(importspy completion)",
                        "zsh:  autoload -U +X compinit && compinit; autoload -U +X bashcompinit && bashcompinit; "
                                + "source <(importspy completion)")
                .footerHeading("%nExit codes:%n")
                .footer("  0  printed", "  2  bad option%n");
        standardHelpOptions(spec);
        return spec;
    }

    /** A command whose {@code -V} prints the version; {@link #standardHelpOptions} adds the options. */
    static CommandSpec command(String name) {
        return CommandSpec.create().name(name).versionProvider(new Main.Version());
    }

    /** What picocli's {@code mixinStandardHelpOptions} adds, without its reflective mixin. */
    static void standardHelpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }

    static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name).type(boolean.class).description(description).build();
    }

    static OptionSpec.Builder path(OptionSpec.Builder option) {
        return option.type(Path.class).converters(new PathConverter());
    }

    /** {@code Path.of}, in place of picocli's reflective converter for {@code Path}. */
    static final class PathConverter implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return Path.of(value);
        }
    }
}
