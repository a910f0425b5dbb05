package io.importspy.internal.contract;

import io.importspy.contract.Location;

import java.math.BigInteger;
import java.util.List;

/**
 * A small located YAML tree, free of SnakeYAML types: what {@link YamlReader} produces and
 * {@link ContractReader} walks.
 */
sealed interface YamlNode {

    /** Where the node starts. */
    Location location();

    /** How the node is named in "must be X, not Y" messages: {@code a mapping}, {@code a list}, {@code 'abc'}. */
    String describe();

    /**
     * A scalar.
     *
     * @param value  resolved by the YAML 1.2 core schema: {@code String}, {@code Boolean}, {@code Long},
     *               {@code BigInteger}, {@code Double}, or {@code null} for a YAML null
     * @param text   the scalar's content as written (after unquoting)
     * @param quoted whether it was written quoted (or as a block scalar): always a string then
     * @param inFlow whether it was written plain inside a flow collection ({@code [a, b]} or {@code {k: v}}),
     *               where YAML ends it at a comma
     */
    record Scalar(Object value, String text, boolean quoted, boolean inFlow, Location location) implements YamlNode {
        boolean isNull() {
            return value == null;
        }

        boolean isNumber() {
            return value instanceof Long || value instanceof BigInteger || value instanceof Double;
        }

        @Override
        public String describe() {
            if (value == null) {
                return "empty";
            }
            if (value instanceof Boolean) {
                return "the boolean " + text;
            }
            if (isNumber()) {
                return "the number " + text;
            }
            return "'" + text + "'";
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A mapping with scalar keys, in file order, without duplicate keys. */
    record Mapping(List<Entry> entries, Location location) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One key and its value. */
    record Entry(Scalar key, YamlNode value) {
        String name() {
            return key.text();
        }
    }
}
