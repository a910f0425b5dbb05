package io.importspy.enforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the direct importer of a protected module on the current thread's stack: the first frame whose
 * class belongs neither to ImportSpy nor to the module that called ImportSpy, skipping reflection,
 * method-handle and JDK frames. Works when the call sits in a static initializer another class
 * triggered, in a lambda, behind {@code Method.invoke}, and across class loaders.
 */
final class ImporterFinder {
    private static final StackWalker WALKER = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));

    private ImporterFinder() {
    }

    /**
     * What the stack says.
     *
     * @param caller      the first class outside ImportSpy: the protected module's class that called it
     * @param importer    the first class outside ImportSpy and the protected module
     * @param onStack     every class with a frame on the stack below the protected module (running, hence
     *                    initialized or being initialized by this thread)
     */
    record Importer(Class<?> caller, Class<?> importer, List<Class<?>> onStack) {
        Importer {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(importer, "importer");
            onStack = List.copyOf(onStack);
        }
    }

    /**
     * The importer of the module that called ImportSpy.
     *
     * @throws IllegalStateException when the stack holds no class outside ImportSpy, or none outside the
     *                               calling module (the module protected itself from its own code)
     */
    static Importer find() {
        return WALKER.walk(ImporterFinder::find);
    }

    private static Importer find(Stream<StackWalker.StackFrame> frames) {
        List<Class<?>> classes = frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(type -> !isPlumbing(type)).collect(Collectors.toList());
        Class<?> caller = null;
        Object protectedModule = null;
        Class<?> importer = null;
        List<Class<?>> below = new ArrayList<>();
        for (Class<?> type : classes) {
            if (caller == null) {
                if (!isImportSpy(type)) {
                    caller = type;
                    protectedModule = CodeSources.moduleKey(type);
                }
                continue;
            }
            if (importer == null) {
                if (!isImportSpy(type) && !CodeSources.isJdk(type)
                        && !CodeSources.moduleKey(type).equals(protectedModule)) {
                    importer = type;
                    below.add(type);
                }
                continue;
            }
            below.add(type);
        }
        if (caller == null) {
            throw new IllegalStateException("importspy(..) was called with no calling class on the stack; "
                    + "call it from the module that the contract protects");
        }
        if (importer == null) {
            throw new IllegalStateException("importspy(..) found no importer of " + caller.getName()
                    + ": every frame belongs to its own module or to the JDK; call it from code that another "
                    + "module runs (e.g. an entry point or a static initializer of the protected module)");
        }
        return new Importer(caller, importer, below);
    }

    /** ImportSpy's own classes: package {@code io.importspy} and below. */
    static boolean isImportSpy(Class<?> type) {
        return type.getName().startsWith("io.importspy.");
    }

    /** Reflection, method-handle and JDK-internal frames, which are nobody's importer. */
    private static boolean isPlumbing(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.lang.reflect.") || name.startsWith("jdk.internal.")
                || name.startsWith("java.lang.invoke.") || name.startsWith("sun.reflect.");
    }
}
