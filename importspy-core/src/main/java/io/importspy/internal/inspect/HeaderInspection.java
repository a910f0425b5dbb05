package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import io.importspy.inspect.Origin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the header of every class of a module (on several threads, see {@link AllClasses}) and, when
 * selection walks supertypes, the headers of the supertypes outside the module (class path, then JDK)
 * and of the annotation types a query names. JDK headers are kept for the life of the process.
 */
final class HeaderInspection {
    private static final Map<String, ClassHeader> JDK_HEADERS = new ConcurrentHashMap<>();

    /**
     * How much of the checked class files a header read keeps for the facts of the classes selected from the
     * headers (twice the bytes of each, for its layout): a larger module's classes beyond it are read again.
     */
    static final long KEPT_BYTES = 32L << 20;

    private HeaderInspection() {
    }

    /**
     * What a header read found: the headers, and the module's class files it checked, by entry, as far as
     * {@link #KEPT_BYTES} allows, so that the classes selected from the headers are read from the bytes already
     * judged rather than inflated and checked again; the others ({@code unread}, by entry, with only their heads
     * read or not kept), so that the selected ones among them are read whole together, on several threads.
     */
    record Read(ClassHeaders headers, Map<String, ClassFileFormat> checked, Map<String, Archive.ClassFile> unread) {
    }

    /** One class file's header, and the checked class file kept, or else (when only its head was read) the file. */
    private record Checked(String entry, ClassHeader header, ClassFileFormat format, Archive.ClassFile unread) {
    }

    /**
     * The headers of {@code archive}'s classes, for selection by {@code queries}; when they walk supertypes,
     * also those of every supertype they reach and of the annotation types they name; and the checked class
     * files kept.
     *
     * <p>A class file is read and checked only as far as its head ({@link ClassFileHead}) when the rest cannot
     * change what the queries select: an annotation is named in the constant pool of every class it annotates
     * (its descriptor), and a nested or sealed class's modifiers need an InnerClasses or PermittedSubclasses
     * attribute, whose name is there too. A class whose pool names an annotation type a query looks for (or
     * {@code java.lang.annotation.Inherited}, which decides whether superclasses count), whose modifiers a
     * query reads and its pool says they may differ from its flags, or that has other versions in a
     * multi-release JAR (every version's header must agree whole) is read and checked whole. A head is checked in
     * what the header takes of it ({@link ClassFileFormat#checkHead}): the layout of its constant pool, its flags,
     * name and supertypes. The rest of a class file is judged where it is read, when the class is selected (or is
     * the supertype of one): a class file that no selection takes is read for its header alone, and judged so.
     * A class that a selection by interface is likely to take ({@link SelectionForecast}) is read on and checked
     * whole at once, so that its facts are read from those bytes.
     *
     * @param classpath the archives supertypes outside the module are read from, before the JDK
     * @param libraries  a plugin's own libraries, read after the module and before the JDK's other modules
     */
    static Read read(Archive archive, ClassPathArchives classpath, ClassPathArchives libraries, List<ClassQuery> queries) {
        boolean supertypes = queries.stream().anyMatch(ClassQuery::needsSupertypes);
        Set<String> annotationTypes = new LinkedHashSet<>();
        for (ClassQuery query : queries) {
            query.annotated().filter(a -> a.indexOf('.') > 0).ifPresent(annotationTypes::add);
        }
        HeadNeeds needs = HeadNeeds.of(queries);
        List<Archive.ClassFile> files = new ArrayList<>();
        for (Archive.ClassFile file : archive.classFiles()) {
            if (Archive.isClass(file)) {
                files.add(file);
            }
        }
        int judged = files.size();
        Set<String> versioned = new java.util.HashSet<>();
        for (Archive.ClassFile file : archive.versionFiles()) {
            if (Archive.isClassEntry(file.entry())) {
                files.add(file);
                versioned.add(file.entry());
            }
        }
        AtomicLong kept = new AtomicLong();
        Optional<SelectionForecast> forecast = SelectionForecast.of(queries);
        List<Checked> read = AllClasses.map(files,
                new Supplier<Function<Archive.ClassFile, Checked>>() {
                    @Override
                    public Function<Archive.ClassFile, Checked> get() {
                        ClassFileHead.Buffer buffer = new ClassFileHead.Buffer(); // one per thread
                        return new Function<>() {
                            @Override
                            public Checked apply(Archive.ClassFile file) {
                                ClassFileFormat format;
                                if (!versioned.isEmpty() && versioned.contains(file.entry())) {
                                    format = ClassFiles.checked(file.read(), file.where(), file.entry());
                                } else {
                                    try (ClassFileHead stream = ClassFileHead.read(file, buffer)) {
                                        byte[] head = stream.head();
                                        if (head != null) {
                                            ClassFileFormat checkedHead = ClassFiles.checkedHead(head, file.where(),
                                                    file.entry());
                                            if (!needs.wholeFor(checkedHead)) {
                                                ClassHeader header = HeaderReader.ofHead(checkedHead, Origin.TARGET);
                                                if (forecast.isPresent() && forecast.get().likelySelected(header)
                                                        && kept.get() + 2L * file.size() <= KEPT_BYTES) {
                                                    return readOn(stream, file, header, kept);
                                                }
                                                return new Checked(file.entry(), header, null, file);
                                            }
                                        }
                                        format = ClassFiles.checked(stream.whole(), file.where(), file.entry());
                                    }
                                }
                                ClassHeader header = HeaderReader.read(format, Origin.TARGET);
                                boolean keep = kept.addAndGet(2L * format.bytes.length) <= KEPT_BYTES;
                                return new Checked(file.entry(), header, keep ? format : null, keep ? null : file);
                            }
                        };
                    }
                });
        Map<String, ClassHeader> module = new LinkedHashMap<>();
        Map<String, ClassFileFormat> checked = new HashMap<>();
        Map<String, Archive.ClassFile> unread = new HashMap<>();
        Map<String, String> where = new HashMap<>();
        for (int i = 0; i < judged; i++) {
            Checked one = read.get(i);
            module.putIfAbsent(one.header().name(), one.header());
            where.putIfAbsent(one.header().name(), files.get(i).where());
            if (one.format() != null) {
                checked.put(one.entry(), one.format());
            } else if (one.unread() != null) {
                unread.put(one.entry(), one.unread());
            }
        }
        // every other version of a class (another Java loads it) must have the header that selection judged
        for (int i = judged; i < read.size(); i++) {
            ClassHeader other = read.get(i).header();
            ClassHeader first = module.get(other.name());
            if (first != null && !sameHeader(first, other)) {
                String at = where.get(other.name());
                throw new InspectionException(files.get(i).where() + ": another Java version loads this class instead of "
                        + at.substring(at.lastIndexOf('!') + 1) + ", which was judged, and its header differs ("
                        + other.kind() + " " + ordered(other.modifiers()) + " extends " + other.superclass().orElse("none")
                        + " implements " + other.interfaces() + " annotated " + other.annotations() + ", not "
                        + first.kind() + " " + ordered(first.modifiers()) + " extends " + first.superclass().orElse("none")
                        + " implements " + first.interfaces() + " annotated " + first.annotations()
                        + "); a multi-release JAR must give every Java version the same API");
            }
        }
        if (!supertypes) {
            return new Read(ClassHeaders.of(module, Map.of(), Set.of()), checked, unread);
        }
        Map<String, ClassHeader> others = new HashMap<>();
        Set<String> unresolved = new LinkedHashSet<>();
        Set<String> walked = new java.util.HashSet<>();
        Deque<String> queue = new ArrayDeque<>(annotationTypes);
        for (ClassHeader header : module.values()) {
            header.superclass().ifPresent(queue::add);
            queue.addAll(header.interfaces());
        }
        while (!queue.isEmpty()) {
            String name = queue.pop();
            if (others.containsKey(name) || unresolved.contains(name) || !walked.add(name)) {
                continue;
            }
            // where a plugin's class loader finds a supertype: the JDK for its packages, else the class path
            // (asked first), else the module itself, else the plugin's own libraries, else the JDK
            Optional<ClassHeader> found = outside(name, classpath, libraries, module.containsKey(name));
            if (found.isEmpty()) {
                if (!module.containsKey(name)) {
                    unresolved.add(name);
                }
                continue;
            }
            others.put(name, found.get());
            found.get().superclass().ifPresent(queue::add);
            queue.addAll(found.get().interfaces());
        }
        return new Read(ClassHeaders.of(module, others, unresolved), checked, unread);
    }

    /**
     * A class file whose head is read and checked and that the selection is likely to take, read on to its end
     * and checked whole now, so that its facts are read from these bytes rather than from a second inflation of
     * the entry. A class file refused whole (or beyond what is kept) is left to be read again if it is selected,
     * where the error is the one a read after the selection reports; one not selected is not judged beyond its
     * head, as if it had not been read on.
     */
    private static Checked readOn(ClassFileHead stream, Archive.ClassFile file, ClassHeader header, AtomicLong kept) {
        byte[] whole = stream.whole();
        ClassFileFormat format;
        try {
            format = ClassFiles.checked(whole, file.where(), file.entry());
        } catch (InspectionException refused) {
            return new Checked(file.entry(), header, null, file);
        }
        boolean keep = kept.addAndGet(2L * whole.length) <= KEPT_BYTES;
        return new Checked(file.entry(), header, keep ? format : null, keep ? null : file);
    }

    /** Whether two versions of a class have the same header, as selection sees it (lists as sets). */
    private static boolean sameHeader(ClassHeader a, ClassHeader b) {
        return a.kind() == b.kind() && a.modifiers().equals(b.modifiers()) && a.superclass().equals(b.superclass())
                && Set.copyOf(a.interfaces()).equals(Set.copyOf(b.interfaces()))
                && Set.copyOf(a.annotations()).equals(Set.copyOf(b.annotations()));
    }

    /** Modifiers in their declaration order, so that a message is the same in every JVM. */
    private static String ordered(Set<io.importspy.java.Modifier> modifiers) {
        return modifiers.isEmpty() ? "[]" : java.util.EnumSet.copyOf(modifiers).toString();
    }

    private static Optional<ClassHeader> outside(String name, ClassPathArchives classpath, ClassPathArchives libraries,
                                                 boolean inModule) {
        String entry = ClassNames.entry(name);
        boolean boot = JdkImage.isBootPackage(entry.substring(0, entry.length() - ".class".length()));
        Optional<ClassPathArchives.Found> onClasspath = boot ? Optional.empty() : classpath.read(entry);
        if (onClasspath.isPresent()) {
            ClassPathArchives.Found found = onClasspath.get();
            return Optional.of(HeaderReader.read(found.bytes(), Origin.CLASSPATH, found.where(), found.entry()));
        }
        if (inModule && !boot) {
            return Optional.empty(); // the module's own class
        }
        Optional<ClassPathArchives.Found> inLibrary = boot ? Optional.empty() : libraries.read(entry);
        if (inLibrary.isPresent()) { // a plugin's own library, which its loader asks after the plugin
            ClassPathArchives.Found found = inLibrary.get();
            return Optional.of(HeaderReader.read(found.bytes(), Origin.CLASSPATH, found.where(), found.entry()));
        }
        return fromJdk(name, entry);
    }

    /**
     * The header of {@code name} when it is a JDK class of a boot-layer package, which a class loader always takes
     * from the JDK: read once per process, and safe to ask from several threads; empty for any other class.
     */
    static Optional<ClassHeader> jdkHeader(String name) {
        String entry = ClassNames.entry(name);
        if (!JdkImage.isBootPackage(entry.substring(0, entry.length() - ".class".length()))) {
            return Optional.empty();
        }
        return fromJdk(name, entry);
    }

    private static Optional<ClassHeader> fromJdk(String name, String entry) {
        ClassHeader cached = JDK_HEADERS.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<byte[]> bytes;
        try {
            bytes = JdkImage.read(entry);
        } catch (IOException unreadable) {
            throw new InspectionException("jrt:/" + entry + ": cannot be read (" + unreadable.getMessage() + ")",
                    unreadable);
        }
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        ClassHeader header = HeaderReader.read(bytes.get(), Origin.JDK, "jrt:/" + entry, entry);
        if (JDK_HEADERS.size() < ClassResolver.JDK_CACHE_LIMIT) {
            JDK_HEADERS.putIfAbsent(name, header);
        }
        return Optional.of(header);
    }

    /** Binary names of a module's classes from its entry names alone, without reading any class file. */
    static List<String> classNames(Archive archive) {
        List<String> names = new ArrayList<>();
        for (String entry : archive.classEntries()) {
            names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        }
        return names;
    }
}
