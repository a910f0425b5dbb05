package io.importspy.internal.spi;

import io.importspy.API;
import io.importspy.spi.Extension;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;

import static io.importspy.API.Status.INTERNAL;

/**
 * The extensions one use of ImportSpy has. Finding them costs a {@link ServiceLoader} scan, so it happens on the
 * first question asked (an {@code x-} key, a required fact), never for a contract that needs none.
 *
 * <p>{@link #installed()} is what contracts are read with unless their reader is given others ({@code Spy.contract}
 * with a host's own list); a contract keeps the extensions it was read with, whose fact sources give its
 * deployments' facts. The command line replaces the installed ones for {@code --extensions}, the agent with
 * {@link #none()} (it must not run code from a class path it has not checked yet).
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Extensions {
    private static final int MOST_LOAD_ERRORS = 100;
    private static volatile Extensions installed = discover(Extensions.class.getClassLoader(), "the class path");

    private static final String ADD_A_JAR = "add the JAR of the extension that owns it with --extensions or to the "
            + "class path, or remove the section";

    private final Supplier<List<Extension>> candidates;
    private final String where;
    private final String remedy;
    private volatile Found found;

    private Extensions(Supplier<List<Extension>> candidates, String where, String remedy) {
        this.candidates = candidates;
        this.where = where;
        this.remedy = remedy;
    }

    /** What the loaded extensions are, by key and by namespace, and those that could not be used. */
    private record Found(Map<String, List<Extension.Section<?>>> sections, Map<String, List<Extension.FactSource>> sources,
                         List<String> broken) {
    }

    /** The extensions in use: those of ImportSpy's own class loader unless {@link #install}ed otherwise. */
    public static Extensions installed() {
        return installed;
    }

    /** Makes {@code extensions} the ones every later contract and runtime uses. */
    public static void install(Extensions extensions) {
        installed = extensions;
    }

    /** No extension at all. */
    public static Extensions none() {
        return new Extensions(List::of, "nowhere: extensions are off here", ADD_A_JAR);
    }

    /** Exactly {@code extensions}, as a host or a test gives them. */
    public static Extensions of(List<? extends Extension> extensions) {
        List<Extension> copy = List.copyOf(extensions);
        return new Extensions(() -> copy, "the extensions given", "give the extension that owns it with the others, "
                + "or remove the section");
    }

    /** The providers {@link ServiceLoader} finds through {@code loader}, looked for on first use; {@code where} names it. */
    public static Extensions discover(ClassLoader loader, String where) {
        return new Extensions(() -> load(loader), where, ADD_A_JAR);
    }

    /** Where these extensions are looked for, for messages: {@code the class path}, {@code --extensions a.jar}. */
    public String where() {
        return where;
    }

    /**
     * The section extension that owns {@code key}.
     *
     * @throws ExtensionFailure when none does (naming the key and where extensions were looked for), or two do
     */
    public Extension.Section<?> section(String key) {
        List<Extension.Section<?>> owners = found().sections().getOrDefault(key, List.of());
        if (owners.size() > 1) {
            throw new ExtensionFailure("'" + key + "' is claimed by " + owners.size() + " extensions ("
                    + String.join(", ", owners.stream().map(Extensions::describe).toList()) + "); install only one");
        }
        if (owners.isEmpty()) {
            List<String> broken = found().broken();
            throw new ExtensionFailure("no extension provides '" + key + "' (looked in " + where + "); " + remedy
                    + (broken.isEmpty() ? "" : "; extensions that could not be loaded: "
                    + String.join("; ", broken)));
        }
        return owners.get(0);
    }

    /**
     * Every fact the fact sources give now, by full name ({@code <namespace>.<key>}), sorted.
     *
     * @throws ExtensionFailure when a source fails, answers {@code null}, or two share a namespace
     */
    public Map<String, String> facts() {
        Map<String, String> all = new TreeMap<>();
        for (Map.Entry<String, List<Extension.FactSource>> entry : found().sources().entrySet()) {
            List<Extension.FactSource> sources = entry.getValue();
            if (sources.size() > 1) {
                throw new ExtensionFailure("two fact sources use the namespace '" + entry.getKey() + "' ("
                        + String.join(", ", sources.stream().map(Extensions::describe).toList()) + "); install only one");
            }
            Extension.FactSource source = sources.get(0);
            Map<String, String> facts = Calls.call(source, "giving its facts", source::facts);
            if (facts == null) {
                throw Calls.failed(source, "giving its facts", "returned null instead of a map (empty when it knows none)");
            }
            List<Map.Entry<String, String>> given = new ArrayList<>();
            try {
                given.addAll(facts.entrySet());
            } catch (RuntimeException e) {
                throw Calls.failed(source, "giving its facts", Calls.describe(e));
            }
            for (Map.Entry<String, String> fact : given) {
                if (fact.getKey() == null || fact.getKey().isBlank() || fact.getValue() == null) {
                    throw Calls.failed(source, "giving its facts", "gave a fact with "
                            + (fact.getValue() == null ? "a null value for '" + fact.getKey() + "'" : "no name")
                            + "; leave out a fact it cannot tell");
                }
                all.put(entry.getKey() + "." + fact.getKey(), fact.getValue());
            }
        }
        return all;
    }

    @Override
    public String toString() {
        return "Extensions[" + where + "]";
    }

    /** The namespaces of the fact sources, sorted: for a message about a fact nobody gives. */
    public List<String> namespaces() {
        return List.copyOf(found().sources().keySet());
    }

    /** How a message names {@code extension}: its name, class and JAR. */
    static String describe(Extension extension) {
        String name;
        try {
            name = extension.name();
        } catch (RuntimeException | LinkageError e) {
            name = null;
        }
        String type = extension.getClass().getName();
        String label = name == null || name.equals(type) ? type : name + " (" + type + ")";
        return "extension " + label + source(extension.getClass()).map(s -> " from " + s).orElse("");
    }

    private static Optional<String> source(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            String path = source.getLocation().getPath();
            String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return Optional.of(trimmed.substring(trimmed.lastIndexOf('/') + 1));
        } catch (SecurityException e) {
            return Optional.empty();
        }
    }

    private Found found() {
        Found result = found;
        if (result == null) {
            synchronized (this) {
                result = found;
                if (result == null) {
                    result = sort(candidates.get());
                    found = result;
                }
            }
        }
        return result;
    }

    /** Sorts the candidates by kind, checking what each says it owns; a provider that says nonsense is broken. */
    private static Found sort(List<Extension> candidates) {
        Map<String, List<Extension.Section<?>>> sections = new LinkedHashMap<>();
        Map<String, List<Extension.FactSource>> sources = new TreeMap<>();
        List<String> broken = new ArrayList<>();
        for (Extension candidate : candidates) {
            if (candidate instanceof Unloadable unloadable) {
                broken.add("a provider could not be loaded: " + unloadable.failure());
                continue;
            }
            try {
                boolean known = false;
                if (candidate instanceof Extension.Section<?> section) {
                    known = true;
                    String key = Calls.call(section, "naming its key", section::key);
                    if (key == null || !isKey(key)) {
                        throw Calls.failed(section, "naming its key", "owns the key " + (key == null ? "null"
                                : "'" + key + "'") + ", which is not 'x-' then lower-case letters, digits, '.', '-' or '_'");
                    }
                    if (Calls.call(section, "naming its section type", section::section) == null) {
                        throw Calls.failed(section, "naming its section type", "returned null from section()");
                    }
                    sections.computeIfAbsent(key, k -> new ArrayList<>()).add(section);
                }
                if (candidate instanceof Extension.FactSource source) {
                    known = true;
                    String name = Calls.call(source, "naming its namespace", source::name);
                    if (name == null || !isNamespace(name)) {
                        throw Calls.failed(source, "naming its namespace", "uses the namespace " + (name == null
                                ? "null" : "'" + name + "'") + ", which is not a lower-case name such as 'container'");
                    }
                    sources.computeIfAbsent(name, k -> new ArrayList<>()).add(source);
                }
                if (!known) {
                    broken.add(describe(candidate) + " is neither an Extension.Section nor an Extension.FactSource");
                }
            } catch (ExtensionFailure failure) {
                broken.add(failure.getMessage());
            }
        }
        sections.values().forEach(list -> list.sort(Comparator.comparing(e -> e.getClass().getName())));
        return new Found(sections, sources, List.copyOf(broken));
    }

    /**
     * Whether {@code key} is {@code x-[a-z0-9][a-z0-9._-]*}: checked by hand, since a character class is a lambda in
     * {@code java.util.regex} and this class is on the path of every contract read.
     */
    static boolean isKey(String key) {
        if (key.length() < 3 || !key.startsWith("x-") || !isLowerOrDigit(key.charAt(2))) {
            return false;
        }
        for (int i = 3; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!isLowerOrDigit(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} is {@code [a-z][a-z0-9-]*} (checked by hand, as {@link #isKey}). */
    static boolean isNamespace(String name) {
        if (name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isLowerOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLowerOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** The providers of {@code loader}; one that cannot be instantiated is skipped here and reported as broken. */
    private static List<Extension> load(ClassLoader loader) {
        List<Extension> loaded = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Iterator<Extension> providers = ServiceLoader.load(Extension.class, loader).iterator();
        while (failures.size() < MOST_LOAD_ERRORS) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                loaded.add(providers.next());
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures.add(Calls.describe(e));
            }
        }
        failures.forEach(failure -> loaded.add(new Unloadable(failure)));
        return loaded;
    }

    /** A provider {@link ServiceLoader} could not make: kept so that a message about a missing key can say why. */
    private record Unloadable(String failure) implements Extension {
        @Override
        public String name() {
            return failure;
        }
    }
}
