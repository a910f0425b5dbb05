package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * One entry of {@code classes:}: a class the module must contain, and what it must look like.
 *
 * @param name        binary name as written ({@code a.b.Outer$Inner} or {@code a.b.Outer.Inner})
 * @param kind        class, interface, enum, record or annotation
 * @param modifiers   modifiers that must all be present
 * @param superclass  a class that must appear anywhere in the superclass chain
 * @param interfaces  interfaces that must appear anywhere in the type hierarchy
 * @param annotations annotations the class must carry
 * @param fields      required fields
 * @param constructors required constructors
 * @param methods     required methods
 * @param location    where the entry was written
 * @param select      for an entry that selects its classes ({@code select:}) rather than naming one: the
 *                    selector; {@code name} is then the selector as written, and the entry's requirements
 *                    apply to every selected class
 */
@API(status = INTERNAL, since = "0.1.0")
public record ClassSpec(String name, Optional<Located<ClassKind>> kind, Optional<Located<Set<Modifier>>> modifiers,
                        Optional<Located<JavaType>> superclass, List<Located<JavaType>> interfaces,
                        List<AnnotationSpec> annotations, List<FieldSpec> fields,
                        List<ConstructorSpec> constructors, List<MethodSpec> methods, Location location,
                        Optional<SelectSpec> select) {
    public ClassSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(modifiers, "modifiers");
        Objects.requireNonNull(superclass, "superclass");
        Objects.requireNonNull(location, "location");
        interfaces = List.copyOf(interfaces);
        annotations = List.copyOf(annotations);
        fields = List.copyOf(fields);
        constructors = List.copyOf(constructors);
        methods = List.copyOf(methods);
        Objects.requireNonNull(select, "select");
    }

    /** An entry that names its class. */
    public ClassSpec(String name, Optional<Located<ClassKind>> kind, Optional<Located<Set<Modifier>>> modifiers,
                     Optional<Located<JavaType>> superclass, List<Located<JavaType>> interfaces,
                     List<AnnotationSpec> annotations, List<FieldSpec> fields,
                     List<ConstructorSpec> constructors, List<MethodSpec> methods, Location location) {
        this(name, kind, modifiers, superclass, interfaces, annotations, fields, constructors, methods, location,
                Optional.empty());
    }

    /** The requirements of this entry, for the class {@code className} (one a selection selected). */
    public ClassSpec forClass(String className) {
        return new ClassSpec(className, kind, modifiers, superclass, interfaces, annotations, fields, constructors,
                methods, location, Optional.empty());
    }
}
