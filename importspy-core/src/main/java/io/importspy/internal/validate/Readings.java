package io.importspy.internal.validate;

import io.importspy.API;
import io.importspy.contract.SpyModel;
import io.importspy.internal.contract.ClassSpec;
import io.importspy.internal.contract.IntegritySpec;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.ReferencesSpec;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.contract.SelectSpec;
import io.importspy.internal.inspect.ClassNames;
import io.importspy.internal.inspect.ClassQuery;
import io.importspy.internal.inspect.ClassSelection;
import io.importspy.internal.inspect.ReferenceQuery;
import io.importspy.internal.java.NameGlob;
import io.importspy.internal.java.ReferencePattern;
import io.importspy.validate.Validator;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * What inspection must read for validation against a contract: the named classes, the classes its
 * selections select, the references its {@code references:} asks about, and the integrity facts its
 * {@code module:} pins. Every mode (the facade, embedded mode, guarded loading) inspects through this.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Readings {
    private Readings() {
    }

    /** Everything validation against {@code model} reads. */
    public static ClassSelection.Named of(SpyModel model) {
        List<ClassQuery> queries = new ArrayList<>();
        for (ClassSpec spec : Sections.classes(model)) {
            spec.select().ifPresent(select -> queries.add(query(select)));
        }
        Optional<ReferenceQuery> references = Sections.references(model).map(Readings::query);
        IntegritySpec integrity = Sections.integrity(model);
        Set<String> digests = integrity.digest().map(d -> Set.of(d.value().algorithm())).orElse(Set.of());
        return new ClassSelection.Named(Validator.classesToRead(model), queries, references, digests,
                integrity.needsSignatures());
    }

    /**
     * Everything validation against {@code model} reads and, when {@code undeclared}, every class of the
     * contract's packages that is public or protected (by its header), where {@code validate --undeclared} looks
     * for classes the contract does not declare: the package of each reading of a named class's name
     * ({@code a.b.Outer.Inner}: {@code a.b.Outer}, {@code a.b}, ...), and the classes each
     * {@code select: {name: ...}} glob covers.
     */
    public static ClassSelection.Named of(SpyModel model, boolean undeclared) {
        ClassSelection.Named named = of(model);
        if (!undeclared) {
            return named;
        }
        Set<NameGlob> scopes = new LinkedHashSet<>();
        for (ClassSpec spec : Sections.classes(model)) {
            if (spec.select().isPresent()) {
                spec.select().get().name().ifPresent(glob -> scopes.add(glob.value()));
            } else {
                for (String candidate : ClassNames.candidates(spec.name())) {
                    String pkg = packageOf(candidate);
                    scopes.add(NameGlob.of(pkg.isEmpty() ? "*" : pkg + ".*"));
                }
            }
        }
        // only the public and protected classes of those packages are read whole, chosen by their headers
        List<ClassQuery> queries = new ArrayList<>(named.queries());
        for (NameGlob scope : scopes) {
            queries.add(byName(scope, io.importspy.java.Modifier.PUBLIC));
            queries.add(byName(scope, io.importspy.java.Modifier.PROTECTED));
        }
        return new ClassSelection.Named(named.names(), queries, named.references(), named.digests(),
                named.signatures());
    }

    /** The package of binary name {@code binaryName}: what comes before its last dot, or empty. */
    public static String packageOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? "" : binaryName.substring(0, dot);
    }

    private static ClassQuery byName(NameGlob glob, io.importspy.java.Modifier modifier) {
        return new ClassQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(glob),
                Optional.empty(), EnumSet.of(modifier));
    }

    /** The inspection query of a {@code select:}. */
    public static ClassQuery query(SelectSpec select) {
        return new ClassQuery(select.provides().map(Located::value), select.implemented().map(Located::value),
                select.extended().map(Located::value), select.annotated().map(Located::value),
                select.name().map(Located::value), select.kind().map(Located::value),
                select.modifiers().map(Located::value).orElse(EnumSet.noneOf(io.importspy.java.Modifier.class)));
    }

    /** The inspection query of {@code references:}. */
    public static ReferenceQuery query(ReferencesSpec spec) {
        return new ReferenceQuery(patterns(spec.forbid()), spec.allow().map(a -> patterns(a.value())));
    }

    private static List<ReferencePattern> patterns(List<Located<ReferencePattern>> located) {
        return located.stream().map(Located::value).toList();
    }
}
