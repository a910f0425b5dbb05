package io.importspy.internal.diff;

import io.importspy.API;
import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.contract.ClassSpec;
import io.importspy.internal.contract.Contracts;
import io.importspy.internal.contract.ModuleSpec;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.inspect.ClassSelection;
import io.importspy.internal.inspect.Inspector;
import io.importspy.internal.pipeline.InspectionListener;
import io.importspy.internal.pipeline.Pipeline;
import io.importspy.internal.report.ContractWriter;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;

/**
 * {@code importspy diff OLD NEW}: what changed between two JARs (or class directories), two contracts, or one of
 * each, in the contract's terms ({@link ContractTerms}: a JAR is compared as the contract {@code inspect} writes
 * for it); whether NEW still satisfies the contract OLD satisfied; and the semantic-versioning advice that
 * follows.
 *
 * <p>For a NEW module, the advice follows from validation, not from the list of changes: NEW is checked against
 * OLD's contract (a JAR's without its version and file name, which every release changes), so a method that
 * moved to a superclass, or a return type narrowed where the contract allows it, is no break. A violation makes
 * it {@code major}; added terms, {@code minor}; neither, {@code patch}. For a NEW contract, the question is
 * whether every module that met OLD meets NEW: an added or changed requirement may not ({@code major}), removed
 * requirements only relax it ({@code minor}), no change is {@code patch}.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ContractDiff {
    /** How a term changed. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /** The semantic-versioning advice. */
    public enum Bump { MAJOR, MINOR, PATCH }

    /**
     * One side of a diff: a module read from its bytes, or a contract.
     *
     * @param label  how it is named in the output
     * @param path   the JAR, class directory or contract file
     * @param module the module's facts (all its classes), when it is a module
     * @param model  the contract: as written, or the one {@code inspect} writes for the module
     */
    public record Side(String label, Path path, Optional<ModuleFacts> module, SpyModel model) {
        public Side {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(module, "module");
            Objects.requireNonNull(model, "model");
        }

        /** A JAR or class directory, inspected whole; the class path resolves supertypes. */
        public static Side module(Path path, List<Path> classpath) {
            ModuleFacts facts = Inspector.withClasspath(classpath).forJava(Inspector.EVERY_JAVA)
                    .inspect(path, ClassSelection.all());
            String label = path.toString();
            return new Side(label, path, Optional.of(facts),
                    Contracts.parse(ContractWriter.toYaml(facts), "contract of " + label));
        }

        /** A contract file. */
        public static Side contract(Path path) {
            return new Side(path.toString(), path, Optional.empty(), Contracts.read(path));
        }
    }

    /**
     * One change.
     *
     * @param kind     added, removed or changed
     * @param subject  what it is about ({@code method com.acme.Greeter#greet(String)})
     * @param identity whether it is the module's name, version or file name
     * @param before   what OLD says of it, when OLD has it
     * @param after    what NEW says of it, when NEW has it
     */
    public record Change(Kind kind, String subject, boolean identity, Optional<String> before, Optional<String> after) {
    }

    /**
     * The diff.
     *
     * @param oldSide      OLD
     * @param newSide      NEW
     * @param changes      every change, OLD's terms in order first (removed, changed), then NEW's added ones
     * @param satisfaction NEW validated against the contract OLD satisfied, when NEW is a module
     * @param bump         the advice
     * @param reason       why, in one sentence
     */
    public record Result(Side oldSide, Side newSide, List<Change> changes, Optional<TargetReport> satisfaction,
                         Bump bump, String reason) {
        public Result {
            changes = List.copyOf(changes);
        }

        /** How many changes are of {@code kind}, identity excluded. */
        public long count(Kind kind) {
            long count = 0; // loops, not streams, here and below: a stream's first lambda costs `diff` milliseconds
            for (Change change : changes) {
                count += change.kind() == kind && !change.identity() ? 1 : 0;
            }
            return count;
        }

        /** Whether NEW satisfies what OLD satisfied (for a NEW contract: whether every module meeting OLD meets NEW). */
        public boolean stillSatisfied() {
            return satisfaction.map(r -> r.isCompliant(Strictness.LENIENT)).orElse(bump != Bump.MAJOR);
        }
    }

    private ContractDiff() {
    }

    /** The diff of {@code oldSide} and {@code newSide}; {@code classpath} resolves NEW's supertypes. */
    public static Result diff(Side oldSide, Side newSide, List<Path> classpath) {
        return diff(oldSide, newSide, newSide.module().isPresent()
                ? Optional.of(satisfaction(oldSide, newSide.path(), classpath)) : Optional.empty());
    }

    /**
     * The module at {@code newPath} validated against the contract {@code oldSide} satisfies (for a module OLD: the
     * contract {@code inspect} writes for it, without its release identity): what {@link #diff(Side, Side, Optional)}
     * needs of a NEW module, which needs OLD but not NEW's reading, so that it can run while NEW is read.
     */
    public static TargetReport satisfaction(Side oldSide, Path newPath, List<Path> classpath) {
        SpyModel required = oldSide.module().isPresent() ? withoutReleaseIdentity(oldSide.model()) : oldSide.model();
        Pipeline pipeline = Pipeline.of(required, classpath, InspectionListener.NONE).forJava(Inspector.EVERY_JAVA);
        return pipeline.validate(pipeline.inspect(newPath), Optional.empty());
    }

    /**
     * The diff of {@code oldSide} and {@code newSide}, given NEW's {@link #satisfaction} when NEW is a module (and
     * none when it is a contract).
     */
    public static Result diff(Side oldSide, Side newSide, Optional<TargetReport> satisfaction) {
        if (satisfaction.isPresent() != newSide.module().isPresent()) {
            throw new IllegalArgumentException("a NEW module needs its satisfaction of OLD, a NEW contract none");
        }
        Map<String, ContractTerms.Term> before = ContractTerms.of(oldSide.model());
        Map<String, ContractTerms.Term> after = ContractTerms.of(newSide.model());
        List<Change> changes = new ArrayList<>();
        for (ContractTerms.Term term : before.values()) {
            ContractTerms.Term now = after.get(term.subject());
            if (now == null) {
                changes.add(new Change(Kind.REMOVED, term.subject(), term.identity(), Optional.of(term.text()),
                        Optional.empty()));
            } else if (!now.text().equals(term.text())) {
                changes.add(new Change(Kind.CHANGED, term.subject(), term.identity(), Optional.of(term.text()),
                        Optional.of(now.text())));
            }
        }
        for (ContractTerms.Term term : after.values()) {
            if (!before.containsKey(term.subject())) {
                changes.add(new Change(Kind.ADDED, term.subject(), term.identity(), Optional.empty(),
                        Optional.of(term.text())));
            }
        }
        if (satisfaction.isPresent()) {
            return forModule(oldSide, newSide, changes, satisfaction.get());
        }
        return forContract(oldSide, newSide, changes);
    }

    /** The violations of {@code report} that fail it (unverified checks pass, as without {@code --strict}). */
    public static List<Violation> failing(TargetReport report) {
        List<Violation> failing = new ArrayList<>();
        for (Violation violation : report.violations()) {
            if (violation.fails(Strictness.LENIENT)) {
                failing.add(violation);
            }
        }
        return failing;
    }

    private static Result forModule(Side oldSide, Side newSide, List<Change> changes, TargetReport report) {
        List<Violation> failing = failing(report);
        long added = 0;
        for (Change change : changes) {
            added += change.kind() == Kind.ADDED && !change.identity() ? 1 : 0;
        }
        if (!failing.isEmpty()) {
            return new Result(oldSide, newSide, changes, Optional.of(report), Bump.MAJOR, "NEW breaks the contract OLD "
                    + "satisfies: " + failing.size() + (failing.size() == 1 ? " violation" : " violations") + ", e.g. "
                    + failing.get(0).message());
        }
        if (added > 0) {
            return new Result(oldSide, newSide, changes, Optional.of(report), Bump.MINOR, "NEW keeps everything the "
                    + "contract OLD satisfies asks for and adds " + added + (added == 1 ? " term" : " terms"));
        }
        return new Result(oldSide, newSide, changes, Optional.of(report), Bump.PATCH,
                "NEW satisfies the contract OLD satisfies and adds nothing to it");
    }

    private static Result forContract(Side oldSide, Side newSide, List<Change> changes) {
        List<Change> stricter = new ArrayList<>();
        for (Change change : changes) {
            if (change.kind() != Kind.REMOVED) {
                stricter.add(change);
            }
        }
        if (!stricter.isEmpty()) {
            return new Result(oldSide, newSide, changes, Optional.empty(), Bump.MAJOR, "NEW asks for "
                    + stricter.size() + (stricter.size() == 1 ? " thing" : " things") + " OLD did not (e.g. "
                    + stricter.get(0).subject() + "), so a module that met OLD may not meet NEW");
        }
        if (!changes.isEmpty()) {
            return new Result(oldSide, newSide, changes, Optional.empty(), Bump.MINOR,
                    "NEW only drops requirements: every module that met OLD meets NEW");
        }
        return new Result(oldSide, newSide, changes, Optional.empty(), Bump.PATCH,
                "NEW requires exactly what OLD did");
    }

    /** {@code model} without the module version and file name, which a new release of a module changes. */
    private static SpyModel withoutReleaseIdentity(SpyModel model) {
        ModuleSpec module = Sections.module(model);
        ModuleSpec kept = new ModuleSpec(module.name(), Optional.empty(), Optional.empty(), module.manifest(),
                module.services(), module.resources(), module.location());
        List<ClassSpec> classes = Sections.classes(model);
        return Sections.model(kept, classes, Sections.deployments(model), model.location());
    }
}
