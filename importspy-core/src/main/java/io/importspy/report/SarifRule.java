package io.importspy.report;

import io.importspy.validate.Category;
import io.importspy.validate.Context;

import java.util.Locale;

/**
 * One SARIF rule: a (category, context) pair, such as {@code importspy/missing-method}, with its texts and the
 * README anchor that documents it ({@code #importspy-missing-method}; a context the README does not list, an
 * extension's, points to the rules' section).
 */
record SarifRule(Category category, Context context) {
    /** The README the rules' help links point into. */
    static final String README = "https://github.com/importspy/importspy-java/blob/main/README.md";
    /** The README's section on report rules. */
    static final String RULES_SECTION = README + "#report-rules";

    /** The rule id, {@code importspy/<category>-<context>}. */
    String id() {
        return "importspy/" + category.label() + "-" + context.label();
    }

    /** The README anchor of this rule, or of the rules' section for a context the README does not list. */
    String helpUri() {
        return Contexts.isListed(context) ? README + "#" + anchor(category.label() + "-" + context.label())
                : RULES_SECTION;
    }

    /** The README anchor of a rule named {@code importspy/<name>}. */
    static String anchor(String name) {
        return "importspy-" + name;
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
            case UNDECLARED -> "Undeclared";
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
            case UNDECLARED -> "The module has " + requirement() + " that the contract does not declare "
                    + "(drift: the contract no longer describes the module's API).";
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
            case UNDECLARED -> "Declare it in the contract (the contract is the API's lock file), or remove it "
                    + "from the module.";
        };
    }

    private String noun() {
        return Contexts.of(context).noun();
    }

    private String requirement() {
        return Contexts.of(context).requirement();
    }

    /** A label in PascalCase: {@code missing} is {@code Missing}, {@code x-acme-license} is {@code XAcmeLicense}. */
    private static String capitalize(String label) {
        StringBuilder word = new StringBuilder(label.length());
        for (String part : label.split("-")) {
            if (!part.isEmpty()) {
                word.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return word.toString();
    }
}
