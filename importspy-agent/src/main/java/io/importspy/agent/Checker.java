package io.importspy.agent;

import io.importspy.Spy;
import io.importspy.ValidationOptions;
import io.importspy.contract.Policy;
import io.importspy.contract.SpyModel;
import io.importspy.report.TextReport;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks code sources against the policy, once per content: verdicts are cached by the SHA-256 of a JAR's bytes
 * (a class directory by its path), so a JAR is checked once per JVM whatever the number of loaders reading it.
 * Each verdict is logged on the {@code System.Logger} named {@code io.importspy.agent} and recorded as a JFR
 * event. A code source that cannot be checked (unreadable, corrupt) is refused, never admitted.
 */
final class Checker {
    static final System.Logger LOG = System.getLogger("io.importspy.agent");

    private final Policy policy;
    private final Map<String, Verdict> byDigest = new ConcurrentHashMap<>();

    Checker(Policy policy) {
        this.policy = policy;
    }

    /** The verdict on the JAR or class directory at {@code path}. */
    Verdict check(Path path) {
        String key;
        try {
            key = Files.isDirectory(path) ? "dir:" + path.toAbsolutePath().normalize() : digest(path);
        } catch (IOException e) {
            return record(path, refuse(path, "policy " + policy.file(), null,
                    "ImportSpy refused " + path + ": it cannot be read (" + e.getMessage() + ")"), new VerdictEvent(), 0);
        }
        Verdict cached = byDigest.get(key);
        if (cached != null) {
            return cached;
        }
        VerdictEvent event = new VerdictEvent();
        event.begin();
        long start = System.nanoTime();
        Verdict verdict = decide(path);
        byDigest.putIfAbsent(key, verdict);
        return record(path, verdict, event, System.nanoTime() - start);
    }

    private Verdict decide(Path path) {
        String where = path.toString();
        try {
            Policy.Decision decision = Spy.decide(policy, path);
            if (decision.contract().isEmpty()) {
                if (!decision.refusedOutright()) {
                    return new Verdict(where, Verdict.Outcome.ADMITTED, decision.describe(), Optional.empty(), "");
                }
                Report report = Spy.validate(policy, ValidationOptions.defaults(), List.of(path));
                return refuse(path, decision.describe(), report, reason(path, report));
            }
            SpyModel contract = decision.contract().get();
            Report report = Spy.validate(contract, ValidationOptions.defaults().withStrictness(Strictness.LENIENT),
                    List.of(path));
            if (report.isCompliant()) {
                return new Verdict(where, Verdict.Outcome.ADMITTED, contract.file(), Optional.of(report), "");
            }
            if (decision.mode() == Policy.Mode.AUDIT) {
                report.targets().forEach(t -> t.violations().forEach(v -> LOG.log(Level.WARNING,
                        "importspy audit: {0}: {1} ({2})", where, v.message(), v.location())));
                return new Verdict(where, Verdict.Outcome.AUDITED, contract.file(), Optional.of(report), "");
            }
            return refuse(path, contract.file(), report, reason(path, report));
        } catch (RuntimeException e) {
            return refuse(path, "policy " + policy.file(), null,
                    "ImportSpy refused " + path + ": it cannot be checked: " + e.getMessage());
        }
    }

    private static Verdict refuse(Path path, String contract, Report report, String reason) {
        return new Verdict(path.toString(), Verdict.Outcome.REFUSED, contract, Optional.ofNullable(report), reason);
    }

    private static String reason(Path path, Report report) {
        return "ImportSpy refused " + path + " (none of its code runs):\n" + TextReport.render(report);
    }

    private static Verdict record(Path path, Verdict verdict, VerdictEvent event, long nanos) {
        if (event.isEnabled()) {
            event.codeSource = path.toString();
            event.contract = verdict.contract();
            event.verdict = verdict.outcome().name().toLowerCase(java.util.Locale.ROOT);
            event.commit();
        }
        LOG.log(verdict.refused() ? Level.WARNING : Level.DEBUG, "importspy: {0} {1} by {2} in {3} ms", path,
                verdict.outcome().name().toLowerCase(java.util.Locale.ROOT), verdict.contract(), nanos / 1_000_000);
        return verdict;
    }

    private static String digest(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
