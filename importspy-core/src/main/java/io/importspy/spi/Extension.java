package io.importspy.spi;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.validate.Rule;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * Something a JAR adds to ImportSpy, found with {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/io.importspy.spi.Extension} (or {@code provides io.importspy.spi.Extension with ...}
 * in a {@code module-info}). An extension is one of two kinds; a provider that is neither is refused.
 *
 * <ul>
 *   <li>{@link Section}: owns one contract key that starts with {@code x-} ({@code x-acme-license:}). ImportSpy
 *       hands it the key's value as located {@link Node}s to read, then checks the section it read against the
 *       module's and the runtime's facts: it is a {@link Rule}, the same shape as every built-in section, and
 *       reports the same {@link io.importspy.validate.Violation}s.</li>
 *   <li>{@link FactSource}: adds facts about the running JVM (a container's memory limit, a host's role) that a
 *       deployment requires under {@code facts:}; {@code importspy inspect --runtime} shows and records them.</li>
 * </ul>
 *
 * <p>Extensions are looked for only when a contract has an {@code x-} key or a deployment requires
 * {@code facts:} (and by {@code inspect --runtime}): a contract without them never loads one. Where ImportSpy
 * looks: the class loader that loaded ImportSpy (the class path, a Maven plugin's dependencies) and, on the
 * command line, the JARs given with {@code --extensions}. A host that reads contracts from untrusted places
 * should remember that an extension is code it chose to run: ImportSpy never looks for extensions in the modules
 * it checks.
 *
 * <p>An extension that fails (throws, returns {@code null}, reports {@code null}) is an error that names it,
 * never a pass: the contract is reported as unusable ({@link io.importspy.contract.ContractException}, exit code
 * 2 on the command line). Implementations must be stateless and thread-safe, as built-in rules are.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface Extension {

    /** How messages name this extension; its class name unless it says otherwise. */
    default String name() {
        return getClass().getName();
    }

    /**
     * A contract section of the extension's own, under an {@code x-} key.
     *
     * <pre>{@code
     * public final class LicenseRule implements Extension.Section<LicenseRule.Allowed> {
     *     public record Allowed(List<String> licenses, Location location) { }
     *     public String key() { return "x-acme-license"; }
     *     public Class<Allowed> section() { return Allowed.class; }
     *     public Allowed read(Node node, Errors errors) { ... errors.add(node.location(), "..."); ... }
     *     public void check(Allowed allowed, Facts facts, Sink sink) { ... sink.report(Violation.invalid(...)...); }
     * }
     * }</pre>
     *
     * @param <S> the section as the extension reads it: an immutable value, of a class no other section uses
     */
    interface Section<S> extends Extension, Rule<S> {
        /** The contract key this extension owns: {@code x-} then a name of its own, such as {@code x-acme-license}. */
        String key();

        /**
         * Reads the key's value into the section {@link #check} is given. Every problem goes to {@code errors},
         * located at the node it is about, and is then reported as a contract error with file, line and column,
         * as the built-in sections' errors are; a section with errors is never checked.
         *
         * @return the section, never {@code null} (return one even when reporting errors)
         */
        S read(Node value, Errors errors);
    }

    /**
     * Facts about the running JVM, added to the built-in ones (platform, Java, environment). A fact is named
     * {@code <name()>.<key>}: a source named {@code container} that returns {@code {memory.limit: 536870912}}
     * provides {@code container.memory.limit}, which a deployment requires with
     * {@code facts: {container.memory.limit: "536870912"}} (any value form of {@code variables}, or
     * {@code {min: 268435456}} for a number).
     */
    interface FactSource extends Extension {
        /** The facts' namespace: a lower-case name of letters, digits and {@code -}, such as {@code container}. */
        @Override
        String name();

        /**
         * The facts this source knows now, by key without the namespace; a fact it cannot tell is left out, not
         * given an empty value. Called once per validation of the running JVM, never for a recorded runtime.
         */
        Map<String, String> facts();
    }

    /** Where a {@link Section} reports the problems it finds in its part of the contract. */
    @FunctionalInterface
    interface Errors {
        /** Reports one problem at {@code location} (a node's), in one sentence that says what to write instead. */
        void add(Location location, String message);
    }

    /** One node of a contract's YAML, with where it starts in the file. */
    sealed interface Node permits Scalar, Sequence, Mapping {
        /** Where the node starts: file, line and column. */
        Location location();
    }

    /**
     * A scalar.
     *
     * @param value resolved as YAML 1.2 reads it: {@code String}, {@code Boolean}, {@code Long},
     *              {@code BigInteger}, {@code Double}, or {@code null} for an empty value
     * @param text  the scalar as written (after unquoting)
     */
    record Scalar(Object value, String text, Location location) implements Node {
        public Scalar {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(location, "location");
        }
    }

    /** A list, in file order. */
    record Sequence(List<Node> items, Location location) implements Node {
        public Sequence {
            items = List.copyOf(items);
            Objects.requireNonNull(location, "location");
        }
    }

    /** A mapping, in file order, with no key twice. */
    record Mapping(List<Entry> entries, Location location) implements Node {
        public Mapping {
            entries = List.copyOf(entries);
            Objects.requireNonNull(location, "location");
        }

        /** The value written for {@code key}, if any. */
        public Optional<Node> get(String key) {
            return entries.stream().filter(e -> e.key().text().equals(key)).map(Entry::value).findFirst();
        }
    }

    /** One key of a mapping and its value. */
    record Entry(Scalar key, Node value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}
