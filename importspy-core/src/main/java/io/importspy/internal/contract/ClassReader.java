package io.importspy.internal.contract;

import io.importspy.contract.Location;
import io.importspy.internal.contract.NodeReader.TypeUse;
import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code classes:} section: classes, their annotations, fields, constructors and methods. */
final class ClassReader {
    static final List<String> CLASS_KEYS = List.of("name", "select", "count", "kind", "modifiers", "extends",
            "implements", "annotations", "fields", "constructors", "methods");
    static final List<String> FIELD_KEYS = List.of("name", "type", "modifiers", "value");
    static final List<String> CONSTRUCTOR_KEYS = List.of("parameters", "throws", "modifiers");
    static final List<String> METHOD_KEYS = List.of("name", "parameters", "returns", "throws", "modifiers");
    static final List<String> PARAMETER_KEYS = List.of("name", "type");
    static final List<String> ANNOTATION_KEYS = List.of("type", "values");

    private static final String KINDS = SelectReader.kinds();

    private final NodeReader nodes;
    private final Problems problems;
    private final SelectReader selects;

    ClassReader(NodeReader nodes) {
        this.nodes = nodes;
        this.problems = nodes.problems();
        this.selects = new SelectReader(nodes);
    }

    List<ClassSpec> classes(YamlNode node) {
        List<ClassSpec> classes = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (YamlNode.Mapping entry : entries(node, "classes", "classes", "{name: com.acme.Plugin}")) {
            Section section = Section.open(entry, "class", CLASS_KEYS, problems);
            Optional<SelectSpec> select = Optional.empty();
            Optional<Located<String>> name;
            if (section.has("select")) {
                if (section.has("name")) {
                    problems.add(section.entry("name").orElseThrow().key().location(), "a 'classes' entry either names "
                            + "its class or selects classes; remove 'name', or write it inside select: {name: ...}");
                }
                select = selects.select(section.get("select").orElseThrow(), section.get("count"));
                name = select.map(s -> new Located<>("select " + s.describe(), s.location()));
            } else {
                section.entry("count").ifPresent(count -> selects.countWithoutSelect(count.key().location()));
                if (!section.has("name")) {
                    problems.add(section.location(), "'classes' entry needs a 'name' or a 'select'");
                    name = Optional.empty();
                } else {
                    name = required(section, "classes", "name").flatMap(n -> nodes.className(n, "name"));
                }
            }
            Optional<Located<ClassKind>> kind = section.get("kind").flatMap(this::kind);
            Optional<Located<Set<Modifier>>> modifiers = section.get("modifiers")
                    .flatMap(n -> nodes.modifiers(n, Element.CLASS));
            Optional<Located<JavaType>> superclass =
                    section.get("extends").flatMap(n -> nodes.type(n, "extends", TypeUse.CLASS));
            List<Located<JavaType>> interfaces =
                    section.get("implements").map(n -> nodes.classTypes(n, "implements")).orElse(List.of());
            List<AnnotationSpec> annotations = section.get("annotations").map(this::annotations).orElse(List.of());
            List<FieldSpec> fields = section.get("fields").map(this::fields).orElse(List.of());
            List<ConstructorSpec> constructors =
                    section.get("constructors").map(this::constructors).orElse(List.of());
            List<MethodSpec> methods = section.get("methods").map(this::methods).orElse(List.of());
            if (name.isEmpty()) {
                continue;
            }
            Location first = select.isPresent() ? null : seen.putIfAbsent(name.get().value(), name.get().location());
            if (first != null) {
                problems.add(name.get().location(), "class '" + name.get().value() + "' is listed twice (first at line "
                        + first.line() + "); merge the two entries");
                continue;
            }
            classes.add(new ClassSpec(name.get().value(), kind, modifiers, superclass, interfaces, annotations,
                    fields, constructors, methods, entry.location(), select));
        }
        return classes;
    }

    private Optional<Located<ClassKind>> kind(YamlNode node) {
        return nodes.text(node, "kind").flatMap(word -> {
            Optional<ClassKind> kind = ClassKind.fromKeyword(word.value());
            if (kind.isEmpty()) {
                problems.add(word.location(), "'kind' must be one of " + KINDS + ", not '" + word.value() + "'");
            }
            return kind.map(k -> new Located<>(k, word.location()));
        });
    }

    private List<AnnotationSpec> annotations(YamlNode node) {
        List<AnnotationSpec> annotations = new ArrayList<>();
        List<YamlNode> items = nodes.items(node, "annotations", "a list of annotations or a single one", true)
                .orElse(List.of());
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Mapping) {
                Section section = Section.open((YamlNode.Mapping) item, "annotation", ANNOTATION_KEYS, problems);
                Optional<Located<JavaType>> type = required(section, "annotations", "type")
                        .flatMap(n -> nodes.type(n, "type", TypeUse.CLASS));
                Map<String, Object> values = section.get("values").map(this::annotationValues).orElse(Map.of());
                type.ifPresent(t -> annotations.add(new AnnotationSpec(t.value(), values, item.location())));
            } else if (item instanceof YamlNode.Scalar && !((YamlNode.Scalar) item).isNull()) {
                nodes.type(item, "annotations", TypeUse.CLASS)
                        .ifPresent(t -> annotations.add(new AnnotationSpec(t.value(), Map.of(), item.location())));
            } else {
                nodes.wrongShape(item, "annotations", "a list of annotation types or {type: X, values: {...}}");
            }
        }
        return annotations;
    }

    private Map<String, Object> annotationValues(YamlNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        nodes.mapping(node, "values", "a mapping of element names to values").ifPresent(mapping -> {
            for (YamlNode.Entry entry : mapping.entries()) {
                nodes.data(entry.value(), entry.name()).ifPresent(v -> values.put(entry.name(), v.value()));
            }
        });
        return values;
    }

    private List<FieldSpec> fields(YamlNode node) {
        List<FieldSpec> fields = new ArrayList<>();
        for (YamlNode.Mapping entry : entries(node, "fields", "fields", "{name: NAME, type: String}")) {
            Section section = Section.open(entry, "field", FIELD_KEYS, problems);
            Optional<Located<String>> name = required(section, "fields", "name")
                    .flatMap(n -> nodes.identifier(n, "name", "field"));
            Optional<Located<JavaType>> type = section.get("type").flatMap(n -> nodes.type(n, "type", TypeUse.VALUE));
            Optional<Located<Set<Modifier>>> modifiers = section.get("modifiers")
                    .flatMap(n -> nodes.modifiers(n, Element.FIELD));
            Optional<Located<Object>> value = section.get("value").flatMap(n -> nodes.data(n, "value"));
            name.ifPresent(n -> fields.add(new FieldSpec(n.value(), type, modifiers, value, entry.location())));
        }
        return fields;
    }

    private List<ConstructorSpec> constructors(YamlNode node) {
        List<ConstructorSpec> constructors = new ArrayList<>();
        for (YamlNode.Mapping entry : entries(node, "constructors", "constructors", "{parameters: [String]}")) {
            Section section = Section.open(entry, "constructor", CONSTRUCTOR_KEYS, problems);
            Optional<List<ParameterSpec>> parameters = section.get("parameters").flatMap(this::parameters);
            List<Located<JavaType>> throwsTypes =
                    section.get("throws").map(n -> nodes.classTypes(n, "throws")).orElse(List.of());
            Optional<Located<Set<Modifier>>> modifiers = section.get("modifiers")
                    .flatMap(n -> nodes.modifiers(n, Element.CONSTRUCTOR));
            constructors.add(new ConstructorSpec(parameters, throwsTypes, modifiers, entry.location()));
        }
        return constructors;
    }

    private List<MethodSpec> methods(YamlNode node) {
        List<MethodSpec> methods = new ArrayList<>();
        for (YamlNode.Mapping entry : entries(node, "methods", "methods", "{name: run, parameters: [String]}")) {
            Section section = Section.open(entry, "method", METHOD_KEYS, problems);
            Optional<Located<String>> name = required(section, "methods", "name")
                    .flatMap(n -> nodes.identifier(n, "name", "method"));
            Optional<List<ParameterSpec>> parameters = section.get("parameters").flatMap(this::parameters);
            Optional<Located<JavaType>> returns =
                    section.get("returns").flatMap(n -> nodes.type(n, "returns", TypeUse.VALUE));
            List<Located<JavaType>> throwsTypes =
                    section.get("throws").map(n -> nodes.classTypes(n, "throws")).orElse(List.of());
            Optional<Located<Set<Modifier>>> modifiers = section.get("modifiers")
                    .flatMap(n -> nodes.modifiers(n, Element.METHOD));
            name.ifPresent(n -> methods.add(
                    new MethodSpec(n.value(), parameters, returns, throwsTypes, modifiers, entry.location())));
        }
        return methods;
    }

    private Optional<List<ParameterSpec>> parameters(YamlNode node) {
        Optional<List<YamlNode>> items =
                nodes.sequence(node, "parameters", "a list of parameter types such as [String, int]");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        List<ParameterSpec> parameters = new ArrayList<>();
        int last = items.get().size() - 1;
        for (int i = 0; i <= last; i++) {
            YamlNode item = items.get().get(i);
            Optional<String> name = Optional.empty();
            Optional<Located<JavaType>> type;
            if (item instanceof YamlNode.Mapping) {
                Section section = Section.open((YamlNode.Mapping) item, "parameter", PARAMETER_KEYS, problems);
                name = section.get("name").flatMap(n -> nodes.identifier(n, "name", "parameter")).map(Located::value);
                type = required(section, "parameters", "type").flatMap(n -> nodes.type(n, "type", TypeUse.PARAMETER));
            } else if (item instanceof YamlNode.Scalar && !((YamlNode.Scalar) item).isNull()) {
                type = nodes.type(item, "parameters", TypeUse.PARAMETER);
            } else {
                problems.add(item.location(), "'parameters' entries must be types or {name: x, type: T}, not "
                        + item.describe());
                continue;
            }
            if (type.isPresent() && type.get().value().varargs() && i != last) {
                String written = type.get().value().toString();
                problems.add(type.get().location(), "varargs '" + written + "' must be the last parameter; write '"
                        + NodeReader.asArray(written) + "' for an array");
                continue;
            }
            Optional<String> parameterName = name;
            type.ifPresent(t -> parameters.add(new ParameterSpec(parameterName, t.value(), item.location())));
        }
        return Optional.of(parameters);
    }

    /** The value of a required key, or an "entry needs a 'key'" error at the entry; an empty value counts as none. */
    private Optional<YamlNode> required(Section section, String list, String key) {
        Optional<YamlNode> value = section.get(key).filter(v -> !(v instanceof YamlNode.Scalar
                && (((YamlNode.Scalar) v).isNull() || ((YamlNode.Scalar) v).text().isBlank())));
        if (value.isEmpty()) {
            problems.add(section.location(), "'" + list + "' entry needs a '" + key + "'");
        }
        return value;
    }

    /** The mapping entries of a list such as {@code fields:}, reporting the list or entries of another shape. */
    private List<YamlNode.Mapping> entries(YamlNode node, String key, String what, String example) {
        List<YamlNode.Mapping> entries = new ArrayList<>();
        nodes.sequence(node, key, "a list of " + what).ifPresent(items -> {
            for (YamlNode item : items) {
                if (item instanceof YamlNode.Mapping) {
                    entries.add((YamlNode.Mapping) item);
                } else {
                    problems.add(item.location(), "'" + key + "' entries must be mappings such as " + example
                            + ", not " + item.describe());
                }
            }
        });
        return entries;
    }
}
