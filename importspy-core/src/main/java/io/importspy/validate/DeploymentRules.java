package io.importspy.validate;

import io.importspy.inspect.LibraryFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.contract.DeploymentSpec;
import io.importspy.internal.contract.JavaSpec;
import io.importspy.internal.contract.LibrarySpec;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.ValueSpec;
import io.importspy.internal.contract.VersionConstraint;
import io.importspy.internal.java.Platforms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code deployments:} rules (DESIGN §2.4): every entry is tried; the runtime is compliant when one
 * entry has no failing violation. An entry whose only violations are UNVERIFIED counts as holding, and
 * those violations are reported (so {@code --strict} still fails). When no entry holds, the violations of
 * the closest entry (fewest failures, then fewest unverified, then first) are reported. A secret's value
 * is never read: only whether it is present.
 */
final class DeploymentRules {
    private DeploymentRules() {
    }

    /** The violations to report for the runtime against {@code deployments} (none when compliant). */
    static List<Violation> check(List<DeploymentSpec> deployments, RuntimeFacts runtime) {
        // a name any entry lists as a secret is secret in every entry: its value is never shown
        Set<String> secrets = deployments.stream().flatMap(d -> d.secrets().stream()).map(Located::value)
                .collect(Collectors.toSet());
        int best = -1;
        List<Violation> bestViolations = List.of();
        for (int i = 0; i < deployments.size(); i++) {
            List<Violation> violations = checkEntry(deployments.get(i), runtime, secrets);
            if (best < 0 || rank(violations) < rank(bestViolations)) {
                best = i;
                bestViolations = violations;
            }
        }
        int tried = deployments.size();
        if (tried <= 1 || bestViolations.isEmpty()) {
            return bestViolations;
        }
        boolean holds = bestViolations.stream().allMatch(v -> v.category() == Category.UNVERIFIED);
        String suffix = " (deployment " + (best + 1) + " of " + tried
                + (holds ? ")" : ", the closest of " + tried + " tried)");
        return bestViolations.stream().map(v -> new Violation(v.category(), v.context(), v.subject(), v.expected(),
                v.found(), v.message() + suffix, v.solution(), v.location())).toList();
    }

    /** Orders entries: failures first, then unverified checks. */
    private static long rank(List<Violation> violations) {
        long failures = violations.stream().filter(v -> v.category() != Category.UNVERIFIED).count();
        return failures * 100_000L + (violations.size() - failures);
    }

    static List<Violation> checkEntry(DeploymentSpec spec, RuntimeFacts runtime, Set<String> secrets) {
        List<Violation> out = new ArrayList<>();
        spec.architectures().ifPresent(archs -> checkPlatform("arch", "architecture", archs, runtime.arch(),
                Platforms::normalizeArch, out));
        spec.systems().ifPresent(systems -> checkPlatform("os", "operating system", systems, runtime.os(),
                Platforms::normalizeOs, out));
        spec.java().ifPresent(java -> checkJava(java, runtime, out));
        spec.variables().forEach(v -> checkValue(v, "env ", "environment variable ", runtime.variables(),
                runtime.knowsVariable(v.name()), secrets.contains(v.name()), out));
        spec.secrets().forEach(secret -> checkSecret(secret, runtime, out));
        spec.properties().forEach(p -> checkValue(p, "property ", "system property ", runtime.properties(),
                runtime.knowsProperty(p.name()), false, out));
        spec.libraries().forEach(library -> checkLibrary(library, runtime, out));
        // in the order the contract writes them (variables, secrets and properties may come in any order)
        out.sort(Comparator.comparingInt((Violation v) -> v.location().line()).thenComparingInt(v -> v.location().column()));
        return out;
    }

    private static void checkPlatform(String subject, String noun, Located<List<String>> allowed, String actual,
                                      Function<String, Optional<String>> normalize, List<Violation> out) {
        String canonical = normalize.apply(actual).orElse(actual.toLowerCase(Locale.ROOT));
        boolean listed = allowed.value().stream()
                .anyMatch(a -> normalize.apply(a).orElse(a.toLowerCase(Locale.ROOT)).equals(canonical));
        if (!listed) {
            String list = Texts.list(allowed.value());
            out.add(new Violation(Category.INVALID, Context.RUNTIME, subject, "one of " + list, actual,
                    "runtime " + noun + " " + actual + " is not one of " + list,
                    "run on one of " + list + ", or add " + canonical + " to " + subject + " in the deployment",
                    allowed.location()));
        }
    }

    private static void checkJava(JavaSpec java, RuntimeFacts runtime, List<Violation> out) {
        java.version().ifPresent(version -> {
            if (!Versions.satisfies(version.value(), runtime.javaVersion())) {
                out.add(new Violation(Category.MISMATCH, Context.JAVA, "java.version", version.value().toString(),
                        runtime.javaVersion(), "Java " + runtime.javaVersion() + " does not satisfy " + version.value(),
                        "run on a Java version within " + version.value() + ", or change java.version in the deployment",
                        version.location()));
            }
        });
        java.vendors().ifPresent(vendors -> anyOf("java.vendor", "Java vendor", vendors, runtime.javaVendor(), out));
        java.implementations().ifPresent(impls ->
                anyOf("java.implementation", "JVM implementation", impls, runtime.javaImplementation(), out));
    }

    private static void anyOf(String subject, String noun, Located<List<String>> allowed, String actual,
                              List<Violation> out) {
        if (allowed.value().stream().noneMatch(a -> a.equalsIgnoreCase(actual))) {
            String list = Texts.list(allowed.value());
            out.add(new Violation(Category.INVALID, Context.JAVA, subject, "one of " + list, actual,
                    noun + " " + actual + " is not one of " + list,
                    "run on a JVM whose " + subject + " is one of " + list + ", or add " + actual + " to "
                            + subject + " in the deployment",
                    allowed.location()));
        }
    }

    /** A variable also listed as a secret never has its value shown; one a recording does not name is unverified. */
    private static void checkValue(ValueSpec spec, String prefix, String noun, Map<String, String> values,
                                   boolean known, boolean secret, List<Violation> out) {
        String value = values.get(spec.name());
        String expected = spec.matcher().describe();
        if (value == null && !known) {
            out.add(new Violation(Category.UNVERIFIED, Context.ENVIRONMENT, prefix + spec.name(), expected,
                    "<not recorded>", noun + spec.name() + " cannot be checked: the recorded runtime does not "
                    + "record its value", "record the runtime again with the contract (importspy inspect --runtime -c), "
                    + "or remove " + spec.name() + " from the deployment", spec.location()));
        } else if (value == null) {
            out.add(new Violation(Category.MISSING, Context.ENVIRONMENT, prefix + spec.name(), expected,
                    Texts.ABSENT, noun + spec.name() + " is not set",
                    "set " + noun + spec.name() + " to " + expected + ", or remove it from the deployment",
                    spec.location()));
        } else if (!spec.matcher().test(value)) {
            String shown = secret ? "<present>" : "\"" + value + "\"";
            out.add(new Violation(Category.MISMATCH, Context.ENVIRONMENT, prefix + spec.name(), expected, shown,
                    noun + spec.name() + (secret ? " is not " + expected : " is " + shown + ", not " + expected),
                    "set " + noun + spec.name() + " to " + expected + ", or change it in the deployment",
                    spec.location()));
        }
    }

    private static void checkSecret(Located<String> secret, RuntimeFacts runtime, List<Violation> out) {
        String name = secret.value();
        Optional<Boolean> present = runtime.secretPresent(name);
        if (present.isEmpty()) {
            out.add(new Violation(Category.UNVERIFIED, Context.ENVIRONMENT, "secret " + name, "<present>",
                    "<not recorded>", "whether secret " + name + " is set is unknown: the recorded runtime does not say",
                    "record the runtime again with the contract (importspy inspect --runtime -c), or remove "
                            + name + " from secrets",
                    secret.location()));
        } else if (!present.get()) {
            out.add(new Violation(Category.MISSING, Context.ENVIRONMENT, "secret " + name, "<present>", "<absent>",
                    "secret " + name + " is not set or empty",
                    "set the environment variable " + name + " to a non-empty value, or remove it from secrets",
                    secret.location()));
        }
    }

    private static void checkLibrary(LibrarySpec spec, RuntimeFacts runtime, List<Violation> out) {
        String subject = "library " + spec.name();
        List<LibraryFacts> found = runtime.libraries().stream().filter(l -> l.names().contains(spec.name())).toList();
        String expected = spec.version().map(v -> v.value().toString()).orElse("<present>");
        if (found.isEmpty()) {
            out.add(new Violation(Category.MISSING, Context.LIBRARY, subject, expected, Texts.ABSENT,
                    "library " + spec.name() + " is not present",
                    "put " + spec.name() + " on the class path, or remove it from the deployment's libraries",
                    spec.location()));
            return;
        }
        if (spec.version().isEmpty()) {
            return;
        }
        Located<VersionConstraint> constraint = spec.version().get();
        List<String> versions = found.stream().flatMap(l -> l.version().stream()).toList();
        if (versions.stream().anyMatch(v -> Versions.satisfies(constraint.value(), v))) {
            return;
        }
        if (versions.isEmpty()) {
            out.add(new Violation(Category.MISSING, Context.LIBRARY, subject, expected, "<no version>",
                    "library " + spec.name() + " declares no version, so it cannot satisfy " + expected,
                    "use a build of " + spec.name() + " that declares its version, or remove the version from the deployment",
                    constraint.location()));
        } else {
            out.add(new Violation(Category.MISMATCH, Context.LIBRARY, subject, expected, Texts.list(versions),
                    "library " + spec.name() + " " + Texts.list(versions) + " does not satisfy " + expected,
                    "use " + spec.name() + " within " + expected + ", or change its version in the deployment",
                    constraint.location()));
        }
    }
}
