package io.importspy.inspect;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.function.Consumer;

/**
 * Reads named classes from the target and, transitively, their supertypes from the target, then the
 * class path (each entry opened on first need), then the running JDK.
 */
final class ClassResolver implements AutoCloseable {
    private final Archive target;
    private final List<Path> classpath;
    private final List<Archive> opened = new ArrayList<>();
    private final Consumer<String> onRead;
    private final Map<String, ClassFacts> classes = new LinkedHashMap<>();
    private final Set<String> unresolved = new LinkedHashSet<>();
    private final Deque<String> supertypes = new ArrayDeque<>();

    ClassResolver(Archive target, List<Path> classpath, Consumer<String> onRead) {
        this.target = target;
        this.classpath = classpath;
        this.onRead = onRead;
    }

    Map<String, ClassFacts> classes() {
        return classes;
    }

    Set<String> unresolved() {
        return unresolved;
    }

    /** Reads every named class found in the target, then all their supertypes. */
    void resolve(Set<String> names) {
        for (String name : names) {
            for (String candidate : candidates(name)) {
                if (classes.containsKey(Signatures.binaryName(candidate))
                        || readFrom(target, candidate, Origin.TARGET)) {
                    break;
                }
            }
        }
        while (!supertypes.isEmpty()) {
            String internal = supertypes.pop();
            if (classes.containsKey(Signatures.binaryName(internal)) || unresolved.contains(Signatures.binaryName(internal))) {
                continue;
            }
            if (!readFrom(target, internal, Origin.TARGET) && !readFromClasspath(internal) && !readFromJdk(internal)) {
                unresolved.add(Signatures.binaryName(internal));
            }
        }
    }

    /**
     * Internal names a user-written name may denote: {@code a.b.Outer.Inner} may be
     * {@code a/b/Outer/Inner}, {@code a/b/Outer$Inner}, {@code a/b$Outer$Inner}, ...
     */
    static List<String> candidates(String name) {
        List<String> candidates = new ArrayList<>();
        String internal = name.trim().replace('.', '/');
        candidates.add(internal);
        int cut = internal.lastIndexOf('/');
        while (cut > 0) {
            internal = internal.substring(0, cut) + '$' + internal.substring(cut + 1);
            candidates.add(internal);
            cut = internal.lastIndexOf('/');
        }
        return candidates;
    }

    private boolean readFrom(Archive archive, String internal, Origin origin) {
        String entry = internal + ".class";
        Optional<byte[]> bytes = archive.read(entry);
        if (bytes.isEmpty()) {
            return false;
        }
        accept(ClassFiles.read(bytes.get(), origin, archive.where(entry)));
        return true;
    }

    private boolean readFromClasspath(String internal) {
        for (int i = 0; i < classpath.size(); i++) {
            if (i == opened.size()) {
                Path path = classpath.get(i);
                opened.add(Archive.open(path, path.toString()));
            }
            if (readFrom(opened.get(i), internal, Origin.CLASSPATH)) {
                return true;
            }
        }
        return false;
    }

    /**
     * JDK class files through the platform class loader (class resources are never encapsulated), or
     * for modules outside it (e.g. {@code jdk.compiler}) through the jrt file system.
     */
    private boolean readFromJdk(String internal) {
        String resource = internal + ".class";
        try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(resource)) {
            byte[] bytes = in != null ? in.readAllBytes() : JdkImage.read(resource).orElse(null);
            if (bytes == null) {
                return false;
            }
            accept(ClassFiles.read(bytes, Origin.JDK, "jrt:/" + resource));
            return true;
        } catch (IOException unreadable) {
            throw new InspectionException("jrt:/" + resource + ": cannot be read (" + unreadable.getMessage() + ")",
                    unreadable);
        }
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
