package io.importspy.internal.inspect;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.Origin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads named classes from the target and, transitively, their supertypes in the order a plugin's class
 * loader finds them, so that a supertype is judged by the bytes the JVM loads for it: the running JDK's
 * boot-layer packages (no class loader ever defines those from a plugin), then the class path (the host's,
 * which a plugin's loader delegates to first), then the target, then the plugin's own libraries (after the
 * plugin in its loader), then the JDK's other modules. A plugin that ships its own copy of a host or JDK class
 * is thus judged with the class it will really get. Each class-path entry and library is opened on first need.
 *
 * <p>Facts of JDK classes are kept for the life of the process (up to {@value #JDK_CACHE_LIMIT} classes):
 * the running JDK never changes, and the same supertypes ({@code Object}, {@code List}, {@code Map}, ...)
 * recur in every inspection.
 */
final class ClassResolver implements AutoCloseable {
    static final int JDK_CACHE_LIMIT = 1024;
    private static final Map<String, ClassFacts> JDK_CLASSES = new ConcurrentHashMap<>();

    private final Archive target;
    private final Lookup parents;
    private final Lookup libraries;
    private final Consumer<String> onRead;
    private final Map<String, ClassFacts> classes = new LinkedHashMap<>();
    private final Set<String> unresolved = new LinkedHashSet<>();
    /** The other versions of the target's classes read, by binary name (only when read for every Java). */
    private final Map<String, List<ClassVersions.Version>> versions = new LinkedHashMap<>();
    /** Where the judged version of each class in {@link #versions} was read from. */
    private final Map<String, String> judged = new LinkedHashMap<>();
    private final Deque<String> supertypes = new ArrayDeque<>();
    /** The target's classes, read as named, that the walk of supertypes has since reached as a supertype. */
    private final Set<String> supertypeOfAnother = new java.util.HashSet<>();
    /** Facts (or the failure) of target entries read ahead by {@link #preread}, by entry, in reading order. */
    private final Map<String, Object> preread = new LinkedHashMap<>();
    private final Signatures.Cache types;

    private final java.util.function.Function<Path, String> labels;

    private final int release;
    /** Whether a class read from the target by name is looked for on the class path too ({@link #shadowed}). */
    private final boolean tellShadowed;
    private final Map<String, ShadowedClasses.Shadowed> shadowed = new LinkedHashMap<>();

    ClassResolver(Archive target, List<Path> classpath, List<Path> libraries,
                  java.util.function.Function<Path, String> labels, Consumer<String> onRead, Signatures.Cache types,
                  int release, boolean tellShadowed) {
        this.release = release;
        this.tellShadowed = tellShadowed;
        this.labels = labels;
        this.target = target;
        this.parents = new Lookup(classpath);
        this.libraries = new Lookup(libraries);
        this.onRead = onRead;
        this.types = types;
    }

    Map<String, ClassFacts> classes() {
        return classes;
    }

    Set<String> unresolved() {
        return unresolved;
    }

    /**
     * The classes read from the target by name whose entries the class path holds too, when asked to tell them;
     * empty when there are none.
     */
    Optional<ShadowedClasses> shadowed() {
        return shadowed.isEmpty() ? Optional.empty() : Optional.of(new ShadowedClasses(shadowed));
    }

    /** The other versions of the target's classes, which other Javas load; empty when read for one Java. */
    Optional<ClassVersions> versions() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(new ClassVersions(versions, judged));
    }

    /**
     * Reads, on several threads ({@link AllClasses}), the facts of those of {@code names} whose class files a
     * header read has already checked ({@code checked}, by entry) or read only the heads of ({@code unread}, by
     * entry: read whole here): {@link #resolve} then takes them instead of reading those entries one by one. A
     * failure is kept and thrown where {@link #resolve} reaches its class, so the error is the one a read in
     * order reports.
     */
    void preread(Set<String> names, Map<String, ClassFileFormat> checked, Map<String, Archive.ClassFile> unread) {
        if (checked.isEmpty() && unread.isEmpty()) {
            return;
        }
        List<Object> sources = new ArrayList<>();
        for (String name : names) {
            for (String candidate : ClassNames.candidates(name)) {
                String entry = ClassNames.entry(candidate);
                Object source = checked.containsKey(entry) ? checked.get(entry) : unread.get(entry);
                if (source != null && !preread.containsKey(entry)) {
                    preread.put(entry, source);
                    sources.add(source);
                }
            }
        }
        List<Object> read = AllClasses.map(sources, new Supplier<Function<Object, Object>>() {
            @Override
            public Function<Object, Object> get() {
                Signatures.Cache cache = new Signatures.Cache(); // one per thread
                return new Function<>() {
                    @Override
                    public Object apply(Object source) {
                        try {
                            if (source instanceof Archive.ClassFile file) {
                                return ClassFiles.read(file.read(), Origin.TARGET, file.where(), file.entry(), cache);
                            }
                            return ClassFiles.read((ClassFileFormat) source, Origin.TARGET, cache);
                        } catch (RuntimeException failed) {
                            return failed;
                        }
                    }
                };
            }
        });
        int i = 0;
        for (Map.Entry<String, Object> entry : preread.entrySet()) {
            entry.setValue(read.get(i++));
        }
    }

    /**
     * Reads every named class, from the target or else from the class path or the JDK (a contract also names
     * classes that live beside the module, such as annotation types; whether a class is the module's own
     * is told by its {@link Origin}), then all their supertypes.
     */
    void resolve(Set<String> names) {
        for (String name : names) {
            List<String> candidates = ClassNames.candidates(name);
            // a reading that is a JDK class of a boot-layer package is the JDK's, whoever else ships a copy of it
            boolean found = false;
            for (String candidate : candidates) {
                String internal = candidate.replace('.', '/');
                if (!classes.containsKey(candidate) && JdkImage.isBootPackage(internal)) {
                    found |= readFromJdk(internal, false);
                }
            }
            for (String candidate : candidates) { // every reading the target holds: validation tells ambiguity
                if (!classes.containsKey(candidate) && readFrom(target, candidate, Origin.TARGET) && tellShadowed) {
                    noteShadowing(candidate);
                }
            }
            // and every other reading found anywhere, not only the first: an ambiguous supertype name is told too.
            // The image's modules outside the boot layer, which no class loader of the class path sees, only when
            // no reading is found elsewhere: listing them costs a start-up about 5 ms.
            for (String candidate : candidates) {
                if (classes.containsKey(candidate)) {
                    found = true;
                } else {
                    String internal = candidate.replace('.', '/');
                    found |= readFrom(parents, internal) || readFrom(libraries, internal);
                }
            }
            for (int i = 0; !found && i < candidates.size(); i++) {
                found = readFromJdk(candidates.get(i).replace('.', '/'), true);
            }
        }
        while (!supertypes.isEmpty()) {
            String internal = supertypes.pop();
            String binary = Signatures.binaryName(internal);
            ClassFacts known = classes.get(binary);
            if (known != null) {
                if (known.origin() == Origin.TARGET && supertypeOfAnother.add(binary)) {
                    readShadowing(internal, binary);
                }
                continue;
            }
            if (unresolved.contains(binary)) {
                continue;
            }
            boolean found = JdkImage.isBootPackage(internal)
                    ? readFromJdk(internal, true)
                    : readFrom(parents, internal) || readFrom(target, binary, Origin.TARGET)
                            || readFrom(libraries, internal) || readFromJdk(internal, true);
            if (!found) {
                unresolved.add(binary);
            }
        }
    }

    /**
     * Notes the first class-path entry that holds the entry of {@code binary}, just read from the target by name:
     * the host's loader, which a plugin's loader asks first, serves that copy, and the target's never runs.
     */
    private void noteShadowing(String binary) {
        String entry = ClassNames.entry(binary);
        for (int i = 0; i < parents.paths.size(); i++) {
            Archive archive = parents.open(i, labels);
            // a class only a version directory holds is looked for by reading (no entry of that name is listed)
            if (archive.entries().contains(entry) || archive.read(entry).isPresent()) {
                shadowed.put(binary, new ShadowedClasses.Shadowed(target.where(entry), archive.where(entry)));
                return;
            }
        }
    }

    /**
     * Replaces the target's own copy of class {@code binary}, read because the contract names it, with the class
     * a plugin's loader defines for that name when another class reaches it as a supertype: the JDK's for a
     * boot-layer package, else the class path's, both of which its loader asks before the plugin. A class is then
     * judged through the supertype the JVM really gives it, never through the plugin's copy of a host or JDK class.
     */
    private void readShadowing(String internal, String binary) {
        boolean replaced = JdkImage.isBootPackage(internal) ? readFromJdk(internal, true) : readFrom(parents, internal);
        if (replaced) {
            versions.remove(binary);
            judged.remove(binary);
        }
    }

    /**
     * Reads class {@code binaryName} from {@code archive}, from the entry a class loader would read for it (the
     * versioned one in a multi-release JAR); an entry that declares another class is an error, never facts.
     */
    private boolean readFrom(Archive archive, String binaryName, Origin origin) {
        String entry = ClassNames.entry(binaryName);
        Object known = archive == target ? preread.remove(entry) : null;
        ClassFacts facts;
        if (known instanceof ClassFacts read) {
            facts = read;
        } else if (known instanceof RuntimeException failed) {
            throw failed;
        } else {
            Optional<byte[]> bytes = archive.read(entry);
            if (bytes.isEmpty()) {
                return false;
            }
            facts = ClassFiles.read(bytes.get(), origin, archive.where(entry), entry, types);
        }
        if (origin != Origin.JDK) { // read for every Java: each other version is judged too, with its supertypes
            List<Archive.ClassFile> variants = archive.otherVersions(entry);
            if (!variants.isEmpty()) {
                judged.put(facts.name(), archive.where(entry));
            }
            for (Archive.ClassFile variant : variants) {
                ClassFacts other = ClassFiles.read(variant.read(), origin, variant.where(), entry, types);
                versions.computeIfAbsent(other.name(), n -> new ArrayList<>())
                        .add(new ClassVersions.Version(variant.where(), other));
                queueSupertypes(other);
            }
        }
        accept(facts);
        return true;
    }

    private boolean readFrom(Lookup lookup, String internal) {
        for (int i = 0; i < lookup.paths.size(); i++) {
            if (readFrom(lookup.open(i, labels), Signatures.binaryName(internal), Origin.CLASSPATH)) {
                return true;
            }
        }
        return false;
    }

    /** Archives searched in order, each opened on first need. */
    private final class Lookup {
        private final List<Path> paths;
        private final List<Archive> opened = new ArrayList<>();

        Lookup(List<Path> paths) {
            this.paths = paths;
        }

        Archive open(int i, java.util.function.Function<Path, String> labels) {
            if (i == opened.size()) {
                Path path = paths.get(i);
                opened.add(Archive.open(path, labels.apply(path), release));
            }
            return opened.get(i);
        }

        void close() {
            opened.forEach(Archive::close);
        }
    }

    /** A JDK class: from the process-wide cache, else read from the JDK's modules (see {@link JdkImage}). */
    /**
     * Reads class {@code internal} from the JDK: from the modules of the boot layer, or with {@code wholeImage}
     * from any module of the run-time image.
     */
    private boolean readFromJdk(String internal, boolean wholeImage) {
        ClassFacts cached = JDK_CLASSES.get(internal);
        if (cached != null) {
            accept(cached);
            return true;
        }
        String resource = internal + ".class";
        Optional<byte[]> bytes;
        try {
            bytes = wholeImage ? JdkImage.read(resource) : JdkImage.readBootLayer(resource);
        } catch (IOException unreadable) {
            throw new InspectionException("jrt:/" + resource + ": cannot be read (" + unreadable.getMessage() + ")",
                    unreadable);
        }
        if (bytes.isEmpty()) {
            return false;
        }
        ClassFacts facts = ClassFiles.read(bytes.get(), Origin.JDK, "jrt:/" + resource, resource, types);
        if (JDK_CLASSES.size() < JDK_CACHE_LIMIT) {
            JDK_CLASSES.putIfAbsent(internal, facts);
        }
        accept(facts);
        return true;
    }

    /** How many JDK classes the process-wide cache holds (for tests). */
    static int cachedJdkClasses() {
        return JDK_CLASSES.size();
    }

    private void accept(ClassFacts facts) {
        onRead.accept(facts.name());
        classes.put(facts.name(), facts);
        queueSupertypes(facts);
    }

    /** Queues the direct supertypes of {@code facts} to be read, as internal names. */
    private void queueSupertypes(ClassFacts facts) {
        facts.superclass().ifPresent(s -> supertypes.add(s.replace('.', '/')));
        facts.interfaces().forEach(i -> supertypes.add(i.replace('.', '/')));
    }

    @Override
    public void close() {
        try {
            parents.close();
        } finally {
            libraries.close();
        }
    }
}
