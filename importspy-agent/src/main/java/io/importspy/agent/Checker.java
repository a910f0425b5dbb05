package io.importspy.agent;

import io.importspy.contract.Policy;
import io.importspy.contract.SpyModel;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.ModuleIdentity;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.inspect.Inspector;
import io.importspy.internal.inspect.ReadThreads;
import io.importspy.internal.pipeline.InspectionListener;
import io.importspy.internal.pipeline.Pipeline;
import io.importspy.internal.report.PlainText;
import io.importspy.internal.pipeline.PolicyReports;
import io.importspy.report.TextReport;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks code sources against the policy, once per content and file name: a JAR is known by the SHA-256 of its bytes
 * (a class directory by its path) and its file name, its module names are read once per content and file name, and
 * its verdict is reached once per content, file name and deciding rule, so a JAR is checked once per JVM whatever the
 * number of loaders reading it or copies of it under its name (a copy at a path another rule matches is decided by
 * that rule). The file name is part of what a JAR is: its stem is one of the module's names, which a policy's
 * {@code module:} rule and a contract's {@code module.name} match, and a contract's {@code module.filename} judges
 * it, so a copy under another name may be held to another contract, or fail the same one. A code source that cannot be checked
 * (unreadable, corrupt, a contract that fails) is refused, never admitted. Each verdict reached is recorded as a
 * JFR event; logging is the caller's, outside the class-loading path that reached it.
 */
final class Checker {
    private final Supplier<Policy> policy;
    private final List<Path> classpath;
    private final Map<String, List<String>> namesByDigest = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Verdict>> verdicts = new ConcurrentHashMap<>();
    private final Map<SpyModel, Pipeline> pipelines = new ConcurrentHashMap<>();
    private final Map<SpyModel, Optional<RuntimeFacts>> runtimes = new ConcurrentHashMap<>();
    private final boolean recorded;
    private volatile List<VerdictEvent.Reached> startup = new java.util.ArrayList<>();
    /** Where a start-up worker's events go until the start-up check records them in start-up order. */
    private final ThreadLocal<List<Deferred>> deferred = new ThreadLocal<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    /**
     * The verdicts {@link #log} has yet to log, guarded by itself: not a {@code ConcurrentLinkedQueue}, whose class
     * initialization links {@code VarHandle}s, a millisecond and more of every start-up, for a queue that holds only
     * refusals and audit findings.
     */
    private final java.util.ArrayDeque<Verdict> unlogged = new java.util.ArrayDeque<>();
    private final Path javaHome = CodeSources.resolved(Path.of(System.getProperty("java.home")));

    /**
     * @param policy    the policy, read when first needed
     * @param classpath the start-up class path: it resolves supertypes, and its entries are the libraries
     * @param recorded  whether verdicts are JFR events (the JVM was started with the flight recorder)
     */
    Checker(Supplier<Policy> policy, List<Path> classpath, boolean recorded) {
        this.policy = policy;
        this.classpath = List.copyOf(classpath);
        this.recorded = recorded;
    }

    /**
     * The verdict on the JAR or class directory at {@code path} (its {@linkplain CodeSources#resolved real path}),
     * known by its content. The
     * digest and the validation read the file apart: a file whose identity changes between them was not checked as
     * the bytes its digest names, and is refused (its verdict is not kept for that digest).
     */
    Verdict check(Path path) {
        String digest;
        String identity = Agent.identity(path);
        try {
            digest = digest(path);
        } catch (IOException e) {
            String where = path.toString();
            return event(where, "", Verdict.refused(where, "policy " + policy.get().file(),
                    "ImportSpy refused " + PlainText.visible(where) + ": it cannot be read (" + e.getMessage() + ")"), 0, false);
        }
        return check(path, digest, identity);
    }

    /**
     * The verdict on a start-up code source, known by its path: the class path's loader reads it from there for the
     * life of the JVM, so it is not hashed (hashing a large class path would cost more than checking it).
     */
    Verdict checkAtStartup(Path path) {
        return check(path, "path:" + path, null);
    }

    /**
     * The verdicts on the start-up code sources, in their order, checked on up to {@code threads} threads at once
     * (the calling one among them, each reading its JAR alone); their JFR events and log lines are in start-up
     * order too, whichever thread reached them. A check that fails in any way refuses its code source.
     */
    List<Verdict> checkAtStartup(List<Path> sources, int threads) {
        int count = sources.size();
        Verdict[] verdicts = new Verdict[count];
        List<List<Deferred>> events = new java.util.ArrayList<>(java.util.Collections.nCopies(count, List.of()));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable work = () -> Checking.mark(() -> {
            for (int i; (i = next.getAndIncrement()) < count; ) {
                Path source = sources.get(i);
                List<Deferred> mine = new java.util.ArrayList<>(1);
                deferred.set(mine);
                try {
                    verdicts[i] = ReadThreads.alone(() -> checkAtStartup(source));
                } catch (Throwable e) { // the thread goes on with the next: nothing it could not check is admitted
                    verdicts[i] = event(source.toString(), "", cannotCheck(source.toString(), e), 0, false);
                } finally {
                    deferred.remove();
                }
                synchronized (events) {
                    events.set(i, mine);
                }
            }
        });
        Thread[] helpers = new Thread[Math.max(0, Math.min(threads, count) - 1)];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(work, "importspy-agent-startup-" + (t + 1));
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        work.run();
        for (Thread helper : helpers) {
            joinUninterruptibly(helper);
        }
        List<Verdict> all = new java.util.ArrayList<>(count);
        synchronized (events) {
            for (int i = 0; i < count; i++) {
                for (Deferred event : events.get(i)) {
                    record(event);
                }
                all.add(verdicts[i]);
            }
        }
        return all;
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A verdict a start-up worker reached, and its JFR event when the JVM records them. */
    private record Deferred(VerdictEvent.Reached reached, Verdict verdict) {
    }

    private void record(Deferred event) {
        if (event.reached() != null) {
            startup.add(event.reached());
        }
        toLog(event.verdict());
    }

    /**
     * Queues a verdict for {@link #log}, which logs refusals and audit findings only: an admission is not queued, so a
     * start-up that admits every code source (a warm start, most of all) starts no logging thread.
     */
    private void toLog(Verdict verdict) {
        if (verdict.outcome() != Verdict.Outcome.ADMITTED) {
            synchronized (unlogged) {
                unlogged.add(verdict);
            }
        }
    }

    /** What a code source is known by: {@code sha256:<hex>} of a JAR's bytes, {@code dir:<path>} for a directory. */
    static String digest(Path path) throws IOException {
        return Files.isDirectory(path) ? "dir:" + path : Digests.sha256(path);
    }

    /**
     * The verdict on the code source at {@code path}, whose {@link #digest(Path) digest} is {@code digest}, read when
     * its {@link StartupCache#identity identity} was {@code identity} ({@code null}: not compared).
     */
    Verdict check(Path path, String digest, String identity) {
        String where = path.toString();
        long start = System.nanoTime();
        Policy.Decision decision;
        try {
            decision = decide(path, digest);
        } catch (RuntimeException e) {
            return event(where, digest.startsWith("path:") ? "" : digest, cannotCheck(where, e),
                    System.nanoTime() - start, false);
        }
        String key = digest + " " + fileName(path) + " " + decision.location();
        CompletableFuture<Verdict> mine = new CompletableFuture<>();
        CompletableFuture<Verdict> known = verdicts.putIfAbsent(key, mine);
        if (known != null) {
            Verdict before = known.join();
            if (before.codeSource().equals(where) || !seen.add(where + " " + digest)) {
                return before.codeSource().equals(where) ? before : before.at(where);
            }
            return event(where, digest, before.at(where), System.nanoTime() - start, true);
        }
        seen.add(where + " " + digest);
        Verdict verdict = null;
        try {
            try {
                verdict = validate(path, decision);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                verdict = cannotCheck(where, e);
            }
            if (identity != null && !identity.equals(Agent.identity(path))) {
                verdict = Verdict.refused(where, verdict.contract(), "ImportSpy refused " + PlainText.visible(where) + " (none of its code "
                        + "runs): it changed on disk while ImportSpy checked it");
                verdicts.remove(key, mine);
            }
        } finally {
            if (verdict == null) {
                // an error no check survives (the heap ran out): refused, and a later class of it is checked anew
                // rather than wait forever on this verdict
                verdicts.remove(key, mine);
                mine.complete(Verdict.refused(where, "policy", "ImportSpy refused " + PlainText.visible(where) + ": it cannot be checked"));
            }
        }
        mine.complete(verdict);
        return event(where, digest.startsWith("path:") ? "" : digest, verdict, System.nanoTime() - start, false);
    }

    /** Ends the start-up check: its verdicts are written at the beginning of each JFR chunk, later ones at once. */
    void started() {
        if (recorded) {
            VerdictEvent.atEachChunk(startup);
        }
        startup = null;
    }


    /** Records a verdict the start-up cache held, as a JFR event marked cached. */
    Verdict cached(Verdict verdict) {
        return event(verdict.codeSource(), "", verdict, 0, true);
    }

    private Policy.Decision decide(Path path, String digest) {
        Policy rules = policy.get();
        if (path.startsWith(javaHome)) {
            return new Policy.Decision(Optional.empty(), Policy.Mode.ALLOW, Optional.empty(), rules.defaultLocation());
        }
        // a policy whose rules all match paths decides without the module's names: nothing is read for them
        List<String> names = !byName(rules) ? List.of()
                : namesByDigest.computeIfAbsent(digest + " " + fileName(path),
                        d -> PolicyReports.names(Inspector.withClasspath(List.of()).identify(path)));
        return rules.decideResolved(path, names); // path is real: resolving it again could lead elsewhere
    }

    /** The file name of a code source, which its module names and a contract's {@code filename} depend on. */
    private static String fileName(Path path) {
        return String.valueOf(path.getFileName());
    }

    /** Whether a rule of {@code rules} matches by module name or coordinates (not only by path). */
    private static boolean byName(Policy rules) {
        for (Policy.Rule rule : rules.rules()) {
            if (!(rule.match() instanceof Policy.Match.OnPath)) {
                return true;
            }
        }
        return false;
    }

    private Verdict validate(Path path, Policy.Decision decision) {
        String where = path.toString();
        if (decision.contract().isEmpty()) {
            if (decision.refusedOutright()) {
                ModuleIdentity identity = Inspector.withClasspath(List.of()).identify(path);
                TargetReport refused = PolicyReports.decided(where, identity, policy.get(), decision);
                Report report = new Report(policy.get().file(), List.of(refused), Strictness.LENIENT);
                return new Verdict(where, Verdict.Outcome.REFUSED, decision.describe(), refusal(where, report), true);
            }
            return new Verdict(where, Verdict.Outcome.ADMITTED, decision.describe(), "", true);
        }
        SpyModel contract = decision.contract().get();
        Pipeline pipeline = pipelines.computeIfAbsent(contract, c -> Pipeline.of(c, classpath, InspectionListener.NONE));
        boolean deployments = !Sections.deployments(contract).isEmpty();
        Optional<RuntimeFacts> runtime = deployments
                ? runtimes.computeIfAbsent(contract, c -> Optional.of(pipeline.hostRuntime(classpath)))
                : Optional.empty();
        TargetReport target = pipeline.validate(pipeline.inspect(path), runtime);
        Report report = pipeline.report(List.of(target), Strictness.LENIENT);
        boolean cacheable = !deployments;
        if (report.isCompliant()) {
            return new Verdict(where, Verdict.Outcome.ADMITTED, contract.file(), "", cacheable);
        }
        if (decision.mode() == Policy.Mode.AUDIT) {
            StringBuilder findings = new StringBuilder();
            target.violations().forEach(v -> findings.append("importspy audit: ").append(where).append(": ")
                    .append(v.message()).append(" (").append(v.location()).append(")\n"));
            return new Verdict(where, Verdict.Outcome.AUDITED, contract.file(), findings.toString(), cacheable);
        }
        return new Verdict(where, Verdict.Outcome.REFUSED, contract.file(), refusal(where, report), cacheable);
    }

    private Verdict cannotCheck(String where, Throwable e) {
        String why = e instanceof InspectionException ? e.getMessage() : e.toString();
        return Verdict.refused(where, "policy " + policy.get().file(),
                "ImportSpy refused " + PlainText.visible(where) + ": it cannot be checked: " + why);
    }

    private static String refusal(String where, Report report) {
        return "ImportSpy refused " + PlainText.visible(where) + " (none of its code runs):\n" + TextReport.render(report);
    }

    private Verdict event(String where, String digest, Verdict verdict, long nanos, boolean cached) {
        VerdictEvent.Reached reached = recorded ? new VerdictEvent.Reached(where, digest, verdict, nanos, cached) : null;
        List<Deferred> later = deferred.get();
        if (later != null) {
            later.add(new Deferred(reached, verdict));
            return verdict;
        }
        if (reached != null) {
            if (startup != null) {
                startup.add(reached);
            } else {
                reached.record();
            }
        }
        toLog(verdict);
        return verdict;
    }

    /** Records a verdict reached without a check (code with no checkable code source). */
    void reached(Verdict verdict) {
        event(verdict.codeSource(), "", verdict, 0, false);
    }

    /**
     * Logs the verdicts reached since the last call on the {@code System.Logger} named {@code io.importspy.agent}
     * (refusals and audit findings as warnings), on a thread of its own that the caller waits for (at most
     * {@link #LOG_WAIT_MILLIS}), so each line is written before the class that reached it is defined. Never on the
     * caller's thread: a logging back end loads classes (a {@code System.LoggerFinder}, a {@code ZoneRulesProvider}
     * for a time stamp, ...) from the class path, and a class that a thread loads while inside a
     * {@code ClassFileTransformer} is defined by the JVM without any transformer, so it would escape the check;
     * loaded by the logging thread, it is judged like any other.
     */
    void log() {
        synchronized (unlogged) {
            if (unlogged.isEmpty()) {
                return;
            }
        }
        Thread thread = new Thread(this::drain, "importspy-agent-log");
        thread.setContextClassLoader(null);
        thread.start();
        try {
            thread.join(LOG_WAIT_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long a caller waits for its lines to be logged. */
    static final long LOG_WAIT_MILLIS = 5_000;

    private Verdict nextUnlogged() {
        synchronized (unlogged) {
            return unlogged.poll();
        }
    }

    private void drain() {
        for (Verdict verdict; (verdict = nextUnlogged()) != null; ) {
            try {
                Log.verdict(verdict);
            } catch (Throwable unusable) {
                // a logging back end ImportSpy refused (its classes are stubs): the line goes to stderr instead
                System.err.println("importspy-agent: " + PlainText.visible(verdict.reason().lines().findFirst()
                        .orElse(verdict.codeSource())));
            }
        }
    }
}
