package io.importspy.internal.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which classes a selection by interface ({@code implements}) will take, as far as a header read can tell while it
 * reads the class's head: a direct supertype that is the interface, a JDK class of a {@code java.*} or
 * {@code javax.*} boot-layer package (which no class path or module shadows) that has it among its supertypes, or
 * a class of the module already read and found to have it. The header read then reads such a class whole at once,
 * rather than its head now and all of it again once the selection is made. It is a forecast of what to read, never
 * of what is selected: a class it names that the selection does not take costs one read, a class it misses is
 * read after the selection, and the facts and errors are the same either way. Safe for the threads of one header
 * read.
 */
final class SelectionForecast {
    /** One forecast per query it can make one for. */
    private final List<Forecast> forecasts;

    private SelectionForecast(List<Forecast> forecasts) {
        this.forecasts = forecasts;
    }

    /**
     * The forecast for {@code queries}: of those by interface alone (with a kind or a name glob, which the head
     * tells); empty when there is none.
     */
    static Optional<SelectionForecast> of(List<ClassQuery> queries) {
        List<Forecast> forecasts = new ArrayList<>();
        for (ClassQuery query : queries) {
            if (query.implemented().isPresent() && query.provides().isEmpty() && query.extended().isEmpty()
                    && query.annotated().isEmpty() && query.modifiers().isEmpty()) {
                forecasts.add(new Forecast(query));
            }
        }
        return forecasts.isEmpty() ? Optional.empty() : Optional.of(new SelectionForecast(forecasts));
    }

    /**
     * Whether a query is likely to select the module's class of {@code header} (read from its head); also records,
     * for the classes read after it, whether it has the interface.
     */
    boolean likelySelected(ClassHeader header) {
        boolean likely = false;
        for (Forecast forecast : forecasts) {
            likely |= forecast.likelySelected(header);
        }
        return likely;
    }

    /** The forecast of one query. */
    private static final class Forecast {
        private final ClassQuery query;
        private final String target;
        /** The module's classes read so far that have the interface, by binary name. */
        private final Set<String> implementing = ConcurrentHashMap.newKeySet();
        /** Per JDK class looked at, whether it has the interface. */
        private final Map<String, Boolean> jdk = new ConcurrentHashMap<>();

        Forecast(ClassQuery query) {
            this.query = query;
            this.target = query.implemented().orElseThrow();
        }

        boolean likelySelected(ClassHeader header) {
            boolean implemented = header.superclass().isPresent() && reaches(header.superclass().get());
            for (String name : header.interfaces()) {
                implemented = implemented || reaches(name);
            }
            if (!implemented) {
                return false;
            }
            implementing.add(header.name());
            return (query.kind().isEmpty() || query.kind().get() == header.kind())
                    && (query.name().isEmpty() || query.name().get().matches(header.name()));
        }

        /** Whether direct supertype {@code name} is, or is known to have, the interface. */
        private boolean reaches(String name) {
            // only java.* and javax.* are looked up in the JDK: the others of its boot packages rarely have it
            return ClassQuery.sameClass(target, name) || implementing.contains(name)
                    || name.startsWith("java") && jdkReaches(name, 0);
        }

        /** Whether {@code name} is a JDK class of a boot-layer package with the interface among its supertypes. */
        private boolean jdkReaches(String name, int depth) {
            if (ClassQuery.sameClass(target, name)) {
                return true;
            }
            Boolean known = jdk.get(name);
            if (known != null) {
                return known;
            }
            boolean reaches = false;
            // a class elsewhere than the JDK's boot packages may be shadowed; a hierarchy this deep is no JDK's
            Optional<ClassHeader> header = depth > 64 ? Optional.empty() : HeaderInspection.jdkHeader(name);
            if (header.isPresent()) {
                Optional<String> superclass = header.get().superclass();
                reaches = superclass.isPresent() && jdkReaches(superclass.get(), depth + 1);
                for (String supertype : header.get().interfaces()) {
                    reaches = reaches || jdkReaches(supertype, depth + 1);
                }
            }
            jdk.put(name, reaches);
            return reaches;
        }
    }
}
