package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.contract.Policy;
import io.importspy.contract.SpyModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;

/**
 * A policy read and checked without its contracts: each rule names its contract's file (which exists), to be
 * read only when a code source the rule decides needs it. What a batch audit decides with, so that a policy
 * naming many contracts costs the reading of those its targets need, and a target whose verdict is cached
 * costs none. {@link Policies#read} reads every contract up front and gives the {@link Policy}.
 *
 * @param file            the policy file as the user named it
 * @param defaultMode     what happens to a code source no rule matches
 * @param defaultLocation where the default is written
 * @param rules           the rules, in file order
 */
@API(status = INTERNAL, since = "0.1.0")
public record PolicyPlan(String file, Policy.Mode defaultMode, Location defaultLocation, List<Rule> rules) {
    public PolicyPlan {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(defaultMode, "defaultMode");
        Objects.requireNonNull(defaultLocation, "defaultLocation");
        rules = List.copyOf(rules);
    }

    /**
     * One rule, its contract not read.
     *
     * @param match    which code sources it applies to
     * @param contract the contract's file, resolved against the policy's directory; absent only in mode allow
     * @param mode     what to do with them
     * @param location where the rule is written
     */
    public record Rule(Policy.Match match, Optional<Path> contract, Policy.Mode mode, Location location) {
        public Rule {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(contract, "contract");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * The rule that decides the code source at {@code path} whose module has the names {@code names}, as
     * {@link Policy#decideResolved} finds it: the first that matches; empty when the default applies. {@code path}
     * is the real path the caller read the code source from ({@code RealPaths.of}): it is not resolved again.
     */
    public Optional<Rule> decide(Path path, List<String> names) {
        String absolute = path.toAbsolutePath().normalize().toString().replace('\\', '/');
        for (Rule rule : rules) {
            if (rule.match().matches(absolute, names)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** What in this policy admits more than it seems to ({@link #warning}), one located line each. */
    public List<String> warnings() {
        return rules.stream().flatMap(r -> warning(r.match(), r.mode(), r.location()).stream()).toList();
    }

    /**
     * The warning for a rule that admits, unchecked, whatever claims a name: {@code mode: allow} matched by
     * {@code module:} or {@code coordinates:}, which a JAR declares of itself (its {@code module-info},
     * {@code Automatic-Module-Name} or {@code pom.properties}), so any JAR can claim it. Empty for any other rule.
     */
    public static Optional<String> warning(Policy.Match match, Policy.Mode mode, Location location) {
        if (mode != Policy.Mode.ALLOW || match instanceof Policy.Match.OnPath) {
            return Optional.empty();
        }
        String claim = match instanceof Policy.Match.OnModule ? "that module name (in its module-info, "
                + "Automatic-Module-Name or pom.properties)" : "those coordinates (in its pom.properties)";
        return Optional.of(location + ": warning: 'mode: allow' on '" + match.describe() + "' admits, unchecked, any "
                + "JAR that claims " + claim + "; match trusted code by 'path:', or hold it to a contract that pins "
                + "its 'digest' or 'signers'");
    }

    /** Every contract file the rules name, in rule order, each once. */
    public List<Path> contracts() {
        java.util.Set<Path> contracts = new java.util.LinkedHashSet<>(); // not distinct(): a JDK lambda class to spin
        for (Rule rule : rules) {
            rule.contract().ifPresent(contracts::add);
        }
        return List.copyOf(contracts);
    }

    /** The policy, with {@code contracts} holding the contract read from each of {@link #contracts()}. */
    Policy withContracts(Map<Path, SpyModel> contracts) {
        List<Policy.Rule> read = new ArrayList<>();
        for (Rule rule : rules) {
            read.add(new Policy.Rule(rule.match(), rule.contract().map(contracts::get), rule.mode(), rule.location()));
        }
        return new Policy(file, defaultMode, defaultLocation, read);
    }
}
