package io.importspy.validate;

import io.importspy.contract.ContractError;
import io.importspy.contract.ContractException;
import io.importspy.contract.Location;
import io.importspy.internal.contract.ExtensionSection;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.spi.Calls;
import io.importspy.internal.spi.ExtensionFailure;
import io.importspy.spi.Extension;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code x-} sections: each is checked by the rule of the extension that read it, in contract order, as the
 * built-in sections are checked by theirs; this rule only hands each section to it. Every call is guarded: an
 * extension that throws, does not answer, or reports {@code null} makes the contract unusable (a
 * {@link ContractException} located at the section's key, naming the extension), never a pass.
 */
final class ExtensionRules implements Rule<Sections.Extended> {
    @Override
    public Class<Sections.Extended> section() {
        return Sections.Extended.class;
    }

    @Override
    public Set<String> classesToRead(Sections.Extended section) {
        return Calling.classesToRead(section);
    }

    @Override
    public void check(Sections.Extended section, Facts facts, Sink sink) {
        Calling.check(section, facts, sink);
    }

    /** The calls into the extensions: apart, so that a contract without x- sections loads none of their classes. */
    private static final class Calling {
        private Calling() {
        }

        static Set<String> classesToRead(Sections.Extended section) {
            Set<String> names = new HashSet<>();
            for (ExtensionSection extension : section.sections()) {
                names.addAll(classesToRead(extension, extension.extension()));
            }
            return names;
        }

        static void check(Sections.Extended section, Facts facts, Sink sink) {
            for (ExtensionSection extension : section.sections()) {
                check(extension, extension.extension(), facts, sink);
            }
        }

        private static <S> Set<String> classesToRead(ExtensionSection section, Extension.Section<S> owner) {
            String doing = "naming the classes it reads for '" + section.key() + "'";
            try {
                Set<String> names = Calls.call(owner, doing,
                        () -> owner.classesToRead(owner.section().cast(section.value())));
                if (names == null || names.stream().anyMatch(n -> n == null)) {
                    throw Calls.failed(owner, doing, "returned null");
                }
                return Set.copyOf(names);
            } catch (ExtensionFailure failure) {
                throw error(section.location(), failure);
            }
        }

        private static <S> void check(ExtensionSection section, Extension.Section<S> owner, Facts facts, Sink sink) {
            String doing = "checking '" + section.key() + "'";
            GuardedSink guarded = new GuardedSink(sink);
            try {
                Calls.call(owner, doing, () -> {
                    owner.check(owner.section().cast(section.value()), facts, guarded);
                    return null;
                });
                guarded.close();
                guarded.failure().ifPresent(why -> {
                    throw Calls.failed(owner, doing, why);
                });
            } catch (ExtensionFailure failure) {
                throw error(section.location(), failure);
            } finally {
                guarded.close();
            }
        }

        private static ContractException error(Location at, ExtensionFailure failure) {
            return new ContractException(List.of(new ContractError(at, failure.getMessage())));
        }
    }

    /** A sink that refuses {@code null} and ignores whatever a timed-out extension reports later. */
    private static final class GuardedSink implements Sink {
        private final Sink sink;
        private boolean closed;
        private String failure;

        GuardedSink(Sink sink) {
            this.sink = sink;
        }

        @Override
        public synchronized void report(Violation violation) {
            if (closed) {
                return;
            }
            if (violation == null) {
                failure = "reported a null violation";
            } else {
                sink.report(violation);
            }
        }

        @Override
        public synchronized void tried(int entries) {
            if (!closed) {
                sink.tried(entries);
            }
        }

        @Override
        public synchronized void selected(String selector, Location location, List<String> classes) {
            if (!closed) {
                sink.selected(selector, location, classes);
            }
        }

        synchronized void close() {
            closed = true;
        }

        synchronized Optional<String> failure() {
            return Optional.ofNullable(failure);
        }
    }
}
