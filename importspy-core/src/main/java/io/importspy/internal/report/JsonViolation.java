package io.importspy.internal.report;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.validate.Violation;

import static io.importspy.API.Status.INTERNAL;

/** A violation as a JSON object, the same in the JSON report and in the records of {@code importspy audit}. */
@API(status = INTERNAL, since = "0.1.0")
public final class JsonViolation {
    private JsonViolation() {
    }

    /** Writes {@code violation} as the next value of {@code json}: category, context, subject, ..., location. */
    public static void write(JsonText json, Violation violation) {
        json.beginObject();
        writeMembers(json, violation);
        json.endObject();
    }

    /** Writes the members of {@code violation} into the object {@code json} is in, for callers that add more. */
    public static void writeMembers(JsonText json, Violation violation) {
        json.name("category").value(violation.category().label());
        json.name("context").value(violation.context().label());
        json.name("subject").value(violation.subject());
        json.name("expected").value(violation.expected());
        json.name("found").value(violation.found());
        json.name("message").value(violation.message());
        json.name("solution").value(violation.solution());
        writeLocation(json, "location", violation.location());
    }

    /** Writes {@code name: {"file": ..., "line": ..., "column": ...}} into the object {@code json} is in. */
    public static void writeLocation(JsonText json, String name, Location location) {
        json.name(name).beginObject()
                .name("file").value(location.file())
                .name("line").value(location.line())
                .name("column").value(location.column())
                .endObject();
    }
}
