package io.importspy.internal.pipeline;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.contract.Policy;
import io.importspy.inspect.ModuleIdentity;
import io.importspy.internal.java.RealPaths;
import io.importspy.validate.Context;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;

/**
 * The reports on code sources a policy decides without validating them: admitted ones ({@code mode: allow},
 * {@code default: allow} or {@code default: audit}) and ones no rule matches under {@code default: refuse}.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class PolicyReports {
    private PolicyReports() {
    }

    /** The names a policy matches a module by: every name it declares, {@code groupId:artifactId} among them. */
    public static List<String> names(ModuleIdentity identity) {
        return identity.names().stream().map(ModuleIdentity.Declared::value).distinct().toList();
    }

    /**
     * The report on {@code target} as {@code decision} leaves it without validation: no violation when it is
     * admitted, one {@code invalid} violation located at the policy's default when it is refused outright.
     */
    public static TargetReport decided(String target, ModuleIdentity identity, Policy policy,
                                       Policy.Decision decision) {
        return decided(target, identity, policy.file(), decision.refusedOutright(), decision.location());
    }

    /**
     * The report on {@code target} as policy {@code policyFile} leaves it without validation: refused outright
     * (located at {@code location}, the policy's default) or admitted.
     */
    public static TargetReport decided(String target, ModuleIdentity identity, String policyFile,
                                       boolean refusedOutright, Location location) {
        Optional<String> name = identity.primaryName();
        Optional<String> version = identity.version();
        if (!refusedOutright) {
            return new TargetReport(target, name, version, List.of(), 0);
        }
        String subject = name.orElse(identity.fileName());
        Optional<Path> link = linkTarget(target);
        String where = link.map(real -> target + ", a link to " + real).orElse(target);
        Violation refused = Violation.invalid(Context.MODULE, subject)
                .expected("code matched by a rule of " + policyFile)
                .found(where)
                .message("no rule of policy " + policyFile + " matches " + subject + " (" + where
                        + "), and the policy's default is refuse")
                .fix(link.isPresent()
                        ? "add a rule that matches it (by path, module or coordinates) to the policy, or remove it;"
                                + " a path rule matches the file a link leads to, " + link.get()
                        : "add a rule that matches it (by path, module or coordinates) to the policy, or remove it")
                .at(location);
        return new TargetReport(target, name, version, List.of(refused), 0);
    }

    /**
     * The file {@code target} leads to when the file itself is a link: a policy's path globs were matched with
     * that file, which the report must show. (Links among its directories need no word: a glob's directories
     * are made real as well.)
     */
    private static Optional<Path> linkTarget(String target) {
        try {
            Path written = Path.of(target).toAbsolutePath();
            Path parent = written.getParent();
            if (parent == null || written.getFileName() == null) {
                return Optional.empty();
            }
            Path real = RealPaths.of(written);
            Path asWritten = RealPaths.of(parent).resolve(written.getFileName());
            return real.equals(asWritten) ? Optional.empty() : Optional.of(real);
        } catch (InvalidPathException | SecurityException notAPath) {
            return Optional.empty();
        }
    }
}
