package io.importspy.agent;

/**
 * What the agent decided for one protection domain: its code source's verdict, and the packages a class defined
 * under it must be in ({@code null} for the JDK's and the agent's own code).
 */
final class Admission {
    static final Admission OWN = new Admission(null, null, null);

    private final Verdict verdict;
    private final Packages packages;
    private final CodeSources.Unchecked outside;

    Admission(Verdict verdict, Packages packages, CodeSources.Unchecked outside) {
        this.verdict = verdict;
        this.packages = packages;
        this.outside = outside;
    }

    /** The text the stub of {@code className} throws, or {@code null} when the class is admitted. */
    String refusal(String className) {
        if (verdict == null) {
            return null;
        }
        if (verdict.refused()) {
            return verdict.reason();
        }
        if (packages != null && !packages.holds(className)) {
            return outside.refusal(className.replace('/', '.') + ", which is in no package of " + verdict.codeSource()
                    + ", the code source its class loader claims for it");
        }
        return null;
    }
}
