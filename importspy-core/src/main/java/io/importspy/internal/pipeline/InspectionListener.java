package io.importspy.internal.pipeline;

import io.importspy.API;

import static io.importspy.API.Status.INTERNAL;

/**
 * Told of every module the pipeline inspects, from its bytes or through reflection: how tests (and a
 * future diagnostics option) see how much work a validation did, without a global counter.
 */
@API(status = INTERNAL, since = "0.1.0")
@FunctionalInterface
public interface InspectionListener {
    /** A listener that ignores everything. */
    InspectionListener NONE = (target, live) -> { };

    /**
     * A module was inspected.
     *
     * @param target the target as named to the pipeline (a path, or the importer's class for a live one)
     * @param live   whether it was read through reflection (a class with no bytes on disk)
     */
    void inspected(String target, boolean live);
}
