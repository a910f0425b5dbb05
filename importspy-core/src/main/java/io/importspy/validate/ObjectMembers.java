package io.importspy.validate;

import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.ParameterFacts;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;
import io.importspy.java.Wildcard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The members every interface has without declaring them (JLS 9.2): a {@code public abstract} method for
 * each public instance method of {@code java.lang.Object}, with its signature, return type and throws
 * clause. They are a fact of the language, not of a class file, so no class needs reading for them.
 */
final class ObjectMembers {
    private static final JavaType OBJECT = JavaType.of("java.lang.Object");
    private static final JavaType INTERRUPTED = JavaType.of("java.lang.InterruptedException");
    private static final List<MethodFacts> METHODS = List.of(
            method("getClass", JavaType.of("java.lang.Class", List.of(Wildcard.unbounded())),
                    JavaType.of("java.lang.Class"), List.of()),
            method("hashCode", JavaType.of("int"), JavaType.of("int"), List.of()),
            method("equals", JavaType.of("boolean"), JavaType.of("boolean"), List.of(OBJECT)),
            method("toString", JavaType.of("java.lang.String"), JavaType.of("java.lang.String"), List.of()),
            method("notify", JavaType.of("void"), JavaType.of("void"), List.of()),
            method("notifyAll", JavaType.of("void"), JavaType.of("void"), List.of()),
            method("wait", JavaType.of("void"), JavaType.of("void"), List.of(), INTERRUPTED),
            method("wait", JavaType.of("void"), JavaType.of("void"), List.of(JavaType.of("long")), INTERRUPTED),
            method("wait", JavaType.of("void"), JavaType.of("void"),
                    List.of(JavaType.of("long"), JavaType.of("int")), INTERRUPTED));

    private ObjectMembers() {
    }

    /** The methods named {@code name} that an interface has from {@code Object}; most names have none. */
    static List<MethodFacts> ofInterface(String name) {
        List<MethodFacts> found = new ArrayList<>(1);
        for (MethodFacts method : METHODS) {
            if (method.name().equals(name)) {
                found.add(method);
            }
        }
        return found;
    }

    private static MethodFacts method(String name, JavaType returns, JavaType erasedReturn, List<JavaType> parameters,
                                      JavaType... exceptions) {
        return MethodFacts.builder(name)
                .parameters(parameters.stream().map(p -> new ParameterFacts(Optional.empty(), p, p)).toList())
                .returns(returns, erasedReturn).exceptions(List.of(exceptions))
                .modifiers(Set.of(Modifier.PUBLIC, Modifier.ABSTRACT)).build();
    }
}
