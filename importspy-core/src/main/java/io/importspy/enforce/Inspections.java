package io.importspy.enforce;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.LibraryFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.contract.DeploymentSpec;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.inspect.ClassSelection;
import io.importspy.internal.inspect.Inspector;
import io.importspy.internal.inspect.RuntimeInspector;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Validator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** The inspect and validate stages as enforcement runs them, with a count of inspections for tests. */
final class Inspections {
    /** How many modules were inspected (from bytes or through reflection) since the JVM started. */
    static final AtomicLong COUNT = new AtomicLong();

    private Inspections() {
    }

    /** The names of the classes validation against {@code model} uses: all that inspection reads. */
    static Set<String> classNames(SpyModel model) {
        return Validator.classesToRead(model);
    }

    /** Inspects a module from its bytes, resolving supertypes through {@code classpath}. */
    static ModuleFacts inspect(Path target, List<Path> classpath, SpyModel model) {
        COUNT.incrementAndGet();
        List<Path> others = new ArrayList<>(classpath);
        others.remove(target);
        return Inspector.withClasspath(others).inspect(target, ClassSelection.named(classNames(model)));
    }

    /** Counts an inspection made through reflection. */
    static void countLive() {
        COUNT.incrementAndGet();
    }

    /**
     * The running JVM, with the libraries found in {@code files} and the boot layer when the contract asks
     * about libraries (finding them costs an inspection of each file, so it is skipped otherwise).
     */
    static RuntimeFacts runtime(SpyModel model, List<Path> files) {
        RuntimeFacts runtime = RuntimeInspector.current();
        boolean wantsLibraries = Sections.deployments(model).stream().map(DeploymentSpec::libraries)
                .anyMatch(libraries -> !libraries.isEmpty());
        if (!wantsLibraries) {
            return runtime;
        }
        List<LibraryFacts> libraries = new ArrayList<>(runtime.libraries());
        for (Path file : files) {
            try {
                libraries.add(LibraryFacts.of(Inspector.withClasspath(List.of()).identify(file), file.toString()));
            } catch (InspectionException e) {
                // an unreadable class-path entry is no library
            }
        }
        for (Module module : ModuleLayer.boot().modules()) {
            libraries.add(new LibraryFacts(List.of(module.getName()), module.getDescriptor().rawVersion(),
                    module.getName()));
        }
        return runtime.withLibraries(libraries);
    }

    /** The report on one module. */
    static Report validate(SpyModel model, ModuleFacts facts, RuntimeFacts runtime, Strictness strictness) {
        TargetReport target = Validator.validate(model, facts, Optional.of(runtime));
        return new Report(model.file(), List.of(target), strictness);
    }
}
