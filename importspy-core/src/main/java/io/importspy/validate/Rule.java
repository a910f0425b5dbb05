package io.importspy.validate;

import io.importspy.API;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.RuntimeFacts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * The check of one contract section: every rule has this shape, the built-in sections ({@code module:},
 * {@code classes:}, {@code deployments:}) as much as a section added later. {@link Validator} runs a list of
 * rules, in order, each on the section of the contract it names; a contract without that section skips the rule.
 *
 * <h2>Adding a section</h2>
 * <ol>
 *   <li><b>Contract reader</b>: read the new key into an immutable record whose nodes keep their
 *       {@link io.importspy.contract.Location}, and add it to the model's sections, so that
 *       {@code model.section(YourSection.class)} returns it.</li>
 *   <li><b>One rule</b>: a class implementing {@code Rule<YourSection>}. {@link #section()} returns
 *       {@code YourSection.class}; {@link #classesToRead} names the classes it needs read (reading stays lazy);
 *       {@link #check} reports every violation, in contract order, through the sink, built with
 *       {@link Violation#missing}, {@link Violation#mismatch}, {@link Violation#invalid} or
 *       {@link Violation#unverified} and a context of its own ({@code Context.of("reference")}). Add it to the
 *       list in {@link Validator} ({@link Validator#builtInRules()}) where its violations belong in a report.</li>
 *   <li><b>The report's context list</b> ({@code io.importspy.report.Contexts}): how SARIF describes the new
 *       context. A context left out is described by its label alone.</li>
 * </ol>
 * Nothing else changes: the facade, embedded mode, guarded loading and every report format take the new
 * section's violations as they come.
 *
 * <p>Outside ImportSpy, an extension adds a section in the same shape without changing it: an
 * {@link io.importspy.spi.Extension.Section} is a rule that also reads its own {@code x-} key from located nodes
 * (step 1), and is found with {@link java.util.ServiceLoader}.
 *
 * <p>A rule is a pure function of its arguments: no I/O, no state, safe to share between threads.
 *
 * @param <S> the section's type, as the contract model holds it
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface Rule<S> {
    /** The section this rule checks: its type in the contract model. */
    Class<S> section();

    /**
     * The classes validating {@code section} reads, for inspection to read them (with their supertypes) before
     * validation; none by default. A class not named here is absent from the facts.
     */
    default Set<String> classesToRead(S section) {
        return Set.of();
    }

    /** Checks {@code section} against the facts, reporting every violation to {@code sink}, never only the first. */
    void check(S section, Facts facts, Sink sink);

    /**
     * What a rule checks a section against.
     *
     * @param module  the module's facts
     * @param runtime the runtime's facts; empty when deployments are not checked
     */
    record Facts(ModuleFacts module, Optional<RuntimeFacts> runtime) {
        public Facts {
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(runtime, "runtime");
        }
    }

    /** Where a rule reports what it finds. */
    interface Sink {
        /** Reports one violation; a rule reports in contract order. */
        void report(Violation violation);

        /**
         * Records that a section of alternatives (the runtime must satisfy one deployment entry) tried
         * {@code entries} of them, for the report to say so.
         */
        void tried(int entries);

        /** Records which classes a {@code select:} entry at {@code location} selected, for the report to say. */
        default void selected(String selector, io.importspy.contract.Location location, List<String> classes) {
        }
    }
}
