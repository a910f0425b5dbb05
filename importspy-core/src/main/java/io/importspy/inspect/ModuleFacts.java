package io.importspy.inspect;

import io.importspy.API;
import io.importspy.internal.inspect.ClassNames;
import io.importspy.internal.inspect.EntrySet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * What inspection found about one module: identity, manifest, services, entries, and the classes
 * that were read (the ones a contract names plus the supertypes needed to resolve them, or all).
 *
 * @param target    the target as the user named it (a path)
 * @param identity  names, versions, file name
 * @param manifest  main attributes of {@code META-INF/MANIFEST.MF}, in file order
 * @param services  service type to provider class names, from {@code META-INF/services} and module-info
 * @param entries   names of every entry in the module (directories excluded), {@code /}-separated
 * @param classes   facts of every class read, keyed by binary name; includes supertypes read from the
 *                  class path or the JDK (see {@link ClassFacts#origin()})
 * @param unresolved binary names of supertypes that were needed but found nowhere
 * @param sections  further facts that some sections of a contract ask for (references, integrity, class
 *                  headers for selection), at most one of each class; their types are ImportSpy's own, and
 *                  rules fetch them with {@link #section(Class)}
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ModuleFacts(String target, ModuleIdentity identity, Map<String, String> manifest,
                          Map<String, List<String>> services, Set<String> entries,
                          Map<String, ClassFacts> classes, Set<String> unresolved, List<Object> sections) {
    public ModuleFacts {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(identity, "identity");
        manifest = Collections.unmodifiableMap(new LinkedHashMap<>(manifest));
        Map<String, List<String>> copied = new LinkedHashMap<>();
        services.forEach((service, providers) -> copied.put(service, List.copyOf(providers)));
        services = Collections.unmodifiableMap(copied);
        entries = entries instanceof EntrySet ? entries : Set.copyOf(entries);
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        unresolved = Set.copyOf(unresolved);
        sections = List.copyOf(sections);
    }

    /** Facts without further sections. */
    public ModuleFacts(String target, ModuleIdentity identity, Map<String, String> manifest,
                       Map<String, List<String>> services, Set<String> entries,
                       Map<String, ClassFacts> classes, Set<String> unresolved) {
        this(target, identity, manifest, services, entries, classes, unresolved, List.of());
    }

    /** These facts, as if read from {@code otherTarget}. */
    public ModuleFacts withTarget(String otherTarget) {
        return new ModuleFacts(otherTarget, identity, manifest, services, entries, classes, unresolved, sections);
    }

    /** These facts with {@code otherClasses} as the classes read. */
    public ModuleFacts withClasses(Map<String, ClassFacts> otherClasses) {
        return new ModuleFacts(target, identity, manifest, services, entries, otherClasses, unresolved, sections);
    }

    /** The further facts of class {@code type}, if inspection gathered them. */
    public <S> Optional<S> section(Class<S> type) {
        for (Object section : sections) {
            if (section.getClass() == type) {
                return Optional.of(type.cast(section));
            }
        }
        return Optional.empty();
    }

    /** These facts with {@code section} added, replacing any of the same class. */
    public ModuleFacts withSection(Object section) {
        List<Object> more = new java.util.ArrayList<>(sections);
        more.removeIf(s -> s.getClass() == section.getClass());
        more.add(section);
        return new ModuleFacts(target, identity, manifest, services, entries, classes, unresolved, more);
    }

    /**
     * Binary names of every class of the module, sorted: as inspection listed them when it did (a class under
     * {@code META-INF/versions/} that declares its own path among them), else from its entry names (no class file is
     * read); in a multi-release JAR also each class only a version directory holds.
     */
    public java.util.List<String> classNames() {
        return section(io.importspy.internal.inspect.ClassNameList.class)
                .map(io.importspy.internal.inspect.ClassNameList::names)
                .orElseGet(() -> io.importspy.internal.inspect.ClassNames.ofEntries(entries, isMultiRelease()));
    }

    /**
     * Whether a class loader of the running Java reads this module as a multi-release JAR, so that a version
     * directory's entries stand for its classes and resources: as the JDK's {@code JarFile} decided when the module's
     * JAR was read (a class directory never is). Facts not read from a JAR or directory (live classes) decide by the
     * main attribute {@code Multi-Release}, whose value must be {@code true} exactly, in any case.
     */
    public boolean isMultiRelease() {
        return section(io.importspy.internal.inspect.MultiRelease.class)
                .map(io.importspy.internal.inspect.MultiRelease::value)
                .orElseGet(() -> manifest.entrySet().stream().anyMatch(a -> a.getKey().equalsIgnoreCase("Multi-Release")
                        && a.getValue().equalsIgnoreCase("true")));
    }

    /** The facts of a class of this module (origin TARGET or LIVE), by binary name. */
    public Optional<ClassFacts> moduleClass(String binaryName) {
        ClassFacts facts = classes.get(binaryName);
        return facts != null && (facts.origin() == Origin.TARGET || facts.origin() == Origin.LIVE)
                ? Optional.of(facts) : Optional.empty();
    }

    /**
     * The classes of this module that a class name as a contract writes it may denote
     * ({@code a.b.Outer.Inner} is {@code a.b.Outer$Inner} or class {@code Inner} of package {@code a.b.Outer}):
     * none, one, or, when the name is ambiguous in this module, several. A lookup per reading of the name,
     * independent of the module's size.
     */
    public List<ClassFacts> moduleClasses(String name) {
        List<ClassFacts> found = new java.util.ArrayList<>(1);
        for (String candidate : ClassNames.candidates(name)) {
            moduleClass(candidate).ifPresent(found::add);
        }
        return found;
    }

    /** The facts of any class read (module, class path or JDK), by binary name. */
    public Optional<ClassFacts> anyClass(String binaryName) {
        return Optional.ofNullable(classes.get(binaryName));
    }
}
