package io.importspy.internal.contract;

import io.importspy.contract.Location;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads YAML text into a {@link YamlNode} tree with YAML 1.2 safe loading: core-schema scalars, no
 * object-constructing tags, bounded size, depth and aliases, no duplicate keys. SnakeYAML errors
 * become one-line contract errors at their position.
 */
final class YamlReader {
    static final int MAX_BYTES = 16 << 20;
    static final int MAX_DEPTH = 64;
    static final int MAX_COLLECTION_ALIASES = 50;
    static final int MAX_NODES = 100_000;
    /** Nodes of a contract without aliases: far above any real contract (50,000 classes take ~250,000). */
    static final int MAX_EVENTS = 2_000_000;
    /** The longest line: SnakeYAML's reading cost grows with the square of a line's longest token. */
    static final int MAX_LINE = 256 << 10;
    /** The longest scalar (a regex or a manifest value is far shorter). */
    static final int MAX_SCALAR = 64 << 10;
    /** The most characters of a number: longer ones cost quadratic time to convert and match no Java constant. */
    static final int MAX_NUMBER = 1000;
    private static final int BUFFER = 64 << 10;

    private static final String STANDARD = "tag:yaml.org,2002:";
    private static final Set<String> STANDARD_TAGS = Set.of(Tag.STR.getValue(), Tag.INT.getValue(),
            Tag.FLOAT.getValue(), Tag.BOOL.getValue(), Tag.NULL.getValue(), Tag.SEQ.getValue(), Tag.MAP.getValue());

    private final String file;
    private final Problems problems;
    private final LoadSettings settings;
    private final ScalarResolver resolver;
    private int nodes;
    private boolean aliases;

    YamlReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
        CoreSchema schema = new CoreSchema();
        this.resolver = schema.getScalarResolver();
        this.settings = LoadSettings.builder()
                .setLabel(file)
                .setSchema(schema)
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setCodePointLimit(MAX_BYTES)
                .setBufferSize(BUFFER)
                .setUseMarks(true)
                .build();
    }

    /** Refuses a contract of {@code bytes} bytes when it is over the size limit. */
    static void checkSize(long bytes, String file) {
        if (bytes > MAX_BYTES) {
            throw Problems.fatal(new Location(file, 1, 1), "contract is " + bytes + " bytes; the limit is 16 MiB");
        }
    }

    /**
     * The document's root node, or empty when the text holds no document. Errors that leave no tree
     * to read (syntax, limits) are thrown; others (tags, duplicate keys) are added to the problems.
     */
    Optional<YamlNode> read(String text) {
        try {
            checkLines(text);
            scan(text);
            Optional<Node> root = new Compose(settings).composeString(text);
            if (root.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(convert(root.get(), 0, false));
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            throw Problems.fatal(location(mark), "invalid YAML: " + syntax(oneLine(e.getProblem()), oneLine(e.getContext())));
        } catch (YamlEngineException e) {
            throw Problems.fatal(new Location(file, 1, 1), "invalid YAML: " + oneLine(e.getMessage()));
        }
    }

    /**
     * Refuses a line longer than {@link #MAX_LINE} before SnakeYAML reads it: its scanner re-copies its window
     * for each buffer of a token it reads, so one long token costs quadratic time.
     */
    private void checkLines(String text) {
        int start = 0;
        int line = 1;
        for (int i = 0, n = text.length(); i <= n; i++) {
            char c = i == n ? '\n' : text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (i - start > MAX_LINE) {
                    throw Problems.fatal(new Location(file, line, MAX_LINE + 1), "line " + line + " is "
                            + (i - start) + " characters long; the limit is " + MAX_LINE
                            + " (write a long value over several lines, or shorten it)");
                }
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
                line++;
            }
        }
    }

    /** A first pass over the event stream: depth, tags and aliases, before any tree is built. */
    private void scan(String text) {
        int depth = 0;
        int collectionAliases = 0;
        Deque<String> open = new ArrayDeque<>();
        Set<String> collectionAnchors = new HashSet<>();
        int events = 0;
        for (Event event : new Parse(settings).parseString(text)) {
            if (++events > MAX_EVENTS) {
                throw Problems.fatal(location(event.getStartMark()), "contract holds more than " + MAX_EVENTS
                        + " YAML nodes; split it");
            }
            if (event instanceof CollectionStartEvent) {
                CollectionStartEvent start = (CollectionStartEvent) event;
                checkTag(start.getTag(), event);
                if (++depth > MAX_DEPTH) {
                    throw Problems.fatal(location(event.getStartMark()),
                            "contract is nested more than " + MAX_DEPTH + " levels deep; flatten it");
                }
                String anchor = anchor(start);
                open.push(anchor);
                if (!anchor.isEmpty()) {
                    collectionAnchors.add(anchor);
                }
            } else if (event instanceof CollectionEndEvent) {
                depth--;
                open.pop();
            } else if (event instanceof ScalarEvent) {
                checkTag(((ScalarEvent) event).getTag(), event);
                checkLength((ScalarEvent) event);
                collectionAnchors.remove(anchor((ScalarEvent) event));
            } else if (event instanceof AliasEvent) {
                aliases = true;
                String name = ((AliasEvent) event).getAlias().getValue();
                if (open.contains(name)) {
                    throw Problems.fatal(location(event.getStartMark()), "alias '*" + name
                            + "' refers to a node that contains it; recursive YAML is not allowed in a contract");
                }
                if (collectionAnchors.contains(name) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
                    throw Problems.fatal(location(event.getStartMark()), "contract uses more than "
                            + MAX_COLLECTION_ALIASES + " aliases of lists or mappings; write the entries out instead");
                }
            }
        }
    }

    private void checkLength(ScalarEvent event) {
        int length = event.getValue().length();
        if (length > MAX_SCALAR) {
            throw Problems.fatal(location(event.getStartMark()), "a value of " + length
                    + " characters; the limit is " + MAX_SCALAR + " (shorten it)");
        }
    }

    private static String anchor(NodeEvent event) {
        return event.getAnchor().map(a -> a.getValue()).orElse("");
    }

    private void checkTag(Optional<String> tag, Event event) {
        if (tag.isPresent() && !STANDARD_TAGS.contains(tag.get())) {
            String written = tag.get().startsWith(STANDARD) ? "!!" + tag.get().substring(STANDARD.length()) : tag.get();
            problems.add(location(event.getStartMark()), "tag '" + written
                    + "' is not allowed; a contract holds plain YAML values only (remove the tag)");
        }
    }

    /** Converts {@code node}; {@code inFlow} when it is an item, key or value of a flow collection. */
    private YamlNode convert(Node node, int depth, boolean inFlow) {
        Location location = location(node.getStartMark());
        // Without aliases the size limit bounds the node count; with them, expansion is bounded here.
        if (++nodes > MAX_NODES && aliases) {
            throw Problems.fatal(location,
                    "contract expands to more than " + MAX_NODES + " YAML nodes through aliases; write the entries out instead");
        }
        if (depth > MAX_DEPTH) {
            throw Problems.fatal(location, "contract is nested more than " + MAX_DEPTH + " levels deep; flatten it");
        }
        if (node instanceof ScalarNode) {
            return scalar((ScalarNode) node, location, inFlow);
        }
        if (node instanceof SequenceNode) {
            List<YamlNode> items = new ArrayList<>();
            boolean flow = ((SequenceNode) node).getFlowStyle() == FlowStyle.FLOW;
            for (Node item : ((SequenceNode) node).getValue()) {
                items.add(convert(item, depth + 1, flow));
            }
            return new YamlNode.Sequence(items, location);
        }
        MappingNode mapping = (MappingNode) node;
        boolean flow = mapping.getFlowStyle() == FlowStyle.FLOW;
        List<YamlNode.Entry> entries = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = convert(tuple.getKeyNode(), depth + 1, flow);
            YamlNode value = convert(tuple.getValueNode(), depth + 1, flow);
            if (!(key instanceof YamlNode.Scalar)) {
                problems.add(key.location(), "a key must be a plain name, not " + key.describe());
                continue;
            }
            YamlNode.Scalar name = (YamlNode.Scalar) key;
            Location first = seen.putIfAbsent(name.text(), name.location());
            if (first != null) {
                problems.add(name.location(), "duplicate key '" + name.text() + "'; it is already set at line "
                        + first.line() + "; keep only one");
                continue;
            }
            entries.add(new YamlNode.Entry(name, value));
        }
        return new YamlNode.Mapping(entries, location);
    }

    private YamlNode.Scalar scalar(ScalarNode node, Location location, boolean inFlow) {
        String text = node.getValue();
        boolean plain = node.getScalarStyle() == ScalarStyle.PLAIN;
        Tag tag = node.getTag();
        if (!STANDARD_TAGS.contains(tag.getValue())) {
            tag = resolver.resolve(text, plain); // already reported: read the value as if untagged
        }
        Object value;
        try {
            if ((tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) && text.length() > MAX_NUMBER) {
                problems.add(location, "a number of " + text.length() + " characters; no Java constant is that"
                        + " long (quote it to compare it as text)");
                return new YamlNode.Scalar(text, text, !plain, plain && inFlow, location);
            }
            value = construct(tag, text);
        } catch (NumberFormatException e) {
            problems.add(location, "'" + text + "' is not a valid " + tag.getValue().substring(STANDARD.length())
                    + "; remove the tag or fix the value");
            value = text;
        }
        return new YamlNode.Scalar(value, text, !plain, plain && inFlow, location);
    }

    /** Builds the Java value of a scalar the core schema resolved to {@code tag}. */
    private static Object construct(Tag tag, String text) {
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (!lower.equals("true") && !lower.equals("false")) {
                throw new NumberFormatException(text);
            }
            return Boolean.valueOf(lower);
        }
        if (tag.equals(Tag.INT)) {
            return integer(text);
        }
        if (tag.equals(Tag.FLOAT)) {
            return floating(text);
        }
        return text;
    }

    private static Object integer(String text) {
        String digits = text;
        int radix = 10;
        boolean negative = false;
        if (digits.startsWith("-") || digits.startsWith("+")) {
            negative = digits.startsWith("-");
            digits = digits.substring(1);
        }
        if (digits.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.startsWith("0o")) {
            radix = 8;
            digits = digits.substring(2);
        }
        BigInteger value = new BigInteger(digits, radix);
        value = negative ? value.negate() : value;
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private static Double floating(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals(".nan")) {
            return Double.NaN;
        }
        if (lower.endsWith(".inf")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.valueOf(text);
    }

    private Location location(Optional<Mark> mark) {
        return mark.map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new Location(file, 1, 1));
    }

    /** SnakeYAML's problem and context in one line, with a fix for the common mistakes. */
    private static String syntax(String problem, String context) {
        if (problem.contains("\\t(TAB)")) {
            return "a tab is used for indentation; indent with spaces";
        }
        if (problem.contains("found character '>' that cannot start any token")) {
            return "a value starts with '>'; YAML splits a plain value at each comma inside [...] or {...}:"
                    + " quote a generic type that contains a comma, as in \"Map<String, int[]>\"";
        }
        if (problem.contains("found another document")) {
            return "a contract is a single YAML document; remove the second '---' and what follows";
        }
        return context.isEmpty() ? problem : problem + " (" + context + ")";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
