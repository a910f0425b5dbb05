package io.importspy.internal.contract;

import io.importspy.contract.ContractError;
import io.importspy.contract.ContractException;
import io.importspy.contract.Location;
import io.importspy.contract.Policy;
import io.importspy.internal.java.RealPaths;
import io.importspy.contract.SpyModel;
import io.importspy.internal.spi.Extensions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the YAML tree of a policy (format 1, DESIGN §6) and builds its {@link PolicyPlan}, checking that every
 * contract it names (relative to the policy's directory) is a file; {@link #read} then reads those contracts too,
 * collecting every error of the policy and its contracts.
 */
final class PolicyReader {
    static final List<String> TOP_KEYS = List.of("importspy-policy", "default", "rules");
    static final List<String> RULE_KEYS = List.of("match", "contract", "mode");
    static final List<String> MATCH_KEYS = List.of("path", "module", "coordinates");
    static final List<String> DEFAULTS = List.of("refuse", "audit", "allow");
    static final List<String> MODES = List.of("enforce", "audit", "allow");

    private final Problems problems = new Problems();
    private final NodeReader nodes = new NodeReader(problems);
    private final Map<Path, Boolean> contracts = new HashMap<>();
    private final String file;
    private final Path directory;

    private PolicyReader(String file, Path directory) {
        this.file = file;
        this.directory = directory;
    }

    /**
     * Reads policy text and every contract it names; contracts are resolved against {@code directory}.
     *
     * @throws ContractException with every problem found in the policy and in the contracts it names
     */
    static Policy read(String text, String file, Path directory, Extensions extensions) {
        PolicyReader reader = new PolicyReader(file, directory);
        PolicyPlan plan = reader.plan(text);
        List<ContractError> errors = new ArrayList<>();
        try {
            reader.problems.throwIfAny();
        } catch (ContractException e) {
            errors.addAll(e.errors());
        }
        Map<Path, SpyModel> read = new HashMap<>();
        for (Path contract : plan.contracts()) { // each contract's own errors, in its file order, after the policy's
            try {
                read.put(contract, Contracts.read(contract, extensions));
            } catch (ContractException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ContractException(errors);
        }
        return plan.withContracts(read);
    }

    /**
     * Reads policy text without the contracts it names, checking only that each is a file.
     *
     * @throws ContractException with every problem found in the policy
     */
    static PolicyPlan plan(String text, String file, Path directory) {
        PolicyReader reader = new PolicyReader(file, directory);
        PolicyPlan plan = reader.plan(text);
        reader.problems.throwIfAny();
        return plan;
    }

    private PolicyPlan plan(String text) {
        Location start = new Location(file, 1, 1);
        Optional<YamlNode> root = new YamlReader(file, problems).read(text);
        if (root.isEmpty() || (root.get() instanceof YamlNode.Scalar && ((YamlNode.Scalar) root.get()).isNull())) {
            problems.add(start, "policy is empty; start with 'importspy-policy: 1'");
            problems.throwIfAny();
        }
        if (!(root.get() instanceof YamlNode.Mapping)) {
            problems.add(root.get().location(), "a policy must be a mapping of keys such as 'importspy-policy: 1', not "
                    + root.get().describe());
            problems.throwIfAny();
        }
        Section top = Section.open((YamlNode.Mapping) root.get(), "the policy", TOP_KEYS, problems);
        format(top, start);
        Policy.Mode defaultMode = Policy.Mode.ENFORCE;
        Location defaultLocation = start;
        Optional<YamlNode> defaultNode = top.get("default");
        if (defaultNode.isPresent()) {
            defaultLocation = defaultNode.get().location();
            defaultMode = word(defaultNode.get(), "default", DEFAULTS).map(PolicyReader::mode).orElse(defaultMode);
        } else {
            problems.add(start, "missing 'default'; say what happens to code no rule matches: "
                    + "'default: refuse', 'default: audit' or 'default: allow'");
        }
        List<PolicyPlan.Rule> rules = top.get("rules").map(this::rules).orElse(List.of());
        return new PolicyPlan(file, defaultMode, defaultLocation, rules);
    }

    private void format(Section top, Location start) {
        Optional<YamlNode> format = top.get("importspy-policy");
        if (format.isEmpty()) {
            problems.add(start, "missing 'importspy-policy: 1'; add it as the first line of the policy");
            return;
        }
        YamlNode node = format.get();
        Object value = node instanceof YamlNode.Scalar ? ((YamlNode.Scalar) node).value() : null;
        if (!(Long.valueOf(1).equals(value) || "1".equals(value))) {
            problems.add(node.location(), "unsupported policy format " + node.describe()
                    + "; this version of ImportSpy reads 'importspy-policy: 1'");
        }
    }

    private List<PolicyPlan.Rule> rules(YamlNode node) {
        List<PolicyPlan.Rule> rules = new ArrayList<>();
        nodes.sequence(node, "rules", "a list of rules such as {match: {path: \"plugins/*.jar\"}, contract: x.yml}")
                .ifPresent(items -> {
                    for (YamlNode item : items) {
                        if (!(item instanceof YamlNode.Mapping)) {
                            problems.add(item.location(), "'rules' entries must be mappings such as "
                                    + "{match: {module: com.acme.plugin}, contract: plugin.yml}, not " + item.describe());
                            continue;
                        }
                        rule((YamlNode.Mapping) item).ifPresent(rules::add);
                    }
                });
        return rules;
    }

    private Optional<PolicyPlan.Rule> rule(YamlNode.Mapping mapping) {
        Section section = Section.open(mapping, "rule", RULE_KEYS, problems);
        Optional<Policy.Match> match = section.get("match").flatMap(this::match);
        if (!section.has("match")) {
            problems.add(mapping.location(), "rule needs a 'match', such as {path: \"plugins/*.jar\"}");
        }
        Optional<Policy.Mode> mode = section.get("mode").flatMap(n -> word(n, "mode", MODES)).map(PolicyReader::mode);
        Optional<Path> contract = Optional.empty();
        Optional<YamlNode> contractNode = section.get("contract");
        if (contractNode.isPresent()) {
            contract = nodes.name(contractNode.get(), "contract", "a contract file such as contracts/plugin.yml")
                    .flatMap(this::contract);
        }
        Policy.Mode effective = mode.orElse(Policy.Mode.ENFORCE);
        if (contractNode.isEmpty() && effective != Policy.Mode.ALLOW && (mode.isPresent() || !section.has("mode"))) {
            problems.add(mapping.location(), "rule in mode " + effective.name().toLowerCase(Locale.ROOT)
                    + " needs a 'contract'; name one, or write 'mode: allow' to admit without a contract");
            return Optional.empty();
        }
        if (contractNode.isPresent() && effective == Policy.Mode.ALLOW) {
            problems.add(contractNode.get().location(), "a rule in mode allow checks no contract; remove 'contract' "
                    + "or write 'mode: enforce' or 'mode: audit'");
            return Optional.empty();
        }
        if (match.isEmpty() || (contractNode.isPresent() && contract.isEmpty()) || (section.has("mode") && mode.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new PolicyPlan.Rule(match.get(), contract, effective, mapping.location()));
    }

    private Optional<Policy.Match> match(YamlNode node) {
        return nodes.mapping(node, "match", "a mapping such as {path: \"plugins/*.jar\"}").flatMap(mapping -> {
            Section section = Section.open(mapping, "match", MATCH_KEYS, problems);
            if (mapping.entries().size() != 1) {
                problems.add(mapping.location(), "'match' takes exactly one of path, module, coordinates; write one "
                        + "rule per way of matching");
                return Optional.empty();
            }
            Optional<Policy.Match> path = section.get("path")
                    .flatMap(n -> nodes.name(n, "path", "a path glob such as plugins/*.jar"))
                    .map(g -> Policy.Match.OnPath.of(g.value(), slashed(directory)));
            Optional<Policy.Match> module = section.get("module")
                    .flatMap(n -> nodes.name(n, "module", "a module name such as com.acme.plugin"))
                    .map(n -> new Policy.Match.OnModule(n.value()));
            Optional<Policy.Match> coordinates = section.get("coordinates")
                    .flatMap(n -> nodes.name(n, "coordinates", "groupId:artifactId, such as \"org.slf4j:*\""))
                    .filter(n -> coordinates(n))
                    .map(n -> Policy.Match.OnCoordinates.of(n.value()));
            return path.or(() -> module).or(() -> coordinates);
        });
    }

    private boolean coordinates(Located<String> glob) {
        int colon = glob.value().indexOf(':');
        if (colon <= 0 || colon == glob.value().length() - 1 || glob.value().indexOf(':', colon + 1) >= 0) {
            problems.add(glob.location(), "coordinates '" + glob.value() + "' are not groupId:artifactId; write "
                    + "them as org.slf4j:slf4j-api or with globs, as \"org.slf4j:*\"");
            return false;
        }
        return true;
    }

    private Optional<Path> contract(Located<String> name) {
        Path resolved = directory.resolve(name.value()).normalize();
        boolean file = contracts.computeIfAbsent(resolved, path -> {
            if (!Files.isRegularFile(path)) {
                problems.add(name.location(), "contract '" + name.value() + "' "
                        + (Files.isDirectory(path) ? "is a directory, not a file" : "does not exist")
                        + " (resolved against the policy's directory to " + path + ")");
                return false;
            }
            return true;
        });
        return file ? Optional.of(resolved) : Optional.empty();
    }

    /** One of {@code words}, reported with a suggestion when it is another. */
    private Optional<String> word(YamlNode node, String key, List<String> words) {
        return nodes.text(node, key).flatMap(text -> {
            if (words.contains(text.value())) {
                return Optional.of(text.value());
            }
            problems.add(text.location(), "unknown " + key + " '" + text.value() + "'"
                    + Problems.suggestion(text.value(), words, "write one of " + String.join(", ", words)));
            return Optional.empty();
        });
    }

    private static Policy.Mode mode(String word) {
        return word.equals("refuse") ? Policy.Mode.ENFORCE : Policy.Mode.valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** The policy's directory as it really is (links resolved), as the code sources it is compared with. */
    private static String slashed(Path directory) {
        return RealPaths.of(directory).toString().replace('\\', '/');
    }
}
