package io.importspy.inspect;

import java.nio.file.Path;

/** Writes runtime facts as YAML ({@code importspy inspect --runtime}) and reads such a record back. */
public final class RuntimeRecord {
    private RuntimeRecord() {
    }

    /** The facts as a YAML document that {@link #read(Path)} reads back. */
    public static String toYaml(RuntimeFacts facts) {
        throw new UnsupportedOperationException("TODO inspect helper");
    }

    /**
     * Reads a runtime recorded with {@link #toYaml(RuntimeFacts)}.
     *
     * @throws InspectionException when the file is missing, unreadable or not a runtime record
     */
    public static RuntimeFacts read(Path file) {
        throw new UnsupportedOperationException("TODO inspect helper");
    }
}
