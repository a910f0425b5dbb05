package io.importspy.contract;

import io.importspy.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;
import static io.importspy.API.Status.STABLE;

/**
 * A parsed import contract: the minimum a module and its runtime must satisfy, as the sections the
 * contract declares (the module's identity, its classes, its deployments, and whatever a later format or
 * an extension adds). Read one with {@link io.importspy.Spy#contract}; hand it whole to validation.
 *
 * <p>The section values are ImportSpy's own: their types live in unexported packages, and rules fetch
 * the section they check with {@link #section(Class)}. This keeps a new section from changing this type.
 *
 * <p>Immutable and thread-safe: one model may serve any number of threads and validations at once.
 * Embedded mode caches verdicts per (module, model identity), so read a contract once and reuse it.
 */
@API(status = STABLE, since = "0.1.0")
public final class SpyModel {
    private final int format;
    private final Location location;
    private final List<Object> sections;

    private SpyModel(int format, Location location, List<Object> sections) {
        this.format = format;
        this.location = location;
        this.sections = sections;
    }

    /**
     * A model of {@code sections}, in contract order, no two of the same class. For the contract reader
     * and for code that adds a section; users read contracts with {@link io.importspy.Spy#contract}.
     *
     * @throws IllegalArgumentException when two sections have the same class
     */
    @API(status = INTERNAL, since = "0.1.0")
    public static SpyModel of(int format, Location location, List<?> sections) {
        Objects.requireNonNull(location, "location");
        List<Object> copy = new ArrayList<>(sections.size());
        for (Object section : sections) {
            Objects.requireNonNull(section, "section");
            for (Object other : copy) {
                if (other.getClass() == section.getClass()) {
                    throw new IllegalArgumentException("two sections of type " + section.getClass().getName());
                }
            }
            copy.add(section);
        }
        return new SpyModel(format, location, List.copyOf(copy));
    }

    /** The contract format ({@code importspy:}); always 1 for now. */
    public int format() {
        return format;
    }

    /** Where the contract starts (file, 1, 1). */
    public Location location() {
        return location;
    }

    /** The contract's file name, as given by the user. */
    public String file() {
        return location.file();
    }

    /** The section of class {@code type}, if the contract has one. */
    public <S> Optional<S> section(Class<S> type) {
        for (Object section : sections) {
            if (section.getClass() == type) {
                return Optional.of(type.cast(section));
            }
        }
        return Optional.empty();
    }

    /** Every section, in contract order: for reports and tools that walk a whole contract. */
    public List<Object> sections() {
        return sections;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpyModel model && model.format == format && model.location.equals(location)
                && model.sections.equals(sections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, location, sections);
    }

    @Override
    public String toString() {
        return "SpyModel[format=" + format + ", location=" + location + ", sections=" + sections + "]";
    }
}
