package io.importspy.report;

import io.importspy.API;
import io.importspy.internal.report.JsonText;
import io.importspy.internal.report.JsonViolation;
import io.importspy.validate.Report;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;

import static io.importspy.API.Status.STABLE;

/**
 * Renders a {@link Report} as JSON for machines, in this stable schema (members always present, in this
 * order; {@code module.name}/{@code module.version} are {@code null} when the module declares none):
 *
 * <pre>
 * {"compliant": false, "targets": [{"target": "...", "module": {"name": "...", "version": "..."},
 *  "compliant": false, "violations": [{"category": "...", "context": "...", "subject": "...",
 *  "expected": "...", "found": "...", "message": "...", "solution": "...",
 *  "location": {"file": "...", "line": 14, "column": 9}}]}]}
 * </pre>
 *
 * <p>With a baseline, a target's violations that the baseline lists move to its {@code "suppressed"} array
 * (present when not empty), each with the baseline's {@code justification} and the {@code baseline} location of
 * its entry; the document ends with {@code "baseline": {"file": "...", "stale": [...]}}, the entries that matched
 * no violation (target, category, context, subject, expected, justification, location).
 *
 * <p>Output is indented with two spaces and ends with a newline. Strings escape quotes, backslashes,
 * control characters, U+2028/U+2029 and lone surrogates.
 */
@API(status = STABLE, since = "0.1.0")
public final class JsonReport {
    private JsonReport() {
    }

    /** The report as a JSON document. */
    public static String render(Report report) {
        JsonText json = new JsonText().beginObject();
        json.name("compliant").value(report.isCompliant());
        json.name("targets").beginArray();
        for (TargetReport target : report.targets()) {
            json.beginObject();
            json.name("target").value(target.target());
            json.name("module").beginObject()
                    .name("name").value(target.moduleName().orElse(null))
                    .name("version").value(target.moduleVersion().orElse(null))
                    .endObject();
            json.name("compliant").value(target.isCompliant(report.strictness()));
            json.name("violations").beginArray();
            for (Violation violation : target.violations()) {
                JsonViolation.write(json, violation);
            }
            json.endArray();
            if (!target.selections().isEmpty()) {
                json.name("selections").beginArray();
                for (TargetReport.Selection selection : target.selections()) {
                    json.beginObject().name("selector").value(selection.selector())
                            .name("count").value(selection.classes().size());
                    json.name("classes").beginArray();
                    selection.classes().forEach(json::value);
                    json.endArray();
                    JsonViolation.writeLocation(json, "location", selection.location());
                    json.endObject();
                }
                json.endArray();
            }
            if (!target.suppressed().isEmpty()) {
                json.name("suppressed").beginArray();
                for (TargetReport.Suppressed suppressed : target.suppressed()) {
                    violation(json, suppressed.violation(), suppressed);
                }
                json.endArray();
            }
            json.endObject();
        }
        json.endArray();
        report.baseline().ifPresent(baseline -> baseline(json, baseline));
        return json.endObject() + "\n";
    }

    private static void baseline(JsonText json, Report.Baseline baseline) {
        json.name("baseline").beginObject();
        json.name("file").value(baseline.file());
        json.name("stale").beginArray();
        for (Report.Stale stale : baseline.stale()) {
            json.beginObject();
            json.name("target").value(stale.target());
            json.name("category").value(stale.category().label());
            json.name("context").value(stale.context().label());
            json.name("subject").value(stale.subject());
            json.name("expected").value(stale.expected());
            json.name("justification").value(stale.justification());
            JsonViolation.writeLocation(json, "location", stale.location());
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }

    /** A suppressed violation: its members as {@link JsonViolation} writes them, then its justification and entry. */
    private static void violation(JsonText json, Violation violation, TargetReport.Suppressed suppressed) {
        json.beginObject();
        JsonViolation.writeMembers(json, violation);
        json.name("justification").value(suppressed.justification());
        JsonViolation.writeLocation(json, "baseline", suppressed.entry());
        json.endObject();
    }
}
