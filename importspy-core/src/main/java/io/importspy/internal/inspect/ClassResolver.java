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

/**
 * Reads named classes from the target and, transitively, their supertypes from the target, then the
 * class path (each entry opened on first need), then the running JDK.
 *
 * <p>Facts of JDK classes are kept for the life of the process (up to {@value #JDK_CACHE_LIMIT} classes):
 * the running JDK never changes, and the same supertypes ({@code Object}, {@code List}, {@code Map}, ...)
 * recur in every inspection.
 */
final class ClassResolver implements AutoCloseable {
    static final int JDK_CACHE_LIMIT = 1024;
    private static final Map<String, ClassFacts> JDK_CLASSES = new ConcurrentHashMap<>();

    private final Archive target;
    private final List<Path> classpath;
    private final List<Archive> opened = new ArrayList<>();
    private final Consumer<String> onRead;
    private final Map<String, ClassFacts> classes = new LinkedHashMap<>();
    private final Set<String> unresolved = new LinkedHashSet<>();
    private final Deque<String> supertypes = new ArrayDeque<>();
    private final Signatures.Cache types;

    private final java.util.function.Function<Path, String> labels;

    ClassResolver(Archive target, List<Path> classpath, java.util.function.Function<Path, String> labels,
                  Consumer<String> onRead, Signatures.Cache types) {
        this.labels = labels;
        this.target = target;
        this.classpath = classpath;
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
     * Reads every named class, from the target or else from the class path or the JDK (a contract also names
     * classes that live beside the module, such as annotation types; whether a class is the module's own
     * is told by its {@link Origin}), then all their supertypes.
     */
    void resolve(Set<String> names) {
        for (String name : names) {
            List<String> candidates = ClassNames.candidates(name);
            boolean found = false;
            for (String candidate : candidates) { // every reading the target holds: validation tells ambiguity
                found |= classes.containsKey(candidate) || readFrom(target, candidate, Origin.TARGET);
            }
            for (int i = 0; !found && i < candidates.size(); i++) {
                String internal = candidates.get(i).replace('.', '/');
                found = readFromClasspath(internal) || readFromJdk(internal);
            }
        }
        while (!supertypes.isEmpty()) {
            String internal = supertypes.pop();
            String binary = Signatures.binaryName(internal);
            if (classes.containsKey(binary) || unresolved.contains(binary)) {
                continue;
            }
            if (!readFrom(target, binary, Origin.TARGET) && !readFromClasspath(internal) && !readFromJdk(internal)) {
                unresolved.add(binary);
            }
        }
    }

    /**
     * Reads class {@code binaryName} from {@code archive}, from the entry a class loader would read for it (the
     * versioned one in a multi-release JAR); an entry that declares another class is an error, never facts.
     */
    private boolean readFrom(Archive archive, String binaryName, Origin origin) {
        String entry = ClassNames.entry(binaryName);
        Optional<byte[]> bytes = archive.read(entry);
        if (bytes.isEmpty()) {
            return false;
        }
        accept(ClassFiles.read(bytes.get(), origin, archive.where(entry), entry, types));
        return true;
    }

    private boolean readFromClasspath(String internal) {
        for (int i = 0; i < classpath.size(); i++) {
            if (i == opened.size()) {
                Path path = classpath.get(i);
                opened.add(Archive.open(path, labels.apply(path)));
            }
            if (readFrom(opened.get(i), Signatures.binaryName(internal), Origin.CLASSPATH)) {
                return true;
            }
        }
        return false;
    }

    /** A JDK class: from the process-wide cache, else read from the JDK's modules (see {@link JdkImage}). */
    private boolean readFromJdk(String internal) {
        ClassFacts cached = JDK_CLASSES.get(internal);
        if (cached != null) {
            accept(cached);
            return true;
        }
        String resource = internal + ".class";
        Optional<byte[]> bytes;
        try {
            bytes = JdkImage.read(resource);
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
        facts.superclass().ifPresent(s -> supertypes.add(s.replace('.', '/')));
        facts.interfaces().forEach(i -> supertypes.add(i.replace('.', '/')));
    }

    @Override
    public void close() {
        opened.forEach(Archive::close);
    }
}
