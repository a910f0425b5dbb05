package io.importspy.internal.inspect;

import io.importspy.internal.inspect.ReferenceFacts.Breach;
import io.importspy.internal.inspect.ReferenceFacts.Reference;
import io.importspy.internal.java.ReferencePattern;
import org.objectweb.asm.Type;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks every class of a module against a {@link ReferenceQuery} in three passes: a scan of each class
 * file's constant pool and declarations ({@link ClassScan}); a verdict on each distinct referenced type
 * and member, a member resolved to its declaring class by {@link MemberResolver} only when some pattern
 * could tell its owner's hierarchy apart; and, only for the classes with a reported reference, a full read
 * of their code to say in which method and on which line each reference is made ({@link ReferenceLocator}).
 * The first two passes run on several threads ({@link AllClasses}); the verdicts are shared.
 */
final class ReferenceCheck {
    private static final String OBJECT = "java/lang/Object";

    private final ReferenceQuery query;
    private final TypeCandidates candidates;
    private final Map<String, ClassMembers> module;
    private final MemberResolver resolver;
    private final Set<String> forbiddenMembers = new HashSet<>();
    private final boolean forbidsClasses;
    private final Map<String, Optional<Breach>> typeVerdicts = new ConcurrentHashMap<>();
    private final Map<ClassScan.MemberUse, Verdict> memberVerdicts = new ConcurrentHashMap<>();
    private final Map<String, Lineage> lineages = new ConcurrentHashMap<>();

    /** A member reference's verdict: why it is reported (null: it is not), and what it resolved to. */
    private record Verdict(Breach breach, String declaring, String missing) {
        static final Verdict FINE = new Verdict(null, null, null);
    }

    /**
     * What the patterns make of a class and all its supertypes: whether a forbidden class is among them,
     * whether all of them are allowed with all their members, and whether all were found.
     */
    private record Lineage(boolean forbidden, boolean allAllowed, boolean complete) {
    }

    private ReferenceCheck(ReferenceQuery query, TypeCandidates candidates, Map<String, ClassMembers> module,
                           MemberResolver resolver) {
        this.query = query;
        this.candidates = candidates;
        this.module = module;
        this.resolver = resolver;
        boolean classes = false;
        for (ReferencePattern pattern : query.forbid()) {
            pattern.member().ifPresent(forbiddenMembers::add);
            classes |= !pattern.isMember();
        }
        this.forbidsClasses = classes;
    }

    static ReferenceFacts run(Archive archive, ClassPathArchives classpath, ClassPathArchives libraries,
                             ReferenceQuery query) {
        // every class file the Java it is read for may load; when that Java is unknown, in a multi-release JAR each
        // version of a class, not only this Java's
        List<Archive.ClassFile> files = new ArrayList<>(archive.classFiles());
        files.addAll(archive.versionFiles());
        TypeCandidates candidates = new TypeCandidates(query);
        List<ClassScan.Result> scans = AllClasses.map(files, new Supplier<Function<Archive.ClassFile, ClassScan.Result>>() {
            @Override
            public Function<Archive.ClassFile, ClassScan.Result> get() {
                Descriptors descriptors = new Descriptors(candidates); // one per thread
                return new Function<>() {
                    @Override
                    public ClassScan.Result apply(Archive.ClassFile file) {
                        return ClassScan.scan(file.read(), file.where(), file.entry(), descriptors, true);
                    }
                };
            }
        });
        // each class file is checked with the versions of the other classes that a Java which loads it loads too:
        // a reference resolves through the supertypes of that Java's versions (one Java, when read for one)
        List<Map<String, ClassMembers>> views = views(files, scans);
        List<ReferenceCheck> checks = new ArrayList<>();
        for (Map<String, ClassMembers> view : views) {
            checks.add(new ReferenceCheck(query, candidates, view, new MemberResolver(view, classpath, libraries)));
        }
        List<Integer> indexes = new ArrayList<>(scans.size());
        for (int i = 0; i < scans.size(); i++) {
            indexes.add(i);
        }
        List<List<Reference>> found = AllClasses.map(indexes, new Supplier<Function<Integer, List<Reference>>>() {
            @Override
            public Function<Integer, List<Reference>> get() {
                return new Function<>() {
                    @Override
                    public List<Reference> apply(Integer index) {
                        ClassMembers members = scans.get(index).members();
                        java.util.LinkedHashSet<Reference> references = new java.util.LinkedHashSet<>();
                        for (int v = 0; v < views.size(); v++) {
                            if (views.get(v).get(members.name()) == members) {
                                references.addAll(checks.get(v).check(files.get(index), scans.get(index)));
                            }
                        }
                        return new ArrayList<>(references);
                    }
                };
            }
        });
        List<Reference> references = new ArrayList<>();
        for (List<Reference> some : found) {
            references.addAll(some);
        }
        return new ReferenceFacts(references, files.size());
    }

    /**
     * The classes of the module as each Java that loads another set of their versions loads them, by internal name:
     * one view when the module is read for one Java (the first file of each name, the one that Java loads); for
     * every Java, the view of Java 8 (the base entries) and of each Java a version directory is for (the highest
     * version not above it, else the base entry; a class no entry of which that Java loads, by its lowest version).
     */
    private static List<Map<String, ClassMembers>> views(List<Archive.ClassFile> files, List<ClassScan.Result> scans) {
        int[] ranks = new int[files.size()];
        java.util.TreeSet<Integer> releases = new java.util.TreeSet<>();
        for (int i = 0; i < files.size(); i++) {
            Archive.ClassFile file = files.get(i);
            // a class under META-INF/versions/ that declares its own path is no version of another
            ranks[i] = file.entry().startsWith("META-INF/versions/") ? 0 : ClassVersions.rank(file.where());
            if (ranks[i] > 0) {
                releases.add(Math.max(9, ranks[i]));
            }
        }
        Map<String, ClassMembers> first = new HashMap<>();
        for (ClassScan.Result scan : scans) {
            first.putIfAbsent(scan.members().name(), scan.members());
        }
        boolean versioned = false;
        Map<String, Integer> seen = new HashMap<>();
        for (ClassScan.Result scan : scans) {
            versioned |= seen.merge(scan.members().name(), 1, Integer::sum) > 1;
        }
        if (!versioned) {
            return List.of(first);
        }
        releases.add(8);
        List<Map<String, ClassMembers>> views = new ArrayList<>();
        for (int release : releases) {
            Map<String, Integer> chosen = new HashMap<>();
            for (int i = 0; i < scans.size(); i++) {
                String name = scans.get(i).members().name();
                Integer sofar = chosen.get(name);
                if (sofar == null || better(ranks[i], ranks[sofar], release)) {
                    chosen.put(name, i);
                }
            }
            Map<String, ClassMembers> view = new HashMap<>();
            chosen.forEach((name, i) -> view.put(name, scans.get(i).members()));
            views.add(view);
        }
        return views;
    }

    /** Whether the version of rank {@code rank} (0: the base entry) is what Java {@code release} loads rather than the one of rank {@code than}. */
    private static boolean better(int rank, int than, int release) {
        boolean loaded = release <= 8 ? rank == 0 : rank <= release;
        boolean thanLoaded = release <= 8 ? than == 0 : than <= release;
        if (loaded != thanLoaded) {
            return loaded;
        }
        return loaded ? rank > than : rank < than;
    }

    private List<Reference> check(Archive.ClassFile file, ClassScan.Result scan) {
        Map<String, Breach> types = new LinkedHashMap<>();
        for (String type : scan.types()) {
            Optional<Breach> breach = typeVerdict(type);
            if (breach.isPresent()) {
                types.put(type, breach.get());
            }
        }
        Map<String, Verdict> members = new LinkedHashMap<>();
        Map<String, ClassScan.MemberUse> unresolved = new LinkedHashMap<>();
        for (ClassScan.MemberUse use : scan.uses()) {
            if (plainlyFine(use)) {
                continue;
            }
            Verdict verdict = memberVerdict(use);
            if (verdict.breach() == Breach.UNRESOLVED) {
                unresolved.putIfAbsent(verdict.missing(), use);
            } else if (verdict.breach() != null) {
                members.put(ReferenceLocator.key(use.owner(), use.name(), use.descriptor()), verdict);
            }
        }
        if (types.isEmpty() && members.isEmpty() && unresolved.isEmpty()) {
            return List.of();
        }
        List<Reference> out = new ArrayList<>();
        String fromClass = Signatures.binaryName(scan.members().name());
        Optional<String> source = Optional.ofNullable(scan.sourceFile());
        if (!types.isEmpty() || !members.isEmpty()) {
            for (ReferenceLocator.Site site : ReferenceLocator.locate(file, types.keySet(), members.keySet()).values()) {
                if (site.member()) {
                    Verdict verdict = members.get(site.target());
                    out.add(memberReference(verdict.breach(), fromClass, site.from(), source, site.line(),
                            Signatures.binaryName(verdict.declaring()), ReferenceLocator.parseKey(site.target())));
                } else {
                    out.add(new Reference(types.get(site.target()), fromClass, site.from(), source, site.line(),
                            Signatures.binaryName(site.target()), Optional.empty(), List.of(), false, Optional.empty()));
                }
            }
        }
        unresolved.forEach((missing, use) -> out.add(memberReference(Breach.UNRESOLVED, fromClass, Optional.empty(),
                source, OptionalInt.empty(), Signatures.binaryName(use.owner()), use)
                .withMissing(Signatures.binaryName(missing))));
        return out;
    }

    private static Reference memberReference(Breach breach, String fromClass, Optional<String> from,
                                             Optional<String> source, OptionalInt line, String targetClass,
                                             ClassScan.MemberUse use) {
        return new Reference(breach, fromClass, from, source, line, targetClass, Optional.of(use.name()),
                parameters(use), use.field(), Optional.empty());
    }

    private static List<String> parameters(ClassScan.MemberUse use) {
        if (use.field()) {
            return List.of();
        }
        Type[] arguments = Type.getArgumentTypes(use.descriptor());
        List<String> names = new ArrayList<>(arguments.length);
        for (Type argument : arguments) {
            names.add(argument.getClassName());
        }
        return names;
    }

    /** Empty when the type may be referenced. */
    private Optional<Breach> typeVerdict(String internalName) {
        Optional<Breach> known = typeVerdicts.get(internalName);
        if (known != null) {
            return known;
        }
        Breach breach = null;
        if (candidates.forbidden(internalName)) {
            breach = Breach.FORBIDDEN;
        } else if (query.allow().isPresent() && candidates.outsideAllow(internalName)
                && !module.containsKey(internalName)) {
            breach = Breach.NOT_ALLOWED;
        }
        Optional<Breach> verdict = Optional.ofNullable(breach);
        typeVerdicts.put(internalName, verdict);
        return verdict;
    }

    private Verdict memberVerdict(ClassScan.MemberUse use) {
        Verdict known = memberVerdicts.get(use);
        if (known != null) {
            return known;
        }
        Verdict verdict = decide(use);
        memberVerdicts.put(use, verdict);
        return verdict;
    }

    /**
     * Whether a member reference is fine without resolving it: no {@code allow} list, a class owner (not an array),
     * a name no forbidden member has, and no forbidden class among the owner and its supertypes. The first test of
     * {@link #decide}, made without building or looking up the reference's verdict: most references pass it.
     */
    private boolean plainlyFine(ClassScan.MemberUse use) {
        return query.allow().isEmpty() && !use.owner().startsWith("[") && !forbiddenMembers.contains(use.name())
                && (!forbidsClasses || !lineage(use.owner()).forbidden());
    }

    private Verdict decide(ClassScan.MemberUse use) {
        if (!use.owner().startsWith("[")) {
            Lineage lineage = lineage(use.owner());
            boolean forbidMatters = lineage.forbidden() || forbiddenMembers.contains(use.name());
            boolean allowMatters = query.allow().isPresent() && !(lineage.allAllowed() && lineage.complete());
            if (!forbidMatters && !allowMatters) {
                return Verdict.FINE;
            }
        }
        MemberResolver.Resolved resolved = resolver.resolve(use);
        if (resolved.declaring().isEmpty()) {
            boolean matters = query.allow().isPresent() || forbiddenMembers.contains(use.name());
            return new Verdict(matters ? Breach.UNRESOLVED : null, use.owner(), resolved.missing().orElseThrow());
        }
        String declaring = resolved.declaring().get();
        return new Verdict(memberBreach(declaring, use), declaring, null);
    }

    /** The lineage of {@code owner}: itself and every supertype, as far as they are found. */
    private Lineage lineage(String owner) {
        Lineage known = lineages.get(owner);
        if (known != null) {
            return known;
        }
        boolean forbidden = false;
        boolean allAllowed = true;
        boolean complete = true;
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(owner);
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (!seen.add(name)) {
                continue;
            }
            Lineage judged = name.equals(owner) ? null : lineages.get(name);
            if (judged != null) { // a supertype judged before, with all of its own supertypes
                forbidden |= judged.forbidden();
                allAllowed &= judged.allAllowed();
                complete &= judged.complete();
                continue;
            }
            forbidden |= forbidsClasses && candidates.forbidden(name);
            if (allAllowed && query.allow().isPresent() && !module.containsKey(name) && !OBJECT.equals(name)) {
                String binary = Signatures.binaryName(name);
                allAllowed = query.allow().get().stream().anyMatch(p -> p.matchesClass(binary));
            }
            Optional<ClassMembers> members = resolver.members(name);
            if (members.isEmpty()) {
                complete = false;
                continue;
            }
            if (members.get().superName() != null) {
                queue.add(members.get().superName());
            }
            for (String iface : members.get().interfaces()) {
                queue.add(iface);
            }
        }
        Lineage lineage = new Lineage(forbidden, allAllowed, complete);
        lineages.put(owner, lineage);
        return lineage;
    }

    private Breach memberBreach(String declaring, ClassScan.MemberUse use) {
        String name = Signatures.binaryName(declaring);
        List<String> parameters = null;
        for (ReferencePattern pattern : query.forbid()) {
            if (!pattern.matchesOwner(name)) {
                continue;
            }
            if (parameters == null) {
                parameters = parameters(use);
            }
            if (use.field() ? pattern.matchesField(name, use.name())
                    : pattern.matchesMember(name, use.name(), parameters)) {
                return Breach.FORBIDDEN;
            }
        }
        if (query.allow().isEmpty() || module.containsKey(declaring) || OBJECT.equals(declaring)) {
            return null;
        }
        for (ReferencePattern pattern : query.allow().get()) {
            if (!pattern.matchesOwner(name)) {
                continue;
            }
            if (parameters == null) {
                parameters = parameters(use);
            }
            if (use.field() ? pattern.matchesField(name, use.name())
                    : pattern.matchesMember(name, use.name(), parameters)) {
                return null;
            }
        }
        return Breach.NOT_ALLOWED;
    }
}
