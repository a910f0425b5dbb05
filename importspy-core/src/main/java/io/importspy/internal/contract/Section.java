package io.importspy.internal.contract;

import io.importspy.contract.Location;

import java.util.List;
import java.util.Optional;

/**
 * One mapping of the contract read as a section with a fixed set of keys ({@code method},
 * {@code deployment}, ...): unknown keys are reported when the section is opened, with a suggestion.
 */
final class Section {
    private final YamlNode.Mapping mapping;

    private Section(YamlNode.Mapping mapping) {
        this.mapping = mapping;
    }

    /**
     * Opens {@code mapping} as the section named {@code context} (used in messages: "unknown key 'x' in
     * {@code context}"), reporting every key outside {@code keys}.
     */
    static Section open(YamlNode.Mapping mapping, String context, List<String> keys, Problems problems) {
        for (YamlNode.Entry entry : mapping.entries()) {
            if (!keys.contains(entry.name())) {
                String otherwise = keys.size() == 1 ? "the only key is '" + keys.get(0) + "'"
                        : "valid keys are " + String.join(", ", keys);
                problems.add(entry.key().location(), "unknown key '" + entry.name() + "' in " + context
                        + Problems.suggestion(entry.name(), keys, otherwise));
            }
        }
        return new Section(mapping);
    }

    /** {@code mapping} as a section whose keys were checked already. */
    static Section of(YamlNode.Mapping mapping) {
        return new Section(mapping);
    }

    /** The value written for {@code key}, if any. */
    Optional<YamlNode> get(String key) {
        return entry(key).map(YamlNode.Entry::value);
    }

    /** The entry for {@code key}, if any. */
    Optional<YamlNode.Entry> entry(String key) {
        for (YamlNode.Entry entry : mapping.entries()) { // a handful of keys: a loop, not a stream or a map
            if (entry.name().equals(key)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    boolean has(String key) {
        return entry(key).isPresent();
    }

    /** Where the section's mapping starts. */
    Location location() {
        return mapping.location();
    }
}
