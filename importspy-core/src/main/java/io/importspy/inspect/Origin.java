package io.importspy.inspect;

/** Where the facts about a class came from. */
public enum Origin {
    /** The checked module itself. */
    TARGET,
    /** A library given on the class path ({@code --classpath}). */
    CLASSPATH,
    /** The running JDK's own classes (jrt:/). */
    JDK,
    /** A live class, read through reflection. */
    LIVE
}
