package io.importspy.agent;

import io.importspy.internal.java.RealPaths;
import io.importspy.internal.report.PlainText;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Where the classes of a protection domain come from, and so what decides them:
 * <ul>
 *   <li>a {@code file:} code source (a JAR or class directory), or a {@code jar:file:...!/} URL of a whole JAR, is
 *       checked against the policy, and its classes must be in its packages ({@link Packages});</li>
 *   <li>a {@code jrt:} code source is the JDK's own when a JDK class loader defines it, and is admitted;
 *       claimed by any other loader, it is forged;</li>
 *   <li>a class the boot class loader defines outside the JDK's modules has no protection domain: its code source
 *       is the JAR or directory of the boot class path that the boot loader finds it in
 *       ({@code -Xbootclasspath/a}, an agent's {@code Boot-Class-Path}), checked as any other;</li>
 *   <li>no code source, no location, a forged {@code jrt:}, a JAR inside a JAR, or a location that is no local
 *       file ({@code http:}, a custom URL handler) cannot be checked: such code is refused unless the agent is
 *       started with {@code unchecked=audit} or {@code unchecked=allow}.</li>
 * </ul>
 * A path is matched and read as the file system resolves it, once ({@link #resolved}): a symbolic link is judged
 * as the file it leads to, and a {@code ..} after a link where the link's target leads, not where the text says.
 * A JAR that a class loader of the JDK's kind opened before a link to it changed, or before it was replaced, is
 * refused when the file at its path is no longer the one the loader reads ({@link OpenedJars}).
 * The agent's own JAR, loaded by the agent's own class loader (or, for its {@code Premain-Class}, from the boot
 * class path), is admitted.
 */
final class CodeSources {
    private final Checker checker;
    private final Path agentJar;
    private final Unchecked unchecked;
    private final Map<Path, Admission> bootClassPath = new ConcurrentHashMap<>();

    CodeSources(Checker checker, Path agentJar, Verdict.Outcome unchecked) {
        this.checker = checker;
        this.agentJar = agentJar;
        this.unchecked = new Unchecked(unchecked, checker);
    }

    /** Whether the domain holds the JDK's or the agent's own code, admitted without a check. */
    boolean isOwn(ClassLoader loader, ProtectionDomain domain) {
        URL location = location(domain);
        if (location == null) {
            return false;
        }
        if (location.getProtocol().equals("jrt")) {
            return isJdkLoader(loader);
        }
        return loader == CodeSources.class.getClassLoader() && agentJar.equals(file(location));
    }

    /**
     * The admission of a domain: by its start-up verdict when {@code startup} has one, else by a check now; {@code null}
     * when it has none and {@code mayCheck} is false (on a thread that is checking already).
     */
    Admission admission(ClassLoader loader, ProtectionDomain domain, BiFunction<ClassLoader, Path, Verdict> startup,
                        boolean mayCheck)
            throws IOException {
        if (isOwn(loader, domain)) {
            return Admission.OWN;
        }
        URL location = location(domain);
        String loaderName = loader == null ? "the boot class loader" : "class loader " + loader;
        if (location == null) {
            return unchecked.domain("classes defined by " + PlainText.visible(loaderName) + " with no code source");
        }
        if (location.getProtocol().equals("jrt")) {
            return unchecked.domain("classes of " + PlainText.visible(loaderName) + " that claim the JDK's code source "
                    + PlainText.visible(location));
        }
        Path path = file(location);
        if (path == null) {
            return unchecked.domain("classes of " + PlainText.visible(loaderName) + " from " + PlainText.visible(location)
                    + ", which is no local file");
        }
        Optional<String> opened = OpenedJars.identity(loader, location);
        if (opened.isPresent() && !opened.get().equals(Agent.identity(path))) {
            return replaced(path, loaderName);
        }
        Verdict verdict = startup.apply(loader, path);
        if (verdict == null) {
            if (!mayCheck) {
                return null;
            }
            verdict = checker.check(path);
            if (opened.isPresent() && !opened.get().equals(Agent.identity(path))) {
                return replaced(path, loaderName); // changed while it was checked: the check read another file
            }
        }
        return admission(path, verdict);
    }

    /** The refusal of a JAR whose loader reads another file than the one at {@code path} now. */
    private Admission replaced(Path path, String loaderName) throws IOException {
        String where = path.toString();
        Verdict replaced = Verdict.refused(where, "the file " + loaderName + " has open", "ImportSpy refused "
                + PlainText.visible(where) + " (none of its code runs): the JAR " + loaderName + " reads its classes from is not the"
                + " file at that path now: it was replaced, or a link to it changed, after the loader opened it");
        checker.reached(replaced);
        return admission(path, replaced);
    }

    /**
     * The admission of {@code className}, which the boot class loader defines outside the JDK's modules: decided by
     * the JAR or directory of the boot class path that the loader finds it in, once per code source; {@code null} when
     * that one is not decided yet and {@code mayCheck} is false.
     */
    Admission bootClassPath(String className, boolean mayCheck) throws IOException {
        String entry = className + ".class";
        URL resource = ClassLoader.getPlatformClassLoader().getResource(entry); // the boot loader's search
        Path path = resource == null ? null : file(codeSourceOf(resource, entry));
        if (agentJar.equals(path)) {
            return Admission.OWN; // the agent JAR is on the boot class path, for its Premain-Class
        }
        if (path == null) {
            return unchecked.domain("classes the boot class loader defines outside the JDK's modules from "
                    + (resource == null ? "no file of its class path" : PlainText.visible(resource) + ", which is no local file"));
        }
        Admission known = bootClassPath.get(path);
        if (known == null) {
            if (!mayCheck) {
                return null;
            }
            known = admission(path, checker.check(path));
            bootClassPath.put(path, known);
        }
        return known;
    }

    private Admission admission(Path path, Verdict verdict) throws IOException {
        if (verdict.refused()) {
            return new Admission(verdict, null, unchecked);
        }
        Packages packages = Files.isDirectory(path) ? Packages.ofDirectory(path) : Packages.ofJar(path);
        return new Admission(verdict, packages, unchecked);
    }

    /** The code source of a class file's URL: {@code jar:file:/lib/a.jar!/} of {@code jar:file:/lib/a.jar!/a/B.class}. */
    private static URL codeSourceOf(URL resource, String entry) throws java.net.MalformedURLException {
        String spec = resource.toString();
        int bang = spec.lastIndexOf("!/");
        if (resource.getProtocol().equals("jar") && bang > 0) {
            return new URL(spec.substring(0, bang + 2));
        }
        return spec.endsWith("/" + entry) ? new URL(spec.substring(0, spec.length() - entry.length())) : resource;
    }

    void log() {
        checker.log();
    }

    static boolean isJdkLoader(ClassLoader loader) {
        return loader == null || loader == ClassLoader.getPlatformClassLoader()
                || loader == ClassLoader.getSystemClassLoader();
    }

    private static URL location(ProtectionDomain domain) {
        CodeSource source = domain.getCodeSource();
        return source == null ? null : source.getLocation();
    }

    /** The local file a location names: {@code file:}, or {@code jar:file:...!/} of a whole JAR; else null. */
    static Path file(URL location) {
        String protocol = location.getProtocol();
        try {
            if (protocol.equals("file")) {
                return resolved(Path.of(location.toURI()));
            }
            if (protocol.equals("jar")) {
                String spec = location.getFile();
                int bang = spec.indexOf("!/");
                if (bang > 0 && bang + 2 == spec.length()) {
                    URL inner = new URL(spec.substring(0, bang));
                    return inner.getProtocol().equals("file") ? file(inner) : null;
                }
            }
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException
                 | IOException e) {
            return null;
        }
        return null;
    }

    /**
     * {@code path} as the file system resolves it now: its real path, symbolic links and {@code ..} resolved (each
     * {@code ..} after the links before it, as opening the file does). The one resolution a code source is decided,
     * read and named by: the policy's rules are matched with the file the agent reads, never with a second
     * resolution that a link changed in between. A path that leads to no file is resolved as far as it exists.
     */
    static Path resolved(Path path) {
        return RealPaths.of(path);
    }

    /** What happens to code no checkable code source accounts for. */
    static final class Unchecked {
        private final Verdict.Outcome outcome;
        private final Checker checker;

        Unchecked(Verdict.Outcome outcome, Checker checker) {
            this.outcome = outcome;
            this.checker = checker;
        }

        Admission domain(String what) {
            String text = refusalText(what);
            Verdict verdict = switch (outcome) {
                case REFUSED -> Verdict.refused(what, "unchecked=refuse", text);
                case AUDITED -> new Verdict(what, Verdict.Outcome.AUDITED, "unchecked=audit",
                        "importspy audit: admitted " + what + ", whose code source cannot be checked", false);
                case ADMITTED -> new Verdict(what, Verdict.Outcome.ADMITTED, "unchecked=allow", "", false);
            };
            checker.reached(verdict);
            return new Admission(verdict, null, this);
        }

        /** The refusal of one class outside its claimed code source, or null when such code is admitted. */
        String refusal(String what) {
            if (outcome == Verdict.Outcome.REFUSED) {
                return refusalText(what);
            }
            if (outcome == Verdict.Outcome.AUDITED) {
                checker.reached(new Verdict(what, Verdict.Outcome.AUDITED, "unchecked=audit",
                        "importspy audit: admitted " + what, false));
            }
            return null;
        }

        private static String refusalText(String what) {
            return "ImportSpy refused " + what + " (none of its code runs): no checkable code source accounts for "
                    + "it; start the agent with unchecked=allow to admit such code";
        }
    }
}
