package io.importspy.validate;

import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.contract.ClassSpec;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.SelectSpec;
import io.importspy.internal.inspect.ClassHeaders;
import io.importspy.internal.inspect.ClassNames;
import io.importspy.internal.inspect.ClassQuery;
import io.importspy.internal.inspect.Selections;
import io.importspy.internal.validate.Readings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rules of a {@code classes:} entry that selects its classes: how many it selects ({@code count}), and
 * every requirement of the entry applied to each selected class (whose violations name that class).
 */
final class SelectRules {
    private SelectRules() {
    }

    /** What one selection found, for the report: how many classes the entry selected, and which. */
    record Selected(SelectSpec select, List<String> classes) {
    }

    static Optional<Selected> check(ClassSpec spec, ModuleFacts module, Consumer<Violation> out) {
        SelectSpec select = spec.select().orElseThrow();
        ClassQuery query = Readings.query(select);
        Optional<ClassHeaders> headers = module.section(ClassHeaders.class);
        String selector = "select " + select.describe();
        if (query.needsHeaders() && headers.isEmpty()) {
            out.accept(Violation.unverified(Context.CLASS, selector).expected(select.count().describe() + " classes")
                    .found("<not read>").message("which classes " + selector + " selects is unknown: the module "
                            + "was read from live classes, whose class files ImportSpy does not read")
                    .fix("validate the module's JAR or class directory (importspy validate, or guarded loading)")
                    .at(select.location()));
            return Optional.empty();
        }
        if (ambiguous(select, module, headers, out)) {
            return Optional.empty();
        }
        List<String> names = headers.map(h -> List.copyOf(h.module().keySet())).orElseGet(module::classNames);
        Selections.Selection selection = Selections.select(query, module.services(), names, headers);
        List<String> selected = selection.selected();
        if (!selection.undetermined().isEmpty()) {
            out.accept(Violation.unverified(Context.CLASS, selector).expected(selector)
                    .found("<unresolved " + Texts.list(selection.missing()) + ">")
                    .message("whether " + Texts.list(selection.undetermined()) + " " + (selection.undetermined().size()
                            == 1 ? "is" : "are") + " selected by " + selector + " is unknown: "
                            + Texts.list(selection.missing()) + " could not be read")
                    .fix(Fixes.onClassPath(selection.missing())).at(select.location()));
        }
        SelectSpec.Count count = select.count();
        if (count.max().isPresent() && count.max().getAsInt() == 0) {
            for (String name : selected) {
                out.accept(Violation.invalid(Context.CLASS, name).expected("no class matching " + selector)
                        .found("class " + name).message("class " + name + " must not exist: it matches " + selector)
                        .fix(Fixes.orChange("remove or rename " + name + " in the module", "count of this entry"))
                        .at(count.location()));
            }
        } else if (selected.isEmpty() && count.min() > 0) {
            out.accept(Violation.missing(Context.CLASS, selector).expected(count.describe() + " "
                    + plural(count.min()))
                    .message(nothing(select))
                    .fix(Fixes.orChange("add a class that matches " + select.describe() + " to the module",
                            "select of this entry")).at(select.location()));
        } else if (!count.allows(selected.size())) {
            out.accept(Violation.mismatch(Context.CLASS, selector).expected(count.describe() + " "
                    + plural(count.max().orElse(count.min()))).found(selected.size() + " " + plural(selected.size())
                    + ": " + Texts.list(selected))
                    .message(selector + " selects " + selected.size() + " " + plural(selected.size()) + " ("
                            + Texts.list(selected) + "), not " + count.describe())
                    .fix(Fixes.orChange("add or remove classes matching " + select.describe() + " in the module",
                            "count of this entry")).at(count.location()));
        }
        if (count.max().isEmpty() || count.max().getAsInt() > 0) {
            for (String name : selected) {
                ClassRules.check(spec.forClass(name), module, out);
                if (select.provides().isPresent()) {
                    providerMethod(select, name, module, out);
                }
            }
        }
        return Optional.of(new Selected(select, selected));
    }

    /**
     * Whether a class name that the selection's {@code provides}, {@code implements}, {@code extends} or
     * {@code annotated} writes with dots denotes several classes that exist (in the module, on its class path or in
     * the JDK; for {@code provides}, among the module's services): {@code a.b.Outer.Inner} is class {@code Inner}
     * of package {@code a.b.Outer} or nested {@code a.b.Outer$Inner}. Each is reported, and the selection selects
     * nothing: which classes it means is not what the contract can say, so none is picked.
     */
    private static boolean ambiguous(SelectSpec select, ModuleFacts module, Optional<ClassHeaders> headers,
                                     Consumer<Violation> out) {
        boolean ambiguous = false;
        Map<String, Optional<Located<String>>> keys = new LinkedHashMap<>();
        keys.put("provides", select.provides());
        keys.put("implements", select.implemented());
        keys.put("extends", select.extended());
        keys.put("annotated", select.annotated());
        for (Map.Entry<String, Optional<Located<String>>> key : keys.entrySet()) {
            if (key.getValue().isEmpty() || key.getValue().get().value().indexOf('.') <= 0) {
                continue;
            }
            String written = key.getValue().get().value();
            List<String> existing = ClassNames.candidates(written).stream().filter(candidate -> key.getKey()
                    .equals("provides") ? module.services().containsKey(candidate)
                    : module.anyClass(candidate).isPresent()
                    || headers.flatMap(h -> h.any(candidate)).isPresent()).toList();
            if (existing.size() > 1) {
                out.accept(ClassViolations.ambiguousSelector("select " + select.describe(), key.getKey(), written,
                        existing, key.getValue().get().location()));
                ambiguous = true;
            }
        }
        return ambiguous;
    }

    /**
     * In a named module (one with a {@code module-info}), {@code ServiceLoader} gets a provider's instance from its
     * {@code public static provider()} method when it declares one, not from its constructor. The instance is then
     * of the method's declared return type or a subtype of it: when that type is the provider class itself, the class
     * the selection judged (whose API a subclass keeps), it passes; any other type is reported, since the host would
     * be given an instance of a class the selection never judged.
     */
    private static void providerMethod(SelectSpec select, String provider, ModuleFacts module,
                                       Consumer<Violation> out) {
        boolean named = module.identity().names().stream().anyMatch(d -> d.source().equals("module-info"));
        Optional<io.importspy.inspect.ClassFacts> facts = module.moduleClass(provider);
        if (!named || facts.isEmpty()) {
            return;
        }
        for (io.importspy.inspect.MethodFacts method : facts.get().methods()) {
            if (method.name().equals("provider") && method.parameters().isEmpty()
                    && method.modifiers().contains(io.importspy.java.Modifier.STATIC)
                    && method.modifiers().contains(io.importspy.java.Modifier.PUBLIC)
                    && !method.erasedReturn().name().equals(provider)) {
                String returned = method.erasedReturn().toString();
                out.accept(Violation.invalid(Context.CLASS, provider).expected("instances of " + provider)
                        .found(provider + ".provider() returns " + returned)
                        .message("in this named module ServiceLoader calls " + provider + ".provider(), which returns "
                                + returned + " (or a subtype of it), not the " + provider + " that select "
                                + select.describe() + " judged")
                        .fix("declare provider() to return " + provider + ", or name the class it returns in"
                                + " module-info's provides").at(select.provides().get().location()));
            }
        }
    }

    private static String plural(int count) {
        return count == 1 ? "class" : "classes";
    }

    /** "no class provides com.acme.spi.Greeter", "no class implements ...", or "no class matches select {...}". */
    private static String nothing(SelectSpec select) {
        int keys = (select.provides().isPresent() ? 1 : 0) + (select.implemented().isPresent() ? 1 : 0)
                + (select.extended().isPresent() ? 1 : 0) + (select.annotated().isPresent() ? 1 : 0)
                + (select.name().isPresent() ? 1 : 0) + (select.kind().isPresent() ? 1 : 0)
                + (select.modifiers().isPresent() ? 1 : 0);
        if (keys == 1 && select.provides().isPresent()) {
            return "no class provides " + select.provides().get().value();
        }
        if (keys == 1 && select.implemented().isPresent()) {
            return "no class implements " + select.implemented().get().value();
        }
        if (keys == 1 && select.extended().isPresent()) {
            return "no class extends " + select.extended().get().value();
        }
        if (keys == 1 && select.annotated().isPresent()) {
            return "no class is annotated with " + select.annotated().get().value();
        }
        return "no class matches select " + select.describe();
    }
}
