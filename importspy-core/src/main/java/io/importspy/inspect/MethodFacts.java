package io.importspy.inspect;

import io.importspy.API;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * A method or constructor declared by a class. Constructors are named {@code <init>}; static
 * initializers are not recorded.
 *
 * @param name          method name, or {@code <init>}
 * @param parameters    parameters in order
 * @param returnType    generic return type when recorded, else erased ({@code void} for constructors)
 * @param erasedReturn  erased return type
 * @param exceptions    declared exceptions (generic when recorded)
 * @param modifiers     source-level modifiers ({@code default} for interface default methods)
 * @param varargs       whether the last parameter is varargs
 * @param synthetic     whether the compiler generated it (bridge or synthetic)
 * @param annotations   annotations on the method
 * @param typeParameters the type parameters the method declares itself ({@code T} of
 *                      {@code <T> T convert(T)}): a supertype's type arguments never replace them
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record MethodFacts(String name, List<ParameterFacts> parameters, JavaType returnType, JavaType erasedReturn,
                          List<JavaType> exceptions, Set<Modifier> modifiers, boolean varargs, boolean synthetic,
                          List<AnnotationFacts> annotations, List<String> typeParameters) {
    public MethodFacts {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(returnType, "returnType");
        Objects.requireNonNull(erasedReturn, "erasedReturn");
        exceptions = List.copyOf(exceptions);
        modifiers = Set.copyOf(modifiers);
        annotations = List.copyOf(annotations);
        typeParameters = List.copyOf(typeParameters);
    }

    /** A method that declares no type parameters of its own. */
    public MethodFacts(String name, List<ParameterFacts> parameters, JavaType returnType, JavaType erasedReturn,
                       List<JavaType> exceptions, Set<Modifier> modifiers, boolean varargs, boolean synthetic,
                       List<AnnotationFacts> annotations) {
        this(name, parameters, returnType, erasedReturn, exceptions, modifiers, varargs, synthetic, annotations,
                List.of());
    }

    /** Whether this is a constructor. */
    public boolean isConstructor() {
        return "<init>".equals(name);
    }
}
