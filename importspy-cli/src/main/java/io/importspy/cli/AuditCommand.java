package io.importspy.cli;

import io.importspy.contract.SpyModel;
import io.importspy.internal.contract.Policies;
import io.importspy.internal.contract.PolicyPlan;
import io.importspy.inspect.LibraryFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.inspect.RuntimeRecord;
import io.importspy.internal.pipeline.Pipeline;
import io.importspy.internal.report.JsonText;
import io.importspy.validate.Strictness;
import picocli.CommandLine.ParseResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code importspy audit}: many targets against a policy or one contract, on {@code --jobs} threads, one JSON
 * Lines record per target in target order and a summary record last. {@code --shard i/n} takes the targets whose
 * identity hashes to shard {@code i}; the verdict cache skips targets audited before with the same bytes,
 * contract and settings.
 */
final class AuditCommand {
    private final ParseResult parsed;

    private AuditCommand(ParseResult parsed) {
        this.parsed = parsed;
    }

    /** The audit a parsed {@code audit} command line asks for (see {@link Commands} for its options). */
    static AuditCommand from(ParseResult audit) {
        return new AuditCommand(audit);
    }

    private <T> T option(String name, T otherwise) {
        return parsed.matchedOptionValue(name, otherwise);
    }

    /** Runs the audit; returns 0 (all compliant or allowed), 1 (a violation), 2 (a target could not be audited). */
    int execute(PrintWriter out, PrintWriter err) throws Exception {
        Digests.warmUp(); // on a thread of its own, while this one reads the targets and the contract
        // read as text: a jar: value is not a path, and no path conversion may change its text
        String contract = option("--contract", null);
        Path policyFile = option("--policy", null);
        if ((contract == null) == (policyFile == null)) {
            throw new BadInputException(List.of(contract == null
                    ? "give the contract with -c FILE, or a policy with --policy FILE"
                    : "give either -c or --policy, not both: a policy names the contract of each target"));
        }
        int jobs = option("--jobs", Runtime.getRuntime().availableProcessors());
        if (jobs < 1) {
            throw new BadInputException(List.of("--jobs " + jobs + ": give at least 1"));
        }
        Shard shard = Shard.parse(option("--shard", "0/1"));
        String runtimeOption = option("--runtime", "none");
        boolean strict = option("--strict", Boolean.FALSE);
        boolean quiet = option("--quiet", Boolean.FALSE);
        Path output = option("--output", null);
        List<Path> classpath = InputFiles.classpath(List.of(option("--classpath", new String[0])));

        InputFiles inputs = new InputFiles();
        ContractArgument contractArgument = contract == null ? null : ContractArgument.of(contract);
        if (contractArgument != null) {
            contractArgument.checkedBy(inputs);
        } else {
            inputs.file(policyFile, "policy");
        }
        for (Path entry : classpath) {
            inputs.jarOrDirectory(entry, "class-path entry");
        }
        if (runtimeOption.equals("current")) {
            throw new BadInputException(List.of("--runtime current is not for audits: an audit judges the targets, "
                    + "not the machine it runs on (its shards may run on others); give none or a FILE recorded "
                    + "with 'importspy inspect --runtime'"));
        }
        Path runtimeRecord = runtimeOption.equals("none") ? null : Path.of(runtimeOption);
        if (runtimeRecord != null) {
            inputs.file(runtimeRecord, "runtime record");
        }
        inputs.check();
        List<AuditTargets.Target> all = targets();

        Optional<SpyModel> model = contractArgument == null ? Optional.empty() : Optional.of(contractArgument.read());
        // a policy's contracts are read when a target needs them, not here (see AuditJob.Run)
        Optional<PolicyPlan> policy = policyFile == null ? Optional.empty() : Optional.of(Policies.plan(policyFile));
        if (!quiet) {
            policy.ifPresent(plan -> plan.warnings().forEach(warning -> err.println("importspy: " + warning)));
            err.flush();
        }
        Optional<RuntimeFacts> runtime = Optional.empty();
        if (runtimeRecord != null) {
            List<LibraryFacts> libraries = Pipeline.libraries(classpath);
            RuntimeFacts facts = RuntimeRecord.read(runtimeRecord);
            runtime = Optional.of(libraries.isEmpty() ? facts : facts.withLibraries(libraries));
        }
        AuditCache cache = cache();
        Optional<String> contractDigest = Optional.empty();
        Optional<String> settingsDigest = Optional.empty();
        if (cache.isOn()) { // only a cache's keys need the digests: an audit without one reads no file for them
            contractDigest = Optional.of(model.isPresent()
                    ? Digests.ofTexts(fileDigest(contractArgument.file()), contractArgument.entry())
                    : fileDigest(policyFile));
            settingsDigest = Optional.of(settingsDigest(classpath, strict, runtimeRecord));
        }

        List<AuditTargets.Target> mine = new ArrayList<>();
        for (AuditTargets.Target target : all) {
            if (shard.contains(target.identity())) {
                mine.add(target);
            }
        }
        Path copies = PrivateDirectory.create("importspy-audit-");
        AuditJob.Run run = new AuditJob.Run(model, policy, contractDigest, settingsDigest, classpath, runtime,
                strict ? Strictness.STRICT : Strictness.LENIENT, cache, copies);
        Writer records = output == null ? out : open(output);
        try {
            return audit(run, mine, all.size(), shard, jobs, records, err, quiet);
        } finally {
            if (output != null) {
                records.close();
            }
            deleteTree(copies);
        }
    }

    /** The digest of everything besides the target and the contract that a verdict depends on. */
    private String settingsDigest(List<Path> classpath, boolean strict, Path runtimeRecord) throws IOException {
        List<String> settings = new ArrayList<>(List.of("importspy " + Main.version(), "java " + Main.javaVersion(),
                "strict " + strict, "runtime " + (runtimeRecord == null ? "none" : fileDigest(runtimeRecord))));
        for (Path entry : classpath) {
            settings.add("classpath " + fileDigest(entry));
        }
        // a verdict on an x- section is the extension's: another build of it is another setting
        for (Path extension : InputFiles.classpath(List.of(option(ExtensionsOption.NAME, new String[0])))) {
            settings.add("extension " + fileDigest(extension));
        }
        return Digests.ofTexts(settings.toArray(new String[0]));
    }

    private List<AuditTargets.Target> targets() {
        AuditTargets targets = new AuditTargets();
        targets.arguments(parsed.matchedPositionalValue(0, List.of()));
        for (Path dir : option("--dir", new Path[0])) {
            targets.directory(dir);
        }
        for (Path list : option("--list", new Path[0])) {
            targets.list(list);
        }
        Path[] manifests = option("--manifest", new Path[0]);
        if (manifests.length > 0) {
            Path repository = option("--repository", Path.of(System.getProperty("user.home"), ".m2", "repository"));
            if (!Files.isDirectory(repository)) {
                throw new BadInputException(List.of("--repository '" + repository + "' is not a directory (the local "
                        + "Maven repository the manifest's coordinates are read from)"));
            }
            for (Path manifest : manifests) {
                targets.manifest(manifest, repository);
            }
        }
        return targets.targets();
    }

    private AuditCache cache() {
        if (option("--no-cache", Boolean.FALSE)) {
            if (option("--cache", null) != null) {
                throw new BadInputException(List.of("give either --cache DIR or --no-cache, not both"));
            }
            return AuditCache.none();
        }
        Path directory = option("--cache", null);
        return AuditCache.in(directory != null ? directory
                : AuditCache.defaultDirectory(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home")));
    }

    private static int audit(AuditJob.Run run, List<AuditTargets.Target> mine, int all, Shard shard, int jobs,
                             Writer records, PrintWriter err, boolean quiet) throws Exception {
        long start = System.nanoTime();
        Progress progress = new Progress(err, !quiet && Progress.stderrIsTerminal(), mine.size());
        int[] counts = new int[AuditJob.Verdict.values().length];
        int violations = 0;
        int cached = 0;
        Set<String> printed = new HashSet<>();
        int threads = Math.min(jobs, mine.size()); // one target, or one job: this thread audits, no pool waits
        ExecutorService pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, new Daemons());
        try {
            List<Future<AuditJob.Outcome>> futures = new ArrayList<>(java.util.Collections.nCopies(mine.size(), null));
            if (pool != null) {
                for (int i : largestFirst(mine)) {
                    futures.set(i, pool.submit(new AuditJob(run, mine.get(i))));
                }
            }
            for (int i = 0; i < mine.size(); i++) {
                AuditJob.Outcome outcome = pool == null ? new AuditJob(run, mine.get(i)).call() : result(futures.get(i));
                records.write(outcome.record());
                records.write('\n');
                counts[outcome.verdict().ordinal()]++;
                violations += outcome.violations();
                cached += outcome.cached() ? 1 : 0;
                if (outcome.error().isPresent() && printed.add(outcome.error().get())) { // a bad contract once
                    progress.done();
                    err.println("importspy: " + outcome.error().get());
                }
                progress.update(i + 1, counts[AuditJob.Verdict.NON_COMPLIANT.ordinal()],
                        counts[AuditJob.Verdict.ERROR.ordinal()], cached);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        progress.done();
        JsonText summary = JsonText.compact().beginObject()
                .name("record").value("summary")
                .name("shard").value(shard.toString())
                .name("targets").value(mine.size())
                .name("targets-in-all-shards").value(all);
        for (AuditJob.Verdict verdict : AuditJob.Verdict.values()) {
            summary.name(verdict.label).value(counts[verdict.ordinal()]);
        }
        summary.name("violations").value(violations).name("cached").value(cached);
        records.write(summary.endObject().toString());
        records.write('\n');
        records.flush();
        if (!quiet) {
            // concatenated, not String.format: JDK 17's Formatter compiles its specifier expression on first use,
            // linking the JDK's lambdas, a start-up cost of every audit
            long tenths = Math.round((System.nanoTime() - start) / 1e8);
            err.println(mine.size() + " targets (shard " + shard + " of " + all + "), " + counts[0] + " compliant, "
                    + counts[1] + " non-compliant, " + counts[2] + " allowed, " + counts[3] + " errors, " + cached
                    + " cached, " + tenths / 10 + "." + tenths % 10 + " s");
            err.flush();
        }
        if (counts[AuditJob.Verdict.ERROR.ordinal()] > 0) {
            return Main.BAD_INPUT;
        }
        return counts[AuditJob.Verdict.NON_COMPLIANT.ordinal()] > 0 ? Main.VIOLATIONS : Main.COMPLIANT;
    }

    /**
     * The indexes of {@code targets}, largest file first: the jobs start the longest audits first and share the
     * short ones at the end, so that no large JAR started last keeps one job busy while the others idle. Records
     * are still written in target order.
     */
    static List<Integer> largestFirst(List<AuditTargets.Target> targets) {
        long[] sizes = new long[targets.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            try {
                sizes[i] = Files.size(targets.get(i).path());
            } catch (IOException | RuntimeException e) {
                sizes[i] = 0; // its job reports it
            }
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> sizes[i]).reversed().thenComparingInt(i -> i));
        return order;
    }

    private static AuditJob.Outcome result(Future<AuditJob.Outcome> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The digest of a file's bytes, or of a directory's files (names and bytes, in name order). */
    private static String fileDigest(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return Digests.file(path);
        }
        List<String> parts = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = new ArrayList<>();
            for (Path file : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
            files.sort(null);
            for (Path file : files) {
                parts.add(path.relativize(file).toString());
                parts.add(Digests.file(file));
            }
        }
        return Digests.ofTexts(parts.toArray(new String[0]));
    }

    private static Writer open(Path output) {
        try {
            return new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new BadInputException("cannot write the records to '" + output + "': " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path directory) {
        try { // a file visitor, not Files.walk: its stream links lambdas, a start-up cost of every audit
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path visited, IOException failed) throws IOException {
                    Files.deleteIfExists(visited);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            // temporary files; the system's cleaner takes what is left
        }
    }

    /** Daemon threads, so that an audit that fails never keeps the JVM alive. */
    private static final class Daemons implements java.util.concurrent.ThreadFactory {
        private int number;

        @Override
        public synchronized Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "importspy-audit-" + (++number));
            thread.setDaemon(true);
            return thread;
        }
    }
}
