package io.importspy.validate;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.Origin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The supertypes of one class as far as the inspected facts reach: the superclass chain, then every
 * interface (transitively), and the names of supertypes whose facts were not read (unresolved).
 * {@code java.lang.Object} ends a chain even when its facts were not read.
 */
final class Hierarchy {
    private static final String OBJECT = "java.lang.Object";

    private final List<String> superclassNames;
    private final Optional<String> chainBreak;
    private final List<ClassFacts> superclasses;
    private final List<String> interfaceNames;
    private final List<ClassFacts> interfaces;
    private final List<String> unresolved;

    private Hierarchy(List<String> superclassNames, Optional<String> chainBreak, List<ClassFacts> superclasses,
                      List<String> interfaceNames, List<ClassFacts> interfaces, List<String> unresolved) {
        this.superclassNames = superclassNames;
        this.chainBreak = chainBreak;
        this.superclasses = superclasses;
        this.interfaceNames = interfaceNames;
        this.interfaces = interfaces;
        this.unresolved = unresolved;
    }

    /** Walks the supertypes of {@code start} through {@code module}'s facts. */
    static Hierarchy of(ClassFacts start, ModuleFacts module) {
        Set<String> seen = new HashSet<>();
        seen.add(start.name());
        List<String> superclassNames = new ArrayList<>();
        List<ClassFacts> superclasses = new ArrayList<>();
        Optional<String> chainBreak = Optional.empty();
        ClassFacts current = start;
        while (current.superclass().isPresent() && seen.add(current.superclass().get())) {
            String name = current.superclass().get();
            superclassNames.add(name);
            Optional<ClassFacts> facts = module.anyClass(name);
            if (facts.isEmpty()) {
                chainBreak = OBJECT.equals(name) ? Optional.empty() : Optional.of(name);
                break;
            }
            superclasses.add(facts.get());
            current = facts.get();
        }
        List<String> unresolved = new ArrayList<>();
        chainBreak.ifPresent(unresolved::add);
        Deque<String> queue = new ArrayDeque<>(start.interfaces());
        superclasses.forEach(s -> queue.addAll(s.interfaces()));
        List<String> interfaceNames = new ArrayList<>();
        List<ClassFacts> interfaces = new ArrayList<>();
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (!seen.add(name)) {
                continue;
            }
            interfaceNames.add(name);
            Optional<ClassFacts> facts = module.anyClass(name);
            if (facts.isEmpty()) {
                unresolved.add(name);
            } else {
                interfaces.add(facts.get());
                queue.addAll(facts.get().interfaces());
            }
        }
        return new Hierarchy(List.copyOf(superclassNames), chainBreak, List.copyOf(superclasses),
                List.copyOf(interfaceNames), List.copyOf(interfaces), List.copyOf(unresolved));
    }

    /** The class of the module (origin TARGET or LIVE) named {@code name}, {@code $} and {@code .} alike. */
    static Optional<ClassFacts> moduleClass(ModuleFacts module, String name) {
        Optional<ClassFacts> direct = module.moduleClass(name);
        if (direct.isPresent()) {
            return direct;
        }
        String normalized = TypeMatcher.normalize(name);
        return module.classes().values().stream()
                .filter(c -> c.origin() == Origin.TARGET || c.origin() == Origin.LIVE)
                .filter(c -> TypeMatcher.normalize(c.name()).equals(normalized))
                .findFirst();
    }

    /** Names of the superclass chain, nearest first, including an unresolved last link. */
    List<String> superclassNames() {
        return superclassNames;
    }

    /** The superclass that could not be read, when the chain breaks before {@code java.lang.Object}. */
    Optional<String> chainBreak() {
        return chainBreak;
    }

    /** Names of every interface in the hierarchy, including unresolved ones. */
    List<String> interfaceNames() {
        return interfaceNames;
    }

    /** Facts of the supertypes that were read: superclasses nearest first, then interfaces. */
    List<ClassFacts> supertypes() {
        List<ClassFacts> all = new ArrayList<>(superclasses);
        all.addAll(interfaces);
        return all;
    }

    /** Whether {@code facts} is one of the interfaces of the hierarchy. */
    boolean isInterface(ClassFacts facts) {
        return interfaces.contains(facts);
    }

    /** Every supertype that was needed but not read, in the order met. */
    List<String> unresolved() {
        return unresolved;
    }
}
