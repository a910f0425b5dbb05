package io.importspy.internal.report;

import io.importspy.API;
import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.FieldFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.inspect.IntegrityFacts;
import io.importspy.inspect.Origin;
import io.importspy.inspect.ParameterFacts;
import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.importspy.API.Status.INTERNAL;

/**
 * Writes a contract (format 1) that a module satisfies: its identity, services, and its public API
 * ({@code importspy inspect TARGET}). A starting point for a contract, to be cut down to what a host needs.
 *
 * <p>What is written: the module's primary name, its version as an exact range ({@code "[1.2.0]"}), its
 * file name and services; then every public or protected class of the module (origin
 * {@link Origin#TARGET}, nested ones too when their enclosing classes are written), sorted by name, with
 * kind, modifiers, superclass (unless {@code Object}, {@code Enum} or {@code Record}) and direct
 * interfaces, both with their type arguments, and its public and protected fields, constructors and non-synthetic methods. Types are fully qualified,
 * generic where the class file records a signature, nested classes by their binary names
 * ({@code Outer$Inner}). Constant values are written for strings, chars, integral numbers, booleans and
 * floating-point numbers (NaN and the infinities as {@code .nan}, {@code .inf}, {@code -.inf}). Every
 * string is double-quoted and the output is pure ASCII.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ContractWriter {
    private static final Set<Modifier> CLASS_MODIFIERS = EnumSet.of(Modifier.PUBLIC, Modifier.PROTECTED,
            Modifier.ABSTRACT, Modifier.FINAL, Modifier.STATIC, Modifier.SEALED, Modifier.NON_SEALED);
    private static final Set<Modifier> FIELD_MODIFIERS = EnumSet.of(Modifier.PUBLIC, Modifier.PROTECTED,
            Modifier.STATIC, Modifier.FINAL, Modifier.TRANSIENT, Modifier.VOLATILE);
    private static final Set<Modifier> METHOD_MODIFIERS = EnumSet.of(Modifier.PUBLIC, Modifier.PROTECTED,
            Modifier.STATIC, Modifier.FINAL, Modifier.ABSTRACT, Modifier.DEFAULT);
    private static final Set<String> IMPLIED_SUPERCLASSES =
            Set.of("java.lang.Object", "java.lang.Enum", "java.lang.Record");
    private static final String RANGE_CHARACTERS = "[](),";
    private static final String GLOB_CHARACTERS = "*?[]{}\\";

    private final StringBuilder out = new StringBuilder();

    private ContractWriter() {
    }

    /** A contract that {@code module} satisfies, as YAML text ending with a newline. */
    public static String toYaml(ModuleFacts module) {
        ContractWriter writer = new ContractWriter();
        writer.write(module);
        return writer.out.toString();
    }

    private void write(ModuleFacts module) {
        line(0, "# A contract (format 1) that " + comment(module.identity().fileName())
                + " satisfies; keep what your host needs.");
        line(0, "importspy: 1");
        line(0, "");
        line(0, "module:");
        module.identity().primaryName().filter(YamlText::writable)
                .ifPresent(name -> line(1, "name: " + YamlText.quote(name)));
        module.identity().version()
                .filter(v -> v.chars().noneMatch(c -> RANGE_CHARACTERS.indexOf(c) >= 0) && !v.isBlank()
                        && YamlText.writable(v))
                .ifPresent(version -> line(1, "version: " + YamlText.quote("[" + version + "]")));
        String fileName = module.identity().fileName();
        if (fileName.chars().noneMatch(c -> GLOB_CHARACTERS.indexOf(c) >= 0) && YamlText.writable(fileName)) {
            line(1, "filename: " + YamlText.quote(fileName));
        }
        // a service or provider whose name YAML cannot spell (a lone surrogate, from a module-info) is left out
        Map<String, List<String>> services = new java.util.TreeMap<>();
        module.services().forEach((service, providers) -> {
            List<String> writable = providers.stream().filter(YamlText::writable).toList();
            if (YamlText.writable(service) && !writable.isEmpty()) {
                services.put(service, writable);
            }
        });
        if (!services.isEmpty()) {
            line(1, "services:");
            services.forEach((service, providers) -> line(2, YamlText.quote(service) + ": " + YamlText.list(providers)));
        }
        module.section(IntegrityFacts.class).ifPresent(this::writeIntegrity);
        line(0, "");
        List<ClassFacts> classes = publicClasses(module);
        if (classes.isEmpty()) {
            line(0, "classes: []");
            return;
        }
        line(0, "classes:");
        classes.forEach(this::writeClass);
    }

    /** {@code digest}, and {@code signed} and {@code signers} for a JAR that every signature covers ({@code --pin}). */
    private void writeIntegrity(IntegrityFacts integrity) {
        integrity.digests().forEach((algorithm, hex) -> line(1, "digest: " + YamlText.quote(algorithm + ":" + hex)));
        Optional<IntegrityFacts.SignatureFacts> signature = integrity.signature();
        if (signature.isEmpty()) {
            return;
        }
        if (signature.get().status() != IntegrityFacts.Status.SIGNED) {
            line(1, "# not pinned: signers (the JAR is " + signature.get().status().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ') + ")");
            return;
        }
        line(1, "signed: true");
        line(1, "signers:");
        for (IntegrityFacts.SignerFacts signer : signature.get().signers()) {
            line(2, "- certificate: " + YamlText.quote("sha256:" + signer.certificate()) + "  # "
                    + comment(signer.subject()));
            line(2, "  # or, to survive a renewed certificate, its key: " + YamlText.quote("sha256:" + signer.key()));
        }
    }

    private static List<ClassFacts> publicClasses(ModuleFacts module) {
        return module.classes().values().stream()
                .filter(c -> c.origin() == Origin.TARGET && visible(c.modifiers()) && written(c.name(), module)
                        && YamlText.writable(c.name()))
                .sorted(Comparator.comparing(ClassFacts::name))
                .toList();
    }

    /**
     * Whether a class is named in source (not anonymous or local) and its enclosing classes are written too.
     * A name ending in {@code $} is the class of a Scala {@code object} ({@code scala.Predef$}), named in
     * source as the name before it.
     */
    private static boolean written(String name, ModuleFacts module) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        if (simple.equals("module-info") || simple.equals("package-info")) {
            return false;
        }
        if (name.endsWith("$") && simple.length() > 1 && !name.endsWith("$$")) {
            name = name.substring(0, name.length() - 1);
        }
        int nest = name.lastIndexOf('$');
        if (nest < 0) {
            return true;
        }
        if (nest == name.length() - 1 || !Character.isJavaIdentifierStart(name.charAt(nest + 1))) {
            return false;
        }
        Optional<ClassFacts> outer = module.moduleClass(name.substring(0, nest));
        return outer.isEmpty() || visible(outer.get().modifiers()) && written(outer.get().name(), module);
    }

    private void writeClass(ClassFacts type) {
        line(1, "- name: " + YamlText.quote(type.name()));
        line(2, "kind: " + YamlText.quote(type.kind().keyword()));
        Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
        modifiers.addAll(type.modifiers());
        modifiers.retainAll(CLASS_MODIFIERS);
        if (type.kind() == ClassKind.INTERFACE || type.kind() == ClassKind.ANNOTATION) {
            modifiers.remove(Modifier.ABSTRACT);
        }
        modifiers(2, modifiers);
        // supertypes with their type arguments, as the class's generic signature writes them
        type.genericSuperclass().filter(s -> !IMPLIED_SUPERCLASSES.contains(s.name()))
                .filter(s -> YamlText.writable(s.toString()))
                .ifPresent(s -> line(2, "extends: " + YamlText.quote(s.toString())));
        List<String> interfaces = type.genericInterfaces().stream()
                .filter(i -> type.kind() != ClassKind.ANNOTATION || !i.name().equals("java.lang.annotation.Annotation"))
                .map(JavaType::toString)
                .filter(YamlText::writable)
                .toList();
        if (!interfaces.isEmpty()) {
            line(2, "implements: " + YamlText.list(interfaces));
        }
        List<FieldFacts> fields = type.fields().stream().filter(f -> visible(f.modifiers()))
                .filter(f -> YamlText.writable(f.name()) && YamlText.writable(f.type().toString()))
                .sorted(Comparator.comparing(FieldFacts::name)).toList();
        if (!fields.isEmpty()) {
            line(2, "fields:");
            fields.forEach(this::writeField);
        }
        List<MethodFacts> members = type.methods().stream().filter(m -> !m.synthetic() && visible(m.modifiers()))
                .filter(ContractWriter::writable)
                .sorted(Comparator.comparing(MethodFacts::name).thenComparing(ContractWriter::parameterText))
                .toList();
        List<MethodFacts> constructors = members.stream().filter(MethodFacts::isConstructor).toList();
        if (!constructors.isEmpty()) {
            line(2, "constructors:");
            constructors.forEach(c -> writeExecutable(c, false));
        }
        List<MethodFacts> methods = members.stream().filter(m -> !m.isConstructor() && !m.name().startsWith("<"))
                .toList();
        if (!methods.isEmpty()) {
            line(2, "methods:");
            methods.forEach(m -> writeExecutable(m, true));
        }
    }

    private void writeField(FieldFacts field) {
        line(3, "- name: " + YamlText.quote(field.name()));
        line(4, "type: " + YamlText.quote(field.type().toString()));
        Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
        modifiers.addAll(field.modifiers());
        modifiers.retainAll(FIELD_MODIFIERS);
        modifiers(4, modifiers);
        field.constant().flatMap(ContractWriter::constant).ifPresent(value -> line(4, "value: " + value));
    }

    private void writeExecutable(MethodFacts method, boolean named) {
        List<String> parameters = parameters(method);
        if (named) {
            line(3, "- name: " + YamlText.quote(method.name()));
            line(4, "parameters: " + YamlText.list(parameters));
        } else {
            line(3, "- parameters: " + YamlText.list(parameters));
        }
        if (named) {
            line(4, "returns: " + YamlText.quote(method.returnType().toString()));
        }
        if (!method.exceptions().isEmpty()) {
            line(4, "throws: " + YamlText.list(method.exceptions().stream().map(JavaType::toString).toList()));
        }
        Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
        modifiers.addAll(method.modifiers());
        modifiers.retainAll(METHOD_MODIFIERS);
        modifiers(4, modifiers);
    }

    /**
     * Whether every name and type of {@code method} can be written: YAML has no spelling for a lone surrogate,
     * which a class file's modified UTF-8 may hold. A member left out only weakens the written contract.
     */
    private static boolean writable(MethodFacts method) {
        return YamlText.writable(method.name()) && YamlText.writable(method.returnType().toString())
                && parameters(method).stream().allMatch(YamlText::writable)
                && method.exceptions().stream().allMatch(e -> YamlText.writable(e.toString()));
    }

    private static List<String> parameters(MethodFacts method) {
        List<String> types = new ArrayList<>();
        List<ParameterFacts> parameters = method.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            JavaType type = parameters.get(i).type();
            if (method.varargs() && i == parameters.size() - 1 && type.dimensions() > 0 && !type.varargs()) {
                type = type.asVarargs();
            }
            types.add(type.toString());
        }
        return types;
    }

    private static String parameterText(MethodFacts method) {
        return String.join(",", parameters(method));
    }

    /**
     * A constant as a YAML scalar that validation reads back as an equal value, or empty when there is none
     * (a string YAML cannot hold). A {@code char} is written as quoted text, which validation compares with
     * it as text; NaN and the infinities as YAML's {@code .nan}, {@code .inf} and {@code -.inf}.
     */
    static Optional<String> constant(Object value) {
        if (value instanceof String || value instanceof Character) {
            String text = value.toString();
            return YamlText.writable(text) ? Optional.of(YamlText.quote(text)) : Optional.empty();
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            return Optional.of(value.toString());
        }
        if (value instanceof Float || value instanceof Double) {
            // shortest text that reads back as the same value: 0.1f as 0.1, Float.MAX_VALUE as 3.4028235E38
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number)) {
                return Optional.of(".nan");
            }
            if (Double.isInfinite(number)) {
                return Optional.of(number > 0 ? ".inf" : "-.inf");
            }
            return Optional.of(value.toString());
        }
        return Optional.empty();
    }

    private static boolean visible(Set<Modifier> modifiers) {
        return modifiers.contains(Modifier.PUBLIC) || modifiers.contains(Modifier.PROTECTED);
    }

    private void modifiers(int indent, Set<Modifier> modifiers) {
        if (!modifiers.isEmpty()) {
            line(indent, "modifiers: " + YamlText.list(modifiers.stream().map(Modifier::keyword)
                    .collect(Collectors.toList())));
        }
    }

    private static String comment(String text) {
        return text.codePoints().map(c -> c < 0x20 || c > 0x7e ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private void line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }
}
