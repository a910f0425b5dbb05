package io.importspy.report;

import io.importspy.validate.Category;
import io.importspy.validate.Context;

import java.util.Locale;

/** One SARIF rule: a (category, context) pair, such as {@code importspy/missing-method}, with its texts. */
record SarifRule(Category category, Context context) {

    /** The rule id, {@code importspy/<category>-<context>}. */
    String id() {
        return "importspy/" + category.label() + "-" + context.label();
    }

    /** The rule name in SARIF's PascalCase convention, e.g. {@code MissingMethod}. */
    String name() {
        return capitalize(category.label()) + capitalize(context.label());
    }

    String shortDescription() {
        String adjective = switch (category) {
            case MISSING -> "Missing";
            case MISMATCH -> "Mismatched";
            case INVALID -> "Invalid";
            case UNVERIFIED -> "Unverified";
        };
        return adjective + " " + noun();
    }

    String fullDescription() {
        return switch (category) {
            case MISSING -> "The contract requires " + requirement() + ", and the checked module or runtime lacks it.";
            case MISMATCH -> "The contract requires " + requirement()
                    + "; it exists, but its type, value, modifiers or supertype differ.";
            case INVALID -> "The contract restricts " + requirement() + ", and the value found is not one it allows.";
            case UNVERIFIED -> "The contract requires " + requirement() + ", but the check could not be made "
                    + "(a supertype was not found, or the class file carries no parameter names).";
        };
    }

    String help() {
        return switch (category) {
            case MISSING -> "Add what is missing to the module (or run where it is present), or remove the "
                    + "requirement from the contract. Each result says exactly what to change.";
            case MISMATCH -> "Change the module to match the contract, or correct the contract. "
                    + "Each result gives the expected and the found value.";
            case INVALID -> "Run where the contract allows, or widen the contract. "
                    + "Each result gives the allowed values and the one found.";
            case UNVERIFIED -> "Make the check possible (give the libraries with --classpath, compile with "
                    + "-parameters), or drop the detail from the contract. Unverified checks fail only with --strict.";
        };
    }

    private String noun() {
        return switch (context) {
            case MODULE -> "module attribute";
            case RUNTIME -> "platform";
            case JAVA -> "Java runtime";
            case ENVIRONMENT -> "environment entry";
            default -> context.label();
        };
    }

    private String requirement() {
        return switch (context) {
            case MODULE -> "an identity or content of the module (name, version, file name, manifest, services, "
                    + "resources)";
            case CLASS -> "a class";
            case FIELD -> "a field";
            case METHOD -> "a method";
            case CONSTRUCTOR -> "a constructor";
            case RUNTIME -> "an operating system or CPU architecture";
            case JAVA -> "a Java version, vendor or implementation";
            case ENVIRONMENT -> "an environment variable, secret or system property";
            case LIBRARY -> "a library beside the module";
        };
    }

    private static String capitalize(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
