package io.importspy.internal.inspect;

import io.importspy.API;
import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.ModuleIdentity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static io.importspy.API.Status.INTERNAL;

/**
 * Reads facts about modules from their bytes (JARs, multi-release JARs, exploded class directories)
 * without loading or initializing any of their classes. The public entry of the inspect stage.
 *
 * <pre>{@code
 * ModuleFacts facts = Inspector.withClasspath(List.of(Path.of("spi.jar")))
 *         .inspect(Path.of("plugin.jar"), ClassSelection.named(Set.of("com.acme.Plugin")));
 * }</pre>
 *
 * <p>Class files are parsed with their method bodies skipped; when a method's parameter names exist
 * nowhere but in its LocalVariableTable (no MethodParameters attribute), that table is read from the
 * bytes without decoding instructions. Facts of the running JDK's classes are read once per process. A
 * full inspection ({@link ClassSelection#all()}) reads class files on as many threads as there are
 * processors; the facts and errors are those of a read in entry order.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Inspector {
    private final List<Path> classpath;
    private final List<Path> libraries;
    private final Consumer<String> onRead;
    private final Map<Path, String> labels;
    private final int release;
    /** Whether classes the contract names are also looked for on the class path ({@link #tellingShadowed}). */
    private final boolean tellShadowed;

    /**
     * The release a multi-release JAR is read for when no one Java is known to load it ({@link #forJava}): the
     * running Java's entries are read as the class, and every other version of it is read too, for validation to
     * judge each against the contract.
     */
    public static final int EVERY_JAVA = 0;

    private Inspector(List<Path> classpath, List<Path> libraries, Consumer<String> onRead, Map<Path, String> labels,
                      int release, boolean tellShadowed) {
        this.tellShadowed = tellShadowed;
        this.classpath = List.copyOf(classpath);
        this.libraries = List.copyOf(libraries);
        this.onRead = onRead;
        this.labels = Map.copyOf(labels);
        this.release = release;
    }

    /**
     * An inspector that resolves supertypes as a plugin's class loader does: the JDK's boot-layer packages,
     * then {@code classpath} (the host's, the parent), then the target, then the rest of the JDK. It reads
     * multi-release JARs for the running Java, which loads them in every in-process mode.
     */
    public static Inspector withClasspath(List<Path> classpath) {
        return new Inspector(classpath, List.of(), name -> { }, Map.of(), Runtime.version().feature(), false);
    }

    /**
     * This inspector reading multi-release JARs (the target's and the class path's) for Java {@code release}: the
     * entries that Java's class loaders read are judged, and the versions of a class only other Javas load are
     * not. {@link #EVERY_JAVA} when the Java that will load the module is unknown: the running Java's entries are
     * read as the class and every other version beside it, so that validation judges each version against the
     * contract (a violation names the version's entry); versions may differ in what the contract does not ask.
     */
    public Inspector forJava(int release) {
        if (release < 0) {
            throw new IllegalArgumentException("release " + release);
        }
        return new Inspector(classpath, libraries, onRead, labels, release, tellShadowed);
    }

    /**
     * The facts of the one class file in {@code bytes}, read as a class loader defines it from {@code entry}
     * ({@code a/B.class}); {@code where} names it in errors. For what reflection on a live class cannot give
     * without running code: its annotations, whose enum values reflection resolves by initializing the enum.
     *
     * @throws InspectionException when the bytes are not a class file the JVM would define from {@code entry}
     */
    public static ClassFacts classFile(byte[] bytes, String where, String entry) {
        return ClassFiles.read(bytes, io.importspy.inspect.Origin.LIVE, where, entry, new Signatures.Cache());
    }

    /** This inspector resolving supertypes also from {@code libraries}, after the target (a plugin's own JARs). */
    public Inspector withLibraries(List<Path> libraries) {
        return new Inspector(classpath, libraries, onRead, labels, release, tellShadowed);
    }

    /** An inspector that reports the binary name of every class it parses to {@code onRead} (for tests). */
    static Inspector observed(List<Path> classpath, Consumer<String> onRead) {
        return new Inspector(classpath, List.of(), Objects.requireNonNull(onRead, "onRead"), Map.of(),
                Runtime.version().feature(), false);
    }

    /**
     * This inspector naming each path of {@code labels} in facts and errors by its label: a private copy
     * that is inspected in place of a user's file is reported as the user's file.
     */
    public Inspector withLabels(Map<Path, String> labels) {
        return new Inspector(classpath, libraries, onRead, labels, release, tellShadowed);
    }

    /**
     * This inspector also noting, in a {@link ShadowedClasses} section, each class it reads from the target by name
     * (a class the contract names or a selection selects) whose entry the class path holds as well: the class path
     * is then the host's, whose loader a plugin's loader asks first, so the target's copy would never run. For a
     * check that knows no more of the host than its class path (external mode); a host that knows its loaders
     * refuses such a plugin itself, and a flat class path (where the first entry wins) is not told this way.
     */
    public Inspector tellingShadowed() {
        return new Inspector(classpath, libraries, onRead, labels, release, true);
    }

    private String label(Path path) {
        String label = labels.get(path);
        return label != null ? label : path.toString();
    }

    /**
     * The identity of {@code target} alone (names, versions, file name), without reading any class.
     *
     * @throws InspectionException when the target is missing or not a readable JAR or directory
     */
    public ModuleIdentity identify(Path target) {
        String label = label(target);
        try (Archive archive = Archive.open(target, label, release)) {
            return IdentityReader.read(archive, fileName(target, label)).identity();
        }
    }

    private static String fileName(Path target, String label) {
        Path fileName = target.toAbsolutePath().normalize().getFileName();
        return fileName == null ? label : fileName.toString();
    }

    /**
     * The SHA-256 digest of {@code target}'s file and what its JAR signatures say, as {@code inspect --pin}
     * writes them; a class directory has neither.
     *
     * @throws InspectionException when the target is missing, unreadable or corrupt
     */
    public IntegrityFacts integrity(Path target) {
        String label = label(target);
        Archive.open(target, label, release).close(); // the same errors as inspect for a missing or bad target
        return JarIntegrity.read(target, Set.of("sha256"), true, label);
    }

    private static boolean anyClassFile(Set<String> entries) {
        for (String entry : entries) {
            if (entry.endsWith(".class")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Inspects {@code target}, reading only the classes {@code selection} asks for.
     *
     * @throws InspectionException when the target is missing, unreadable or corrupt, or a class file
     *                             it needs (in the target or on the class path) is
     */
    public ModuleFacts inspect(Path target, ClassSelection selection) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(selection, "selection");
        String label = label(target);
        try (Archive archive = Archive.open(target, label, release)) {
            Set<String> entries = archive.entries();
            if (archive instanceof DirectoryArchive && !anyClassFile(entries)) {
                throw new InspectionException(label + ": no class files in this directory; "
                        + "give a JAR or a directory of compiled classes (e.g. target/classes)");
            }
            IdentityReader.Result identity = IdentityReader.read(archive, fileName(target, label));
            Map<String, ClassFacts> classes = new LinkedHashMap<>();
            Set<String> unresolved = Set.of();
            if (selection instanceof ClassSelection.All) {
                List<Archive.ClassFile> files = new ArrayList<>();
                for (Archive.ClassFile file : archive.classFiles()) {
                    if (Archive.isClass(file)) {
                        files.add(file);
                    }
                }
                for (ClassFacts facts : AllClasses.read(files)) {
                    onRead.accept(facts.name());
                    classes.put(facts.name(), facts);
                }
                commonToEveryVersion(archive, classes);
            } else if (selection instanceof ClassSelection.Named named) {
                return inspectNamed(target, label, archive, identity, entries, named);
            }
            return new ModuleFacts(label, identity.identity(), identity.manifest(), identity.services(), entries,
                    classes, unresolved, List.of(new MultiRelease(archive.multiRelease(), release)));
        }
    }

    /** {@code names} and the supertypes of their classes that the module's {@code headers} name, in the module. */
    private static Set<String> withSupertypes(Set<String> names, ClassHeaders headers) {
        Set<String> all = new LinkedHashSet<>(names);
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(names);
        while (!queue.isEmpty()) {
            ClassHeader header = headers.module().get(queue.pop());
            if (header == null) {
                continue;
            }
            if (header.superclass().isPresent() && headers.module().containsKey(header.superclass().get())
                    && all.add(header.superclass().get())) {
                queue.add(header.superclass().get());
            }
            for (String supertype : header.interfaces()) {
                if (headers.module().containsKey(supertype) && all.add(supertype)) {
                    queue.add(supertype);
                }
            }
        }
        return all;
    }

    /**
     * Read for every Java, a multi-release JAR's classes keep only the API their versions have in common, so that
     * a contract written from them ({@code inspect}) is met by the version each Java loads.
     */
    private void commonToEveryVersion(Archive archive, Map<String, ClassFacts> classes) {
        List<Archive.ClassFile> others = new ArrayList<>();
        for (Archive.ClassFile file : archive.versionFiles()) {
            if (Archive.isClassEntry(file.entry())) {
                others.add(file);
            }
        }
        if (others.isEmpty()) {
            return;
        }
        Map<String, List<ClassFacts>> byName = new LinkedHashMap<>();
        for (ClassFacts facts : AllClasses.read(others)) {
            byName.computeIfAbsent(facts.name(), n -> new ArrayList<>()).add(facts);
        }
        byName.forEach((name, versions) -> classes.computeIfPresent(name, (n, judged) -> Versions.common(judged, versions)));
    }

    /**
     * The named classes, the classes the queries select (from class headers when they need them), the
     * references and the integrity facts asked for. Class-path archives opened for headers and references
     * are shared and closed at the end.
     */
    private ModuleFacts inspectNamed(Path target, String label, Archive archive, IdentityReader.Result identity,
                                     Set<String> entries, ClassSelection.Named named) {
        try (ClassPathArchives opened = new ClassPathArchives(classpath, this::label, release);
             ClassPathArchives own = new ClassPathArchives(libraries, this::label, release)) {
            List<Object> sections = new ArrayList<>();
            sections.add(new MultiRelease(archive.multiRelease(), release));
            // in name order: the set's own order differs between JVMs, and so would the first error of a corrupt JAR
            Set<String> names = new LinkedHashSet<>(new java.util.TreeSet<>(named.names()));
            Map<String, ClassFileFormat> checked = Map.of();
            Map<String, Archive.ClassFile> unread = Map.of();
            Optional<ClassHeaders> headers = Optional.empty();
            if (!named.queries().isEmpty()) {
                if (named.needsHeaders()) {
                    HeaderInspection.Read read = HeaderInspection.read(archive, opened, own, named.queries());
                    headers = Optional.of(read.headers());
                    checked = read.checked();
                    unread = read.unread();
                    sections.add(headers.get());
                }
                List<String> classNames = null; // listed only for a selection by name alone: provides needs none
                for (ClassQuery query : named.queries()) {
                    if (classNames == null && query.provides().isEmpty() && headers.isEmpty()) {
                        classNames = HeaderInspection.classNames(archive);
                        sections.add(new ClassNameList(new ArrayList<>(new java.util.TreeSet<>(classNames))));
                    }
                    names.addAll(Selections.select(query, identity.services(), classNames == null ? List.of() : classNames,
                            headers).selected());
                }
            }
            named.references().ifPresent(query -> sections.add(ReferenceCheck.run(archive, opened, own, query)));
            if (named.needsIntegrity()) {
                sections.add(JarIntegrity.read(target, named.digests(), named.signatures(), label));
            }
            Map<String, ClassFacts> classes;
            Set<String> unresolved;
            try (ClassResolver resolver = new ClassResolver(archive, classpath, libraries, this::label, onRead, new Signatures.Cache(), release,
                    tellShadowed)) {
                // the selected classes' supertypes in the module too: resolve would read them one by one, after
                resolver.preread(headers.isPresent() ? withSupertypes(names, headers.get()) : names, checked, unread);
                resolver.resolve(names);
                classes = resolver.classes();
                unresolved = resolver.unresolved();
                resolver.versions().ifPresent(sections::add);
                resolver.shadowed().ifPresent(sections::add);
            }
            return new ModuleFacts(label, identity.identity(), identity.manifest(), identity.services(), entries,
                    classes, unresolved, sections);
        }
    }
}
