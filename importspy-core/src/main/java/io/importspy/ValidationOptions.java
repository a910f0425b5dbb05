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
 * @param undeclared whether what the contract's classes have and the contract does not declare is reported
 *                   ({@link io.importspy.validate.Category#UNDECLARED})
 */
@API(status = STABLE, since = "0.1.0")
public record ValidationOptions(List<Path> classpath, RuntimeSource runtime, Strictness strictness,
                                boolean undeclared) {
    public ValidationOptions {
        classpath = List.copyOf(classpath);
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(strictness, "strictness");
    }

    /** Options that do not report undeclared members, as before {@code undeclared} existed. */
    public ValidationOptions(List<Path> classpath, RuntimeSource runtime, Strictness strictness) {
        this(classpath, runtime, strictness, false);
    }

    /** No class path, the running JVM as runtime, lenient (unverified checks are warnings), nothing undeclared. */
    public static ValidationOptions defaults() {
        return new ValidationOptions(List.of(), RuntimeSource.current(), Strictness.LENIENT, false);
    }

    /** These options with {@code classpath} instead. */
    public ValidationOptions withClasspath(List<Path> classpath) {
        return new ValidationOptions(classpath, runtime, strictness, undeclared);
    }

    /** These options with {@code runtime} instead. */
    public ValidationOptions withRuntime(RuntimeSource runtime) {
        return new ValidationOptions(classpath, runtime, strictness, undeclared);
    }

    /** These options with {@code strictness} instead. */
    public ValidationOptions withStrictness(Strictness strictness) {
        return new ValidationOptions(classpath, runtime, strictness, undeclared);
    }

    /**
     * These options also reporting drift the other way round: every public or protected field, constructor and
     * method that a class the contract names declares and the contract does not, one
     * {@link io.importspy.validate.Category#UNDECLARED} violation each; a contract then serves as the API's lock
     * file.
     */
    public ValidationOptions reportingUndeclared() {
        return new ValidationOptions(classpath, runtime, strictness, true);
    }
}
