package io.importspy.enforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
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
     * The importer of the module that called ImportSpy, with every class on the stack below it.
     *
     * @throws IllegalStateException when the stack holds no class outside ImportSpy, or none outside the
     *                               calling module (the module protected itself from its own code)
     */
    static Importer find() {
        return WALKER.walk(ImporterFinder::find);
    }

    /**
     * The caller and the importer only ({@link Importer#onStack()} empty): the walk stops at the importer's
     * frame, so its cost does not grow with the depth of the stack below it. What a cached verdict needs.
     *
     * @throws IllegalStateException as {@link #find()}
     */
    static Importer findImporter() {
        Search search = new Search();
        return search.importer(WALKER.walk(search));
    }

    private static Importer find(Stream<StackWalker.StackFrame> frames) {
        Search search = new Search();
        List<Class<?>> below = new ArrayList<>();
        frames.forEach(frame -> {
            if (!below.isEmpty()) {
                if (!Frames.of(frame.getDeclaringClass()).plumbing) {
                    below.add(frame.getDeclaringClass());
                }
            } else if (search.test(frame)) {
                below.add(frame.getDeclaringClass());
            }
        });
        Importer found = search.importer(below.isEmpty() ? null : below.get(0));
        return new Importer(found.caller(), found.importer(), below);
    }

    /**
     * One search for the importer, frame by frame from the top: the first class outside ImportSpy is the
     * caller, the first class after it outside ImportSpy, the JDK and the caller's module is the importer.
     */
    private static final class Search implements Predicate<StackWalker.StackFrame>,
            Function<Stream<StackWalker.StackFrame>, Class<?>> {
        private Class<?> caller;
        private Object protectedModule;
        private Class<?> found;

        /** The importer's class, or null; the stream is consumed lazily and stops at the importer. */
        @Override
        public Class<?> apply(Stream<StackWalker.StackFrame> frames) {
            return frames.anyMatch(this) ? found : null;
        }

        /** Whether {@code frame} is the importer's; remembers the caller on the way. */
        @Override
        public boolean test(StackWalker.StackFrame frame) {
            Class<?> type = frame.getDeclaringClass();
            Frames kind = Frames.of(type);
            if (kind.plumbing || kind.importSpy) {
                return false;
            }
            if (caller == null) {
                caller = type;
                protectedModule = kind.moduleKey;
                return false;
            }
            if (kind.jdk || kind.moduleKey.equals(protectedModule)) {
                return false;
            }
            found = type;
            return true;
        }

        Importer importer(Class<?> importer) {
            if (caller == null) {
                throw new IllegalStateException("importspy(..) was called with no calling class on the stack; "
                        + "call it from the module that the contract protects");
            }
            if (importer == null) {
                throw new IllegalStateException("importspy(..) found no importer of " + caller.getName()
                        + ": every frame belongs to its own module or to the JDK; call it from code that another "
                        + "module runs (e.g. an entry point or a static initializer of the protected module)");
            }
            return new Importer(caller, importer, List.of());
        }
    }

    /** What the search needs to know of a class on the stack, computed once per class. */
    private static final class Frames {
        private static final ClassValue<Frames> KINDS = new ClassValue<>() {
            @Override
            protected Frames computeValue(Class<?> type) {
                return new Frames(type);
            }
        };

        final boolean plumbing;
        final boolean importSpy;
        final boolean jdk;
        final Object moduleKey;

        private Frames(Class<?> type) {
            plumbing = isPlumbing(type);
            importSpy = isImportSpy(type);
            jdk = CodeSources.isJdk(type);
            moduleKey = plumbing || importSpy ? null : CodeSources.moduleKey(type);
        }

        static Frames of(Class<?> type) {
            return KINDS.get(type);
        }
    }

    /**
     * ImportSpy's own classes: package {@code io.importspy} and below, loaded from where ImportSpy itself
     * was loaded. The name alone is not enough: a plugin could put a class into an {@code io.importspy.*}
     * package of its own JAR to be skipped as if it were ImportSpy, and have its host validated instead.
     */
    static boolean isImportSpy(Class<?> type) {
        return type.getName().startsWith("io.importspy.") && OWN_MODULES.contains(CodeSources.moduleKey(type));
    }

    /** Where ImportSpy's classes come from: its own code source, plus any a test stands in for it with. */
    private static final Set<Object> OWN_MODULES =
            new java.util.concurrent.CopyOnWriteArraySet<>(Set.of(CodeSources.moduleKey(ImporterFinder.class)));

    /**
     * Counts {@code type}'s code source as ImportSpy's own, for tests whose probes (compiled apart from
     * ImportSpy's classes) stand in for ImportSpy on the stack. Call it before the first search.
     */
    static void treatAsImportSpy(Class<?> type) {
        OWN_MODULES.add(CodeSources.moduleKey(type));
    }

    /**
     * Reflection, method-handle and JDK-internal frames, which are nobody's importer: classes of those packages
     * that the JDK defined (its boot or platform loader, or the loader the JDK defines reflection accessors in).
     * The name alone is not enough: any JAR on the class path may define {@code jdk.internal.x.Launcher} (only
     * {@code java.*} is reserved) to be skipped, and have the frame below it validated instead.
     */
    private static boolean isPlumbing(Class<?> type) {
        String name = type.getName();
        boolean named = name.startsWith("java.lang.reflect.") || name.startsWith("jdk.internal.")
                || name.startsWith("java.lang.invoke.") || name.startsWith("sun.reflect.");
        if (!named) {
            return false;
        }
        ClassLoader loader = type.getClassLoader();
        return CodeSources.isJdk(type) || loader.getClass().getName().startsWith("jdk.internal.reflect.")
                && CodeSources.isJdk(loader.getClass());
    }
}
