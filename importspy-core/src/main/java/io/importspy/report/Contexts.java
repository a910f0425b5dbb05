package io.importspy.report;

import io.importspy.validate.Context;

import java.util.List;
import java.util.Optional;

/**
 * What the reports say of each context: the one list a new section adds its contexts to. A context not
 * listed (an extension's) is described by its label alone.
 */
final class Contexts {
    /**
     * How reports describe one context.
     *
     * @param noun        what a SARIF rule calls the requirement, e.g. {@code environment entry}
     * @param requirement what the contract requires, with its article, e.g. {@code a method}
     * @param logicalKind the SARIF logical-location kind of the subject, for contexts that name code
     * @param deployment  whether it belongs to a deployment entry (whose report says how many entries were tried)
     */
    record Description(Context context, String noun, String requirement, Optional<String> logicalKind,
                       boolean deployment) {
    }

    private static final List<Description> LIST = List.of(
            new Description(Context.MODULE, "module attribute", "an identity or content of the module (name, "
                    + "version, file name, manifest, services, resources)", Optional.empty(), false),
            new Description(Context.CLASS, "class", "a class", Optional.of("type"), false),
            new Description(Context.FIELD, "field", "a field", Optional.of("member"), false),
            new Description(Context.METHOD, "method", "a method", Optional.of("function"), false),
            new Description(Context.CONSTRUCTOR, "constructor", "a constructor", Optional.of("function"), false),
            new Description(Context.of("reference"), "reference", "what the module's bytecode may reference",
                    Optional.empty(), false),
            new Description(Context.RUNTIME, "platform", "an operating system or CPU architecture", Optional.empty(),
                    true),
            new Description(Context.JAVA, "Java runtime", "a Java version, vendor or implementation", Optional.empty(),
                    true),
            new Description(Context.ENVIRONMENT, "environment entry", "an environment variable, secret or system "
                    + "property", Optional.empty(), true),
            new Description(Context.LIBRARY, "library", "a library beside the module", Optional.empty(), true));

    private Contexts() {
    }

    /** Whether {@code context} is one of the listed ones (documented in the README, each with its rules). */
    static boolean isListed(Context context) {
        for (Description description : LIST) {
            if (description.context().equals(context)) {
                return true;
            }
        }
        return false;
    }

    /** The listed contexts, in order. */
    static List<Context> listed() {
        List<Context> contexts = new java.util.ArrayList<>();
        for (Description description : LIST) {
            contexts.add(description.context());
        }
        return contexts;
    }

    /** The description of {@code context}; one not listed is named by its label. */
    static Description of(Context context) {
        for (Description description : LIST) {
            if (description.context().equals(context)) {
                return description;
            }
        }
        String label = context.label();
        return new Description(context, label, "what its " + label + " section states", Optional.empty(), false);
    }
}
