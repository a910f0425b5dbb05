package io.importspy.agent;

import io.importspy.internal.report.PlainText;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Checks each code source when its first class is defined, and replaces every class of a refused one by a
 * {@link Stubs stub}. A transformer cannot veto a load, so the stub is the refusal: the host gets a class whose
 * initialization throws an error carrying the report, and none of the refused bytes is ever defined.
 *
 * <p>The per-class path for a domain already decided is one look-up by {@link ProtectionDomain} identity (a class
 * loader gives all classes of one code source the same domain) and one of the class's package. Anything that goes
 * wrong while deciding refuses the class: an exception out of a transformer would let the original bytes through.
 * Classes the JVM defines with no protection domain in a named module (the JDK's), or with a class loader (the
 * JDK's generated proxies and accessors), are the JDK's own and pass; see {@link CodeSources} for the rest.
 */
final class Transformer implements ClassFileTransformer, BiFunction<ClassLoader, Path, Verdict> {
    private final CodeSources sources;
    private final WeakIdentityMap<ProtectionDomain, Admission> byDomain = new WeakIdentityMap<>();
    private final Map<String, Decided> atStartup = new ConcurrentHashMap<>();
    /**
     * The protection domain of the agent's own classes, once {@link CodeSources#isOwn} has said so for the agent's
     * class loader: each later class of the agent (a cold start defines some 300 after the transformer is installed)
     * is then admitted by two identity tests instead of resolving the domain's location on disk again. Only with the
     * agent's loader: another loader that defines classes with this domain is decided as any other.
     */
    private volatile ProtectionDomain own;

    Transformer(CodeSources sources) {
        this.sources = sources;
    }

    /**
     * Records a verdict reached before the transformer was installed (the start-up check) on the file whose
     * {@link StartupCache#identity identity} was {@code identity} just before.
     */
    void decided(Path codeSource, String identity, Verdict verdict) {
        atStartup.put(codeSource.toString(), new Decided(identity, verdict));
    }

    /**
     * The start-up verdict on {@code codeSource} when {@code loader} is the one the JVM started it with (the class
     * path's or the module path's) and the file is still the one checked; another loader over the same path, or a
     * file replaced or rewritten since (the class path's loader opens a JAR when it first looks into it, which may
     * be long after the check), is checked by the bytes it reads now. Called once per code source, after its loader
     * has opened it.
     */
    Verdict startupVerdict(ClassLoader loader, Path codeSource) {
        if (!startupLoader(loader)) {
            return null;
        }
        Decided decided = atStartup.get(codeSource.toString());
        return decided != null && !decided.identity().isEmpty() && decided.identity().equals(Agent.identity(codeSource))
                ? decided.verdict() : null;
    }

    /** {@link #startupVerdict}: how {@link CodeSources#admission} asks for one (an object, not a lambda's class). */
    @Override
    public Verdict apply(ClassLoader loader, Path codeSource) {
        return startupVerdict(loader, codeSource);
    }

    /** Whether {@code loader} is one the JVM started the start-up code sources with: the class path's, the module path's. */
    private static boolean startupLoader(ClassLoader loader) {
        return loader == ClassLoader.getSystemClassLoader() || loader == ClassLoader.getPlatformClassLoader();
    }

    /** A start-up verdict and the identity of the file it was reached on. */
    private record Decided(String identity, Verdict verdict) {
    }

    /**
     * The JVM's entry point. Besides the classes of a protection domain, it decides those the boot class loader
     * defines outside the JDK's modules (from {@code -Xbootclasspath/a}, an agent's {@code Boot-Class-Path}, a
     * JAR's {@code Launcher-Agent-Class} among them, or {@code appendToBootstrapClassLoaderSearch}): they have no
     * protection domain, but they are no JDK code.
     */
    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] bytes) {
        if (domain == null && loader == null && redefined == null && module != null && !module.isNamed()) {
            return decide(null, className, null, bytes);
        }
        return transform(loader, className, redefined, domain, bytes);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                            byte[] bytes) {
        if (domain == null || redefined != null) {
            return null;
        }
        return decide(loader, className, domain, bytes);
    }

    /**
     * The stub of a refused class, or {@code null} for an admitted one. {@code className} is {@code null} when a
     * loader defines bytes without naming them ({@code defineClass(null, ...)}): the class is named by its bytes.
     */
    private byte[] decide(ClassLoader loader, String className, ProtectionDomain domain, byte[] bytes) {
        String name = className;
        try {
            if (name == null) {
                name = Stubs.nameOf(bytes);
            }
            if (domain != null && domain == own && loader == Transformer.class.getClassLoader()) {
                return null;
            }
            Admission admission = domain == null ? null : byDomain.get(domain);
            if (admission == null) {
                admission = admission(loader, domain, name);
                if (admission == null) {
                    return Stubs.orUndefinable(bytes, "ImportSpy refused " + PlainText.visible(name.replace('/', '.'))
                            + (Checking.onThisThread()
                            ? ": it was loaded for a check of another code source before its own was decided"
                            : ": the check of its code source waited on a class that this thread is loading"));
                }
            }
            String refusal = admission.refusal(name);
            return refusal == null ? null : Stubs.orUndefinable(bytes, refusal);
        } catch (Throwable e) {
            return Stubs.orUndefinable(bytes, "ImportSpy refused " + (name == null ? "a class"
                    : PlainText.visible(name.replace('/', '.'))) + ": its code source could not be checked: " + e);
        }
    }

    /**
     * The admission of a domain seen for the first time, or of a class of the boot class path's own ({@code domain}
     * null), decided on a {@link Checking#onWorker worker}; {@code null} when it cannot be decided now: on a thread
     * that is checking another code source (for which this one has no verdict yet), or when the worker got stuck.
     */
    private Admission admission(ClassLoader loader, ProtectionDomain domain, String className) throws Exception {
        if (domain != null && sources.isOwn(loader, domain)) {
            if (loader == Transformer.class.getClassLoader()) {
                own = domain;
            }
            return Admission.OWN;
        }
        if (Checking.onThisThread()) {
            return decided(loader, domain, className, false);
        }
        if (domain != null && startupLoader(loader)) {
            // A code source the start-up check decided needs no check, and so no worker: what decides it here is what
            // decides it on a checking thread (the file's identity, the file its loader has open, the JAR's entry
            // names), which reads no policy and loads no class but the JDK's and the agent's. A code source it did
            // not decide, or whose file changed since, is checked on a worker as any other.
            Admission known = decided(loader, domain, className, false);
            if (known != null) {
                sources.log(); // a refusal (a file replaced since it was opened) is logged as on a worker
                return known;
            }
        }
        Admission admission = Checking.onWorker(() -> decided(loader, domain, className, true));
        if (admission != null) {
            sources.log(); // outside the check: a logging back end may load classes of its own
        }
        return admission;
    }

    /** The admission of a domain, recorded; {@code null} when it has no verdict yet and {@code mayCheck} is false. */
    private Admission decided(ClassLoader loader, ProtectionDomain domain, String className, boolean mayCheck)
            throws IOException {
        Admission admission = domain == null ? sources.bootClassPath(className, mayCheck)
                : sources.admission(loader, domain, this, mayCheck);
        if (admission != null && domain != null) {
            byDomain.put(domain, admission);
        }
        return admission;
    }

    /**
     * The refusals of the classes among {@code loaded} that the JVM defined before this transformer was installed,
     * so that it never saw them: a JDK 25 AOT cache made with AOT class linking defines the classes of the class
     * path it holds before any agent runs. Each is judged as if it were being defined now; one line per refused
     * class, none when all are admitted (as they always are without such a cache: the JDK's own and the agent's).
     */
    List<String> refusedBefore(Class<?>[] loaded) throws Exception {
        boolean outer = Checking.enter();
        try {
            return judgedBefore(loaded);
        } finally {
            Checking.leave(outer);
        }
    }

    private List<String> judgedBefore(Class<?>[] loaded) throws IOException {
        ProtectionDomain none = Object.class.getProtectionDomain(); // what a class defined with no domain reports
        ClassLoader own = Transformer.class.getClassLoader();
        List<String> refused = new ArrayList<>();
        for (Class<?> type : loaded) {
            ClassLoader loader = type.getClassLoader();
            if (loader == null ? type.getModule().isNamed() : loader == own) {
                continue; // the JDK's boot modules and the agent's own classes: most of what is loaded, asked first
            }
            if (type.isArray() || type.isPrimitive()) {
                continue;
            }
            ProtectionDomain domain = type.getProtectionDomain();
            String name = type.getName().replace('.', '/');
            Admission admission;
            if (domain == none) {
                if (loader != null || type.getModule().isNamed()) {
                    continue; // the JDK's own, as transform passes them
                }
                admission = sources.bootClassPath(name, true);
            } else {
                admission = byDomain.get(domain);
                if (admission == null) {
                    admission = sources.admission(loader, domain, this, true);
                    byDomain.put(domain, admission);
                }
            }
            String refusal = admission.refusal(name);
            if (refusal != null) {
                refused.add(type.getName() + ": " + refusal.lines().findFirst().orElse(refusal));
            }
        }
        return refused;
    }

    /** How many domains are decided (for tests of the cache). */
    int domains() {
        return byDomain.size();
    }
}
