package io.importspy.validate;

import io.importspy.internal.inspect.ClassNames;
import io.importspy.java.JavaType;
import io.importspy.java.TypeArgument;
import io.importspy.java.Wildcard;

import java.util.List;
import java.util.Set;

/**
 * Matches a type written in a contract against a type read from bytecode (DESIGN §2.1).
 *
 * <p>A contract name without a dot matches by simple name; a dotted name must equal the qualified name
 * ({@code $} and {@code .} interchangeable), except that a dotted name starting upper-case
 * ({@code Map.Entry}) matches as a suffix on a segment boundary. Primitives match exactly. Array
 * dimensions must be equal; the varargs flag is left to the parameter-list check. Type arguments are
 * compared only when the contract writes them.
 */
final class TypeMatcher {
    private static final Set<String> PRIMITIVES =
            Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double", "void");
    private static final String OBJECT = "java.lang.Object";

    private TypeMatcher() {
    }

    /** Whether {@code contract} matches the fact's generic type or, failing that, its erasure. */
    static boolean matches(JavaType contract, JavaType generic, JavaType erasure) {
        return matches(contract, generic) || matches(contract, erasure);
    }

    /** Whether {@code contract} matches {@code fact} (no erasure fallback). */
    static boolean matches(JavaType contract, JavaType fact) {
        if (contract.dimensions() != fact.dimensions() || !nameMatches(contract.name(), fact)) {
            return false;
        }
        List<TypeArgument> expected = contract.arguments();
        if (expected.isEmpty()) {
            return true;
        }
        List<TypeArgument> actual = fact.arguments();
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!argumentMatches(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean argumentMatches(TypeArgument contract, TypeArgument fact) {
        if (contract instanceof JavaType type) {
            return fact instanceof JavaType factType && matches(type, factType);
        }
        Wildcard wildcard = (Wildcard) contract;
        if (!(fact instanceof Wildcard factWildcard)) {
            return false;
        }
        Wildcard.Variance variance = effectiveVariance(factWildcard);
        if (wildcard.variance() == Wildcard.Variance.UNBOUNDED || variance == Wildcard.Variance.UNBOUNDED) {
            return effectiveVariance(wildcard) == variance;
        }
        return wildcard.variance() == variance
                && matches(wildcard.bound().orElseThrow(), factWildcard.bound().orElseThrow());
    }

    /** {@code ? extends Object} is the same wildcard as {@code ?}. */
    private static Wildcard.Variance effectiveVariance(Wildcard wildcard) {
        boolean objectBound = wildcard.variance() == Wildcard.Variance.EXTENDS
                && wildcard.bound().map(b -> b.dimensions() == 0 && b.arguments().isEmpty()
                && (OBJECT.equals(b.name()) || "Object".equals(b.name()))).orElse(false);
        return objectBound ? Wildcard.Variance.UNBOUNDED : wildcard.variance();
    }

    /** Whether a contract type name matches a fact type's name; a type variable matches only its own name. */
    static boolean nameMatches(String contractName, JavaType fact) {
        if (fact.variable()) {
            return contractName.equals(fact.name());
        }
        return nameMatches(contractName, fact.name());
    }

    /**
     * Whether a contract type name matches a binary class name read from bytecode: the binary name must be one
     * of the names the contract's may denote ({@link ClassNames#candidates}), so a name written with {@code $}
     * ({@code a.Outer$Inner}) is met only by that nested class, never by a class {@code Inner} of a package
     * {@code a.Outer}.
     */
    static boolean nameMatches(String contractName, String factName) {
        String expected = contractName.trim();
        if (PRIMITIVES.contains(expected) || PRIMITIVES.contains(factName)) {
            return expected.equals(factName);
        }
        if (expected.indexOf('.') < 0 && expected.indexOf('$') < 0) {
            String simple = factName.substring(factName.lastIndexOf('.') + 1);
            return expected.equals(simple.substring(simple.lastIndexOf('$') + 1));
        }
        boolean suffix = Character.isUpperCase(expected.charAt(0));
        // every candidate is as long as the name written (only '.' turns into '$'): the common cases need none
        if (factName.equals(expected)) {
            return true;
        }
        if (factName.length() < expected.length() || !suffix && factName.length() != expected.length()) {
            return false;
        }
        for (String candidate : ClassNames.candidates(expected)) {
            if (factName.equals(candidate) || suffix && (factName.endsWith("." + candidate)
                    || factName.endsWith("$" + candidate))) {
                return true;
            }
        }
        return false;
    }

    /** A class name with {@code $} nesting turned into {@code .}. */
    static String normalize(String name) {
        return name.replace('$', '.');
    }
}
