package io.importspy.internal.inspect;

import io.importspy.API;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * Evaluates a {@link ClassQuery} over a module: {@code provides} from its service declarations, {@code name}
 * from its entry names, the other keys from class headers ({@link ClassHeaders}), walking supertypes as far
 * as they were read. A pure function of the facts.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Selections {
    private static final String INHERITED = "java.lang.annotation.Inherited";

    private Selections() {
    }

    /**
     * The result of one query.
     *
     * @param selected    binary names of the selected classes, in archive order (providers in service-file order)
     * @param undetermined classes whose selection could not be decided, because a supertype was not found
     * @param missing     the supertypes that were not found
     */
    public record Selection(List<String> selected, List<String> undetermined, List<String> missing) {
        public Selection {
            selected = List.copyOf(selected);
            undetermined = List.copyOf(undetermined);
            missing = List.copyOf(missing);
        }
    }

    /**
     * The classes of a module that {@code query} selects.
     *
     * @param services   the module's services (provider lists), for {@code provides}
     * @param classNames binary names of every class of the module, for {@code name} alone
     * @param headers    the module's headers; needed when {@link ClassQuery#needsHeaders()}
     */
    public static Selection select(ClassQuery query, Map<String, List<String>> services, List<String> classNames,
                                   Optional<ClassHeaders> headers) {
        Objects.requireNonNull(query, "query");
        List<String> candidates;
        if (query.provides().isPresent()) {
            Set<String> providers = new LinkedHashSet<>();
            services.forEach((service, listed) -> {
                if (ClassQuery.sameClass(query.provides().get(), service)) {
                    providers.addAll(listed);
                }
            });
            candidates = new ArrayList<>(providers);
        } else {
            candidates = headers.map(h -> (List<String>) new ArrayList<>(h.module().keySet())).orElse(classNames);
        }
        if (query.name().isPresent()) {
            candidates = candidates.stream().filter(query.name().get()::matches).toList();
        }
        if (!query.needsHeaders()) {
            return new Selection(candidates, List.of(), List.of());
        }
        ClassHeaders known = headers.orElseThrow(() -> new IllegalArgumentException(
                "selecting by kind, modifiers, supertype or annotation needs the module's class headers"));
        List<String> selected = new ArrayList<>();
        List<String> undetermined = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        // whether the annotation is @Inherited: looked up once per query, not once per candidate
        boolean inherited = query.annotated().flatMap(known::named).map(a -> a.annotations().contains(INHERITED))
                .orElse(false);
        for (String name : candidates) {
            ClassHeader header = known.module().get(name);
            if (header == null) {
                if (query.provides().isPresent()) {
                    selected.add(name); // a listed provider the module lacks: its rules report it missing
                }
                continue;
            }
            if (query.kind().isPresent() && header.kind() != query.kind().get()
                    || !header.modifiers().containsAll(query.modifiers())) {
                continue;
            }
            Optional<Boolean> matches = matchesHierarchy(known, header, query, inherited, missing);
            if (matches.isEmpty()) {
                undetermined.add(name);
            } else if (matches.get()) {
                selected.add(name);
            }
        }
        return new Selection(selected, undetermined, new ArrayList<>(missing));
    }

    /** Whether the supertype and annotation keys hold; empty when a supertype needed to tell was not found. */
    private static Optional<Boolean> matchesHierarchy(ClassHeaders known, ClassHeader start, ClassQuery query,
                                                      boolean inherited, Set<String> missing) {
        boolean extended = query.extended().isEmpty();
        boolean implemented = query.implemented().isEmpty();
        boolean annotated = query.annotated().isEmpty();
        if (!annotated && start.annotations().stream().anyMatch(a -> ClassQuery.sameClass(query.annotated().get(), a))) {
            annotated = true;
        }
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        List<String> broken = new ArrayList<>();
        // superclass chain first: extends and inherited annotations follow it alone
        ClassHeader current = start;
        while (current.superclass().isPresent() && seen.add(current.superclass().get())) {
            String name = current.superclass().get();
            queue.addAll(current.interfaces());
            if (!extended && ClassQuery.sameClass(query.extended().get(), name)) {
                extended = true;
            }
            Optional<ClassHeader> next = known.any(name);
            if (next.isEmpty()) {
                if (!"java.lang.Object".equals(name)) {
                    broken.add(name);
                }
                break;
            }
            current = next.get();
            if (!annotated && inherited && current.annotations().stream()
                    .anyMatch(a -> ClassQuery.sameClass(query.annotated().get(), a))) {
                annotated = true;
            }
        }
        queue.addAll(current.interfaces());
        while (!implemented && !queue.isEmpty()) {
            String name = queue.poll();
            if (!seen.add(name)) {
                continue;
            }
            if (ClassQuery.sameClass(query.implemented().get(), name)) {
                implemented = true;
                break;
            }
            Optional<ClassHeader> next = known.any(name);
            if (next.isEmpty()) {
                broken.add(name);
            } else {
                queue.addAll(next.get().interfaces());
            }
        }
        if (extended && implemented && annotated) {
            return Optional.of(true);
        }
        if (broken.isEmpty()) {
            return Optional.of(false);
        }
        missing.addAll(broken);
        return Optional.empty();
    }
}
