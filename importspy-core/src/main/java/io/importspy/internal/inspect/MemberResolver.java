package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the class that declares a referenced field or method as the JVM does (JVMS 5.4.3.2-5.4.3.4): in
 * the referenced class, its superclasses and superinterfaces, read where a plugin's class loader finds them: the
 * JDK for its boot-layer packages, else the class path, the module, the plugin's own libraries, then the JDK (whose
 * declarations are kept for the life of the process). Thread-safe.
 */
final class MemberResolver {
    private static final Map<String, Optional<ClassMembers>> JDK = new ConcurrentHashMap<>();
    private static final int ACC_PRIVATE = 0x0002;
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_ABSTRACT = 0x0400;

    private final Map<String, ClassMembers> module;
    private final ClassPathArchives classpath;
    private final ClassPathArchives libraries;
    private final Map<String, Optional<ClassMembers>> outside = new ConcurrentHashMap<>();

    /**
     * What resolution found: the declaring class (internal name), or the class that could not be read
     * before the member was found.
     */
    record Resolved(Optional<String> declaring, Optional<String> missing) {
    }

    /** @param libraries a plugin's own libraries, which its loader asks after the plugin (none outside guarded loading) */
    MemberResolver(Map<String, ClassMembers> module, ClassPathArchives classpath, ClassPathArchives libraries) {
        this.module = module;
        this.classpath = classpath;
        this.libraries = libraries;
    }

    Resolved resolve(ClassScan.MemberUse use) {
        String owner = use.owner();
        if (owner.startsWith("[")) {
            return found("java/lang/Object"); // array members: length is no field reference, clone() is Object's
        }
        Set<String> missing = new HashSet<>();
        Optional<ClassMembers> start = members(owner);
        if (start.isEmpty()) {
            return new Resolved(Optional.empty(), Optional.of(owner));
        }
        String declaring;
        if (use.field()) {
            declaring = field(start.get(), use.name() + ':' + use.descriptor(), new HashSet<>(), missing);
        } else if (use.interfaceMethod() || start.get().isInterface()) {
            declaring = interfaceMethod(start.get(), use.name() + use.descriptor(), missing);
        } else {
            declaring = method(start.get(), use.name(), use.name() + use.descriptor(), missing);
        }
        if (declaring != null) {
            return found(declaring);
        }
        if (!missing.isEmpty()) {
            return new Resolved(Optional.empty(), Optional.of(missing.iterator().next()));
        }
        return found(owner); // declared nowhere: a linkage error at run time; the reference names its owner
    }

    private static Resolved found(String declaring) {
        return new Resolved(Optional.of(declaring), Optional.empty());
    }

    /** JVMS 5.4.3.2: the class, then its superinterfaces (recursively), then its superclass. */
    private String field(ClassMembers c, String key, Set<String> seen, Set<String> missing) {
        if (!seen.add(c.name())) {
            return null;
        }
        if (c.fields().contains(key)) {
            return c.name();
        }
        for (String name : c.interfaces()) {
            Optional<ClassMembers> superinterface = members(name);
            if (superinterface.isEmpty()) {
                missing.add(name);
                continue;
            }
            String found = field(superinterface.get(), key, seen, missing);
            if (found != null) {
                return found;
            }
        }
        if (c.superName() != null) {
            Optional<ClassMembers> superclass = members(c.superName());
            if (superclass.isEmpty()) {
                missing.add(c.superName());
                return null;
            }
            return field(superclass.get(), key, seen, missing);
        }
        return null;
    }

    /** JVMS 5.4.3.3: the class and its superclasses (signature-polymorphic methods by name), then superinterfaces. */
    private String method(ClassMembers start, String name, String key, Set<String> missing) {
        List<ClassMembers> chain = new ArrayList<>();
        for (ClassMembers c = start; c != null; ) {
            chain.add(c);
            if (c.methods().containsKey(key) || polymorphic(c, name)) {
                return c.name();
            }
            if (c.superName() == null) {
                break;
            }
            Optional<ClassMembers> superclass = members(c.superName());
            if (superclass.isEmpty()) {
                missing.add(c.superName());
                return null;
            }
            c = superclass.get();
        }
        return superinterfaceMethod(chain, key, missing);
    }

    /** {@code MethodHandle.invoke} and the like: one native varargs method of that name (JVMS 2.9.3). */
    private static boolean polymorphic(ClassMembers c, String name) {
        if (!"java/lang/invoke/MethodHandle".equals(c.name()) && !"java/lang/invoke/VarHandle".equals(c.name())) {
            return false;
        }
        String key = name + "([Ljava/lang/Object;)Ljava/lang/Object;";
        Integer access = c.methods().get(key);
        return access != null && (access & 0x0100) != 0 && (access & 0x0080) != 0;
    }

    /** JVMS 5.4.3.4: the interface, then {@code Object}'s public methods, then its superinterfaces. */
    private String interfaceMethod(ClassMembers start, String key, Set<String> missing) {
        if (start.methods().containsKey(key)) {
            return start.name();
        }
        Optional<ClassMembers> object = members("java/lang/Object");
        if (object.isPresent()) {
            Integer access = object.get().methods().get(key);
            if (access != null && (access & 0x0001) != 0 && (access & ACC_STATIC) == 0) {
                return "java/lang/Object";
            }
        }
        return superinterfaceMethod(List.of(start), key, missing);
    }

    /**
     * The maximally-specific superinterface method: a non-abstract one when there is exactly one, else any
     * non-private, non-static declaration met first (breadth-first from the nearest classes).
     */
    private String superinterfaceMethod(List<ClassMembers> classes, String key, Set<String> missing) {
        Deque<String> queue = new ArrayDeque<>();
        for (ClassMembers c : classes) {
            for (String name : c.interfaces()) {
                queue.add(name);
            }
        }
        Set<String> seen = new HashSet<>();
        List<ClassMembers> declaring = new ArrayList<>();
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (!seen.add(name)) {
                continue;
            }
            Optional<ClassMembers> found = members(name);
            if (found.isEmpty()) {
                missing.add(name);
                continue;
            }
            Integer access = found.get().methods().get(key);
            if (access != null && (access & (ACC_PRIVATE | ACC_STATIC)) == 0) {
                declaring.add(found.get());
            }
            for (String superinterface : found.get().interfaces()) {
                queue.add(superinterface);
            }
        }
        if (declaring.isEmpty()) {
            return null;
        }
        List<ClassMembers> concrete = declaring.stream()
                .filter(c -> (c.methods().get(key) & ACC_ABSTRACT) == 0).toList();
        return (concrete.size() == 1 ? concrete.get(0) : declaring.get(0)).name();
    }

    /** The declarations of a class, from the module, the class path or the JDK; empty when found nowhere. */
    Optional<ClassMembers> members(String internalName) {
        Optional<ClassMembers> known = outside.get(internalName);
        if (known == null) {
            known = read(internalName);
            outside.put(internalName, known);
        }
        return known;
    }

    private static ClassMembers scanned(ClassPathArchives.Found found) {
        return ClassScan.scan(found.bytes(), found.where(), found.entry(), new Descriptors(), false).members();
    }

    private Optional<ClassMembers> read(String internalName) {
        String entry = internalName + ".class";
        // where a plugin's class loader finds the class: the JDK for its packages, else the class path (asked
        // first), else the module itself, else the plugin's own libraries, else the JDK
        boolean boot = JdkImage.isBootPackage(internalName);
        Optional<ClassPathArchives.Found> onClasspath = boot ? Optional.empty() : classpath.read(entry);
        if (onClasspath.isPresent()) {
            return Optional.of(scanned(onClasspath.get()));
        }
        ClassMembers own = boot ? null : module.get(internalName);
        if (own != null) {
            return Optional.of(own);
        }
        Optional<ClassPathArchives.Found> inLibrary = boot ? Optional.empty() : libraries.read(entry);
        if (inLibrary.isPresent()) {
            return Optional.of(scanned(inLibrary.get()));
        }
        Optional<ClassMembers> cached = JDK.get(internalName);
        if (cached != null) {
            return cached;
        }
        Optional<ClassMembers> jdk;
        try {
            jdk = JdkImage.read(entry).map(bytes -> ClassScan.scan(bytes, "jrt:/" + entry, entry, new Descriptors(), false)
                    .members());
        } catch (IOException unreadable) {
            throw new InspectionException("jrt:/" + entry + ": cannot be read (" + unreadable.getMessage() + ")",
                    unreadable);
        }
        if (JDK.size() < 8 * ClassResolver.JDK_CACHE_LIMIT) {
            JDK.put(internalName, jdk);
        }
        return jdk;
    }
}
