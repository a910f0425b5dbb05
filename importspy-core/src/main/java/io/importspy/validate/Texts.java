package io.importspy.validate;

import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.ParameterFacts;
import io.importspy.internal.contract.ParameterSpec;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** How violations spell types, signatures, modifiers and lists. */
final class Texts {
    static final String NONE = "<none>";

    private Texts() {
    }

    /**
     * A type read from bytecode, nested classes by their binary names as everywhere in reports and in what
     * {@code inspect} writes: {@code java.util.Map$Entry<K, V>}. (A {@code .} cannot tell a nested class from
     * a package, and {@code $} is also a plain character of names, e.g. Scala's {@code Predef$}.)
     */
    static String type(JavaType fact) {
        return fact.toString();
    }

    /** Modifiers in declaration order, e.g. {@code public static final}; {@code <none>} when empty. */
    static String modifiers(Set<Modifier> modifiers) {
        return modifiers.isEmpty() ? NONE
                : modifiers.stream().sorted().map(Modifier::keyword).collect(Collectors.joining(" "));
    }

    /** Items joined with {@code ", "}; {@code <none>} when empty. */
    static String list(Collection<String> items) {
        return items.isEmpty() ? NONE : String.join(", ", items);
    }

    /** A required parameter list as the contract wrote it: {@code (String, java.util.Locale)}. */
    static String parameters(List<ParameterSpec> parameters) {
        StringJoiner text = new StringJoiner(", ", "(", ")");
        for (ParameterSpec parameter : parameters) {
            text.add(parameter.type().toString());
        }
        return text.toString();
    }

    /** A method's parameter list as compiled, varargs shown as {@code ...}. */
    static String parameters(MethodFacts method) {
        List<ParameterFacts> parameters = method.parameters();
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < parameters.size(); i++) {
            JavaType type = parameters.get(i).type();
            boolean varargs = method.varargs() && i == parameters.size() - 1 && type.dimensions() > 0;
            text.append(i == 0 ? "" : ", ")
                    .append(varargs ? type(type.withDimensions(type.dimensions() - 1)) + "..." : type(type));
        }
        return text.append(')').toString();
    }

    /** The article and word for a class kind: {@code an interface}, {@code a record}. */
    static String withArticle(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    /** The simple name of a class name written either way. */
    static String simpleName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nest = simple.lastIndexOf('$', simple.length() - 2);
        return nest >= 0 ? simple.substring(nest + 1) : simple;
    }
}
