package io.importspy.internal.contract;

import io.importspy.contract.Location;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the YAML tree of a baseline (format 1) and builds its {@link Baselines.File}, collecting every error:
 * unknown keys, wrong types, missing keys, unknown categories, empty justifications, duplicate entries.
 */
final class BaselineReader {
    static final List<String> TOP_KEYS = List.of("importspy-baseline", "violations");
    static final List<String> ENTRY_KEYS = List.of("target", "category", "context", "subject", "expected",
            "justification");
    /** The categories of {@code io.importspy.validate.Category}, which this stage does not see. */
    static final List<String> CATEGORIES = List.of("missing", "mismatch", "invalid", "unverified");

    private final Problems problems = new Problems();
    private final NodeReader nodes = new NodeReader(problems);
    private final String file;

    private BaselineReader(String file) {
        this.file = file;
    }

    /** Reads baseline text named {@code file} in locations. */
    static Baselines.File read(String text, String file) {
        return new BaselineReader(file).read(text);
    }

    private Baselines.File read(String text) {
        Location start = new Location(file, 1, 1);
        Optional<YamlNode> root = new YamlReader(file, problems).read(text);
        if (root.isEmpty() || (root.get() instanceof YamlNode.Scalar scalar && scalar.isNull())) {
            problems.add(start, "baseline is empty; start with 'importspy-baseline: 1'");
            problems.throwIfAny();
        }
        if (!(root.get() instanceof YamlNode.Mapping)) {
            problems.add(root.get().location(), "a baseline must be a mapping of keys such as 'importspy-baseline: 1', "
                    + "not " + root.get().describe());
            problems.throwIfAny();
        }
        Section top = Section.open((YamlNode.Mapping) root.get(), "the baseline", TOP_KEYS, problems);
        format(top, start);
        List<Baselines.Entry> entries = new ArrayList<>();
        Optional<YamlNode> violations = top.get("violations");
        if (violations.isEmpty()) {
            problems.add(start, "missing 'violations'; list the accepted violations, or write 'violations: []'");
        } else {
            nodes.sequence(violations.get(), "violations", "a list of entries such as {target: com.acme.plugin, "
                    + "category: missing, context: method, subject: ..., expected: ..., justification: ...}")
                    .ifPresent(items -> items.forEach(item -> entry(item).ifPresent(entries::add)));
        }
        duplicates(entries);
        problems.throwIfAny();
        return new Baselines.File(file, entries);
    }

    private void format(Section top, Location start) {
        Optional<YamlNode> format = top.get("importspy-baseline");
        if (format.isEmpty()) {
            problems.add(start, "missing 'importspy-baseline: 1'; add it as the first line of the baseline");
            return;
        }
        YamlNode node = format.get();
        Object value = node instanceof YamlNode.Scalar scalar ? scalar.value() : null;
        if (!(Long.valueOf(1).equals(value) || "1".equals(value))) {
            problems.add(node.location(), "unsupported baseline format " + node.describe()
                    + "; this version of ImportSpy reads 'importspy-baseline: 1'");
        }
    }

    private Optional<Baselines.Entry> entry(YamlNode item) {
        if (!(item instanceof YamlNode.Mapping mapping)) {
            problems.add(item.location(), "'violations' entries must be mappings with target, category, context, "
                    + "subject, expected and justification, not " + item.describe());
            return Optional.empty();
        }
        Section section = Section.open(mapping, "baseline entry", ENTRY_KEYS, problems);
        List<String> missing = new ArrayList<>();
        for (String key : ENTRY_KEYS) {
            if (!section.has(key)) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(mapping.location(), "baseline entry lacks " + String.join(", ", missing)
                    + "; an entry names the violation by target, category, context, subject and expected, and says "
                    + "why it is accepted in justification");
            return Optional.empty();
        }
        Optional<String> target = text(section, "target");
        Optional<String> category = text(section, "category").filter(c -> known(c, section));
        Optional<String> context = text(section, "context").filter(c -> word(c, section));
        Optional<String> subject = text(section, "subject");
        Optional<String> expected = text(section, "expected");
        Optional<String> justification = justification(section.get("justification").orElseThrow());
        if (target.isEmpty() || category.isEmpty() || context.isEmpty() || subject.isEmpty() || expected.isEmpty()
                || justification.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Baselines.Entry(target.get(), category.get(), context.get(), subject.get(),
                expected.get(), justification.get(), mapping.location()));
    }

    /** A key's text as written (not stripped: subjects and expected texts are compared exactly). */
    private Optional<String> text(Section section, String key) {
        YamlNode node = section.get(key).orElseThrow();
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            return Optional.of(scalar.text());
        }
        nodes.wrongShape(node, key, "text");
        return Optional.empty();
    }

    private Optional<String> justification(YamlNode node) {
        if (node instanceof YamlNode.Scalar scalar && (scalar.isNull() || scalar.text().isBlank())) {
            problems.add(node.location(), "baseline entry has no justification; say why this violation is accepted "
                    + "(importspy validate --write-baseline leaves it empty for you to fill in), or remove the entry");
            return Optional.empty();
        }
        return nodes.text(node, "justification").map(Located::value);
    }

    private boolean known(String category, Section section) {
        if (CATEGORIES.contains(category)) {
            return true;
        }
        problems.add(section.get("category").orElseThrow().location(), "unknown category '" + category + "'"
                + Problems.suggestion(category, CATEGORIES, "write one of " + String.join(", ", CATEGORIES)));
        return false;
    }

    private boolean word(String context, Section section) {
        if (context.matches("[a-z][a-z0-9-]*")) {
            return true;
        }
        problems.add(section.get("context").orElseThrow().location(), "context '" + context + "' is not a "
                + "lower-case word such as method, class or environment; write it as the report names it");
        return false;
    }

    private void duplicates(List<Baselines.Entry> entries) {
        Map<List<String>, Baselines.Entry> seen = new HashMap<>();
        for (Baselines.Entry entry : entries) {
            Baselines.Entry first = seen.putIfAbsent(entry.key(), entry);
            if (first != null) {
                problems.add(entry.location(), "duplicate baseline entry: the same violation is listed at line "
                        + first.location().line() + "; remove one");
            }
        }
    }
}
