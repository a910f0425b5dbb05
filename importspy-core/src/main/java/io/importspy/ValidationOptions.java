package io.importspy;

import io.importspy.validate.Strictness;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static io.importspy.API.Status.STABLE;

/**
 * How {@link Spy} validates: immutable; start from {@link #defaults()} and change it with {@code with…}.
 *
 * <pre>{@code
 * ValidationOptions options = ValidationOptions.defaults()
 *         .withClasspath(List.of(Path.of("libs/slf4j-api-2.0.16.jar")))
 *         .withRuntime(RuntimeSource.recorded(Path.of("production-runtime.yml")))
 *         .withStrictness(Strictness.STRICT);
 * }</pre>
 *
 * @param classpath  libraries beside the checked module: supertypes are resolved from them, and they are the
 *                   {@code libraries} that deployments require
 * @param runtime    the runtime deployments are checked against
 * @param strictness whether unverified checks fail
 */
@API(status = STABLE, since = "0.1.0")
public record ValidationOptions(List<Path> classpath, RuntimeSource runtime, Strictness strictness) {
    public ValidationOptions {
        classpath = List.copyOf(classpath);
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(strictness, "strictness");
    }

    /** No class path, the running JVM as runtime, lenient (unverified checks are warnings). */
    public static ValidationOptions defaults() {
        return new ValidationOptions(List.of(), RuntimeSource.current(), Strictness.LENIENT);
    }

    /** These options with {@code classpath} instead. */
    public ValidationOptions withClasspath(List<Path> classpath) {
        return new ValidationOptions(classpath, runtime, strictness);
    }

    /** These options with {@code runtime} instead. */
    public ValidationOptions withRuntime(RuntimeSource runtime) {
        return new ValidationOptions(classpath, runtime, strictness);
    }

    /** These options with {@code strictness} instead. */
    public ValidationOptions withStrictness(Strictness strictness) {
        return new ValidationOptions(classpath, runtime, strictness);
    }
}
