package io.importspy.inspect;

import io.importspy.java.JavaType;
import io.importspy.java.TypeArgument;
import io.importspy.java.Wildcard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns JVM descriptors and generic signatures (JVMS 4.3, 4.7.9.1) into {@link JavaType}s: binary
 * names with dots and {@code $}, type variables marked, wildcards as {@link Wildcard}. Descriptors are
 * a subset of the signature grammar, so one parser reads both.
 */
final class Signatures {
    private final String text;
    private int pos;

    private Signatures(String text) {
        this.text = text;
    }

    /** The parameter and return types (and thrown types) of a method descriptor or signature. */
    record MethodTypes(List<JavaType> parameters, JavaType returnType, List<JavaType> exceptions) {
    }

    /** The type parameters and generic supertypes of a class signature (JVMS 4.7.9.1). */
    record ClassTypes(List<String> typeParameters, JavaType superclass, List<JavaType> interfaces) {
    }

    /** The type parameter names, superclass and interfaces of a class signature. */
    static ClassTypes classTypes(String signature) {
        Signatures reader = new Signatures(signature);
        List<String> typeParameters = reader.typeParameters();
        reader.expect('L');
        JavaType superclass = reader.classType();
        List<JavaType> interfaces = new ArrayList<>();
        while (reader.pos < reader.text.length()) {
            reader.expect('L');
            interfaces.add(reader.classType());
        }
        return new ClassTypes(typeParameters, superclass, interfaces);
    }

    /** The type of a field descriptor or field signature. */
    static JavaType fieldType(String signature) {
        Signatures reader = new Signatures(signature);
        JavaType type = reader.type();
        reader.expectEnd();
        return type;
    }

    /** The types of a method descriptor or method signature; type parameters are skipped. */
    static MethodTypes methodTypes(String signature) {
        Signatures reader = new Signatures(signature);
        reader.skipTypeParameters();
        reader.expect('(');
        List<JavaType> parameters = new ArrayList<>();
        while (reader.peek() != ')') {
            parameters.add(reader.type());
        }
        reader.pos++;
        JavaType returnType = reader.type();
        List<JavaType> exceptions = new ArrayList<>();
        while (reader.pos < reader.text.length()) {
            reader.expect('^');
            exceptions.add(reader.type());
        }
        return new MethodTypes(parameters, returnType, exceptions);
    }

    /** The binary name ({@code a.b.Outer$Inner}) of an internal name ({@code a/b/Outer$Inner}). */
    static String binaryName(String internalName) {
        return internalName.replace('/', '.');
    }

    private JavaType type() {
        char c = next();
        switch (c) {
            case 'Z': return JavaType.of("boolean");
            case 'B': return JavaType.of("byte");
            case 'C': return JavaType.of("char");
            case 'S': return JavaType.of("short");
            case 'I': return JavaType.of("int");
            case 'J': return JavaType.of("long");
            case 'F': return JavaType.of("float");
            case 'D': return JavaType.of("double");
            case 'V': return JavaType.of("void");
            case '[': {
                JavaType component = type();
                return component.withDimensions(component.dimensions() + 1);
            }
            case 'T': {
                int end = text.indexOf(';', pos);
                if (end < 0) {
                    throw malformed();
                }
                String name = text.substring(pos, end);
                pos = end + 1;
                return JavaType.typeVariable(name);
            }
            case 'L':
                return classType();
            default:
                throw malformed();
        }
    }

    private JavaType classType() {
        StringBuilder name = new StringBuilder();
        List<TypeArgument> arguments = List.of();
        while (true) {
            char c = next();
            if (c == ';') {
                return new JavaType(name.toString(), arguments, 0, false, false);
            } else if (c == '<') {
                arguments = typeArguments();
            } else if (c == '.') {
                name.append('$');
                arguments = List.of(); // Outer<A>.Inner<B>: keep the innermost arguments
            } else {
                name.append(c == '/' ? '.' : c);
            }
        }
    }

    private List<TypeArgument> typeArguments() {
        List<TypeArgument> arguments = new ArrayList<>();
        while (peek() != '>') {
            char c = peek();
            if (c == '*') {
                pos++;
                arguments.add(Wildcard.unbounded());
            } else if (c == '+') {
                pos++;
                arguments.add(new Wildcard(Wildcard.Variance.EXTENDS, Optional.of(type())));
            } else if (c == '-') {
                pos++;
                arguments.add(new Wildcard(Wildcard.Variance.SUPER, Optional.of(type())));
            } else {
                arguments.add(type());
            }
        }
        pos++;
        return arguments;
    }

    private void skipTypeParameters() {
        typeParameters();
    }

    /** Reads {@code <T:Ljava/lang/Object;U::Ljava/lang/Comparable<TU;>;>} (if present) and returns its names. */
    private List<String> typeParameters() {
        List<String> names = new ArrayList<>();
        if (pos >= text.length() || peek() != '<') {
            return names;
        }
        pos++;
        while (peek() != '>') {
            int colon = text.indexOf(':', pos);
            if (colon <= pos) {
                throw malformed();
            }
            names.add(text.substring(pos, colon));
            pos = colon;
            while (peek() == ':') {
                pos++;
                if (peek() != ':' && peek() != '>') {
                    char c = peek();
                    if (c == 'L' || c == 'T' || c == '[') {
                        type();
                    }
                }
            }
        }
        pos++;
        return names;
    }

    private void expect(char c) {
        if (next() != c) {
            throw malformed();
        }
    }

    private void expectEnd() {
        if (pos != text.length()) {
            throw malformed();
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw malformed();
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private IllegalArgumentException malformed() {
        return new IllegalArgumentException("malformed signature '" + text + "' at position " + pos);
    }
}
