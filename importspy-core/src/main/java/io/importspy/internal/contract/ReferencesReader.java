package io.importspy.internal.contract;

import io.importspy.internal.java.ReferencePattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the {@code references:} section. */
final class ReferencesReader {
    static final List<String> KEYS = List.of("forbid", "allow");

    private final NodeReader nodes;
    private final Problems problems;

    ReferencesReader(NodeReader nodes) {
        this.nodes = nodes;
        this.problems = nodes.problems();
    }

    Optional<ReferencesSpec> references(YamlNode.Entry entry) {
        return nodes.mapping(entry.value(), "references",
                "a mapping such as {forbid: [java.lang.System#exit]}").map(mapping -> {
            Section section = Section.open(mapping, "references", KEYS, problems);
            if (mapping.entries().isEmpty()) {
                problems.add(mapping.location(), "'references' is empty; write forbid: [...] or allow: [...]");
            }
            List<Located<ReferencePattern>> forbid = section.get("forbid").map(n -> patterns(n, "forbid"))
                    .orElse(List.of());
            Optional<Located<List<Located<ReferencePattern>>>> allow = section.entry("allow")
                    .map(e -> new Located<>(patterns(e.value(), "allow"), e.key().location()));
            return new ReferencesSpec(forbid, allow, entry.key().location());
        });
    }

    private List<Located<ReferencePattern>> patterns(YamlNode node, String key) {
        List<Located<ReferencePattern>> patterns = new ArrayList<>();
        if (node instanceof YamlNode.Sequence sequence && sequence.items().isEmpty()) {
            return patterns;
        }
        for (Located<String> text : nodes.locatedTexts(node, key, "reference patterns such as java.lang.System#exit")) {
            if (text.value().isEmpty()) {
                problems.add(text.location(), "empty pattern in '" + key + "'; write a pattern such as "
                        + "java.lang.System#exit or sun.misc.**");
                continue;
            }
            try {
                patterns.add(new Located<>(ReferencePattern.parse(text.value()), text.location()));
            } catch (IllegalArgumentException bad) {
                problems.add(text.location(), bad.getMessage());
            }
        }
        return patterns;
    }
}
