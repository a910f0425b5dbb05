package io.importspy.validate;

import io.importspy.API;

import static io.importspy.API.Status.EXPERIMENTAL;

/** Which part of the contract a violation concerns. */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum Context {
    MODULE, CLASS, FIELD, METHOD, CONSTRUCTOR, RUNTIME, JAVA, ENVIRONMENT, LIBRARY;

    /** The lower-case word used in reports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
