package io.importspy.cli;

import io.importspy.ImportSpyException;
import io.importspy.contract.Policy;
import io.importspy.contract.SpyModel;
import io.importspy.internal.contract.Contracts;
import io.importspy.internal.contract.PolicyPlan;
import io.importspy.inspect.ModuleIdentity;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.inspect.Inspector;
import io.importspy.internal.inspect.ReadThreads;
import io.importspy.internal.java.RealPaths;
import io.importspy.internal.pipeline.InspectionListener;
import io.importspy.internal.pipeline.Pipeline;
import io.importspy.internal.pipeline.PolicyReports;
import io.importspy.internal.report.JsonText;
import io.importspy.internal.report.JsonViolation;
import io.importspy.internal.yaml.BoundedYaml;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The audit of one target, the unit {@code importspy audit} runs on its jobs: a private copy of the JAR is
 * made while it is digested (so the verdict, the decision and the cache key are all of the same bytes, whatever
 * happens to the file meanwhile), the policy decides its contract from that copy, and the verdict comes from
 * the cache or from validating the copy. With one contract and a cache, the bytes are first digested where they
 * are: a verdict cached for them needs no copy. The result is one JSON Lines record.
 */
final class AuditJob implements Callable<AuditJob.Outcome> {
    /** What an audit says of a target. */
    enum Verdict {
        COMPLIANT("compliant"), NON_COMPLIANT("non-compliant"), ALLOWED("allowed"), ERROR("error");

        final String label;

        Verdict(String label) {
            this.label = label;
        }
    }

    /**
     * One target's result.
     *
     * @param record     its JSON Lines record, without the line break
     * @param verdict    its verdict
     * @param violations how many violations it has
     * @param cached     whether the verdict came from the cache
     * @param error      the one-line error when the verdict is {@code error}
     */
    record Outcome(String record, Verdict verdict, int violations, boolean cached, Optional<String> error) {
    }

    /**
     * What every job of one audit shares: the contract or the policy, the settings, the cache, where copies go.
     * A policy's contracts are digested and read each at most once, when a target first needs them: a target
     * whose verdict is cached costs its contract's digest, never its reading.
     */
    static final class Run {
        final Optional<SpyModel> contract;
        final Optional<PolicyPlan> policy;
        /** The digest of the contract or the policy file, and of the settings: only with a cache, for its keys. */
        final Optional<String> contractDigest;
        final Optional<String> settingsDigest;
        final List<Path> classpath;
        final Optional<RuntimeFacts> runtime;
        final Strictness strictness;
        final AuditCache cache;
        final Path copies;
        private final Optional<Pipeline> single;
        private final Map<Path, PolicyContract> contracts = new ConcurrentHashMap<>();
        private final AtomicInteger copyNumber = new AtomicInteger();

        /**
         * @param contractDigest the digest of the contract ({@code -c}) or of the policy file: with a policy, each
         *                       target's key adds the digest of the contract it is validated against; empty, as
         *                       {@code settingsDigest}, when there is no cache (nothing else needs them)
         */
        Run(Optional<SpyModel> contract, Optional<PolicyPlan> policy, Optional<String> contractDigest,
            Optional<String> settingsDigest,
            List<Path> classpath, Optional<RuntimeFacts> runtime, Strictness strictness, AuditCache cache, Path copies) {
            this.contract = contract;
            this.policy = policy;
            this.contractDigest = contractDigest;
            this.settingsDigest = settingsDigest;
            this.classpath = classpath;
            this.runtime = runtime;
            this.strictness = strictness;
            this.cache = cache;
            this.copies = copies;
            this.single = contract.map(model -> Pipeline.of(model, classpath, InspectionListener.NONE).reportingShadowed()
                    .forJavaOf(runtime));
        }

        PolicyContract contract(Path file) {
            return contracts.computeIfAbsent(file, f -> new PolicyContract(f, classpath, runtime)); // no reading in here
        }
    }

    /**
     * A contract a policy names: its digest and its pipeline, each made once, when a job first asks. Two jobs
     * asking for one contract wait for one reading; jobs asking for different contracts do not wait for each other.
     */
    static final class PolicyContract {
        private final Path file;
        private final List<Path> classpath;
        /** The recorded runtime, whose Java loads the classes judged; none: every Java's. */
        private final Optional<RuntimeFacts> runtime;
        private final Object digesting = new Object();
        private String digest;
        private Pipeline pipeline;
        private ImportSpyException failure;

        PolicyContract(Path file, List<Path> classpath, Optional<RuntimeFacts> runtime) {
            this.file = file;
            this.classpath = classpath;
            this.runtime = runtime;
        }

        String file() {
            return file.toString();
        }

        private SpyModel parse(byte[] bytes) {
            try {
                return Contracts.read(new ByteArrayInputStream(bytes), file.toString());
            } catch (IOException e) {
                throw new IllegalStateException("reading bytes in memory failed", e); // a ByteArrayInputStream cannot
            }
        }

        /** The SHA-256 of the contract's bytes, read once. */
        String digest() {
            synchronized (digesting) {
                if (digest == null) {
                    try {
                        digest = Digests.file(file);
                    } catch (IOException e) {
                        throw new BadInputException(file + ": cannot read contract: " + e.getMessage(), e);
                    }
                }
                return digest;
            }
        }

        /**
         * The contract's pipeline, read once; a contract that cannot be read fails every job that asks, with its
         * errors. The contract is read once, into memory, and parsed from those bytes, which must be the bytes
         * digested: a contract changed during the audit fails too. So every {@link ContractException} it throws
         * follows from the digested bytes alone (its verdict may be cached), and an I/O error is a
         * {@link BadInputException} (never cached).
         */
        synchronized Pipeline pipeline() {
            if (pipeline == null && failure == null) {
                String before = digest();
                byte[] bytes;
                try (InputStream in = Files.newInputStream(file)) {
                    bytes = in.readNBytes(BoundedYaml.MAX_BYTES + 1);
                } catch (IOException e) {
                    throw new BadInputException(file + ": cannot read contract: " + e.getMessage(), e);
                }
                try {
                    SpyModel model;
                    if (bytes.length > BoundedYaml.MAX_BYTES) {
                        model = Contracts.read(file); // refused for its size, in the reader's words
                    } else {
                        if (!Digests.bytes(bytes).equals(before)) {
                            throw new BadInputException(List.of(file + ": changed while the audit read it; audit again"));
                        }
                        model = parse(bytes);
                    }
                    pipeline = Pipeline.of(model, classpath, InspectionListener.NONE).reportingShadowed()
                            .forJavaOf(runtime);
                } catch (ImportSpyException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return pipeline;
        }
    }

    private final Run run;
    private final AuditTargets.Target target;
    private long copiedBytes = -1;

    AuditJob(Run run, AuditTargets.Target target) {
        this.run = run;
        this.target = target;
    }

    @Override
    public Outcome call() {
        Path copy = null;
        String digest = null;
        String contractFile = null;
        String key = null;
        try {
            copy = run.copies.resolve(Integer.toString(run.copyNumber.incrementAndGet()))
                    .resolve(target.path().getFileName().toString());
            // one resolution of links and '..', which the copy is read from and the policy decides by
            Path source = RealPaths.of(target.path());
            if (run.single.isPresent() && run.cache.isOn()) {
                // a verdict cached for the bytes where they are needs no private copy: they are digested in place,
                // and copied (and digested again, the key then of the copy) only when they are to be validated
                contractFile = run.contract.orElseThrow().file();
                String inPlace = copy(source, null);
                Optional<Outcome> cached = cached(inPlace, contractFile, singleKey(inPlace, copy));
                if (cached.isPresent()) {
                    return cached.get();
                }
            }
            digest = copy(source, copy);
            Map<Path, String> labels = Map.of(copy, target.path().toString());
            Optional<PolicyContract> contract = Optional.empty();
            if (run.single.isPresent()) {
                contractFile = run.contract.orElseThrow().file();
                key = run.cache.isOn() ? singleKey(digest, copy) : null;
            } else {
                ModuleIdentity identity = Inspector.withClasspath(List.of()).withLabels(labels).identify(copy);
                PolicyPlan policy = run.policy.orElseThrow();
                Optional<PolicyPlan.Rule> rule = underJavaHome(source) ? Optional.empty()
                        : policy.decide(source, PolicyReports.names(identity));
                if (rule.isEmpty() || rule.get().contract().isEmpty()) {
                    boolean refused = !underJavaHome(source) && rule.isEmpty()
                            && policy.defaultMode() == Policy.Mode.ENFORCE;
                    TargetReport report = PolicyReports.decided(target.path().toString(), identity, policy.file(),
                            refused, rule.map(PolicyPlan.Rule::location).orElse(policy.defaultLocation()));
                    Verdict verdict = report.violations().isEmpty() ? Verdict.ALLOWED : Verdict.NON_COMPLIANT;
                    return outcome(digest, null, verdict(verdict, report), verdict, report.violations().size(), false);
                }
                contract = Optional.of(run.contract(rule.get().contract().get()));
                contractFile = contract.get().file();
                key = run.cache.isOn() ? AuditCache.key(judged(digest, copy), Digests.ofTexts(
                        run.contractDigest.orElseThrow(), contractFile, contract.get().digest()),
                        run.settingsDigest.orElseThrow()) : null;
            }
            if (key != null) {
                Optional<Outcome> cached = cached(digest, contractFile, key);
                if (cached.isPresent()) {
                    return cached.get();
                }
            }
            Pipeline chosen = contract.isPresent() ? contract.get().pipeline() : run.single.orElseThrow();
            Path read = copy;
            // one thread per job: the audit runs its targets in parallel, each target's reading is sequential
            TargetReport report = ReadThreads.alone(() -> chosen.validate(chosen.inspect(read, labels), run.runtime));
            Verdict verdict = report.isCompliant(run.strictness) ? Verdict.COMPLIANT : Verdict.NON_COMPLIANT;
            String body = verdict(verdict, report);
            if (key != null) {
                run.cache.put(key, body);
            }
            return outcome(digest, contractFile, body, verdict, report.violations().size(), false);
        } catch (ImportSpyException e) {
            String message = Main.oneLine(e.getMessage());
            if (key != null && followsFromTheBytes(e) && stillWhole(copy)) {
                run.cache.put(errorKey(key), message);
            }
            return error(digest, contractFile, message, false);
        } catch (IOException | BadInputException e) {
            return error(digest, contractFile, Main.oneLine(e instanceof IOException
                    ? target.where() + ": cannot be read: " + e.getMessage() : e.getMessage()), false);
        } finally {
            delete(copy);
        }
    }

    /** The key of a verdict on the bytes digested {@code digest}, named as {@code copy}, against the one contract. */
    private String singleKey(String digest, Path copy) {
        return AuditCache.key(judged(digest, copy), run.contractDigest.orElseThrow(), run.settingsDigest.orElseThrow());
    }

    /**
     * What a verdict is on: the bytes digested {@code digest} and the file name of {@code copy} (a verdict depends on
     * the file name too: its stem is a module name, and a contract's filename judges it).
     */
    private static String judged(String digest, Path copy) {
        return Digests.ofTexts(digest, "file name " + copy.getFileName());
    }

    /** The outcome the cache holds under {@code key}, a verdict's or an error's. */
    private Optional<Outcome> cached(String digest, String contractFile, String key) {
        Optional<String> cached = run.cache.get(key);
        if (cached.isPresent()) {
            return Optional.of(fromCache(digest, contractFile, cached.get()));
        }
        Optional<String> cachedError = run.cache.get(errorKey(key));
        if (cachedError.isPresent()) {
            return Optional.of(error(digest, contractFile, cachedError.get(), true));
        }
        return Optional.empty();
    }

    /**
     * Where the error verdict of this target under {@code key} is cached: apart from its verdicts, since its
     * message names the files as this run gave them (the target's path, the class path's entries), which a
     * verdict does not depend on.
     */
    private String errorKey(String key) {
        List<String> parts = new java.util.ArrayList<>(List.of(key, "error", target.path().toString()));
        for (Path entry : run.classpath) {
            parts.add(entry.toString());
        }
        return Digests.ofTexts(parts.toArray(new String[0])).substring("sha256:".length());
    }

    /**
     * Whether the error {@code e} follows from the bytes the key digests (the private copy of the target, the
     * contract, the class path) and the settings alone, so that every later audit of them would fail the same
     * way: a contract's errors, a corrupt JAR or class file, the multi-release rule. An error whose causes hold
     * an I/O failure that is not a verdict on the bytes (a file gone, a disk error, too many open files) is not.
     */
    static boolean followsFromTheBytes(ImportSpyException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && !(cause instanceof java.util.zip.ZipException
                    || cause instanceof java.io.EOFException || cause instanceof java.io.CharConversionException
                    || cause instanceof java.nio.charset.CharacterCodingException)) {
                return false;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return true;
    }

    /**
     * Copies the target, read at {@code source}, to {@code copy} (none: only reads it), returning its SHA-256; a
     * pinned digest must match.
     */
    private String copy(Path source, Path copy) throws IOException {
        if (copy != null) {
            Files.createDirectories(copy.getParent());
        }
        String pinnedAlgorithm = target.pinned().map(p -> p.substring(0, p.indexOf(':'))).orElse("sha256");
        MessageDigest sha256 = Digests.of("sha256");
        MessageDigest pinned = pinnedAlgorithm.equals("sha256") ? null : Digests.of(pinnedAlgorithm);
        if (copy == null) {
            try (InputStream in = Files.newInputStream(source)) {
                Digests.update(in, null, sha256, pinned);
            }
        } else {
            try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(copy)) {
                copiedBytes = Digests.update(in, out, sha256, pinned);
            }
        }
        String digest = Digests.text("sha256", sha256);
        if (target.pinned().isPresent()) {
            String actual = pinned == null ? digest : Digests.text(pinnedAlgorithm, pinned);
            if (!actual.equals(target.pinned().get())) {
                throw new BadInputException(List.of(target.where() + ": " + target.identity() + " (" + target.path()
                        + ") has " + actual + ", not the " + target.pinned().get() + " the manifest pins"));
            }
        }
        return digest;
    }

    /** Whether the private copy is still there, all of it: an error reading a copy that is not is no verdict. */
    private boolean stillWhole(Path copy) {
        try {
            return copy != null && Files.isRegularFile(copy) && Files.size(copy) == copiedBytes;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean underJavaHome(Path real) {
        return real.startsWith(RealPaths.of(Path.of(System.getProperty("java.home"))));
    }

    /** The part of a record the cache keeps: verdict, module and violations, as a JSON object. */
    private static String verdict(Verdict verdict, TargetReport report) {
        JsonText json = JsonText.compact().beginObject();
        json.name("verdict").value(verdict.label);
        json.name("module").beginObject()
                .name("name").value(report.moduleName().orElse(null))
                .name("version").value(report.moduleVersion().orElse(null))
                .endObject();
        json.name("violations").beginArray();
        for (Violation violation : report.violations()) {
            JsonViolation.write(json, violation);
        }
        json.endArray();
        return json.endObject().toString();
    }

    private Outcome fromCache(String digest, String contractFile, String body) {
        Verdict verdict = body.startsWith("{\"verdict\":\"compliant\"") ? Verdict.COMPLIANT : Verdict.NON_COMPLIANT;
        int violations = count(body, "{\"category\":");
        return outcome(digest, contractFile, body, verdict, violations, true);
    }

    private Outcome outcome(String digest, String contractFile, String body, Verdict verdict, int violations,
                            boolean cached) {
        return new Outcome(head(digest, contractFile) + "," + body.substring(1), verdict, violations, cached,
                Optional.empty());
    }

    private Outcome error(String digest, String contractFile, String message, boolean cached) {
        JsonText json = JsonText.compact().beginObject();
        json.name("verdict").value(Verdict.ERROR.label);
        json.name("module").beginObject().name("name").value(null).name("version").value(null).endObject();
        json.name("violations").beginArray().endArray();
        json.name("error").value(message);
        String body = json.endObject().toString();
        return new Outcome(head(digest, contractFile) + "," + body.substring(1), Verdict.ERROR, 0, cached,
                Optional.of(message));
    }

    /** {@code {"record":"target","target":...,"digest":...,"contract":...} without its closing brace. */
    private String head(String digest, String contractFile) {
        String head = JsonText.compact().beginObject()
                .name("record").value("target")
                .name("target").value(target.identity())
                .name("digest").value(digest)
                .name("contract").value(contractFile)
                .endObject().toString();
        return head.substring(0, head.length() - 1);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }

    private static void delete(Path copy) {
        if (copy == null) {
            return;
        }
        try {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(copy.getParent());
        } catch (IOException e) {
            // the run's directory of copies is deleted at its end
        }
    }
}
