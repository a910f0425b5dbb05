package io.importspy.validate;

import io.importspy.API;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.STABLE;

/**
 * The verdict on one target: every violation found, in contract order.
 *
 * @param target            the target as the user named it
 * @param moduleName        the module's primary name, when it has one
 * @param moduleVersion     the module's version, when it has one: of several, the one that met the
 *                          contract's {@code module.version}, else the first declared
 * @param violations        every violation, in contract order (deployment violations last)
 * @param deploymentsTried  how many deployment entries were tried (0 when not checked)
 */
@API(status = STABLE, since = "0.1.0")
public record TargetReport(String target, Optional<String> moduleName, Optional<String> moduleVersion,
                           List<Violation> violations, int deploymentsTried) {
    public TargetReport {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(moduleName, "moduleName");
        Objects.requireNonNull(moduleVersion, "moduleVersion");
        violations = List.copyOf(violations);
    }

    /**
     * The name reports know the target by across runs, whatever path it was given by: its module's name, else
     * its file name. SARIF fingerprints and JUnit class names are made from it.
     */
    public String identity() {
        if (moduleName.isPresent()) {
            return moduleName.get();
        }
        String path = target.replace('\\', '/');
        while (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Whether no violation fails under {@code strictness}. */
    public boolean isCompliant(Strictness strictness) {
        return violations.stream().noneMatch(v -> v.fails(strictness));
    }
}
