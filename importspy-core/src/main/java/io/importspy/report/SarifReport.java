package io.importspy.report;

import io.importspy.API;
import io.importspy.internal.report.JsonText;
import io.importspy.contract.Location;
import io.importspy.validate.Category;
import io.importspy.validate.Context;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.importspy.API.Status.STABLE;

/**
 * Renders a {@link Report} as SARIF 2.1.0, the format code-scanning UIs (GitHub, GitLab, IDEs) read.
 *
 * <p>One run, tool {@code ImportSpy} (its {@code informationUri} the README's section on report rules); one
 * rule per (category, context) pair the report uses, with stable ids like {@code importspy/missing-method},
 * descriptions and a {@code helpUri} to the rule's README anchor; one result per violation, located at the
 * requirement in the contract file (the path as given, with forward slashes, as a URI reference; an absolute
 * path becomes a {@code file:} URI), its message naming the target. Missing, mismatch and invalid results are
 * errors; unverified ones are warnings, or errors when the report is strict. Each result carries
 * {@code target}, {@code subject}, {@code expected} and {@code found} in its {@code properties}, and a
 * {@code partialFingerprints} entry {@value #FINGERPRINT} that stays the same across runs, contract edits
 * that move the requirement and target paths: a hash of the rule id, the target's
 * {@linkplain TargetReport#identity() identity}, the subject and the expected text. A compliant report has
 * {@code "results": []}.
 *
 * <p>With a baseline, each violation it lists is a result with a {@code suppressions} entry (kind
 * {@code external}, the baseline's justification, located at the entry), every other result has
 * {@code "suppressions": []}, and each stale entry is a result of rule {@code importspy/stale-baseline}, located
 * in the baseline (a warning, an error when strict).
 */
@API(status = STABLE, since = "0.1.0")
public final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The key of ImportSpy's fingerprint in {@code partialFingerprints}; the suffix is its version. */
    static final String FINGERPRINT = "importspy/v1";

    private SarifReport() {
    }

    /** The report as a SARIF 2.1.0 log; the tool version is this package's implementation version, if known. */
    public static String render(Report report) {
        return render(report, Optional.ofNullable(SarifReport.class.getPackage().getImplementationVersion()));
    }

    static String render(Report report, Optional<String> toolVersion) {
        Map<SarifRule, Integer> rules = new LinkedHashMap<>();
        for (TargetReport target : report.targets()) {
            for (Violation violation : target.violations()) {
                rules.putIfAbsent(new SarifRule(violation.category(), violation.context()), rules.size());
            }
            for (TargetReport.Suppressed suppressed : target.suppressed()) {
                Violation violation = suppressed.violation();
                rules.putIfAbsent(new SarifRule(violation.category(), violation.context()), rules.size());
            }
        }
        boolean baselined = report.baseline().isPresent();
        List<Report.Stale> stale = baselined ? report.baseline().get().stale() : List.of();
        JsonText json = new JsonText().beginObject();
        json.name("$schema").value(SCHEMA);
        json.name("version").value("2.1.0");
        json.name("runs").beginArray().beginObject();
        json.name("tool").beginObject().name("driver").beginObject();
        json.name("name").value("ImportSpy");
        toolVersion.ifPresent(version -> json.name("version").value(version));
        json.name("informationUri").value(SarifRule.RULES_SECTION);
        json.name("rules").beginArray();
        for (SarifRule rule : rules.keySet()) {
            rule(json, rule, report.strictness());
        }
        if (!stale.isEmpty()) {
            SarifBaseline.staleRule(json, report.strictness());
        }
        json.endArray().endObject().endObject();
        json.name("invocations").beginArray().beginObject()
                .name("executionSuccessful").value(true)
                .endObject().endArray();
        json.name("results").beginArray();
        for (TargetReport target : report.targets()) {
            for (Violation violation : target.violations()) {
                SarifRule rule = new SarifRule(violation.category(), violation.context());
                result(json, target, violation, rule, rules.get(rule), report.strictness());
                if (baselined) {
                    json.name("suppressions").beginArray().endArray();
                }
                json.endObject();
            }
            for (TargetReport.Suppressed suppressed : target.suppressed()) {
                Violation violation = suppressed.violation();
                SarifRule rule = new SarifRule(violation.category(), violation.context());
                result(json, target, violation, rule, rules.get(rule), report.strictness());
                SarifBaseline.suppressions(json, suppressed);
                json.endObject();
            }
        }
        for (Report.Stale entry : stale) {
            SarifBaseline.staleResult(json, entry, rules.size(), report.strictness());
        }
        json.endArray();
        runProperties(json, report);
        json.endObject().endArray();
        return json.endObject() + "\n";
    }

    private static void rule(JsonText json, SarifRule rule, Strictness strictness) {
        json.beginObject();
        json.name("id").value(rule.id());
        json.name("name").value(rule.name());
        json.name("shortDescription").beginObject().name("text").value(rule.shortDescription()).endObject();
        json.name("fullDescription").beginObject().name("text").value(rule.fullDescription()).endObject();
        json.name("helpUri").value(rule.helpUri());
        json.name("help").beginObject().name("text").value(rule.help()).endObject();
        json.name("defaultConfiguration").beginObject()
                .name("level").value(level(rule.category(), strictness)).endObject();
        json.name("properties").beginObject()
                .name("category").value(rule.category().label())
                .name("context").value(rule.context().label())
                .endObject();
        json.endObject();
    }

    /** A result, left open for what follows its properties. */
    private static void result(JsonText json, TargetReport target, Violation violation, SarifRule rule, int index,
                               Strictness strictness) {
        json.beginObject();
        json.name("ruleId").value(rule.id());
        json.name("ruleIndex").value(index);
        json.name("level").value(level(violation.category(), strictness));
        json.name("message").beginObject().name("text").value(messageText(target, violation)).endObject();
        json.name("locations").beginArray().beginObject();
        physicalLocation(json, violation.location());
        logicalKind(violation.context()).ifPresent(kind -> json.name("logicalLocations").beginArray().beginObject()
                .name("fullyQualifiedName").value(violation.subject())
                .name("kind").value(kind)
                .endObject().endArray());
        json.endObject().endArray();
        json.name("partialFingerprints").beginObject()
                .name(FINGERPRINT).value(fingerprint(rule, target, violation)).endObject();
        json.name("properties").beginObject();
        json.name("target").value(target.target());
        json.name("category").value(violation.category().label());
        json.name("context").value(violation.context().label());
        json.name("subject").value(violation.subject());
        json.name("expected").value(violation.expected());
        json.name("found").value(violation.found());
        json.endObject();
    }

    static void physicalLocation(JsonText json, Location location) {
        json.name("physicalLocation").beginObject();
        json.name("artifactLocation").beginObject().name("uri").value(uri(location.file())).endObject();
        if (location.line() >= 1) {
            json.name("region").beginObject().name("startLine").value(location.line());
            if (location.column() >= 1) {
                json.name("startColumn").value(location.column());
            }
            json.endObject();
        }
        json.endObject();
    }

    private static void runProperties(JsonText json, Report report) {
        json.name("properties").beginObject();
        json.name("compliant").value(report.isCompliant());
        json.name("strict").value(report.strictness() == Strictness.STRICT);
        json.name("targets").beginArray();
        for (TargetReport target : report.targets()) {
            json.beginObject()
                    .name("target").value(target.target())
                    .name("compliant").value(target.isCompliant(report.strictness()))
                    .endObject();
        }
        json.endArray().endObject();
    }

    /** The target, the violation's sentence and its fix, each sentence ending with a full stop. */
    static String messageText(TargetReport target, Violation violation) {
        return target.target() + ": " + sentence(violation.message()) + " Fix: " + sentence(violation.solution());
    }

    /**
     * A hash (SHA-256, hex) of what identifies a violation across runs: rule id, target identity, subject and
     * expected text; never its location, its message or what was found.
     */
    static String fingerprint(SarifRule rule, TargetReport target, Violation violation) {
        return sha256(rule.id() + "\n" + target.identity() + "\n" + violation.subject() + "\n" + violation.expected());
    }

    static String sha256(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(hash.length * 2);
            for (byte b : hash) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() || ".!?".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0 ? trimmed : trimmed + ".";
    }

    static String level(Category category, Strictness strictness) {
        return category == Category.UNVERIFIED && strictness == Strictness.LENIENT ? "warning" : "error";
    }

    /** The SARIF logical-location kind of a subject, for the contexts that name code (classes and members). */
    private static Optional<String> logicalKind(Context context) {
        return Contexts.of(context).logicalKind();
    }

    /**
     * A file path as a URI reference: backslashes become slashes and characters outside RFC 3986's path
     * characters are percent-encoded (UTF-8); a relative path stays relative, an absolute one
     * ({@code /x}, {@code C:\x}, {@code \\server\share}) becomes a {@code file:} URI.
     */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        if (path.matches("[A-Za-z]:/.*")) {
            return "file:///" + path.substring(0, 2) + encode(path.substring(2));
        }
        if (path.startsWith("//")) {
            return "file:" + encode(path);
        }
        if (path.startsWith("/")) {
            return "file://" + encode(path);
        }
        return encode(path);
    }

    private static String encode(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
            if (keep) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
