package io.importspy.validate;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.java.JavaType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The supertypes of one class as far as the inspected facts reach: the superclass chain, then every
 * interface (transitively), and the names of supertypes whose facts were not read (unresolved). Each
 * supertype also carries its type arguments as the checked class sees them: {@code class Names extends
 * ArrayList<String>} reaches {@code Iterable<String>}, substituting {@code E} at every step
 * ({@code ArrayList<E> implements List<E>}, {@code List<E> extends Collection<E>}, ...).
 * {@code java.lang.Object} ends a chain even when its facts were not read.
 */
final class Hierarchy {
    private static final String OBJECT = "java.lang.Object";
    /** How many method names a check finds by scanning a class's methods before it indexes them by name. */
    private static final int SCANNED_NAMES = 4;

    private final List<String> superclassNames;
    private final Optional<String> chainBreak;
    private final List<ClassFacts> superclasses;
    private final List<String> interfaceNames;
    private final List<ClassFacts> interfaces;
    private final List<String> unresolved;
    private final Map<String, Reached> reached;
    /** Each class's methods by name, made on first use (a hierarchy serves one class's check, on one thread). */
    private final Map<ClassFacts, Map<String, List<MethodFacts>>> methodsByName = new IdentityHashMap<>();
    /** The checked class's methods of each name, declared and inherited, found once a name. */
    private final Map<String, List<MethodFacts>> overloads = new HashMap<>();

    private Hierarchy(List<String> superclassNames, Optional<String> chainBreak, List<ClassFacts> superclasses,
                      List<String> interfaceNames, List<ClassFacts> interfaces, List<String> unresolved,
                      Map<String, Reached> reached) {
        this.superclassNames = superclassNames;
        this.chainBreak = chainBreak;
        this.superclasses = superclasses;
        this.interfaceNames = interfaceNames;
        this.interfaces = interfaces;
        this.unresolved = unresolved;
        this.reached = reached;
    }

    /** Walks the supertypes of {@code start} through {@code module}'s facts. */
    static Hierarchy of(ClassFacts start, ModuleFacts module) {
        Set<String> seen = new HashSet<>();
        seen.add(start.name());
        List<String> superclassNames = new ArrayList<>();
        List<ClassFacts> superclasses = new ArrayList<>();
        Map<String, Reached> reached = new HashMap<>();
        Deque<Declared> queue = new ArrayDeque<>();
        start.genericInterfaces().forEach(i -> queue.add(new Declared(i, Bindings.start())));
        Optional<String> chainBreak = Optional.empty();
        ClassFacts current = start;
        Bindings bindings = Bindings.start();
        while (current.superclass().isPresent() && seen.add(current.superclass().get())) {
            String name = current.superclass().get();
            superclassNames.add(name);
            Reached superclass = Reached.of(current.genericSuperclass().orElseThrow(), bindings);
            reached.put(name, superclass);
            Optional<ClassFacts> facts = module.anyClass(name);
            if (facts.isEmpty()) {
                chainBreak = OBJECT.equals(name) ? Optional.empty() : Optional.of(name);
                break;
            }
            superclasses.add(facts.get());
            current = facts.get();
            bindings = superclass.bindingsOf(current);
            for (JavaType iface : current.genericInterfaces()) {
                queue.add(new Declared(iface, bindings));
            }
        }
        List<String> unresolved = new ArrayList<>();
        chainBreak.ifPresent(unresolved::add);
        List<String> interfaceNames = new ArrayList<>();
        List<ClassFacts> interfaces = new ArrayList<>();
        while (!queue.isEmpty()) {
            Declared declared = queue.poll();
            String name = declared.type().name();
            if (!seen.add(name)) {
                continue;
            }
            interfaceNames.add(name);
            Reached iface = Reached.of(declared.type(), declared.bindings());
            reached.put(name, iface);
            Optional<ClassFacts> facts = module.anyClass(name);
            if (facts.isEmpty()) {
                unresolved.add(name);
            } else {
                interfaces.add(facts.get());
                Bindings ifaceBindings = iface.bindingsOf(facts.get());
                facts.get().genericInterfaces().forEach(i -> queue.add(new Declared(i, ifaceBindings)));
            }
        }
        return new Hierarchy(List.copyOf(superclassNames), chainBreak, List.copyOf(superclasses),
                List.copyOf(interfaceNames), List.copyOf(interfaces), List.copyOf(unresolved), Map.copyOf(reached));
    }

    /** A supertype as a class declares it, with the bindings of that class's type parameters. */
    private record Declared(JavaType type, Bindings bindings) {
    }

    /**
     * A supertype as the checked class sees it: its type arguments with every type variable of the classes
     * in between substituted; or why those arguments are unknown.
     */
    record Reached(Optional<JavaType> type, Optional<String> unknown) {
        static Reached of(JavaType declared, Bindings bindings) {
            return bindings.unknown().isPresent() ? new Reached(Optional.empty(), bindings.unknown())
                    : new Reached(Optional.of(bindings.apply(declared)), Optional.empty());
        }

        /** The bindings of the type parameters of {@code facts}, the class this supertype names. */
        Bindings bindingsOf(ClassFacts facts) {
            return type.map(t -> Bindings.of(facts, t)).orElseGet(() -> Bindings.unknown(unknown.orElseThrow()));
        }
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

    /** Facts of the superclasses that were read, nearest first. */
    List<ClassFacts> superclasses() {
        return superclasses;
    }

    /** Facts of the supertypes that were read: superclasses nearest first, then interfaces. */
    List<ClassFacts> supertypes() {
        List<ClassFacts> all = new ArrayList<>(superclasses);
        all.addAll(interfaces);
        return all;
    }

    /** Whether {@code facts} is one of the interfaces of the hierarchy. */
    boolean isInterface(ClassFacts facts) {
        for (ClassFacts candidate : interfaces) {
            if (candidate == facts || candidate.name().equals(facts.name())) { // by name: records compare deeply
                return true;
            }
        }
        return false;
    }

    /**
     * The supertype named {@code name} (one of {@link #superclassNames()} or {@link #interfaceNames()}) with
     * the type arguments the checked class gives it.
     */
    Reached reached(String name) {
        Reached found = reached.get(name);
        if (found == null) {
            throw new IllegalArgumentException(name + " is not a supertype in this hierarchy");
        }
        return found;
    }

    /**
     * The bindings of the type parameters of {@code supertype} (one of {@link #supertypes()}) as the checked
     * class sees them, to view its inherited members with.
     */
    Bindings bindingsOf(ClassFacts supertype) {
        return reached(supertype.name()).bindingsOf(supertype);
    }

    /**
     * The methods that {@code owner} (the checked class or one of its supertypes) declares named {@code name}, in
     * their order. The first {@value #SCANNED_NAMES} names a check asks for are found by a scan of the methods
     * (a contract names few methods of most classes, and an index of every method costs more than a few scans);
     * from then on (a contract of a class's every method asks for each name once) the class's methods are indexed
     * once, not scanned once a name.
     */
    List<MethodFacts> methodsNamed(ClassFacts owner, String name) {
        if (overloads.size() < SCANNED_NAMES) {
            List<MethodFacts> found = List.of();
            for (MethodFacts method : owner.methods()) {
                if (method.name().equals(name)) {
                    if (found.isEmpty()) {
                        found = new ArrayList<>(1);
                    }
                    found.add(method);
                }
            }
            return found;
        }
        Map<String, List<MethodFacts>> byName = methodsByName.get(owner);
        if (byName == null) {
            byName = new HashMap<>();
            for (MethodFacts method : owner.methods()) {
                byName.computeIfAbsent(method.name(), n -> new ArrayList<>(1)).add(method);
            }
            methodsByName.put(owner, byName);
        }
        return byName.getOrDefault(name, List.of());
    }

    /**
     * The methods of the checked class named {@code name}, as {@code find} finds them the first time a name is
     * asked for: a contract that lists a name's every overload asks for it once an overload.
     */
    List<MethodFacts> overloads(String name, java.util.function.Function<String, List<MethodFacts>> find) {
        List<MethodFacts> found = overloads.get(name);
        if (found == null) {
            found = List.copyOf(find.apply(name));
            overloads.put(name, found);
        }
        return found;
    }

    /** Every supertype that was needed but not read, in the order met. */
    List<String> unresolved() {
        return unresolved;
    }
}
