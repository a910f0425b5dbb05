package io.importspy.internal.report;

import io.importspy.API;
import io.importspy.internal.contract.VersionConstraint;
import io.importspy.inspect.ClassFacts;
import io.importspy.internal.inspect.ClassNames;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * Writes a contract (format 1) that a module satisfies: its identity, services, and its public API
 * ({@code importspy inspect TARGET}). A starting point for a contract, to be cut down to what a host needs.
 *
 * <p>What is written: the module's primary name, its version as the range a user would write for the
 * release ({@link #versionRange}: {@code "[1.4,2)"} for 1.4.2) and its services (no file name: a contract that
 * pins one breaks on the next release); then every public or protected class of the module (origin
 * {@link Origin#TARGET}, nested ones too when their enclosing classes are written) that the
 * {@link InspectFilter} keeps, sorted by name and grouped under a comment naming each package, with
 * kind, modifiers, superclass (unless {@code Object}, {@code Enum} or {@code Record}) and direct
 * interfaces, both with their type arguments; then its fields, constructors and non-synthetic methods, one
 * line each, sorted by name (overloads together). Types are fully qualified,
 * generic where the class file records a signature, nested classes by their binary names
 * ({@code Outer$Inner}). Constant values are written for strings, chars, integral numbers, booleans and
 * floating-point numbers (NaN and the infinities as {@code .nan}, {@code .inf}, {@code -.inf}). Names are
 * plain where YAML reads them back as the same string, everything else is double-quoted ({@link YamlText}),
 * versions always; the output is pure ASCII.
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

    private final StringBuilder out = new StringBuilder();
    private final InspectFilter filter;

    private ContractWriter(InspectFilter filter) {
        this.filter = filter;
    }

    /** A contract that {@code module} satisfies, as YAML text ending with a newline. */
    public static String toYaml(ModuleFacts module) {
        return toYaml(module, InspectFilter.all());
    }

    /** A contract that {@code module} satisfies, of what {@code filter} keeps, as YAML text ending with a newline. */
    public static String toYaml(ModuleFacts module, InspectFilter filter) {
        ContractWriter writer = new ContractWriter(filter);
        writer.write(module);
        return writer.out.toString();
    }

    /**
     * The version range a user would write for a module of {@code version}: from its major and minor version to
     * the next major one ({@code [1.4,2)} for 1.4.2, {@code [33.0,34)} for 33.0.0-jre), or to the next minor one
     * below 1.0 ({@code [0.4,0.5)} for 0.4.1); when the release sorts below that lower bound (1.4-SNAPSHOT,
     * 1.4.0-beta), from the version itself; when it has no leading number, exactly it.
     */
    static String versionRange(String version) {
        // what (\d{1,9})(?:\.(\d{1,9}))? finds at the start, read by hand (a character class is a lambda in
        // java.util.regex, and this is on the path of every inspection)
        int majorEnd = digits(version, 0);
        if (majorEnd == 0) {
            return "[" + version + "]";
        }
        long major = Long.parseLong(version.substring(0, majorEnd));
        int minorEnd = version.startsWith(".", majorEnd) ? digits(version, majorEnd + 1) : majorEnd + 1;
        String minor = minorEnd > majorEnd + 1 ? version.substring(majorEnd + 1, minorEnd) : null;
        String lower = minor == null ? Long.toString(major) : major + "." + Long.parseLong(minor);
        String upper = major == 0 && minor != null ? "0." + (Long.parseLong(minor) + 1) : Long.toString(major + 1);
        for (String range : List.of("[" + lower + "," + upper + ")", "[" + version + "," + upper + ")")) {
            try {
                if (VersionConstraint.parse(range).test(version)) {
                    return range;
                }
            } catch (RuntimeException unparseable) {
                // the next, narrower spelling
            }
        }
        return "[" + version + "]";
    }

    /** The end of the run of at most nine ASCII digits at {@code from}. */
    private static int digits(String text, int from) {
        int end = from;
        while (end < text.length() && end - from < 9 && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        return end;
    }

    private static boolean containsAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void write(ModuleFacts module) {
        line(0, "# A contract (format 1) that " + comment(module.identity().fileName())
                + " satisfies; keep what your host needs.");
        line(0, "importspy: 1");
        line(0, "");
        line(0, "module:");
        module.identity().primaryName().filter(YamlText::writable)
                .ifPresent(name -> line(1, "name: " + YamlText.scalar(name)));
        module.identity().version()
                .filter(v -> !containsAny(v, RANGE_CHARACTERS) && !v.isBlank() && YamlText.writable(v))
                .map(ContractWriter::versionRange).filter(YamlText::writable)
                .ifPresent(version -> line(1, "version: " + YamlText.quote(version)));
        // a service or provider whose name YAML cannot spell (a lone surrogate, from a module-info) is left out
        Map<String, List<String>> services = new java.util.TreeMap<>();
        module.services().forEach((service, providers) -> {
            List<String> writable = new ArrayList<>();
            for (String provider : providers) {
                if (YamlText.writable(provider)) {
                    writable.add(provider);
                }
            }
            if (YamlText.writable(service) && !writable.isEmpty() && filter.keepsService(service)) {
                services.put(service, writable);
            }
        });
        if (!services.isEmpty()) {
            line(1, "services:");
            services.forEach((service, providers) -> line(2, YamlText.scalar(service) + ": " + YamlText.list(providers)));
        }
        module.section(IntegrityFacts.class).ifPresent(this::writeIntegrity);
        line(0, "");
        List<ClassFacts> classes = publicClasses(module);
        if (classes.isEmpty()) {
            line(0, "classes: []");
            return;
        }
        line(0, "classes:");
        String pkg = null;
        for (ClassFacts type : classes) {
            String own = type.name().lastIndexOf('.') < 0 ? "" : type.name().substring(0, type.name().lastIndexOf('.'));
            if (!own.equals(pkg)) {
                line(1, "# " + (own.isEmpty() ? "(the unnamed package)" : comment(own)));
                pkg = own;
            }
            writeClass(type);
        }
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

    private List<ClassFacts> publicClasses(ModuleFacts module) {
        List<ClassFacts> classes = new ArrayList<>();
        for (ClassFacts c : module.classes().values()) {
            if (c.origin() == Origin.TARGET && filter.visible(c.modifiers()) && written(c.name(), module)
                    && YamlText.writable(c.name()) && filter.keeps(c, module)) {
                classes.add(c);
            }
        }
        classes.sort((a, b) -> a.name().compareTo(b.name()));
        return classes;
    }

    /** Whether a class is named in source (not anonymous or local) and its enclosing classes are written too. */
    private boolean written(String name, ModuleFacts module) {
        if (!ClassNames.namedInSource(name)) {
            return false;
        }
        Optional<ClassFacts> outer = ClassNames.enclosing(name).flatMap(module::moduleClass);
        return outer.isEmpty() || filter.visible(outer.get().modifiers()) && written(outer.get().name(), module);
    }

    private void writeClass(ClassFacts type) {
        line(1, "- name: " + YamlText.scalar(type.name()));
        line(2, "kind: " + type.kind().keyword());
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
                .ifPresent(s -> line(2, "extends: " + YamlText.scalar(s.toString())));
        List<String> interfaces = new ArrayList<>();
        for (JavaType i : type.genericInterfaces()) {
            if ((type.kind() != ClassKind.ANNOTATION || !i.name().equals("java.lang.annotation.Annotation"))
                    && YamlText.writable(i.toString())) {
                interfaces.add(i.toString());
            }
        }
        if (!interfaces.isEmpty()) {
            line(2, "implements: " + YamlText.list(interfaces));
        }
        List<FieldFacts> fields = new ArrayList<>();
        for (FieldFacts f : type.fields()) {
            if (filter.visible(f.modifiers()) && YamlText.writable(f.name()) && YamlText.writable(f.type().toString())) {
                fields.add(f);
            }
        }
        fields.sort((a, b) -> a.name().compareTo(b.name()));
        if (!fields.isEmpty()) {
            line(2, "fields:");
            fields.forEach(this::writeField);
        }
        List<MethodFacts> members = new ArrayList<>();
        for (MethodFacts m : type.methods()) {
            if (!m.synthetic() && filter.visible(m.modifiers()) && writable(m)) {
                members.add(m);
            }
        }
        members.sort((a, b) -> {
            int order = a.name().compareTo(b.name());
            return order != 0 ? order : parameterText(a).compareTo(parameterText(b));
        });
        List<MethodFacts> constructors = new ArrayList<>();
        List<MethodFacts> methods = new ArrayList<>();
        for (MethodFacts m : members) {
            if (m.isConstructor()) {
                constructors.add(m);
            } else if (!m.name().startsWith("<")) {
                methods.add(m);
            }
        }
        if (!constructors.isEmpty()) {
            line(2, "constructors:");
            constructors.forEach(c -> writeExecutable(c, false));
        }
        if (!methods.isEmpty()) {
            line(2, "methods:");
            methods.forEach(m -> writeExecutable(m, true));
        }
    }

    /** A field on one line: {@code - {name: NAME, type: java.lang.String, modifiers: [...], value: greeter}}. */
    private void writeField(FieldFacts field) {
        StringBuilder entry = new StringBuilder("- {name: ").append(YamlText.scalar(field.name()))
                .append(", type: ").append(YamlText.scalar(field.type().toString()));
        Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
        modifiers.addAll(field.modifiers());
        modifiers.retainAll(FIELD_MODIFIERS);
        modifiers(entry, modifiers);
        field.constant().flatMap(ContractWriter::constant).ifPresent(value -> entry.append(", value: ").append(value));
        line(3, entry.append('}').toString());
    }

    /** A constructor or method on one line, in the order a declaration reads: name, parameters, returns, throws. */
    private void writeExecutable(MethodFacts method, boolean named) {
        StringBuilder entry = new StringBuilder("- {");
        if (named) {
            entry.append("name: ").append(YamlText.scalar(method.name())).append(", ");
        }
        entry.append("parameters: ").append(YamlText.list(parameters(method)));
        if (named) {
            entry.append(", returns: ").append(YamlText.scalar(method.returnType().toString()));
        }
        if (!method.exceptions().isEmpty()) {
            entry.append(", throws: ").append(YamlText.list(texts(method.exceptions())));
        }
        Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
        modifiers.addAll(method.modifiers());
        modifiers.retainAll(METHOD_MODIFIERS);
        modifiers(entry, modifiers);
        line(3, entry.append('}').toString());
    }

    /**
     * Whether every name and type of {@code method} can be written: YAML has no spelling for a lone surrogate,
     * which a class file's modified UTF-8 may hold. A member left out only weakens the written contract.
     */
    private static boolean writable(MethodFacts method) {
        if (!YamlText.writable(method.name()) || !YamlText.writable(method.returnType().toString())) {
            return false;
        }
        for (String parameter : parameters(method)) {
            if (!YamlText.writable(parameter)) {
                return false;
            }
        }
        for (JavaType exception : method.exceptions()) {
            if (!YamlText.writable(exception.toString())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> texts(List<JavaType> types) {
        List<String> texts = new ArrayList<>(types.size());
        for (JavaType type : types) {
            texts.add(type.toString());
        }
        return texts;
    }

    private static List<String> keywords(Set<Modifier> modifiers) {
        List<String> keywords = new ArrayList<>(modifiers.size());
        for (Modifier modifier : modifiers) {
            keywords.add(modifier.keyword());
        }
        return keywords;
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
            return YamlText.writable(text) ? Optional.of(YamlText.scalar(text)) : Optional.empty();
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

    private void modifiers(int indent, Set<Modifier> modifiers) {
        if (!modifiers.isEmpty()) {
            line(indent, "modifiers: " + YamlText.list(keywords(modifiers)));
        }
    }

    private static void modifiers(StringBuilder entry, Set<Modifier> modifiers) {
        if (!modifiers.isEmpty()) {
            entry.append(", modifiers: ").append(YamlText.list(keywords(modifiers)));
        }
    }

    private static String comment(String text) {
        StringBuilder printable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            printable.appendCodePoint(c < 0x20 || c > 0x7e ? '?' : c);
        }
        return printable.toString();
    }

    private void line(int indent, String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }
}
