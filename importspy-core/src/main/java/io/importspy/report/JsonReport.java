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
            json.endObject();
        }
        json.endArray();
        return json.endObject() + "\n";
    }
}
