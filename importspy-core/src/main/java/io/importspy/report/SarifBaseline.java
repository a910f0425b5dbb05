package io.importspy.report;

import io.importspy.internal.report.JsonText;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;

/** What a baseline adds to a SARIF log: suppressions of the results it lists, and results for its stale entries. */
final class SarifBaseline {
    static final String STALE_ID = "importspy/stale-baseline";

    private SarifBaseline() {
    }

    /** The {@code suppressions} of a result that {@code suppressed} suppresses. */
    static void suppressions(JsonText json, TargetReport.Suppressed suppressed) {
        json.name("suppressions").beginArray().beginObject();
        json.name("kind").value("external");
        json.name("justification").value(suppressed.justification());
        json.name("location").beginObject();
        SarifReport.physicalLocation(json, suppressed.entry());
        json.endObject();
        json.endObject().endArray();
    }

    /** The rule of stale baseline entries. */
    static void staleRule(JsonText json, Strictness strictness) {
        json.beginObject();
        json.name("id").value(STALE_ID);
        json.name("name").value("StaleBaselineEntry");
        json.name("shortDescription").beginObject().name("text").value("Stale baseline entry").endObject();
        json.name("fullDescription").beginObject().name("text").value("A baseline entry matches no violation of "
                + "the run: the violation is fixed, or the requirement changed. Left in place, it would suppress the "
                + "violation if it came back.").endObject();
        json.name("helpUri").value(SarifRule.README + "#" + SarifRule.anchor("stale-baseline"));
        json.name("help").beginObject().name("text").value("Remove the entry from the baseline. Stale entries are "
                + "warnings, and fail the run with --strict.").endObject();
        json.name("defaultConfiguration").beginObject().name("level").value(level(strictness)).endObject();
        json.endObject();
    }

    /** The result of one stale entry, located in the baseline. */
    static void staleResult(JsonText json, Report.Stale stale, int ruleIndex, Strictness strictness) {
        json.beginObject();
        json.name("ruleId").value(STALE_ID);
        json.name("ruleIndex").value(ruleIndex);
        json.name("level").value(level(strictness));
        json.name("message").beginObject().name("text").value(stale.target() + ": the baseline entry "
                + stale.category().label() + " " + stale.context().label() + " " + stale.subject()
                + " matches no violation. Fix: remove it from the baseline.").endObject();
        json.name("locations").beginArray().beginObject();
        SarifReport.physicalLocation(json, stale.location());
        json.endObject().endArray();
        json.name("partialFingerprints").beginObject().name(SarifReport.FINGERPRINT).value(SarifReport.sha256(
                STALE_ID + "\n" + stale.target() + "\n" + stale.category().label() + "-" + stale.context().label()
                        + "\n" + stale.subject() + "\n" + stale.expected())).endObject();
        json.name("properties").beginObject()
                .name("target").value(stale.target())
                .name("category").value(stale.category().label())
                .name("context").value(stale.context().label())
                .name("subject").value(stale.subject())
                .name("expected").value(stale.expected())
                .name("justification").value(stale.justification())
                .endObject();
        json.endObject();
    }

    private static String level(Strictness strictness) {
        return strictness == Strictness.STRICT ? "error" : "warning";
    }
}
