package io.importspy.internal.yaml;

import io.importspy.API;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import static io.importspy.API.Status.INTERNAL;

/**
 * The limits every YAML input of ImportSpy is read within, and the one path from a file, a stream or a string to
 * checked text. A broken limit is a {@link Refused} at its line and column, which each reader turns into its own
 * located error; {@code what} names the input in messages ({@code "contract"}, {@code "policy"}, ...).
 */
@API(status = INTERNAL, since = "0.1.0")
public final class BoundedYaml {
    /** The largest input, in bytes of UTF-8. */
    public static final int MAX_BYTES = 16 << 20;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_COLLECTION_ALIASES = 50;
    /** Nodes of an input without aliases: far above any real contract (50,000 classes take ~250,000). */
    public static final int MAX_EVENTS = 2_000_000;
    /** The longest line: SnakeYAML's reading cost grows with the square of a line's longest token. */
    public static final int MAX_LINE = 256 << 10;
    /** The longest scalar (a regex or a manifest value is far shorter). */
    public static final int MAX_SCALAR = 64 << 10;
    private static final int BUFFER = 64 << 10;

    private BoundedYaml() {
    }

    /** A limit an input breaks, or text that is not UTF-8, at a 1-based line and column. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        Refused(int line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /**
     * The text of {@code file}, read without ever holding more than {@link #MAX_BYTES} + 1 bytes (a device or a
     * growing file included), decoded strictly as UTF-8, without a BOM.
     *
     * @throws IOException when the file cannot be read (the caller says so in its own words)
     * @throws Refused     when it is too large or not UTF-8
     */
    public static String read(Path file, String what) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
            throw tooLarge(what, Files.size(file));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, what);
        }
    }

    /** As {@link #read(Path, String)}, from a stream the caller closes. */
    public static String read(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new Refused(1, 1, what + " is more than " + MAX_BYTES + " bytes; the limit is 16 MiB");
        }
        return decode(bytes, what);
    }

    /** {@code yaml} without a BOM, when it is within the size limit in UTF-8. */
    public static String text(String yaml, String what) {
        long bytes = utf8Length(yaml);
        if (bytes > MAX_BYTES) {
            throw tooLarge(what, bytes);
        }
        return yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
    }

    private static Refused tooLarge(String what, long bytes) {
        return new Refused(1, 1, what + " is " + bytes + " bytes; the limit is 16 MiB");
    }

    /**
     * SnakeYAML's settings for every input: core schema (its scalars resolved without regular expressions:
     * {@link CoreYamlSchema}), no duplicate or recursive keys, the limits above.
     */
    public static LoadSettings settings(String label) {
        return LoadSettings.builder()
                .setLabel(label)
                .setSchema(new CoreYamlSchema())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setCodePointLimit(MAX_BYTES)
                .setBufferSize(BUFFER)
                .setUseMarks(true)
                .build();
    }

    /**
     * Checks {@code text} within the limits before any tree is built: line length first (SnakeYAML's cost of a
     * long token is quadratic), then, over the event stream, the number of nodes, nesting depth, the length of
     * each value and aliases (none recursive, at most {@link #MAX_COLLECTION_ALIASES} of collections). Each tag
     * is given to {@code tags} with its event, for the reader to judge.
     *
     * @return whether the text uses aliases (then the tree's expansion must be bounded as it is built)
     * @throws Refused at the first limit broken
     * @throws org.snakeyaml.engine.v2.exceptions.YamlEngineException when the text is not YAML
     */
    public static boolean check(String text, LoadSettings settings, String what, BiConsumer<String, Event> tags) {
        checkLines(text);
        int depth = 0;
        int collectionAliases = 0;
        boolean aliases = false;
        Deque<String> open = new ArrayDeque<>();
        Set<String> collectionAnchors = new HashSet<>();
        int events = 0;
        for (Event event : new Parse(settings).parseString(text)) {
            if (++events > MAX_EVENTS) {
                throw refused(event, what + " holds more than " + MAX_EVENTS + " YAML nodes; split it");
            }
            if (event instanceof CollectionStartEvent start) {
                start.getTag().ifPresent(tag -> tags.accept(tag, event));
                if (++depth > MAX_DEPTH) {
                    throw refused(event, what + " is nested more than " + MAX_DEPTH + " levels deep; flatten it");
                }
                String anchor = anchor(start);
                open.push(anchor);
                if (!anchor.isEmpty()) {
                    collectionAnchors.add(anchor);
                }
            } else if (event instanceof CollectionEndEvent) {
                depth--;
                open.pop();
            } else if (event instanceof ScalarEvent scalar) {
                scalar.getTag().ifPresent(tag -> tags.accept(tag, event));
                int length = scalar.getValue().length();
                if (length > MAX_SCALAR) {
                    throw refused(event, "a value of " + length + " characters; the limit is " + MAX_SCALAR
                            + " (shorten it)");
                }
                collectionAnchors.remove(anchor(scalar));
            } else if (event instanceof AliasEvent alias) {
                aliases = true;
                String name = alias.getAlias().getValue();
                if (open.contains(name)) {
                    throw refused(event, "alias '*" + name + "' refers to a node that contains it; recursive YAML"
                            + " is not allowed in a " + what);
                }
                if (collectionAnchors.contains(name) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
                    throw refused(event, what + " uses more than " + MAX_COLLECTION_ALIASES
                            + " aliases of lists or mappings; write the entries out instead");
                }
            }
        }
        return aliases;
    }

    private static void checkLines(String text) {
        int start = 0;
        int line = 1;
        for (int i = 0, n = text.length(); i <= n; i++) {
            char c = i == n ? '\n' : text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (i - start > MAX_LINE) {
                    throw new Refused(line, MAX_LINE + 1, "line " + line + " is " + (i - start)
                            + " characters long; the limit is " + MAX_LINE
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

    private static Refused refused(Event event, String message) {
        Optional<Mark> mark = event.getStartMark();
        return new Refused(mark.map(m -> m.getLine() + 1).orElse(1), mark.map(m -> m.getColumn() + 1).orElse(1),
                message);
    }

    private static String anchor(NodeEvent event) {
        return event.getAnchor().map(a -> a.getValue()).orElse("");
    }

    private static String decode(byte[] bytes, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new Refused(line, in.position() - lineStart + 1,
                    "cannot read " + what + ": it is not UTF-8 text; save it as UTF-8");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
