package io.importspy.validate;

import io.importspy.contract.Location;
import io.importspy.contract.SpyModel;
import io.importspy.internal.contract.AnnotationSpec;
import io.importspy.internal.contract.ClassSpec;
import io.importspy.internal.contract.ConstructorSpec;
import io.importspy.internal.contract.DeploymentSpec;
import io.importspy.internal.contract.FieldSpec;
import io.importspy.internal.contract.JavaSpec;
import io.importspy.internal.contract.LibrarySpec;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.MethodSpec;
import io.importspy.internal.contract.ModuleSpec;
import io.importspy.internal.contract.ParameterSpec;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.contract.ValueMatcher;
import io.importspy.internal.contract.ValueSpec;
import io.importspy.internal.contract.VersionConstraint;
import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Hand-built contract specs, as the parser would produce them; each node on its own line of spymodel.yml. */
final class Specs {
    static final String FILE = "spymodel.yml";

    private Specs() {
    }

    static Location at(int line) {
        return new Location(FILE, line, 5);
    }

    static <T> Located<T> at(T value, int line) {
        return new Located<>(value, at(line));
    }

    static Located<Set<Modifier>> mods(int line, Modifier... modifiers) {
        return at(Set.of(modifiers), line);
    }

    static SpyModel model(ClassSpec... classes) {
        return Sections.model(ModuleSpec.empty(at(1)), List.of(classes), List.of(), at(1));
    }

    static SpyModel model(ModuleSpec module, List<ClassSpec> classes, List<DeploymentSpec> deployments) {
        return Sections.model(module, classes, deployments, at(1));
    }

    static ParameterSpec p(String type, int line) {
        return new ParameterSpec(Optional.empty(), JavaType.parse(type), at(line));
    }

    static ParameterSpec p(String name, String type, int line) {
        return new ParameterSpec(Optional.of(name), JavaType.parse(type), at(line));
    }

    static FieldSpec fieldSpec(String name, int line, String type, Object value) {
        return new FieldSpec(name, Optional.ofNullable(type).map(t -> at(JavaType.parse(t), line + 1)),
                Optional.empty(), Optional.ofNullable(value).map(v -> at(v, line + 2)), at(line));
    }

    static FieldSpec fieldSpec(String name, int line, Located<Set<Modifier>> modifiers) {
        return new FieldSpec(name, Optional.empty(), Optional.of(modifiers), Optional.empty(), at(line));
    }

    static ConstructorSpec constructorSpec(int line, ParameterSpec... parameters) {
        return new ConstructorSpec(Optional.of(List.of(parameters)), List.of(), Optional.empty(), at(line));
    }

    static ConstructorSpec anyConstructor(int line) {
        return new ConstructorSpec(Optional.empty(), List.of(), Optional.empty(), at(line));
    }

    static AnnotationSpec annotationSpec(String type, int line, Object... keyValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new AnnotationSpec(JavaType.parse(type), values, at(line));
    }

    static ValueSpec value(String name, String expected, int line) {
        return new ValueSpec(name, new ValueMatcher.Equals(expected), at(line));
    }

    static Located<VersionConstraint> version(String text, int line) {
        return at(VersionConstraint.parse(text), line);
    }

    static JavaSpec javaSpec(int line, Located<VersionConstraint> version, List<String> vendors) {
        return new JavaSpec(Optional.ofNullable(version), Optional.ofNullable(vendors).map(v -> at(v, line + 2)),
                Optional.empty(), at(line));
    }

    static LibrarySpec librarySpec(String name, int line, String version) {
        return new LibrarySpec(name, Optional.ofNullable(version).map(v -> version(v, line + 1)), at(line));
    }

    static DeploymentSpec deployment(int line, List<String> arch, List<String> os, List<ValueSpec> variables,
                                     List<String> secrets) {
        return new DeploymentSpec(Optional.ofNullable(arch).map(a -> at(a, line)),
                Optional.ofNullable(os).map(o -> at(o, line + 1)), Optional.empty(), variables,
                secrets.stream().map(s -> at(s, line + 3)).toList(), List.of(), List.of(), at(line));
    }

    static MethodBuilder methodSpec(String name, int line) {
        return new MethodBuilder(name, line);
    }

    static ClassBuilder classSpec(String name, int line) {
        return new ClassBuilder(name, line);
    }

    /** A {@code methods:} entry; without {@link #params} any overload will do. */
    static final class MethodBuilder {
        private final String name;
        private final int line;
        private Optional<List<ParameterSpec>> parameters = Optional.empty();
        private Optional<Located<JavaType>> returns = Optional.empty();
        private final List<Located<JavaType>> throwsTypes = new ArrayList<>();
        private Optional<Located<Set<Modifier>>> modifiers = Optional.empty();

        private MethodBuilder(String name, int line) {
            this.name = name;
            this.line = line;
        }

        MethodBuilder params(ParameterSpec... parameters) {
            this.parameters = Optional.of(List.of(parameters));
            return this;
        }

        MethodBuilder returns(String type, int line) {
            this.returns = Optional.of(at(JavaType.parse(type), line));
            return this;
        }

        MethodBuilder throwing(String type, int line) {
            this.throwsTypes.add(at(JavaType.parse(type), line));
            return this;
        }

        MethodBuilder modifiers(int line, Modifier... modifiers) {
            this.modifiers = Optional.of(mods(line, modifiers));
            return this;
        }

        MethodSpec build() {
            return new MethodSpec(name, parameters, returns, throwsTypes, modifiers, at(line));
        }
    }

    /** A {@code classes:} entry. */
    static final class ClassBuilder {
        private final String name;
        private final int line;
        private Optional<Located<ClassKind>> kind = Optional.empty();
        private Optional<Located<Set<Modifier>>> modifiers = Optional.empty();
        private Optional<Located<JavaType>> superclass = Optional.empty();
        private final List<Located<JavaType>> interfaces = new ArrayList<>();
        private final List<AnnotationSpec> annotations = new ArrayList<>();
        private final List<FieldSpec> fields = new ArrayList<>();
        private final List<ConstructorSpec> constructors = new ArrayList<>();
        private final List<MethodSpec> methods = new ArrayList<>();

        private ClassBuilder(String name, int line) {
            this.name = name;
            this.line = line;
        }

        ClassBuilder kind(ClassKind kind, int line) {
            this.kind = Optional.of(at(kind, line));
            return this;
        }

        ClassBuilder modifiers(int line, Modifier... modifiers) {
            this.modifiers = Optional.of(mods(line, modifiers));
            return this;
        }

        ClassBuilder extending(String type, int line) {
            this.superclass = Optional.of(at(JavaType.parse(type), line));
            return this;
        }

        ClassBuilder implementing(String type, int line) {
            this.interfaces.add(at(JavaType.parse(type), line));
            return this;
        }

        ClassBuilder annotation(AnnotationSpec annotation) {
            this.annotations.add(annotation);
            return this;
        }

        ClassBuilder field(FieldSpec field) {
            this.fields.add(field);
            return this;
        }

        ClassBuilder constructor(ConstructorSpec constructor) {
            this.constructors.add(constructor);
            return this;
        }

        ClassBuilder method(MethodBuilder method) {
            this.methods.add(method.build());
            return this;
        }

        ClassSpec build() {
            return new ClassSpec(name, kind, modifiers, superclass, interfaces, annotations, fields, constructors,
                    methods, at(line));
        }
    }
}
