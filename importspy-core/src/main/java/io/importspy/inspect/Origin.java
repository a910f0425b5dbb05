package io.importspy.inspect;

import io.importspy.API;

import static io.importspy.API.Status.EXPERIMENTAL;

/** Where the facts about a class came from. */
@API(status = EXPERIMENTAL, since = "0.1.0")
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
