package io.importspy.agent;

import java.lang.instrument.ClassFileTransformer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks each code source when its first class is defined, and replaces every class of a refused one by a
 * {@link Stubs stub}. A transformer cannot veto a load, so the stub is the refusal: the host gets a class whose
 * initialization throws an error carrying the report, and none of the refused bytes is ever defined.
 *
 * <p>The per-class path for a code source already decided is one map look-up by {@link ProtectionDomain}
 * identity (a class loader gives all classes of one code source the same domain). Anything that goes wrong
 * while checking refuses the class: a transformer's exception would otherwise let the original bytes through.
 */
final class Transformer implements ClassFileTransformer {
    private final Checker checker;
    private final Path agentJar;
    private final Map<ProtectionDomain, Verdict> byDomain = new ConcurrentHashMap<>();
    private final Map<String, Verdict> byLocation = new ConcurrentHashMap<>();
    private final ThreadLocal<Boolean> checking = new ThreadLocal<>();

    Transformer(Checker checker, Path agentJar) {
        this.checker = checker;
        this.agentJar = agentJar;
    }

    /** Records a verdict reached before the transformer was installed (the start-up check of the class path). */
    void decided(Path codeSource, Verdict verdict) {
        byLocation.put(key(codeSource), verdict);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
                            byte[] bytes) {
        if (domain == null || redefined != null || className == null || className.equals("module-info")) {
            return null;
        }
        Verdict verdict = byDomain.get(domain);
        if (verdict == null) {
            if (checking.get() != null) {
                return null; // a class ImportSpy itself needs while checking: the agent's own, or the JDK's
            }
            checking.set(Boolean.TRUE);
            try {
                verdict = verdict(domain);
            } catch (Throwable e) {
                verdict = new Verdict(String.valueOf(domain.getCodeSource()), Verdict.Outcome.REFUSED, "none",
                        java.util.Optional.empty(), "ImportSpy refused " + className + ": its code source could not "
                        + "be checked: " + e);
            } finally {
                checking.remove();
            }
            byDomain.putIfAbsent(domain, verdict);
        }
        if (!verdict.refused()) {
            return null;
        }
        try {
            return Stubs.of(bytes, verdict.reason());
        } catch (RuntimeException unreadable) {
            return new byte[0]; // not a class file ASM can read: defining nothing at all is the refusal
        }
    }

    private Verdict verdict(ProtectionDomain domain) {
        CodeSource source = domain.getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return Verdict.UNCHECKED; // generated classes, the JDK's jrt: modules
        }
        Path path;
        try {
            path = Path.of(location.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("code source " + location + " is not a file path", e);
        }
        if (path.equals(agentJar)) {
            return Verdict.UNCHECKED;
        }
        Verdict atStart = byLocation.get(key(path));
        return atStart != null ? atStart : checker.check(path); // by content: a replaced JAR is checked anew
    }

    private static String key(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }
}
