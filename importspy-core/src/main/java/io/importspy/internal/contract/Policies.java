package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.ContractException;
import io.importspy.contract.Policy;
import io.importspy.internal.spi.Extensions;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

import static io.importspy.API.Status.INTERNAL;

/**
 * Reads policies (DESIGN §6) with the contract reader's YAML loading and error machinery: every problem of the
 * policy and of the contracts it names, each located ({@code policy.yml:7:5: unknown key 'mod' in rule; did you
 * mean 'mode'?}).
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Policies {
    /** Where a policy's warnings go unless its reader says otherwise: the {@code io.importspy} logger. */
    private static final Consumer<String> LOGGED =
            warning -> System.getLogger("io.importspy").log(System.Logger.Level.WARNING, warning);

    private Policies() {
    }

    /**
     * Reads the policy at {@code file} and every contract it names, relative to the policy's directory, and logs
     * each of its {@linkplain Policy#warnings() warnings} at {@code WARNING} on the {@code io.importspy} logger.
     *
     * @throws ContractException listing every problem of the policy and its contracts
     */
    public static Policy read(Path file) {
        return read(file, Extensions.installed(), LOGGED);
    }

    /**
     * As {@link #read(Path)}, each contract read with {@code extensions}.
     *
     * @throws ContractException listing every problem of the policy and its contracts
     */
    public static Policy read(Path file, Extensions extensions) {
        return read(file, extensions, LOGGED);
    }

    /**
     * Reads the policy at {@code file} and every contract it names, relative to the policy's directory, and
     * gives each of its {@linkplain Policy#warnings() warnings} to {@code warnings}.
     *
     * @throws ContractException listing every problem of the policy and its contracts
     */
    public static Policy read(Path file, Consumer<String> warnings) {
        return read(file, Extensions.installed(), warnings);
    }

    /**
     * As {@link #read(Path, Consumer)}, each contract read with {@code extensions}.
     *
     * @throws ContractException listing every problem of the policy and its contracts
     */
    public static Policy read(Path file, Extensions extensions, Consumer<String> warnings) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(warnings, "warnings");
        Path directory = file.getParent();
        Policy policy = PolicyReader.read(Contracts.text(file, "policy"), file.toString(),
                directory == null ? Path.of("") : directory, extensions);
        policy.warnings().forEach(warnings);
        return policy;
    }

    /**
     * Reads the policy at {@code file} without the contracts it names, checking only that each is a file: for a
     * caller that reads each contract when a code source needs it.
     *
     * @throws ContractException listing every problem of the policy
     */
    public static PolicyPlan plan(Path file) {
        Objects.requireNonNull(file, "file");
        Path directory = file.getParent();
        return PolicyReader.plan(Contracts.text(file, "policy"), file.toString(),
                directory == null ? Path.of("") : directory);
    }
}
