package io.importspy.internal.diff;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.contract.SpyModel;
import io.importspy.internal.contract.AnnotationSpec;
import io.importspy.internal.contract.ClassSpec;
import io.importspy.internal.contract.ConstructorSpec;
import io.importspy.internal.contract.FieldSpec;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.MethodSpec;
import io.importspy.internal.contract.ModuleSpec;
import io.importspy.internal.contract.ParameterSpec;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.contract.ServiceSpec;
import io.importspy.internal.contract.ValueSpec;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.importspy.API.Status.INTERNAL;

/**
 * A contract as the terms a diff compares: one entry per thing the contract requires (the module's name,
 * version, file name, each manifest attribute, service and resource; each class, field, constructor and method),
 * keyed by what it is about ({@code method com.acme.Greeter#greet(String)}) and described by what it requires of
 * it ({@code public String throws java.io.IOException}). Order-independent parts (modifiers, interfaces,
 * providers) are sorted, so two contracts that say the same thing in another order have the same terms.
 * Deployments are left out: a JAR has none to compare.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ContractTerms {
    /**
     * One term.
     *
     * @param subject  what it is about, e.g. {@code field com.acme.Greeter.NAME}
     * @param identity whether it is about the module's identity (name, version, file name), which releases change
     * @param text     what the contract requires of it
     * @param location where the contract writes it
     */
    public record Term(String subject, boolean identity, String text, Location location) {
    }

    private final Map<String, Term> terms = new LinkedHashMap<>();

    private ContractTerms() {
    }

    /** The terms of {@code model}, in contract order. */
    public static Map<String, Term> of(SpyModel model) {
        ContractTerms terms = new ContractTerms();
        terms.module(Sections.module(model));
        for (ClassSpec spec : Sections.classes(model)) {
            terms.type(spec);
        }
        return terms.terms;
    }

    private void module(ModuleSpec module) {
        module.name().ifPresent(n -> add("module name", true, n.value(), n.location()));
        module.version().ifPresent(v -> add("module version", true, v.value().toString(), v.location()));
        module.filename().ifPresent(f -> add("module file name", true, f.value(), f.location()));
        for (ValueSpec attribute : module.manifest()) {
            add("manifest attribute " + attribute.name(), false, attribute.matcher().describe(), attribute.location());
        }
        for (ServiceSpec service : module.services()) {
            add("service " + service.service(), false, "provided by " + String.join(", ", new TreeSet<>(service.providers())),
                    service.location());
        }
        for (Located<String> resource : module.resources()) {
            add("resource " + resource.value(), false, "present", resource.location());
        }
    }

    private void type(ClassSpec spec) {
        List<String> parts = new ArrayList<>();
        spec.modifiers().ifPresent(m -> parts.add(modifiers(m.value())));
        parts.add(spec.kind().map(k -> k.value().toString()).orElse("type"));
        spec.superclass().ifPresent(s -> parts.add("extends " + s.value()));
        if (!spec.interfaces().isEmpty()) {
            TreeSet<String> interfaces = new TreeSet<>();
            for (Located<JavaType> type : spec.interfaces()) {
                interfaces.add(type.value().toString());
            }
            parts.add("implements " + String.join(", ", interfaces));
        }
        if (!spec.annotations().isEmpty()) {
            TreeSet<String> annotations = new TreeSet<>();
            for (AnnotationSpec annotation : spec.annotations()) {
                annotations.add("@" + annotation.type() + (annotation.values().isEmpty() ? "" : annotation.values()));
            }
            parts.add("annotated " + String.join(" ", annotations));
        }
        add("class " + spec.name(), false, String.join(" ", parts), spec.location());
        for (FieldSpec field : spec.fields()) {
            List<String> text = new ArrayList<>();
            field.modifiers().ifPresent(m -> text.add(modifiers(m.value())));
            text.add(field.type().map(t -> t.value().toString()).orElse("any type"));
            field.value().ifPresent(v -> text.add("= " + v.value()));
            add("field " + spec.name() + "." + field.name(), false, String.join(" ", text), field.location());
        }
        for (ConstructorSpec constructor : spec.constructors()) {
            List<String> text = new ArrayList<>();
            constructor.modifiers().ifPresent(m -> text.add(modifiers(m.value())));
            throwsClause(constructor.throwsTypes(), text);
            add("constructor " + spec.name() + parameters(constructor.parameters()), false,
                    text.isEmpty() ? "present" : String.join(" ", text), constructor.location());
        }
        for (MethodSpec method : spec.methods()) {
            List<String> text = new ArrayList<>();
            method.modifiers().ifPresent(m -> text.add(modifiers(m.value())));
            text.add(method.returns().map(r -> r.value().toString()).orElse("any return type"));
            throwsClause(method.throwsTypes(), text);
            add("method " + spec.name() + "#" + method.name() + parameters(method.parameters()), false,
                    String.join(" ", text), method.location());
        }
    }

    private void add(String subject, boolean identity, String text, Location location) {
        Term earlier = terms.putIfAbsent(subject, new Term(subject, identity, text, location));
        if (earlier != null && !earlier.text().equals(text)) { // a contract may require one thing twice
            terms.put(subject, new Term(subject, identity, earlier.text() + "; " + text, earlier.location()));
        }
    }

    private static String parameters(Optional<List<ParameterSpec>> parameters) {
        if (parameters.isEmpty()) {
            return "(any parameters)";
        }
        List<String> types = new ArrayList<>();
        for (ParameterSpec parameter : parameters.get()) {
            types.add(parameter.type().toString() + parameter.name().map(n -> " " + n).orElse(""));
        }
        return "(" + String.join(", ", types) + ")";
    }

    private static void throwsClause(List<Located<JavaType>> types, List<String> text) {
        if (!types.isEmpty()) {
            TreeSet<String> names = new TreeSet<>();
            for (Located<JavaType> type : types) {
                names.add(type.value().toString());
            }
            text.add("throws " + String.join(", ", names));
        }
    }

    private static String modifiers(Set<Modifier> modifiers) {
        List<String> words = new ArrayList<>();
        for (Modifier modifier : Modifier.values()) { // declaration order: Java's canonical order
            if (modifiers.contains(modifier)) {
                words.add(modifier.keyword());
            }
        }
        return String.join(" ", words);
    }
}
