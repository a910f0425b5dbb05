package io.importspy.internal.contract;

import io.importspy.contract.Location;
import io.importspy.internal.yaml.BoundedYaml;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
    static final int MAX_BYTES = BoundedYaml.MAX_BYTES;
    static final int MAX_DEPTH = BoundedYaml.MAX_DEPTH;
    static final int MAX_COLLECTION_ALIASES = BoundedYaml.MAX_COLLECTION_ALIASES;
    static final int MAX_NODES = 100_000;
    /** Nodes of a contract without aliases: far above any real contract (50,000 classes take ~250,000). */
    static final int MAX_EVENTS = BoundedYaml.MAX_EVENTS;
    /** The longest line: SnakeYAML's reading cost grows with the square of a line's longest token. */
    static final int MAX_LINE = BoundedYaml.MAX_LINE;
    /** The longest scalar (a regex or a manifest value is far shorter). */
    static final int MAX_SCALAR = BoundedYaml.MAX_SCALAR;
    /** The most characters of a number: longer ones cost quadratic time to convert and match no Java constant. */
    static final int MAX_NUMBER = 1000;

    private static final String STANDARD = "tag:yaml.org,2002:";
    /** The core schema's nulls and booleans that start with a letter. */
    private static final Set<String> SCHEMA_WORDS = Set.of("null", "Null", "NULL", "true", "True", "TRUE", "false",
            "False", "FALSE");
    private static final Set<String> STANDARD_TAGS = Set.of(Tag.STR.getValue(), Tag.INT.getValue(),
            Tag.FLOAT.getValue(), Tag.BOOL.getValue(), Tag.NULL.getValue(), Tag.SEQ.getValue(), Tag.MAP.getValue());

    private final String file;
    private final Problems problems;
    private final LoadSettings settings;
    private final ScalarResolver resolver;

    YamlReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
        this.settings = BoundedYaml.settings(file);
        this.resolver = settings.getSchema().getScalarResolver();
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
            return new Tree().build(new Parse(settings).parseString(text));
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

    /**
     * Builds the tree from the event stream in one pass, checking as it goes: the number of events, the depth,
     * tags, the length of scalars, and aliases (not recursive, at most {@link #MAX_COLLECTION_ALIASES} of
     * collections, their expansion at most {@link #MAX_NODES} nodes and {@link #MAX_DEPTH} levels). An alias
     * shares the node of its anchor, which is immutable; its size and height are kept so that the expansion a
     * reader of the tree will walk is bounded here.
     */
    private final class Tree {
        private final Deque<Open> open = new ArrayDeque<>();
        private final Map<String, Anchored> anchors = new HashMap<>();
        private YamlNode root;
        private boolean documentEnded;
        private boolean aliases;
        private int events;
        private int collectionAliases;
        private long expanded;

        Optional<YamlNode> build(Iterable<Event> stream) {
            for (Event event : stream) {
                if (++events > MAX_EVENTS) {
                    throw Problems.fatal(location(event.getStartMark()), "contract holds more than " + MAX_EVENTS
                            + " YAML nodes; split it");
                }
                if (event instanceof ScalarEvent) {
                    scalar((ScalarEvent) event);
                } else if (event instanceof CollectionStartEvent) {
                    start((CollectionStartEvent) event);
                } else if (event instanceof CollectionEndEvent) {
                    Open done = open.pop();
                    YamlNode node = done.node();
                    add(node, done.anchor, done.size, done.height + 1);
                } else if (event instanceof AliasEvent) {
                    alias((AliasEvent) event);
                } else if (event instanceof DocumentStartEvent && documentEnded) {
                    throw Problems.fatal(location(event.getStartMark()), "invalid YAML: "
                            + syntax("but found another document", "expected a single document in the stream"));
                } else if (event instanceof DocumentEndEvent) {
                    documentEnded = true;
                }
            }
            return Optional.ofNullable(root);
        }

        private void start(CollectionStartEvent event) {
            checkTag(event.getTag(), event);
            if (open.size() + 1 > MAX_DEPTH) {
                throw Problems.fatal(location(event.getStartMark()),
                        "contract is nested more than " + MAX_DEPTH + " levels deep; flatten it");
            }
            count(event.getStartMark());
            open.push(new Open(event instanceof MappingStartEvent, event.getFlowStyle() == FlowStyle.FLOW,
                    location(event.getStartMark()), anchor(event)));
        }

        private void scalar(ScalarEvent event) {
            checkTag(event.getTag(), event);
            checkLength(event);
            count(event.getStartMark());
            Optional<String> tag = event.getTag();
            Tag resolved = tag.isEmpty() || tag.get().equals("!")
                    ? resolve(event.getValue(), event.getImplicit().canOmitTagInPlainScalar())
                    : new Tag(tag.get());
            add(YamlReader.this.scalar(event, resolved, location(event.getStartMark()), inFlow()), anchor(event), 1, 0);
        }

        private void alias(AliasEvent event) {
            aliases = true;
            String name = event.getAlias().getValue();
            for (Open collection : open) {
                if (collection.anchor.equals(name)) {
                    throw Problems.fatal(location(event.getStartMark()), "alias '*" + name
                            + "' refers to a node that contains it; recursive YAML is not allowed in a contract");
                }
            }
            Anchored anchored = anchors.get(name);
            if (anchored == null) {
                throw Problems.fatal(location(event.getStartMark()), "invalid YAML: found undefined alias " + name);
            }
            if (!(anchored.node instanceof YamlNode.Scalar) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
                throw Problems.fatal(location(event.getStartMark()), "contract uses more than "
                        + MAX_COLLECTION_ALIASES + " aliases of lists or mappings; write the entries out instead");
            }
            if (open.size() + anchored.height > MAX_DEPTH) {
                throw Problems.fatal(location(event.getStartMark()),
                        "contract is nested more than " + MAX_DEPTH + " levels deep; flatten it");
            }
            expanded += anchored.size;
            if (expanded > MAX_NODES) {
                throw Problems.fatal(location(event.getStartMark()), "contract expands to more than " + MAX_NODES
                        + " YAML nodes through aliases; write the entries out instead");
            }
            YamlNode node = anchored.node;
            if (node instanceof YamlNode.Scalar) { // a scalar's inFlow is where it is written, here the alias
                YamlNode.Scalar scalar = (YamlNode.Scalar) node;
                node = new YamlNode.Scalar(scalar.value(), scalar.text(), scalar.quoted(), !scalar.quoted() && inFlow(),
                        scalar.location());
            }
            add(node, "", anchored.size, anchored.height);
        }

        /**
         * Counts one node written out. Without aliases the size limit bounds the node count; once there are
         * aliases, the whole expansion is bounded.
         */
        private void count(Optional<Mark> mark) {
            if (++expanded > MAX_NODES && aliases) {
                throw Problems.fatal(location(mark), "contract expands to more than " + MAX_NODES
                        + " YAML nodes through aliases; write the entries out instead");
            }
        }

        private boolean inFlow() {
            Open parent = open.peek();
            return parent != null && parent.flow;
        }

        private void add(YamlNode node, String anchor, long size, int height) {
            if (!anchor.isEmpty()) {
                anchors.put(anchor, new Anchored(node, size, height));
            }
            Open parent = open.peek();
            if (parent == null) {
                root = node;
            } else {
                parent.add(node, size, height);
            }
        }
    }

    /** A collection being read: its items, or its entries with the key waiting for its value. */
    private final class Open {
        final boolean mapping;
        final boolean flow;
        final Location location;
        final String anchor;
        final List<YamlNode> items = new ArrayList<>();
        final List<YamlNode.Entry> entries = new ArrayList<>();
        Map<String, Location> seen;
        YamlNode key;
        long size = 1;
        int height;

        Open(boolean mapping, boolean flow, Location location, String anchor) {
            this.mapping = mapping;
            this.flow = flow;
            this.location = location;
            this.anchor = anchor;
        }

        void add(YamlNode node, long nodeSize, int nodeHeight) {
            size += nodeSize;
            height = Math.max(height, nodeHeight);
            if (!mapping) {
                items.add(node);
            } else if (key == null) {
                key = node;
            } else {
                entry(key, node);
                key = null;
            }
        }

        private void entry(YamlNode key, YamlNode value) {
            if (!(key instanceof YamlNode.Scalar)) {
                problems.add(key.location(), "a key must be a plain name, not " + key.describe());
                return;
            }
            YamlNode.Scalar name = (YamlNode.Scalar) key;
            if (seen == null) {
                seen = new HashMap<>();
            }
            Location first = seen.putIfAbsent(name.text(), name.location());
            if (first != null) {
                problems.add(name.location(), "duplicate key '" + name.text() + "'; it is already set at line "
                        + first.line() + "; keep only one");
                return;
            }
            entries.add(new YamlNode.Entry(name, value));
        }

        YamlNode node() {
            return mapping ? new YamlNode.Mapping(entries, location) : new YamlNode.Sequence(items, location);
        }
    }

    /** An anchored node, with how many nodes it expands to and how many levels of collections it holds. */
    private record Anchored(YamlNode node, long size, int height) {
    }

    /**
     * The core schema's tag of a scalar, {@code implicit} when it is written plain. A plain scalar that starts
     * with a letter is a null or a boolean only when it is one of the schema's words; any other is a string,
     * told without the resolver's regular expressions (most of a contract's scalars are names).
     */
    private Tag resolve(String value, boolean implicit) {
        if (!implicit) {
            return Tag.STR;
        }
        if (!value.isEmpty() && Character.isLetter(value.charAt(0)) && !SCHEMA_WORDS.contains(value)) {
            return Tag.STR;
        }
        return resolver.resolve(value, true);
    }

    /** The scalar of {@code event}, whose tag is {@code tag}; {@code inFlow} when it is written in a flow collection. */
    private YamlNode.Scalar scalar(ScalarEvent event, Tag tag, Location location, boolean inFlow) {
        String text = event.getValue();
        boolean plain = event.getScalarStyle() == ScalarStyle.PLAIN;
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
