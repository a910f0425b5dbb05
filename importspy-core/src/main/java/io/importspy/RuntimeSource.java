package io.importspy;

import java.nio.file.Path;
import java.util.Objects;

import static io.importspy.API.Status.STABLE;

/** Which runtime a validation checks a contract's {@code deployments} against. */
@API(status = STABLE, since = "0.1.0")
public sealed interface RuntimeSource {

    /** The JVM that runs the validation. */
    static RuntimeSource current() {
        return new Current();
    }

    /** No runtime: deployment checks are skipped ({@code --runtime none}). */
    static RuntimeSource none() {
        return new None();
    }

    /** A runtime recorded elsewhere with {@code importspy inspect --runtime} ({@code --runtime FILE}). */
    static RuntimeSource recorded(Path file) {
        return new Recorded(file);
    }

    /** The running JVM. */
    record Current() implements RuntimeSource {
    }

    /** Deployment checks skipped. */
    record None() implements RuntimeSource {
    }

    /**
     * A recorded runtime.
     *
     * @param file the YAML record written by {@code importspy inspect --runtime}
     */
    record Recorded(Path file) implements RuntimeSource {
        public Recorded {
            Objects.requireNonNull(file, "file");
        }
    }
}
