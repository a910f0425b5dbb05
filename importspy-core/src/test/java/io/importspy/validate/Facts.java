package io.importspy.validate;

import io.importspy.inspect.AnnotationFacts;
import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.FieldFacts;
import io.importspy.inspect.LibraryFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.ModuleIdentity;
import io.importspy.inspect.Origin;
import io.importspy.inspect.ParameterFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;
import io.importspy.java.TypeArgument;
import io.importspy.java.Wildcard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Hand-built inspection facts, as the inspector would report them (binary names, generic + erased types). */
final class Facts {
    private Facts() {
    }

    /** A fact type written in source spelling with qualified names; {@code T}-like names via {@link #typeVar}. */
    static JavaType type(String text) {
        return JavaType.parse(text);
    }

    static JavaType typeVar(String name) {
        return JavaType.typeVariable(name);
    }

    static JavaType erase(JavaType type) {
        return type.variable() ? JavaType.of("java.lang.Object").withDimensions(type.dimensions()) : type.raw();
    }

    static ParameterFacts param(String type) {
        return param(type(type));
    }

    static ParameterFacts param(JavaType type) {
        return new ParameterFacts(Optional.empty(), type, erase(type));
    }

    static ParameterFacts named(String name, String type) {
        return new ParameterFacts(Optional.of(name), type(type), erase(type(type)));
    }

    static FieldFacts field(String name, String type, Object constant, Modifier... modifiers) {
        return new FieldFacts(name, type(type), erase(type(type)), Set.of(modifiers), Optional.ofNullable(constant),
                List.of());
    }

    static AnnotationFacts annotation(String type, Object... keyValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new AnnotationFacts(type, values);
    }

    static MethodBuilder method(String name) {
        return new MethodBuilder(name);
    }

    static MethodBuilder constructor(ParameterFacts... parameters) {
        return new MethodBuilder("<init>").params(parameters);
    }

    static ClassBuilder cls(String name) {
        return new ClassBuilder(name);
    }

    static ClassBuilder iface(String name) {
        return new ClassBuilder(name).kind(ClassKind.INTERFACE).modifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .noSuperclass();
    }

    static ModuleFacts module(ClassFacts... classes) {
        return module(Set.of(), classes);
    }

    static ModuleFacts module(Set<String> unresolved, ClassFacts... classes) {
        Map<String, ClassFacts> byName = new LinkedHashMap<>();
        for (ClassFacts c : classes) {
            byName.put(c.name(), c);
        }
        ModuleIdentity identity = new ModuleIdentity(
                List.of(new ModuleIdentity.Declared("com.acme.greeter", "Automatic-Module-Name"),
                        new ModuleIdentity.Declared("greeter", "file name")),
                List.of(new ModuleIdentity.Declared("1.4.0", "Implementation-Version")), "greeter-1.4.0.jar");
        return new ModuleFacts("build/greeter-1.4.0.jar", identity, Map.of("Plugin-Id", "greeter"),
                Map.of("com.acme.spi.Greeter", List.of("com.acme.greeter.DefaultGreeter")),
                Set.of("greeter.properties", "com/acme/greeter/DefaultGreeter.class"), byName, unresolved);
    }

    static RuntimeFacts runtime(Map<String, String> variables, Map<String, Boolean> secrets,
                                LibraryFacts... libraries) {
        return RuntimeFacts.builder("linux", "x86_64", "17.0.15+6", "Eclipse Adoptium", "HotSpot")
                .variables(variables).properties(Map.of("file.encoding", "UTF-8")).secrets(secrets)
                .libraries(List.of(libraries)).build();
    }

    static LibraryFacts library(String version, String... names) {
        return new LibraryFacts(List.of(names), Optional.ofNullable(version), "lib/" + names[0] + ".jar");
    }

    /** A method or constructor; returns {@code void}, public, no parameters unless told. */
    static final class MethodBuilder {
        private final String name;
        private List<ParameterFacts> parameters = List.of();
        private JavaType returns = JavaType.of("void");
        private List<JavaType> exceptions = List.of();
        private Set<Modifier> modifiers = Set.of(Modifier.PUBLIC);
        private boolean varargs;
        private boolean synthetic;

        private MethodBuilder(String name) {
            this.name = name;
        }

        MethodBuilder params(ParameterFacts... parameters) {
            this.parameters = List.of(parameters);
            return this;
        }

        MethodBuilder returns(String type) {
            return returns(type(type));
        }

        MethodBuilder returns(JavaType type) {
            this.returns = type;
            return this;
        }

        MethodBuilder throwing(String... exceptions) {
            this.exceptions = Arrays.stream(exceptions).map(JavaType::of).toList();
            return this;
        }

        MethodBuilder modifiers(Modifier... modifiers) {
            this.modifiers = Set.of(modifiers);
            return this;
        }

        MethodBuilder varargs() {
            this.varargs = true;
            return this;
        }

        MethodBuilder synthetic() {
            this.synthetic = true;
            return this;
        }

        MethodFacts build() {
            return MethodFacts.builder(name).parameters(parameters).returns(returns, erase(returns))
                    .exceptions(exceptions).modifiers(modifiers).varargs(varargs).synthetic(synthetic).build();
        }
    }

    /** A public class extending {@code java.lang.Object} of the checked module, unless told otherwise. */
    static final class ClassBuilder {
        private final String name;
        private Origin origin = Origin.TARGET;
        private ClassKind kind = ClassKind.CLASS;
        private Set<Modifier> modifiers = Set.of(Modifier.PUBLIC);
        private Optional<JavaType> superclass = Optional.of(JavaType.of("java.lang.Object"));
        private final List<JavaType> interfaces = new ArrayList<>();
        private List<String> typeParameters = List.of();
        private final List<AnnotationFacts> annotations = new ArrayList<>();
        private final List<FieldFacts> fields = new ArrayList<>();
        private final List<MethodFacts> methods = new ArrayList<>();

        private ClassBuilder(String name) {
            this.name = name;
        }

        ClassBuilder origin(Origin origin) {
            this.origin = origin;
            return this;
        }

        ClassBuilder kind(ClassKind kind) {
            this.kind = kind;
            return this;
        }

        ClassBuilder modifiers(Modifier... modifiers) {
            this.modifiers = Set.of(modifiers);
            return this;
        }

        /** The class's own type parameters; names of them in supertypes become type variables. */
        ClassBuilder typeParameters(String... names) {
            this.typeParameters = List.of(names);
            return this;
        }

        /** The superclass in source spelling with qualified names, e.g. {@code java.util.AbstractList<E>}. */
        ClassBuilder extending(String superclass) {
            this.superclass = Optional.of(type(superclass));
            return this;
        }

        ClassBuilder noSuperclass() {
            this.superclass = Optional.empty();
            return this;
        }

        /** Interfaces in source spelling with qualified names, e.g. {@code java.lang.Comparable<T>}. */
        ClassBuilder implementing(String... interfaces) {
            Arrays.stream(interfaces).map(Facts::type).forEach(this.interfaces::add);
            return this;
        }

        ClassBuilder annotated(AnnotationFacts... annotations) {
            this.annotations.addAll(List.of(annotations));
            return this;
        }

        ClassBuilder fields(FieldFacts... fields) {
            this.fields.addAll(List.of(fields));
            return this;
        }

        ClassBuilder methods(MethodBuilder... methods) {
            Arrays.stream(methods).map(MethodBuilder::build).forEach(this.methods::add);
            return this;
        }

        ClassFacts build() {
            Optional<JavaType> genericSuperclass = superclass.map(this::withVariables);
            List<JavaType> genericInterfaces = interfaces.stream().map(this::withVariables).toList();
            return ClassFacts.builder(name, origin, kind).modifiers(modifiers)
                    .superclass(superclass.map(JavaType::name))
                    .interfaces(interfaces.stream().map(JavaType::name).toList())
                    .typeParameters(typeParameters).genericSupertypes(genericSuperclass, genericInterfaces)
                    .annotations(annotations).fields(fields).methods(methods).classFileMajor(61).build();
        }

        /** {@code type} with the names of this class's type parameters marked as type variables. */
        private JavaType withVariables(JavaType type) {
            if (typeParameters.contains(type.name()) && type.arguments().isEmpty()) {
                return JavaType.typeVariable(type.name()).withDimensions(type.dimensions());
            }
            List<TypeArgument> arguments = new ArrayList<>();
            for (TypeArgument argument : type.arguments()) {
                arguments.add(argument instanceof JavaType t ? withVariables(t) : withVariables((Wildcard) argument));
            }
            return type.withArguments(arguments);
        }

        private Wildcard withVariables(Wildcard wildcard) {
            return new Wildcard(wildcard.variance(), wildcard.bound().map(this::withVariables));
        }
    }
}
