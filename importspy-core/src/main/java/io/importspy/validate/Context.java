package io.importspy.validate;

import io.importspy.API;

import java.util.Objects;

import static io.importspy.API.Status.EXPERIMENTAL;
import static io.importspy.API.Status.STABLE;

/**
 * Which part of the contract a violation concerns: a lower-case word such as {@code method} or
 * {@code environment}, the same in every report format. The built-in sections use the constants below; a new
 * section or an extension names its own with {@link #of}, e.g. {@code Context.of("reference")}.
 *
 * <p>Stable as {@link Violation} is, whose every report carries one; naming a context of one's own
 * ({@link #of}) belongs to the experimental rule seam.
 *
 * @param label the word used in reports: lower-case letters, digits and hyphens, starting with a letter
 */
@API(status = STABLE, since = "0.1.0")
public record Context(String label) {
    /** The module's identity and content ({@code module:}). */
    public static final Context MODULE = new Context("module");
    /** A class itself: presence, kind, modifiers, supertypes, annotations. */
    public static final Context CLASS = new Context("class");
    /** A field of a class. */
    public static final Context FIELD = new Context("field");
    /** A method of a class. */
    public static final Context METHOD = new Context("method");
    /** A constructor of a class. */
    public static final Context CONSTRUCTOR = new Context("constructor");
    /** The operating system or CPU architecture of a deployment. */
    public static final Context RUNTIME = new Context("runtime");
    /** The Java version, vendor or implementation of a deployment. */
    public static final Context JAVA = new Context("java");
    /** An environment variable, secret or system property of a deployment. */
    public static final Context ENVIRONMENT = new Context("environment");
    /** A library a deployment requires beside the module. */
    public static final Context LIBRARY = new Context("library");

    /** @throws IllegalArgumentException when {@code label} is not a lower-case word */
    public Context {
        Objects.requireNonNull(label, "label");
        if (!isWord(label)) {
            throw new IllegalArgumentException("a context is a lower-case word (letters, digits, '-'), not '"
                    + label + "'");
        }
    }

    private static boolean isWord(String label) {
        if (label.isEmpty() || label.charAt(0) < 'a' || label.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The context named {@code label}, e.g. {@code Context.of("reference")}. */
    @API(status = EXPERIMENTAL, since = "0.1.0")
    public static Context of(String label) {
        return new Context(label);
    }

    /** The label, as reports print it. */
    @Override
    public String toString() {
        return label;
    }
}
