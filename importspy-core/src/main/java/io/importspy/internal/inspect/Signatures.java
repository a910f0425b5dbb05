package io.importspy.internal.inspect;

import io.importspy.java.JavaType;
import io.importspy.java.TypeArgument;
import io.importspy.java.Wildcard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns JVM descriptors and generic signatures (JVMS 4.3, 4.7.9.1) into {@link JavaType}s: binary
 * names with dots and {@code $}, type variables marked, wildcards as {@link Wildcard}. Descriptors are
 * a subset of the signature grammar, so one parser reads both.
 */
final class Signatures {
    private static final JavaType BOOLEAN = JavaType.of("boolean");
    private static final JavaType BYTE = JavaType.of("byte");
    private static final JavaType CHAR = JavaType.of("char");
    private static final JavaType SHORT = JavaType.of("short");
    private static final JavaType INT = JavaType.of("int");
    private static final JavaType LONG = JavaType.of("long");
    private static final JavaType FLOAT = JavaType.of("float");
    private static final JavaType DOUBLE = JavaType.of("double");
    private static final JavaType VOID = JavaType.of("void");

    /** Array dimensions a type may have (the JVM's limit for descriptors, JVMS 4.3.2). */
    static final int MAX_DIMENSIONS = 255;
    /** Type arguments nested in type arguments ({@code List<List<...>>}) a signature may have. */
    static final int MAX_NESTING = 255;

    private final String text;
    private final Cache cache;
    private int pos;
    private int nesting;

    private Signatures(String text, Cache cache) {
        this.text = text;
        this.cache = cache;
    }

    /**
     * The type parameters the method declares itself ({@code <T>} of {@code <T> T convert(T)}), its parameter
     * and return types, and its thrown types, of a method descriptor or signature.
     */
    record MethodTypes(List<String> typeParameters, List<JavaType> parameters, JavaType returnType,
                       List<JavaType> exceptions) {
        MethodTypes {
            typeParameters = List.copyOf(typeParameters);
            parameters = List.copyOf(parameters);
            exceptions = List.copyOf(exceptions);
        }
    }

    /** The type parameters and generic supertypes of a class signature (JVMS 4.7.9.1). */
    record ClassTypes(List<String> typeParameters, JavaType superclass, List<JavaType> interfaces) {
        ClassTypes {
            typeParameters = List.copyOf(typeParameters);
            interfaces = List.copyOf(interfaces);
        }
    }

    /**
     * Parsed descriptors and signatures, by their text: the same descriptors and class names recur
     * throughout a JAR and across JARs, and {@link JavaType}s are immutable, so each is parsed once and
     * shared. Each cache keeps its own maps (not thread-safe; one per inspection or per worker) in front of
     * process-wide ones that every cache fills, up to {@value #SHARED_LIMIT} texts of each kind, each of at most
     * {@value #SHARED_TEXT_LIMIT} characters (a class file's text may be 64 KiB long: bounded by count alone, the
     * shared maps could pin a gigabyte of one hostile JAR's texts): parsing a text is a pure function of it, so
     * what one inspection parsed serves the next.
     */
    static final class Cache {
        static final int SHARED_LIMIT = 16_384;
        static final int SHARED_TEXT_LIMIT = 256;
        private static final Map<String, MethodTypes> SHARED_METHODS = new ConcurrentHashMap<>();
        private static final Map<String, JavaType> SHARED_FIELDS = new ConcurrentHashMap<>();
        private static final Map<String, JavaType> SHARED_CLASSES = new ConcurrentHashMap<>();
        private static final Map<String, ClassTypes> SHARED_CLASS_SIGNATURES = new ConcurrentHashMap<>();

        /**
         * The process-wide maps alone, safe on any thread: for facts made after their inspection, on whichever
         * thread first asks ({@link io.importspy.inspect.MethodFacts#deferred}).
         */
        static final Cache SHARED = new Cache(null, null, null, null);

        private final Map<String, MethodTypes> methods;
        private final Map<String, JavaType> fields;
        private final Map<String, JavaType> classes;
        private final Map<String, ClassTypes> classSignatures;

        /** A cache of one inspection on one thread (not thread-safe), over the process-wide maps. */
        Cache() {
            this(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        }

        private Cache(Map<String, MethodTypes> methods, Map<String, JavaType> fields, Map<String, JavaType> classes,
                      Map<String, ClassTypes> classSignatures) {
            this.methods = methods;
            this.fields = fields;
            this.classes = classes;
            this.classSignatures = classSignatures;
        }

        /**
         * The process-wide map first: it holds most texts (every one up to its limits), and a new inspection's own
         * map is empty; the inspection's map then holds those beyond the limits.
         */
        private static <T> T get(Map<String, T> local, Map<String, T> shared, String key) {
            T value = shared.get(key);
            return value != null || local == null ? value : local.get(key);
        }

        private static <T> void put(Map<String, T> local, Map<String, T> shared, String key, T value) {
            if (key.length() <= SHARED_TEXT_LIMIT && shared.size() < SHARED_LIMIT) {
                shared.putIfAbsent(key, value);
            } else if (local != null) {
                local.put(key, value);
            }
        }

        /** Whether a process-wide map holds {@code text} (for tests). */
        static boolean shared(String text) {
            return SHARED_METHODS.containsKey(text) || SHARED_FIELDS.containsKey(text) || SHARED_CLASSES.containsKey(text)
                    || SHARED_CLASS_SIGNATURES.containsKey(text);
        }

        MethodTypes method(String signature) {
            return get(methods, SHARED_METHODS, signature);
        }

        void method(String signature, MethodTypes types) {
            put(methods, SHARED_METHODS, signature, types);
        }

        JavaType field(String signature) {
            return get(fields, SHARED_FIELDS, signature);
        }

        void field(String signature, JavaType type) {
            put(fields, SHARED_FIELDS, signature, type);
        }

        ClassTypes classSignature(String signature) {
            return get(classSignatures, SHARED_CLASS_SIGNATURES, signature);
        }

        void classSignature(String signature, ClassTypes types) {
            put(classSignatures, SHARED_CLASS_SIGNATURES, signature, types);
        }

        JavaType plainClass(String internal) {
            return get(classes, SHARED_CLASSES, internal);
        }

        void plainClass(String internal, JavaType type) {
            put(classes, SHARED_CLASSES, internal, type);
        }
    }

    /** The type parameter names, superclass and interfaces of a class signature. */
    static ClassTypes classTypes(String signature) {
        return classTypes(signature, null);
    }

    /** {@link #classTypes(String)}, memoized in {@code cache} (may be {@code null}). */
    static ClassTypes classTypes(String signature, Cache cache) {
        if (cache == null) {
            return parseClassTypes(signature, null);
        }
        ClassTypes types = cache.classSignature(signature);
        if (types == null) {
            types = parseClassTypes(signature, cache);
            cache.classSignature(signature, types);
        }
        return types;
    }

    private static ClassTypes parseClassTypes(String signature, Cache cache) {
        Signatures reader = new Signatures(signature, cache);
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
        return fieldType(signature, null);
    }

    /** {@link #fieldType(String)}, memoized in {@code cache} (may be {@code null}). */
    static JavaType fieldType(String signature, Cache cache) {
        if (cache == null) {
            return parseFieldType(signature, null);
        }
        JavaType type = cache.field(signature);
        if (type == null) {
            type = parseFieldType(signature, cache);
            cache.field(signature, type);
        }
        return type;
    }

    private static JavaType parseFieldType(String signature, Cache cache) {
        Signatures reader = new Signatures(signature, cache);
        JavaType type = reader.type();
        reader.expectEnd();
        return type;
    }

    /** The type parameters and types of a method descriptor or method signature. */
    static MethodTypes methodTypes(String signature) {
        return methodTypes(signature, null);
    }

    /** {@link #methodTypes(String)}, memoized in {@code cache} (may be {@code null}). */
    static MethodTypes methodTypes(String signature, Cache cache) {
        if (cache == null) {
            return parseMethodTypes(signature, null);
        }
        MethodTypes types = cache.method(signature);
        if (types == null) {
            types = parseMethodTypes(signature, cache);
            cache.method(signature, types);
        }
        return types;
    }

    private static MethodTypes parseMethodTypes(String signature, Cache cache) {
        Signatures reader = new Signatures(signature, cache);
        List<String> typeParameters = reader.typeParameters();
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
        return new MethodTypes(typeParameters, parameters, returnType, exceptions);
    }

    /** The binary name ({@code a.b.Outer$Inner}) of an internal name ({@code a/b/Outer$Inner}). */
    static String binaryName(String internalName) {
        return internalName.replace('/', '.');
    }

    private JavaType type() {
        char c = next();
        switch (c) {
            case 'Z': return BOOLEAN;
            case 'B': return BYTE;
            case 'C': return CHAR;
            case 'S': return SHORT;
            case 'I': return INT;
            case 'J': return LONG;
            case 'F': return FLOAT;
            case 'D': return DOUBLE;
            case 'V': return VOID;
            case '[': {
                int dimensions = 1;
                while (peek() == '[') {
                    pos++;
                    dimensions++;
                }
                if (dimensions > MAX_DIMENSIONS) {
                    throw malformed("more than " + MAX_DIMENSIONS + " array dimensions in");
                }
                JavaType component = type();
                return component.withDimensions(component.dimensions() + dimensions);
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
        JavaType plain = plainClassType();
        if (plain != null) {
            return plain;
        }
        StringBuilder name = new StringBuilder();
        List<TypeArgument> arguments = List.of();
        while (true) {
            char c = next();
            if (c == ';') {
                return JavaType.of(name.toString(), arguments);
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

    /**
     * A class type without type arguments or nesting through {@code .} ({@code java/lang/String;}), shared
     * through the cache; {@code null}, with nothing consumed, for any other class type.
     */
    private JavaType plainClassType() {
        int end = pos;
        int length = text.length();
        while (end < length) {
            char c = text.charAt(end);
            if (c == ';') {
                break;
            }
            if (c == '<' || c == '.') {
                return null;
            }
            end++;
        }
        if (end == length) {
            return null; // malformed: let the general path report it
        }
        String internal = text.substring(pos, end);
        JavaType type = cache == null ? null : cache.plainClass(internal);
        if (type == null) {
            type = JavaType.of(internal.replace('/', '.'));
            if (cache != null) {
                cache.plainClass(internal, type);
            }
        }
        pos = end + 1;
        return type;
    }

    private List<TypeArgument> typeArguments() {
        if (++nesting > MAX_NESTING) {
            throw malformed("type arguments nested more than " + MAX_NESTING + " deep in");
        }
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
        nesting--;
        return arguments;
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
        return malformed("malformed");
    }

    private IllegalArgumentException malformed(String problem) {
        String shown = text.length() <= 120 ? text : text.substring(0, 100) + "...(" + text.length() + " characters)";
        return new IllegalArgumentException(problem + " signature '" + ClassFileFormat.printable(shown)
                + "' at position " + pos);
    }
}
