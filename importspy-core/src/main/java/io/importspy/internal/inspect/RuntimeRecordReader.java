package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import io.importspy.inspect.LibraryFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.yaml.BoundedYaml;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the YAML of a {@link RuntimeRecord} from composed nodes, so that every error has a location, within the
 * limits of every YAML input ({@link BoundedYaml}: size, line and value length, depth, nodes, aliases).
 */
final class RuntimeRecordReader {
    private static final Set<String> ROOT_KEYS =
            Set.of("importspy-runtime", "os", "arch", "java", "environment", "properties", "libraries", "facts");
    private final String file;

    RuntimeRecordReader(String file) {
        this.file = file;
    }

    RuntimeFacts read(String text) {
        LoadSettings settings = BoundedYaml.settings(file);
        Optional<Node> document;
        try {
            // tags construct nothing here (nodes are only composed, values read as text): they are left alone
            BoundedYaml.check(text, settings, "recorded runtime", (tag, event) -> { });
            document = new Compose(settings).composeString(text);
        } catch (BoundedYaml.Refused refused) {
            throw new InspectionException(file + ":" + refused.line() + ":" + refused.column() + ": "
                    + refused.getMessage());
        } catch (MarkedYamlEngineException bad) {
            throw error(bad.getProblemMark().orElse(null), "not valid YAML (" + bad.getProblem() + ")");
        } catch (YamlEngineException bad) {
            throw new InspectionException(file + ": not valid YAML (" + bad.getMessage() + ")", bad);
        }
        if (document.isEmpty()) {
            throw new InspectionException(file + ": the recorded runtime is empty; "
                    + "record one with 'importspy inspect --runtime > runtime.yml'");
        }
        Map<String, Node> root = mapping(document.get(), "the recorded runtime", ROOT_KEYS);
        Node format = required(root, "importspy-runtime", document.get());
        if (!"1".equals(scalar(format, "importspy-runtime"))) {
            throw error(format, "unsupported 'importspy-runtime: " + scalar(format, "importspy-runtime")
                    + "'; this version of ImportSpy reads format 1");
        }
        Node javaNode = required(root, "java", document.get());
        Map<String, Node> java = mapping(javaNode, "java", Set.of("version", "vendor", "implementation"));
        Map<String, String> variables = new LinkedHashMap<>();
        Set<String> unsetVariables = new LinkedHashSet<>();
        Map<String, Boolean> secrets = new LinkedHashMap<>();
        if (root.containsKey("environment")) {
            Map<String, Node> environment = mapping(root.get("environment"), "environment",
                    Set.of("variables", "secrets"));
            if (environment.containsKey("variables")) {
                strings(environment.get("variables"), "variables", variables, unsetVariables);
            }
            if (environment.containsKey("secrets")) {
                for (Map.Entry<String, Node> secret : mapping(environment.get("secrets"), "secrets", null).entrySet()) {
                    // The value is never quoted: a hand-edited record may hold the secret itself.
                    String state = secret.getValue() instanceof ScalarNode
                            ? ((ScalarNode) secret.getValue()).getValue() : "";
                    if (!state.equals("present") && !state.equals("absent")) {
                        throw error(secret.getValue(), "secret '" + secret.getKey()
                                + "' must be recorded as present or absent, not as a value");
                    }
                    secrets.put(secret.getKey(), state.equals("present"));
                }
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Set<String> unsetProperties = new LinkedHashSet<>();
        if (root.containsKey("properties")) {
            strings(root.get("properties"), "properties", properties, unsetProperties);
        }
        List<LibraryFacts> libraries = root.containsKey("libraries") ? libraries(root.get("libraries")) : List.of();
        Map<String, String> facts = new LinkedHashMap<>();
        if (root.containsKey("facts")) {
            strings(root.get("facts"), "facts", facts, new LinkedHashSet<>());
        }
        return RuntimeFacts.builder(text(root, "os", document.get()), text(root, "arch", document.get()),
                        text(java, "version", javaNode), text(java, "vendor", javaNode),
                        text(java, "implementation", javaNode))
                .variables(variables).properties(properties).secrets(secrets).libraries(libraries).recorded()
                .unsetVariables(unsetVariables).unsetProperties(unsetProperties).facts(facts).build();
    }

    private List<LibraryFacts> libraries(Node node) {
        if (!(node instanceof SequenceNode)) {
            throw error(node, "'libraries' must be a list of {names, version, source}");
        }
        List<LibraryFacts> libraries = new ArrayList<>();
        for (Node item : ((SequenceNode) node).getValue()) {
            Map<String, Node> library = mapping(item, "a library", Set.of("names", "version", "source"));
            Node namesNode = required(library, "names", item);
            if (!(namesNode instanceof SequenceNode)) {
                throw error(namesNode, "'names' must be a list of names");
            }
            List<String> names = new ArrayList<>();
            for (Node name : ((SequenceNode) namesNode).getValue()) {
                names.add(scalar(name, "a library name"));
            }
            Optional<String> version = library.containsKey("version")
                    ? Optional.of(scalar(library.get("version"), "version")) : Optional.empty();
            libraries.add(new LibraryFacts(names, version, text(library, "source", item)));
        }
        return libraries;
    }

    /** Reads {@code name: text} entries into {@code values}, and {@code name: null} entries into {@code unset}. */
    private void strings(Node node, String what, Map<String, String> values, Set<String> unset) {
        mapping(node, what, null).forEach((key, value) -> {
            if (value instanceof ScalarNode && value.getTag().equals(Tag.NULL)) {
                unset.add(key);
            } else {
                values.put(key, scalar(value, key));
            }
        });
    }

    /** The entries of a mapping; unknown keys (when {@code known} is given) and duplicates are errors. */
    private Map<String, Node> mapping(Node node, String what, Set<String> known) {
        if (!(node instanceof MappingNode)) {
            throw error(node, what + " must be a mapping of keys to values");
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key");
            if (known != null && !known.contains(key)) {
                throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + "; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(known)));
            }
            if (entries.put(key, tuple.getValueNode()) != null) {
                throw error(tuple.getKeyNode(), "duplicate key '" + key + "' in " + what);
            }
        }
        return entries;
    }

    private Node required(Map<String, Node> entries, String key, Node parent) {
        Node node = entries.get(key);
        if (node == null) {
            throw error(parent, "'" + key + "' is missing; a recorded runtime has importspy-runtime, os, arch "
                    + "and java {version, vendor, implementation}");
        }
        return node;
    }

    private String text(Map<String, Node> entries, String key, Node parent) {
        return scalar(required(entries, key, parent), key);
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode)) {
            throw error(node, "'" + what + "' must be a single value, not a list or mapping");
        }
        String value = ((ScalarNode) node).getValue();
        return value == null ? "" : value;
    }

    private InspectionException error(Node node, String message) {
        return error(node.getStartMark().orElse(null), message);
    }

    private InspectionException error(Mark mark, String message) {
        String where = mark == null ? file : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
        return new InspectionException(where + ": " + message);
    }
}
