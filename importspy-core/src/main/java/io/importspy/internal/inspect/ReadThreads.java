package io.importspy.internal.inspect;

import io.importspy.API;

import java.util.function.Supplier;

import static io.importspy.API.Status.INTERNAL;

/**
 * How many threads a read of all of a target's classes (full inspection, class headers, references) may use:
 * as many as there are processors (see {@link AllClasses}), or, inside {@link #alone}, the calling thread only.
 * A caller that already runs one target per thread (an audit's jobs) reads each on its thread, so that
 * {@code --jobs N} means N threads, not N times the processors.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ReadThreads {
    private static final ThreadLocal<Boolean> ALONE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private ReadThreads() {
    }

    /** Runs {@code work} with every read of all classes it makes on the calling thread alone. */
    public static <T> T alone(Supplier<T> work) {
        boolean before = ALONE.get();
        ALONE.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            ALONE.set(before);
        }
    }

    /** Whether the calling thread reads alone. */
    static boolean isAlone() {
        return ALONE.get();
    }
}
