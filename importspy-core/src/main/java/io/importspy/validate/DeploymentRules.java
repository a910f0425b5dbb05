package io.importspy.validate;

import io.importspy.inspect.LibraryFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.contract.DeploymentSpec;
import io.importspy.internal.contract.JavaSpec;
import io.importspy.internal.contract.LibrarySpec;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.ValueSpec;
import io.importspy.internal.contract.VersionConstraint;
import io.importspy.internal.java.Platforms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code deployments:} rules (DESIGN §2.4): every entry is tried; the runtime is compliant when one
 * entry has no failing violation. An entry whose only violations are UNVERIFIED counts as holding, and
 * those violations are reported (so {@code --strict} still fails). When no entry holds, the violations of
 * the closest entry (fewest failures, then fewest unverified, then first) are reported. A secret's value
 * is never read: only whether it is present.
 */
final class DeploymentRules implements Rule<Sections.Deployments> {
    @Override
    public Class<Sections.Deployments> section() {
        return Sections.Deployments.class;
    }

    /** Checks nothing when there is no runtime to check or no entry to check it against. */
    @Override
    public void check(Sections.Deployments section, Facts facts, Sink sink) {
        List<DeploymentSpec> deployments = section.deployments();
        if (facts.runtime().isEmpty() || deployments.isEmpty()) {
            return;
        }
        for (Violation violation : check(deployments, facts.runtime().get())) {
            sink.report(violation);
        }
        sink.tried(deployments.size());
    }

    /** The violations to report for the runtime against {@code deployments} (none when compliant). */
    private static List<Violation> check(List<DeploymentSpec> deployments, RuntimeFacts runtime) {
        // a name any entry lists as a secret is secret in every entry: its value is never shown
        Set<String> secrets = new HashSet<>();
        for (DeploymentSpec deployment : deployments) {
            for (Located<String> secret : deployment.secrets()) {
                secrets.add(secret.value());
            }
        }
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
        int entry = best;
        return bestViolations.stream().map(v -> DeploymentViolations.inEntry(v, entry, tried, holds)).toList();
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
        for (ValueSpec fact : spec.facts()) {
            checkFact(fact, runtime, out);
        }
        // in the order the contract writes them (variables, secrets and properties may come in any order)
        out.sort((a, b) -> a.location().line() != b.location().line()
                ? Integer.compare(a.location().line(), b.location().line())
                : Integer.compare(a.location().column(), b.location().column()));
        return out;
    }

    private static void checkPlatform(String subject, String noun, Located<List<String>> allowed, String actual,
                                      Function<String, Optional<String>> normalize, List<Violation> out) {
        String canonical = normalize.apply(actual).orElse(actual.toLowerCase(Locale.ROOT));
        boolean listed = false;
        for (String a : allowed.value()) {
            listed |= normalize.apply(a).orElse(a.toLowerCase(Locale.ROOT)).equals(canonical);
        }
        if (!listed) {
            out.add(DeploymentViolations.platformInvalid(subject, noun, allowed.value(), actual, canonical,
                    allowed.location()));
        }
    }

    private static void checkJava(JavaSpec java, RuntimeFacts runtime, List<Violation> out) {
        java.version().ifPresent(version -> {
            if (!Versions.satisfies(version.value(), runtime.javaVersion())) {
                out.add(DeploymentViolations.javaVersionMismatch(version.value().toString(), runtime.javaVersion(),
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
            out.add(DeploymentViolations.javaInvalid(subject, noun, allowed.value(), actual, allowed.location()));
        }
    }

    /** A variable also listed as a secret never has its value shown; one a recording does not name is unverified. */
    private static void checkValue(ValueSpec spec, String prefix, String noun, Map<String, String> values,
                                   boolean known, boolean secret, List<Violation> out) {
        String value = values.get(spec.name());
        String expected = spec.matcher().describe();
        DeploymentViolations.Entry entry = new DeploymentViolations.Entry(spec.name(), prefix + spec.name(),
                noun + spec.name());
        if (value == null && !known) {
            out.add(DeploymentViolations.valueUnrecorded(entry, expected, spec.location()));
        } else if (value == null) {
            out.add(DeploymentViolations.valueMissing(entry, expected, spec.location()));
        } else {
            spec.matcher().mismatch(value).ifPresent(reported ->
                    out.add(DeploymentViolations.valueMismatch(entry, reported, value, secret, spec.location())));
        }
    }

    /** A fact an extension gives ({@code container.memory.limit}); one a recording does not name is unverified. */
    private static void checkFact(ValueSpec spec, RuntimeFacts runtime, List<Violation> out) {
        String value = runtime.facts().get(spec.name());
        String expected = spec.matcher().describe();
        if (value == null && !runtime.knowsFact(spec.name())) {
            out.add(DeploymentViolations.factUnrecorded(spec.name(), expected, spec.location()));
        } else if (value == null) {
            out.add(DeploymentViolations.factMissing(spec.name(), expected, spec.location()));
        } else {
            spec.matcher().mismatch(value).ifPresent(reported ->
                    out.add(DeploymentViolations.factMismatch(spec.name(), reported, value, spec.location())));
        }
    }

    private static void checkSecret(Located<String> secret, RuntimeFacts runtime, List<Violation> out) {
        String name = secret.value();
        Optional<Boolean> present = runtime.secretPresent(name);
        if (present.isEmpty()) {
            out.add(DeploymentViolations.secretUnrecorded(name, secret.location()));
        } else if (!present.get()) {
            out.add(DeploymentViolations.secretMissing(name, secret.location()));
        }
    }

    private static void checkLibrary(LibrarySpec spec, RuntimeFacts runtime, List<Violation> out) {
        List<LibraryFacts> found = runtime.libraries().stream().filter(l -> l.names().contains(spec.name())).toList();
        String expected = spec.version().map(v -> v.value().toString()).orElse("<present>");
        if (found.isEmpty()) {
            out.add(DeploymentViolations.libraryMissing(spec.name(), expected, spec.location()));
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
            out.add(DeploymentViolations.libraryUnversioned(spec.name(), expected, constraint.location()));
        } else {
            out.add(DeploymentViolations.libraryMismatch(spec.name(), expected, versions, constraint.location()));
        }
    }
}
