package io.importspy.internal.java;

import io.importspy.API;
import io.importspy.java.JavaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;

/**
 * A pattern of {@code references:} that names what a module may or may not use: {@code pkg.**} (a package
 * and its subpackages), {@code pkg.*} (the classes of one package), {@code pkg.Class} (the class and all
 * its members), {@code pkg.Class#member} (every overload or field of that name), {@code
 * pkg.Class#method(Type, ...)} (one overload; types in Java source spelling, erasures compared, a simple
 * name matching by simple name). {@code #<init>} names constructors. The class part of a member pattern may be a
 * glob too ({@code java.lang.reflect.*#setAccessible}).
 *
 * <p>A member pattern is matched against the class that <em>declares</em> the member (after resolution
 * through supertypes, JVMS 5.4.3), a class pattern against every class a module names.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ReferencePattern {
    private final String text;
    private final NameGlob owner;
    private final Optional<String> member;
    private final Optional<List<JavaType>> parameters;

    private ReferencePattern(String text, NameGlob owner, Optional<String> member,
                             Optional<List<JavaType>> parameters) {
        this.text = text;
        this.owner = owner;
        this.member = member;
        this.parameters = parameters;
    }

    /**
     * Parses a pattern.
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text} and how to write it
     */
    public static ReferencePattern parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        int hash = trimmed.indexOf('#');
        String classPart = hash < 0 ? trimmed : trimmed.substring(0, hash);
        NameGlob owner;
        try {
            owner = NameGlob.of(classPart);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(bad.getMessage() + " (in reference pattern '" + text + "')", bad);
        }
        if (hash < 0) {
            return new ReferencePattern(trimmed, owner, Optional.empty(), Optional.empty());
        }
        String rest = trimmed.substring(hash + 1);
        int open = rest.indexOf('(');
        String name = open < 0 ? rest : rest.substring(0, open);
        if (!isMemberName(name)) {
            throw new IllegalArgumentException("'" + text + "' is not a reference pattern: '" + name
                    + "' is not a member name; write Class#member or Class#method(Type, ...)");
        }
        if (open < 0) {
            return new ReferencePattern(trimmed, owner, Optional.of(name), Optional.empty());
        }
        if (!rest.endsWith(")")) {
            throw new IllegalArgumentException("'" + text + "' is not a reference pattern: the parameter list "
                    + "must end with ')', as in java.lang.Runtime#exec(String[])");
        }
        String inside = rest.substring(open + 1, rest.length() - 1).strip();
        List<JavaType> parameters = new ArrayList<>();
        if (!inside.isEmpty()) {
            for (String parameter : splitTopLevel(inside)) {
                try {
                    parameters.add(JavaType.parse(parameter.strip()));
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("'" + text + "' is not a reference pattern: " + bad.getMessage(),
                            bad);
                }
            }
        }
        return new ReferencePattern(trimmed, owner, Optional.of(name), Optional.of(List.copyOf(parameters)));
    }

    private static boolean isMemberName(String name) {
        if ("<init>".equals(name)) {
            return true;
        }
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Splits {@code a, Map<K, V>, b} at the commas outside angle brackets. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Whether this pattern names a member ({@code Class#member}) rather than classes. */
    public boolean isMember() {
        return member.isPresent();
    }

    /** The member name, for a member pattern. */
    public Optional<String> member() {
        return member;
    }

    /** The class part, when it is one class name (no {@code *} or {@code ?}) as the contract writes it. */
    public Optional<String> literalClass() {
        return owner.isLiteral() ? Optional.of(owner.toString()) : Optional.empty();
    }

    /** Whether the class part matches {@code binaryName} (for a member pattern: it names that class). */
    public boolean matchesOwner(String binaryName) {
        return owner.matches(binaryName);
    }

    /** Whether a class pattern matches the class {@code binaryName}; a member pattern never does. */
    public boolean matchesClass(String binaryName) {
        return member.isEmpty() && owner.matches(binaryName);
    }

    /**
     * Whether this pattern matches a member, given by the class that declares it, its name and its erased
     * parameter types as binary names ({@code java.lang.String}, {@code int[]}); a class pattern matches
     * every member of the classes it matches.
     */
    public boolean matchesMember(String declaringClass, String name, List<String> parameterTypes) {
        if (!owner.matches(declaringClass)) {
            return false;
        }
        if (member.isEmpty()) {
            return true;
        }
        if (!member.get().equals(name)) {
            return false;
        }
        if (parameters.isEmpty()) {
            return true;
        }
        List<JavaType> written = parameters.get();
        if (written.size() != parameterTypes.size()) {
            return false;
        }
        for (int i = 0; i < written.size(); i++) {
            if (!erasureMatches(written.get(i), parameterTypes.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether this pattern matches the field {@code name} declared by {@code declaringClass}. */
    public boolean matchesField(String declaringClass, String name) {
        return owner.matches(declaringClass) && (member.isEmpty() || member.get().equals(name) && parameters.isEmpty());
    }

    /** {@code String[]} (or {@code String...}) against {@code java.lang.String[]}: name by name, dimensions equal. */
    private static boolean erasureMatches(JavaType written, String actual) {
        int dimensions = 0;
        String element = actual;
        while (element.endsWith("[]")) {
            element = element.substring(0, element.length() - 2);
            dimensions++;
        }
        if (written.dimensions() != dimensions) {
            return false;
        }
        String name = written.name().replace('$', '.');
        String elementName = element.replace('$', '.');
        if (name.indexOf('.') < 0) {
            return elementName.substring(elementName.lastIndexOf('.') + 1).equals(name);
        }
        return name.equals(elementName);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReferencePattern that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The pattern as written. */
    @Override
    public String toString() {
        return text;
    }
}
