package io.importspy.internal.pipeline;

import io.importspy.API;
import io.importspy.contract.ContractError;
import io.importspy.contract.ContractException;
import io.importspy.contract.SpyModel;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.LibraryFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.contract.DeploymentSpec;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.contract.ValueSpec;
import io.importspy.internal.spi.ExtensionFailure;
import io.importspy.internal.spi.Extensions;
import io.importspy.internal.inspect.ClassSelection;
import io.importspy.internal.validate.Readings;
import io.importspy.internal.inspect.Inspector;
import io.importspy.internal.inspect.RuntimeInspector;
import io.importspy.internal.inspect.RuntimeRecord;
import io.importspy.validate.Report;
import io.importspy.validate.Rule;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Validator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * The one path from a contract and a target to a report: what classes to read, inspecting a target from its
 * bytes (the class path resolving its supertypes), the runtime to check deployments against, and the report.
 * {@code Spy.validate} (and with it the command line), embedded mode and guarded loading all go through it;
 * they differ only in where the targets and the class path come from.
 *
 * <p>Libraries are found the same way everywhere, by reading each file's identity (names and version) without
 * reading any class: on a class path the user named, an unreadable entry is an error; among the files a host's
 * class loader happens to see, it is no library; a host also has the boot layer's modules.
 *
 * <p>Immutable and thread-safe when its listener is.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Pipeline {
    private final SpyModel model;
    private final List<Path> classpath;
    private final List<Path> libraries;
    private final InspectionListener listener;
    private final Set<String> classNames;
    private final ClassSelection.Named reading;
    private final List<? extends Rule<?>> rules;

    private final boolean undeclared;
    /** The Java whose entries of a multi-release JAR are judged ({@link Inspector#forJava}). */
    private final int release;
    /** Whether a class the target shares with the class path is a violation ({@link #reportingShadowed}). */
    private final boolean shadowed;

    private Pipeline(SpyModel model, List<Path> classpath, List<Path> libraries, InspectionListener listener,
                     List<? extends Rule<?>> rules, boolean undeclared, int release, boolean shadowed) {
        this.release = release;
        this.shadowed = shadowed;
        this.model = Objects.requireNonNull(model, "model");
        this.classpath = List.copyOf(classpath);
        this.libraries = List.copyOf(libraries);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.rules = List.copyOf(rules);
        this.undeclared = undeclared;
        this.classNames = Validator.classesToRead(model, this.rules);
        this.reading = Readings.of(model, undeclared);
    }

    /** {@code from} with other libraries or another Java: what it reads for its contract and rules is kept. */
    private Pipeline(Pipeline from, List<Path> libraries, int release, boolean shadowed) {
        this.release = release;
        this.shadowed = shadowed;
        this.model = from.model;
        this.classpath = from.classpath;
        this.libraries = List.copyOf(libraries);
        this.listener = from.listener;
        this.rules = from.rules;
        this.undeclared = from.undeclared;
        this.classNames = from.classNames;
        this.reading = from.reading;
    }

    /**
     * The pipeline for {@code model}, resolving supertypes through {@code classpath}: the JARs the target runs
     * beside, which its class loader delegates to before it reads the target (see {@link Inspector}).
     */
    public static Pipeline of(SpyModel model, List<Path> classpath, InspectionListener listener) {
        return new Pipeline(model, classpath, List.of(), listener, Validator.builtInRules(), false,
                Runtime.version().feature(), false);
    }

    /**
     * This pipeline resolving supertypes also from {@code libraries}, the target's own JARs, which its class
     * loader reads after the target.
     */
    public Pipeline withLibraries(List<Path> libraries) {
        return new Pipeline(this, libraries, release, shadowed);
    }

    /**
     * This pipeline judging, in a multi-release JAR, the classes Java {@code release} loads
     * ({@link Inspector#forJava}); the default is the running Java, which loads them in every in-process mode.
     */
    public Pipeline forJava(int release) {
        return new Pipeline(this, libraries, release, shadowed);
    }

    /**
     * This pipeline judging the classes of a multi-release JAR that the Java of {@code recorded} loads (a runtime
     * recorded with {@code inspect --runtime}, which names the Java that will run the module); with none, the Java
     * is unknown and every version of a class is judged ({@link Inspector#EVERY_JAVA}).
     */
    public Pipeline forJavaOf(Optional<RuntimeFacts> recorded) {
        return forJava(recorded.map(Pipeline::feature).orElse(Inspector.EVERY_JAVA));
    }

    /** The feature release of a runtime's Java ({@code 17} of {@code 17.0.15+6}), or every Java when unreadable. */
    private static int feature(RuntimeFacts runtime) {
        try {
            return Runtime.Version.parse(runtime.javaVersion().trim()).feature();
        } catch (IllegalArgumentException unreadable) {
            return Inspector.EVERY_JAVA;
        }
    }

    /** This pipeline validating with {@code rules} instead of the built-in ones. */
    public Pipeline withRules(List<? extends Rule<?>> rules) {
        return new Pipeline(model, classpath, libraries, listener, rules, undeclared, release, shadowed);
    }

    /**
     * This pipeline reporting also what the contract does not declare ({@code validate --undeclared}): with the
     * rule that reports it, and reading every class of the contract's packages for it.
     */
    public Pipeline reportingUndeclared() {
        return new Pipeline(model, classpath, libraries, listener, Validator.rulesWithUndeclared(), true, release,
                shadowed);
    }

    /**
     * This pipeline reporting each class the target holds and the class path holds too, where the target's copy is
     * one the contract judges (named, or selected): the class path is taken for the host's, whose class loader a
     * plugin's loader asks first, so that copy would never run. External mode (the command line, {@code
     * Spy.validate}) knows no more of the host than its class path; guarded loading asks the host's loader itself,
     * and on a flat class path (the agent's start-up class path, embedded mode) the first entry wins.
     */
    public Pipeline reportingShadowed() {
        return new Pipeline(this, libraries, release, true);
    }

    /** The classes validating against the contract reads: all that inspection reads (with their supertypes). */
    public Set<String> classNames() {
        return classNames;
    }

    /**
     * Inspects {@code target} from its bytes; the class path (without the target itself) resolves supertypes.
     *
     * @throws InspectionException when the target, or a class file it needs, is missing, unreadable or corrupt
     */
    public ModuleFacts inspect(Path target) {
        return inspect(target, Map.of());
    }

    /**
     * As {@link #inspect(Path)}, naming each path of {@code labels} (a private copy standing in for a user's
     * file, the target or a class-path entry) by its label in facts and errors.
     */
    public ModuleFacts inspect(Path target, Map<Path, String> labels) {
        listener.inspected(target.toString(), false);
        List<Path> others = classpath;
        if (classpath.contains(target)) {
            others = new ArrayList<>(classpath);
            others.remove(target);
        }
        Inspector inspector = Inspector.withClasspath(others).withLibraries(libraries).withLabels(labels)
                .forJava(release);
        return (shadowed ? inspector.tellingShadowed() : inspector).inspect(target, reading);
    }

    /** Tells the listener of a module read through reflection (it has no bytes on disk). */
    public void inspectedLive(String target) {
        listener.inspected(target, true);
    }

    /** The verdict on one module; {@code runtime} empty skips the deployment checks. */
    public TargetReport validate(ModuleFacts module, Optional<RuntimeFacts> runtime) {
        return Validator.validate(model, module, runtime, rules);
    }

    /** The report on {@code targets}, in the order given. */
    public Report report(List<TargetReport> targets, Strictness strictness) {
        return new Report(model.file(), targets, strictness);
    }

    /** The running JVM, whose libraries are the class path's. */
    public RuntimeFacts currentRuntime() {
        return live().withLibraries(libraries(classpath));
    }

    /**
     * The running JVM, with the facts of the installed fact sources when a deployment requires one (asking them
     * costs a look for extensions, which a contract without {@code facts:} never pays).
     *
     * @throws ContractException located at the first fact required, when a fact source fails
     */
    private RuntimeFacts live() {
        RuntimeFacts runtime = RuntimeInspector.current();
        for (DeploymentSpec deployment : Sections.deployments(model)) {
            if (!deployment.facts().isEmpty()) {
                return ExtensionFacts.of(runtime, deployment.facts().get(0), Sections.factSources(model));
            }
        }
        return runtime;
    }

    /** Asking the fact sources: apart, so that a contract without facts loads none of its classes. */
    private static final class ExtensionFacts {
        private ExtensionFacts() {
        }

        /** {@code runtime} with the facts of {@code sources}; a failing source is an error at {@code first}. */
        static RuntimeFacts of(RuntimeFacts runtime, ValueSpec first, Extensions sources) {
            try {
                return runtime.withFacts(sources.facts());
            } catch (ExtensionFailure failure) {
                throw new ContractException(List.of(new ContractError(first.location(), failure.getMessage())));
            }
        }
    }

    /**
     * A recorded runtime ({@code importspy inspect --runtime}); a class path, when given, replaces the libraries
     * it recorded.
     *
     * @throws InspectionException when the record or a class-path entry cannot be read
     */
    public RuntimeFacts recordedRuntime(Path record) {
        List<LibraryFacts> libraries = libraries(classpath);
        RuntimeFacts facts = RuntimeRecord.read(record);
        return libraries.isEmpty() ? facts : facts.withLibraries(libraries);
    }

    /**
     * The running JVM as a host sees it: its libraries are the readable files among {@code visible} and the
     * boot layer's modules, found only when the contract's deployments name libraries (finding them costs an
     * identity read of each file).
     */
    public RuntimeFacts hostRuntime(List<Path> visible) {
        RuntimeFacts runtime = live();
        boolean wantsLibraries = false;
        for (DeploymentSpec deployment : Sections.deployments(model)) {
            wantsLibraries |= !deployment.libraries().isEmpty();
        }
        if (!wantsLibraries) {
            return runtime;
        }
        List<LibraryFacts> libraries = new ArrayList<>(runtime.libraries());
        Inspector inspector = Inspector.withClasspath(List.of());
        for (Path file : visible) {
            try {
                libraries.add(LibraryFacts.of(inspector.identify(file), file.toString()));
            } catch (InspectionException e) {
                // a file a class loader sees but that is no readable JAR or directory is no library
            }
        }
        for (Module module : ModuleLayer.boot().modules()) {
            libraries.add(new LibraryFacts(List.of(module.getName()), module.getDescriptor().rawVersion(),
                    module.getName()));
        }
        return runtime.withLibraries(libraries);
    }

    /**
     * The libraries on a class path the user named, read for their identity only.
     *
     * @throws InspectionException when an entry is missing, unreadable or corrupt
     */
    public static List<LibraryFacts> libraries(List<Path> classpath) {
        return RuntimeInspector.libraries(classpath);
    }
}
