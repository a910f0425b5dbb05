package io.importspy.contract;

import io.importspy.API;
import io.importspy.internal.contract.PolicyPlan;
import io.importspy.internal.java.PathGlob;
import io.importspy.internal.java.RealPaths;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * A policy (DESIGN §6): for a whole host or JVM, which contract each code source must satisfy. The first
 * rule that matches a code source decides; a code source no rule matches gets the default. The JDK's own
 * modules (a code source under the running JDK's home) are always admitted. Paths are judged as they really
 * are on disk (symbolic links and {@code ..} resolved), never as they are spelled.
 *
 * <pre>{@code
 * Policy policy = Spy.policy(Path.of("importspy-policy.yml"));
 * Policy.Decision decision = policy.decide(Path.of("plugins/greeter.jar"), List.of("com.acme.greeter"));
 * }</pre>
 *
 * @param file            the policy file as the user named it ({@code <contract>} for a single-contract policy)
 * @param defaultMode     what happens to a code source no rule matches: {@link Mode#ENFORCE} refuses it
 *                        (written {@code default: refuse}), {@code AUDIT} logs and admits it, {@code ALLOW}
 *                        admits it
 * @param defaultLocation where the default is written (the file's start when it is not written)
 * @param rules           the rules, in file order
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Policy(String file, Mode defaultMode, Location defaultLocation, List<Rule> rules) {
    public Policy {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(defaultMode, "defaultMode");
        Objects.requireNonNull(defaultLocation, "defaultLocation");
        rules = List.copyOf(rules);
    }

    /**
     * What a rule (or the default) does with the code sources it matches. A superset of
     * {@code io.importspy.enforce.EnforcementMode}, kept apart on purpose: {@code ALLOW} is a decision a policy
     * makes about a code source (admit it unvalidated), never a way a guard with a contract may run.
     */
    public enum Mode {
        /** Validate against the contract and refuse a non-compliant code source (no contract: refuse all). */
        ENFORCE,
        /** Validate against the contract (if any), log every violation, admit. */
        AUDIT,
        /** Admit without validation. */
        ALLOW
    }

    /**
     * One rule.
     *
     * @param match    which code sources it applies to
     * @param contract the contract they must satisfy; absent only in {@link Mode#ALLOW}
     * @param mode     what to do with them
     * @param location where the rule is written
     */
    public record Rule(Match match, Optional<SpyModel> contract, Mode mode, Location location) {
        public Rule {
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(contract, "contract");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(location, "location");
            if (contract.isEmpty() && mode != Mode.ALLOW) {
                throw new IllegalArgumentException("a rule in mode " + mode + " needs a contract (" + location + ")");
            }
        }
    }

    /**
     * What the policy decided for one code source.
     *
     * @param rule     the rule that matched, or empty when the default applied
     * @param mode     what to do
     * @param contract the contract to validate against; empty for an admitted code source and for one the
     *                 default refuses outright
     * @param location where the deciding rule (or default) is written
     */
    public record Decision(Optional<Rule> rule, Mode mode, Optional<SpyModel> contract, Location location) {
        public Decision {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(contract, "contract");
            Objects.requireNonNull(location, "location");
        }

        /** Whether the code source is refused without any validation (no rule matched, default refuse). */
        public boolean refusedOutright() {
            return mode == Mode.ENFORCE && contract.isEmpty();
        }

        /** The contract's file name, or what admitted or refused the code source when there is none. */
        public String describe() {
            return contract.map(SpyModel::file).orElse(rule.isPresent() ? "allow (" + location + ")"
                    : "default " + (mode == Mode.ENFORCE ? "refuse" : mode.name().toLowerCase(java.util.Locale.ROOT))
                    + " (" + location + ")");
        }
    }

    /**
     * A policy that applies {@code contract} in {@code mode} to every code source: what a guarded loader given
     * a single contract enforces.
     */
    public static Policy single(SpyModel contract, Mode mode) {
        Objects.requireNonNull(contract, "contract");
        Location start = new Location(contract.file(), 1, 1);
        Rule all = new Rule(new Match.OnPath("**", "**"), Optional.of(contract),
                mode, start);
        return new Policy(contract.file(), Mode.ENFORCE, start, List.of(all));
    }

    /**
     * The decision for the code source at {@code path} whose module has the names {@code names} (every name
     * §2 {@code module.name} matches, {@code groupId:artifactId} among them): {@link Mode#ALLOW} for a code
     * source of the running JDK, else the first rule matching its real path or a name, else the default. The
     * one decision path of guarded loading, the agent, {@code validate} and {@code audit}.
     */
    public Decision decide(Path path, List<String> names) {
        return decideResolved(RealPaths.of(path), names);
    }

    /**
     * As {@link #decide}, for a path its caller has already made real (links and {@code ..} resolved) and read the
     * code source from: it is not resolved again, so that a link changed in between cannot make the decision one of
     * another file than the one read. Guarded loading decides so for the private copy it validates.
     */
    public Decision decideResolved(Path resolved, List<String> names) {
        Path real = resolved.toAbsolutePath().normalize();
        if (real.startsWith(JdkHome.PATH)) {
            return new Decision(Optional.empty(), Mode.ALLOW, Optional.empty(), defaultLocation);
        }
        String absolute = real.toString().replace('\\', '/');
        for (Rule rule : rules) {
            if (rule.match().matches(absolute, names)) {
                return new Decision(Optional.of(rule), rule.mode(),
                        rule.mode() == Mode.ALLOW ? Optional.empty() : rule.contract(), rule.location());
            }
        }
        return new Decision(Optional.empty(), defaultMode, Optional.empty(), defaultLocation);
    }

    /** The running JDK's home, as a real path: what it holds is the JDK's own and is always admitted. */
    private static final class JdkHome {
        static final Path PATH = RealPaths.of(Path.of(System.getProperty("java.home")));
    }

    /**
     * What in this policy admits more than it seems to, one located line each: every {@code mode: allow} rule
     * matched by {@code module:} or {@code coordinates:}, which admits, unchecked, any JAR that claims the name
     * (a claim any JAR can make). Reading a policy with {@code Spy.policy} logs each at {@code WARNING}.
     */
    public List<String> warnings() {
        List<String> warnings = new java.util.ArrayList<>(); // loops, not streams: a start-up reads a policy
        for (Rule rule : rules) {
            PolicyPlan.warning(rule.match(), rule.mode(), rule.location()).ifPresent(warnings::add);
        }
        return List.copyOf(warnings);
    }

    /** Every contract the rules name, in rule order, each once. */
    public List<SpyModel> contracts() {
        java.util.Set<SpyModel> contracts = new java.util.LinkedHashSet<>();
        for (Rule rule : rules) {
            rule.contract().ifPresent(contracts::add);
        }
        return List.copyOf(contracts);
    }

    /**
     * What code sources a rule applies to: a glob on the file path, a module name, or Maven coordinates.
     * Globs use {@code *} within a path segment (or a coordinate part), {@code **} across segments and
     * {@code ?} for one character.
     */
    public sealed interface Match {

        /**
         * Whether a code source at {@code path} (absolute, with {@code /} separators) whose module has the names
         * {@code names} (every name the module declares, §2 {@code module.name}, {@code groupId:artifactId}
         * among them) matches.
         */
        boolean matches(String path, List<String> names);

        /** How the match is written in the policy, for reports: {@code path: plugins/*.jar}. */
        String describe();

        /**
         * A glob on the code source's absolute path; a relative glob is resolved against the policy's directory.
         *
         * @param glob     as written in the policy
         * @param resolved the absolute glob it was resolved to
         */
        record OnPath(String glob, String resolved) implements Match {
            public OnPath {
                Objects.requireNonNull(glob, "glob");
                Objects.requireNonNull(resolved, "resolved");
            }

            /** A match of {@code glob}, relative globs taken from {@code directory} (absolute, {@code /} separators). */
            public static OnPath of(String glob, String directory) {
                String slashed = glob.replace('\\', '/');
                boolean absolute = slashed.startsWith("/") || slashed.startsWith("**") || slashed.matches("[A-Za-z]:/.*");
                String resolved = RealPaths.glob(absolute ? slashed
                        : (directory.endsWith("/") ? directory : directory + "/") + slashed);
                return new OnPath(glob, resolved);
            }

            /** Matched in linear time, never by backtracking: the path is often chosen by a plugin's author. */
            @Override
            public boolean matches(String path, List<String> names) {
                return PathGlob.compile(resolved, '/').matches(path);
            }

            @Override
            public String describe() {
                return "path: " + glob;
            }
        }

        /** Any name the module has equals {@code name}. */
        record OnModule(String name) implements Match {
            public OnModule {
                Objects.requireNonNull(name, "name");
            }

            @Override
            public boolean matches(String path, List<String> names) {
                return names.contains(name);
            }

            @Override
            public String describe() {
                return "module: " + name;
            }
        }

        /** A glob on {@code groupId:artifactId}, as the module's {@code pom.properties} declares it. */
        record OnCoordinates(String glob) implements Match {
            public OnCoordinates {
                Objects.requireNonNull(glob, "glob");
            }

            /** A match of the coordinates glob {@code glob}. */
            public static OnCoordinates of(String glob) {
                return new OnCoordinates(glob);
            }

            /** Matched in linear time, never by backtracking: the coordinates are the module's own claim. */
            @Override
            public boolean matches(String path, List<String> names) {
                PathGlob pattern = PathGlob.compile(glob, ':');
                for (String name : names) {
                    if (name.indexOf(':') > 0 && pattern.matches(name)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public String describe() {
                return "coordinates: " + glob;
            }
        }
    }
}
