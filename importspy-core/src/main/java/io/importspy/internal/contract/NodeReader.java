package io.importspy.internal.contract;

import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Turns YAML nodes into contract values (text, types, modifiers, versions, value matchers), reporting
 * every node of the wrong shape. Each method names the key it reads, for its messages.
 */
final class NodeReader {
    /** The keys of a value matcher written as a mapping: {@code {pattern: "regex"}}. */
    static final List<String> VALUE_KEYS = List.of("pattern", "min", "max");
    /** The longest {@code pattern:} a contract may write: far above any real one, far below a compiler's stack. */
    static final int MAX_PATTERN = 1_000;

    /** Where a type is written, which decides what it may be. */
    enum TypeUse {
        /** A field type or return type: any type but varargs. */
        VALUE,
        /** A parameter: any type; varargs is checked by the caller, who knows the position. */
        PARAMETER,
        /** A supertype, exception or annotation: a class name, optionally generic. */
        CLASS
    }

    /** The modifiers' keywords; a loop, not a stream: a collector spins three JDK lambda classes on a cold start. */
    private static final List<String> MODIFIERS = keywords();

    private static List<String> keywords() {
        List<String> keywords = new java.util.ArrayList<>();
        for (Modifier modifier : Modifier.values()) {
            keywords.add(modifier.keyword());
        }
        return keywords;
    }

    private final Problems problems;

    NodeReader(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /** {@code node} as a mapping, or a "must be {@code expected}" error. */
    Optional<YamlNode.Mapping> mapping(YamlNode node, String key, String expected) {
        if (node instanceof YamlNode.Mapping) {
            return Optional.of((YamlNode.Mapping) node);
        }
        wrongShape(node, key, expected);
        return Optional.empty();
    }

    /** {@code node} as a list, or a "must be {@code expected}" error. */
    Optional<List<YamlNode>> sequence(YamlNode node, String key, String expected) {
        if (node instanceof YamlNode.Sequence) {
            return Optional.of(((YamlNode.Sequence) node).items());
        }
        wrongShape(node, key, expected);
        return Optional.empty();
    }

    /**
     * The items of a list, or a single value read as a one-item list. A mapping counts as a single
     * value only when {@code mappingIsItem}.
     */
    Optional<List<YamlNode>> items(YamlNode node, String key, String expected, boolean mappingIsItem) {
        if (node instanceof YamlNode.Sequence) {
            return Optional.of(((YamlNode.Sequence) node).items());
        }
        if ((node instanceof YamlNode.Scalar && !((YamlNode.Scalar) node).isNull())
                || (node instanceof YamlNode.Mapping && mappingIsItem)) {
            return Optional.of(List.of(node));
        }
        wrongShape(node, key, expected);
        return Optional.empty();
    }

    /** A scalar's text; numbers and booleans count as the text they were written as. */
    Optional<Located<String>> text(YamlNode node, String key) {
        if (node instanceof YamlNode.Scalar && !((YamlNode.Scalar) node).isNull()) {
            return Optional.of(new Located<>(((YamlNode.Scalar) node).text().strip(), node.location()));
        }
        wrongShape(node, key, "text");
        return Optional.empty();
    }

    /**
     * A name: text that is not empty, or an "'key' is empty; write {@code example}, or remove the key" error.
     */
    Optional<Located<String>> name(YamlNode node, String key, String example) {
        return text(node, key).filter(text -> {
            if (text.value().isEmpty()) {
                problems.add(text.location(), "'" + key + "' is empty; write " + example + ", or remove the key");
                return false;
            }
            return true;
        });
    }

    /** Whether {@code name} is empty, reporting "empty name in 'key'; write a name such as {@code example}". */
    boolean isEmptyName(Located<String> name, String key, String example) {
        if (!name.value().isBlank()) {
            return false;
        }
        problems.add(name.location(), "empty name in '" + key + "'; write a name such as " + example);
        return true;
    }

    /** A list of non-empty texts, or one text. */
    Optional<Located<List<String>>> texts(YamlNode node, String key, String what) {
        return items(node, key, "a list of " + what + " or a single one", false).map(items -> {
            List<String> texts = new ArrayList<>();
            for (YamlNode item : items) {
                text(item, key).ifPresent(t -> {
                    if (t.value().isEmpty()) {
                        problems.add(t.location(), "empty value in '" + key
                                + "'; write a name or remove the empty entry");
                    } else {
                        texts.add(t.value());
                    }
                });
            }
            return new Located<>(texts, node.location());
        });
    }

    /** A list of located texts, or one text. */
    List<Located<String>> locatedTexts(YamlNode node, String key, String what) {
        List<Located<String>> texts = new ArrayList<>();
        items(node, key, "a list of " + what + " or a single one", false)
                .ifPresent(items -> items.forEach(item -> text(item, key).ifPresent(texts::add)));
        return texts;
    }

    /** A Java type in source spelling. */
    Optional<Located<JavaType>> type(YamlNode node, String key, TypeUse use) {
        boolean inFlow = node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).inFlow();
        return text(node, key).flatMap(text -> type(text, key, use, inFlow));
    }

    private Optional<Located<JavaType>> type(Located<String> text, String key, TypeUse use, boolean inFlow) {
        JavaType type;
        try {
            type = JavaType.parse(text.value());
        } catch (IllegalArgumentException e) {
            problems.add(text.location(), e.getMessage() + (inFlow ? splitByComma(text.value()) : ""));
            return Optional.empty();
        }
        if (type.varargs() && use != TypeUse.PARAMETER) {
            problems.add(text.location(), "'" + key + "' cannot be varargs '" + text.value() + "'; write '"
                    + asArray(text.value()) + "' for an array");
            return Optional.empty();
        }
        if (use == TypeUse.CLASS && (type.dimensions() > 0 || type.isPrimitive())) {
            problems.add(text.location(), "'" + key + "' must name a class or interface, not '" + text.value() + "'");
            return Optional.empty();
        }
        return Optional.of(new Located<>(type, text.location()));
    }

    /**
     * A hint for a generic type that YAML split at its comma ({@code [Map<String, Integer>]} gives
     * {@code Map<String} and {@code Integer>}), or nothing when the angle brackets of {@code text} balance.
     */
    static String splitByComma(String text) {
        int opened = 0;
        int closed = 0;
        for (int i = 0; i < text.length(); i++) {
            opened += text.charAt(i) == '<' ? 1 : 0;
            closed += text.charAt(i) == '>' ? 1 : 0;
        }
        if (opened == closed) {
            return "";
        }
        String example = opened > closed ? text.strip() + ", ...>" : "Map<String, Integer>";
        return "; YAML splits a plain value at each comma inside [...] or {...}: quote a generic type that contains"
                + " a comma, as in \"" + example + "\"";
    }

    /** The varargs spelling {@code String...} as an array, {@code String[]}. */
    static String asArray(String varargs) {
        String text = varargs.strip();
        int dots = text.lastIndexOf("...");
        return dots < 0 ? text : text.substring(0, dots).stripTrailing() + "[]";
    }

    /** A list of class types, or one. */
    List<Located<JavaType>> classTypes(YamlNode node, String key) {
        List<Located<JavaType>> types = new ArrayList<>();
        items(node, key, "a list of class names or a single one", false).ifPresent(items -> {
            for (YamlNode item : items) {
                type(item, key, TypeUse.CLASS).ifPresent(types::add);
            }
        });
        return types;
    }

    /** A class's binary name ({@code a.b.Outer$Inner} or {@code a.b.Outer.Inner}), as written. */
    Optional<Located<String>> className(YamlNode node, String key) {
        return text(node, key).filter(text -> {
            if (isClassName(text.value())) {
                return true;
            }
            if (text.value().isEmpty()) {
                problems.add(text.location(), "empty class name in '" + key
                        + "'; write a binary name such as com.acme.Plugin");
                return false;
            }
            problems.add(text.location(), "'" + text.value()
                    + "' is not a class name; write a binary name such as com.acme.Plugin or com.acme.Outer$Inner");
            return false;
        });
    }

    private static boolean isClassName(String text) {
        try {
            JavaType type = JavaType.parse(text);
            return type.arguments().isEmpty() && type.dimensions() == 0 && !type.isPrimitive()
                    && type.name().equals(text.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * A member name as the JVM allows it (JVMS 4.2.2): Java identifiers, and also the names other JVM
     * languages compile to (Kotlin's {@code `run now`} or mangled {@code onTimeout-8Mi8wO0}).
     */
    Optional<Located<String>> identifier(YamlNode node, String key, String what) {
        String forbidden = "method".equals(what) ? ".;[/<>" : ".;[/";
        return text(node, key).filter(text -> {
            String name = text.value();
            if (name.isEmpty()) {
                problems.add(text.location(), "'" + key + "' is empty; write a " + what + " name or remove the key");
                return false;
            }
            boolean valid = !name.isBlank() && noneOf(name, forbidden);
            if (!valid) {
                problems.add(text.location(), "'" + name + "' is not a valid " + what + " name: the JVM forbids "
                        + forbidden.chars().mapToObj(c -> "'" + (char) c + "'").collect(Collectors.joining(" "))
                        + " in " + what + " names");
            }
            return valid;
        });
    }

    private static boolean noneOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** A set of modifiers that Java allows on {@code element}: a list, or one modifier. */
    Optional<Located<Set<Modifier>>> modifiers(YamlNode node, Element element) {
        return items(node, "modifiers", "a list of modifiers or a single modifier", false).map(items -> {
            Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
            for (YamlNode item : items) {
                text(item, "modifiers").ifPresent(word -> {
                    Optional<Modifier> modifier = Modifier.fromKeyword(word.value());
                    if (modifier.isPresent() && !element.allows(modifier.get())) {
                        problems.add(word.location(), "modifier '" + word.value() + "' does not apply to "
                                + element.noun() + "; " + element.allowedText());
                    } else if (modifier.isPresent()) {
                        modifiers.add(modifier.get());
                    } else {
                        problems.add(word.location(), "unknown modifier '" + word.value() + "'"
                                + Problems.suggestion(word.value(), MODIFIERS,
                                "Java modifiers are " + String.join(", ", MODIFIERS)));
                    }
                });
            }
            return new Located<>(Collections.unmodifiableSet(modifiers), node.location());
        });
    }

    /** A version constraint; an unquoted number is accepted only when YAML keeps its text. */
    Optional<Located<VersionConstraint>> version(YamlNode node, String key) {
        if (node instanceof YamlNode.Scalar) {
            YamlNode.Scalar scalar = (YamlNode.Scalar) node;
            if (scalar.value() instanceof Boolean) {
                wrongShape(node, key, "a version such as \"[1.2,2)\"");
                return Optional.empty();
            }
            if (scalar.value() instanceof Double) {
                String number = numberText(scalar.text(), (Double) scalar.value());
                if (!number.equals(scalar.text())) {
                    problems.add(node.location(), "write " + key + ": \"" + scalar.text() + "\" (quoted); YAML reads "
                            + scalar.text() + " as the number " + number);
                    return Optional.empty();
                }
            }
        }
        return text(node, key).flatMap(text -> {
            try {
                return Optional.of(new Located<>(VersionConstraint.parse(text.value()), text.location()));
            } catch (IllegalArgumentException e) {
                problems.add(text.location(), e.getMessage());
                return Optional.empty();
            }
        });
    }

    private static String numberText(String text, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        try {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return Double.toString(value);
        }
    }

    /**
     * Named textual values: {@code name: text}, {@code name: {}} or {@code name: {pattern: "regex"}}; an empty
     * name is an error that gives {@code example} as a name.
     */
    List<ValueSpec> values(YamlNode node, String key, String example) {
        List<ValueSpec> values = new ArrayList<>();
        mapping(node, key, "a mapping of names to values").ifPresent(mapping -> {
            for (YamlNode.Entry entry : mapping.entries()) {
                if (isEmptyName(new Located<>(entry.name(), entry.key().location()), key, example)) {
                    continue;
                }
                matcher(entry).ifPresent(m -> values.add(new ValueSpec(entry.name(), m, entry.key().location())));
            }
        });
        return values;
    }

    private Optional<ValueMatcher> matcher(YamlNode.Entry entry) {
        String name = entry.name();
        YamlNode value = entry.value();
        if (value instanceof YamlNode.Scalar) {
            YamlNode.Scalar scalar = (YamlNode.Scalar) value;
            if (scalar.isNull()) {
                problems.add(value.location(), "'" + name + "' has no value; write " + name
                        + ": {} to require only that it is present");
                return Optional.empty();
            }
            return Optional.of(new ValueMatcher.Equals(scalar.text()));
        }
        if (value instanceof YamlNode.Sequence) {
            wrongShape(value, name, "a value, {} or {pattern: \"...\"}");
            return Optional.empty();
        }
        YamlNode.Mapping mapping = (YamlNode.Mapping) value;
        if (mapping.entries().isEmpty()) {
            return Optional.of(new ValueMatcher.Present());
        }
        Section section = Section.open(mapping, "value of '" + name + "'", VALUE_KEYS, problems);
        if (section.has("min") || section.has("max")) {
            if (section.has("pattern")) {
                problems.add(mapping.location(), "'" + name + "' has both a pattern and bounds; write one of them");
                return Optional.empty();
            }
            Optional<BigDecimal> min = section.get("min").flatMap(n -> bound(n, name, "min"));
            Optional<BigDecimal> max = section.get("max").flatMap(n -> bound(n, name, "max"));
            if (min.isEmpty() && max.isEmpty()) {
                return Optional.empty();
            }
            if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
                problems.add(mapping.location(), "'" + name + "' has min " + min.get().toPlainString()
                        + " above max " + max.get().toPlainString() + "; no value could match");
                return Optional.empty();
            }
            return Optional.of(new ValueMatcher.Between(min, max));
        }
        return section.get("pattern").flatMap(p -> text(p, "pattern")).flatMap(pattern -> {
            if (pattern.value().length() > MAX_PATTERN) {
                problems.add(pattern.location(), "a pattern of " + pattern.value().length() + " characters for '"
                        + name + "'; the limit is " + MAX_PATTERN + " (simplify the regular expression)");
                return Optional.empty();
            }
            try {
                return Optional.of(new ValueMatcher.Matches(Pattern.compile(pattern.value())));
            } catch (StackOverflowError tooDeep) {
                problems.add(pattern.location(), "pattern for '" + name + "' nests its groups too deeply to compile;"
                        + " simplify the regular expression");
                return Optional.empty();
            } catch (PatternSyntaxException e) {
                String at = e.getIndex() >= 0 ? " at index " + e.getIndex() : "";
                problems.add(pattern.location(), "invalid pattern '" + pattern.value() + "' for '" + name + "': "
                        + e.getDescription() + at + "; fix the regular expression");
                return Optional.empty();
            }
        });
    }

    /** A number bound ({@code min}, {@code max}) of a value. */
    private Optional<BigDecimal> bound(YamlNode node, String name, String key) {
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            try {
                return Optional.of(new BigDecimal(scalar.text().trim()));
            } catch (NumberFormatException notANumber) {
                // reported below
            }
        }
        problems.add(node.location(), "'" + key + "' of '" + name + "' must be a number, such as 536870912, not "
                + node.describe());
        return Optional.empty();
    }

    /**
     * YAML data compared with compiled values: a {@link ScalarValue} (YAML's reading and the text as written),
     * or a list of them.
     */
    Optional<Located<Object>> data(YamlNode node, String key) {
        if (node instanceof YamlNode.Sequence) {
            List<Object> values = new ArrayList<>();
            boolean valid = true;
            for (YamlNode item : ((YamlNode.Sequence) node).items()) {
                if (item instanceof YamlNode.Scalar && !((YamlNode.Scalar) item).isNull()) {
                    values.add(scalarValue((YamlNode.Scalar) item));
                } else {
                    problems.add(item.location(), "'" + key + "' items must be plain values, not " + item.describe());
                    valid = false;
                }
            }
            return valid ? Optional.of(new Located<>(List.copyOf(values), node.location())) : Optional.empty();
        }
        if (node instanceof YamlNode.Scalar && !((YamlNode.Scalar) node).isNull()) {
            return Optional.of(new Located<>(scalarValue((YamlNode.Scalar) node), node.location()));
        }
        wrongShape(node, key, "a value or a list of values");
        return Optional.empty();
    }

    private static ScalarValue scalarValue(YamlNode.Scalar scalar) {
        return new ScalarValue(scalar.value(), scalar.text(), scalar.quoted());
    }

    /** Reports a node of the wrong shape: "'key' must be expected, not a mapping". */
    void wrongShape(YamlNode node, String key, String expected) {
        if (node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).isNull()) {
            problems.add(node.location(), "'" + key + "' has no value; write " + expected + " or remove the key");
        } else {
            problems.add(node.location(), "'" + key + "' must be " + expected + ", not " + node.describe());
        }
    }
}
