package io.importspy.internal.contract;

import io.importspy.contract.Location;
import io.importspy.internal.java.NameGlob;
import io.importspy.java.ClassKind;
import io.importspy.java.Modifier;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringJoiner;

/** Reads the {@code select:} and {@code count:} keys of a {@code classes:} entry. */
final class SelectReader {
    static final List<String> SELECT_KEYS = List.of("provides", "implements", "extends", "annotated", "name", "kind",
            "modifiers");
    static final List<String> COUNT_KEYS = List.of("min", "max");
    private static final String KINDS = kinds();

    /** The keywords of every class kind, as a message lists them: {@code class, interface, ...}. */
    static String kinds() {
        StringJoiner kinds = new StringJoiner(", ");
        for (ClassKind kind : ClassKind.values()) {
            kinds.add(kind.keyword());
        }
        return kinds.toString();
    }

    private final NodeReader nodes;
    private final Problems problems;

    SelectReader(NodeReader nodes) {
        this.nodes = nodes;
        this.problems = nodes.problems();
    }

    /** The selector written at {@code node}, with the entry's {@code count} (default: at least one). */
    Optional<SelectSpec> select(YamlNode node, Optional<YamlNode> countNode) {
        Optional<YamlNode.Mapping> mapping = nodes.mapping(node, "select",
                "a mapping of selector keys such as {provides: com.acme.spi.Greeter}");
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Section section = Section.open(mapping.get(), "select", SELECT_KEYS, problems);
        // read before any early return, so that a bad count is reported with a bad selector
        SelectSpec.Count count = countNode.flatMap(this::count)
                .orElse(new SelectSpec.Count(1, OptionalInt.empty(), node.location()));
        if (mapping.get().entries().isEmpty()) {
            problems.add(node.location(), "'select' needs at least one selector key ("
                    + String.join(", ", SELECT_KEYS) + "), such as {provides: com.acme.spi.Greeter}");
            return Optional.empty();
        }
        if (mapping.get().entries().stream().noneMatch(e -> SELECT_KEYS.contains(e.name()))) {
            return Optional.empty(); // its keys are reported as unknown
        }
        Optional<Located<String>> provides = section.get("provides").flatMap(n -> nodes.className(n, "provides"));
        Optional<Located<String>> implemented = section.get("implements").flatMap(n -> nodes.className(n, "implements"));
        Optional<Located<String>> extended = section.get("extends").flatMap(n -> nodes.className(n, "extends"));
        Optional<Located<String>> annotated = section.get("annotated").flatMap(n -> nodes.className(n, "annotated"));
        Optional<Located<NameGlob>> name = section.get("name").flatMap(n -> nodes.text(n, "name")).flatMap(text -> {
            try {
                return Optional.of(new Located<>(NameGlob.of(text.value()), text.location()));
            } catch (IllegalArgumentException bad) {
                problems.add(text.location(), bad.getMessage());
                return Optional.empty();
            }
        });
        Optional<Located<ClassKind>> kind = section.get("kind").flatMap(n -> nodes.text(n, "kind")).flatMap(word -> {
            Optional<ClassKind> found = ClassKind.fromKeyword(word.value());
            if (found.isEmpty()) {
                problems.add(word.location(), "'kind' must be one of " + KINDS + ", not '" + word.value() + "'"
                        + Problems.closest(word.value(), Arrays.stream(ClassKind.values()).map(ClassKind::keyword)
                        .toList()).map(c -> "; did you mean '" + c + "'?").orElse(""));
            }
            return found.map(k -> new Located<>(k, word.location()));
        });
        Optional<Located<Set<Modifier>>> modifiers = section.get("modifiers")
                .flatMap(n -> nodes.modifiers(n, Element.CLASS));
        return Optional.of(new SelectSpec(provides, implemented, extended, annotated, name, kind, modifiers, count,
                node.location()));
    }

    /** {@code count: 2} (exactly), {@code count: 0} (none), or {@code count: {min: 1, max: 3}}. */
    Optional<SelectSpec.Count> count(YamlNode node) {
        if (node instanceof YamlNode.Mapping mapping) {
            Section section = Section.open(mapping, "count", COUNT_KEYS, problems);
            if (mapping.entries().isEmpty()) {
                problems.add(node.location(), "'count' is empty; write a number or {min: 1, max: 3}");
                return Optional.empty();
            }
            OptionalInt min = section.get("min").map(n -> number(n, "min")).orElse(OptionalInt.of(0));
            OptionalInt max = section.get("max").map(n -> number(n, "max")).orElse(OptionalInt.empty());
            if (section.has("min") && min.isEmpty() || section.has("max") && max.isEmpty()) {
                return Optional.empty();
            }
            if (max.isPresent() && min.getAsInt() > max.getAsInt()) {
                problems.add(node.location(), "'count' has min " + min.getAsInt() + " above max " + max.getAsInt()
                        + "; no selection can satisfy it");
                return Optional.empty();
            }
            return Optional.of(new SelectSpec.Count(min.getAsInt(), max, node.location()));
        }
        OptionalInt exact = number(node, "count");
        return exact.isPresent() ? Optional.of(new SelectSpec.Count(exact.getAsInt(), exact, node.location()))
                : Optional.empty();
    }

    private OptionalInt number(YamlNode node, String key) {
        if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof Long value && !scalar.quoted()) {
            if (value < 0 || value > Integer.MAX_VALUE) {
                problems.add(node.location(), "'" + key + "' must be a count of classes (0 or more), not " + value);
                return OptionalInt.empty();
            }
            return OptionalInt.of(value.intValue());
        }
        nodes.wrongShape(node, key, "a whole number such as 1");
        return OptionalInt.empty();
    }

    /** The {@code select}-only key {@code count} written on an entry that names its class. */
    void countWithoutSelect(Location location) {
        problems.add(location, "'count' applies only to 'select' entries; remove it, or select the class with "
                + "select: {name: ...}");
    }
}
