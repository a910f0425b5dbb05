package io.importspy.inspect;

/** Reads the facts of the running JVM. */
public final class RuntimeInspector {
    private RuntimeInspector() {
    }

    /** The running JVM: platform, Java, every environment variable and system property; no libraries. */
    public static RuntimeFacts current() {
        throw new UnsupportedOperationException("TODO inspect helper");
    }
}
