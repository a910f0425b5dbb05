package io.importspy.validate;

/** Which part of the contract a violation concerns. */
public enum Context {
    MODULE, CLASS, FIELD, METHOD, CONSTRUCTOR, RUNTIME, JAVA, ENVIRONMENT, LIBRARY;

    /** The lower-case word used in reports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
