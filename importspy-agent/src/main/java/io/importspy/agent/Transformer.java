package io.importspy.agent;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks each code source when its first class is defined, and replaces every class of a refused one by a
 * {@link Stubs stub}. A transformer cannot veto a load, so the stub is the refusal: the host gets a class whose
 * initialization throws an error carrying the report, and none of the refused bytes is ever defined.
 *
 * <p>The per-class path for a domain already decided is one look-up by {@link ProtectionDomain} identity (a class
 * loader gives all classes of one code source the same domain) and one of the class's package. Anything that goes
 * wrong while deciding refuses the class: an exception out of a transformer would let the original bytes through.
 * Classes the JVM defines with no protection domain (the boot loader's, the JDK's generated proxies and
 * accessors) are the JDK's own and pass; see {@link CodeSources} for the rest.
 */
final class Transformer implements ClassFileTransformer {
    private final CodeSources sources;
    private final WeakIdentityMap<ProtectionDomain, Admission> byDomain = new WeakIdentityMap<>();
    private final Map<String, Verdict> atStartup = new ConcurrentHashMap<>();
    private final ThreadLocal<Boolean> checking = new ThreadLocal<>();

    Transformer(CodeSources sources) {
        this.sources = sources;
    }

    /** Records a verdict reached before the transformer was installed (the start-up check). */
    void decided(Path codeSource, Verdict verdict) {
        atStartup.put(codeSource.toString(), verdict);
    }

    /**
     * The start-up verdict on {@code codeSource} when {@code loader} is the one the JVM started it with (the class
     * path's or the module path's); another loader over the same path is checked by the bytes it reads now.
     */
    Verdict startupVerdict(ClassLoader loader, Path codeSource) {
        return loader == ClassLoader.getSystemClassLoader() || loader == ClassLoader.getPlatformClassLoader()
                ? atStartup.get(codeSource.toString()) : null;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                            byte[] bytes) {
        if (domain == null || redefined != null || className == null) {
            return null;
        }
        try {
            Admission admission = byDomain.get(domain);
            if (admission == null) {
                admission = admission(loader, domain);
                if (admission == null) {
                    return Stubs.of(bytes, "ImportSpy refused " + className.replace('/', '.')
                            + ": it was loaded while ImportSpy was checking another code source");
                }
            }
            String refusal = admission.refusal(className);
            return refusal == null ? null : Stubs.of(bytes, refusal);
        } catch (Throwable e) {
            return Stubs.orNothing(bytes, "ImportSpy refused " + className.replace('/', '.')
                    + ": its code source could not be checked: " + e);
        }
    }

    /** The admission of a domain seen for the first time; {@code null} while this thread is checking another. */
    private Admission admission(ClassLoader loader, ProtectionDomain domain) throws IOException {
        if (checking.get() != null) {
            return sources.isOwn(loader, domain) ? Admission.OWN : null;
        }
        Admission admission;
        checking.set(Boolean.TRUE);
        try {
            admission = sources.admission(loader, domain, path -> startupVerdict(loader, path));
        } finally {
            checking.remove();
        }
        byDomain.put(domain, admission);
        sources.log(); // outside the check: a logging back end may load classes of its own
        return admission;
    }

    /** How many domains are decided (for tests of the cache). */
    int domains() {
        return byDomain.size();
    }
}
