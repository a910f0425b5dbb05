package io.importspy.enforce;

import io.importspy.inspect.AnnotationFacts;
import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.FieldFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.ParameterFacts;
import io.importspy.internal.inspect.Inspector;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The annotations of a live class, read from its class file, never through reflection: resolving an enum value
 * of an annotation ({@code @Mode(Mode.FAST)}, or an element's enum default) initializes that enum, so reflection
 * would run a plugin's static initializer during its own validation. The class file is the one the class's
 * module or loader serves for its name; it stands for the live class only when it declares the same class
 * (name, superclass, interfaces, fields and methods). A class with no such class file is given no annotations,
 * so that a contract asking for one fails rather than passes.
 */
final class LiveAnnotations {
    /** Far above any class file javac writes; a larger resource is not read. */
    private static final int MAX_CLASS_FILE = 16 << 20;

    private LiveAnnotations() {
    }

    /** {@code live} with the annotations of {@code type}'s class file, when it has one that matches. */
    static ClassFacts of(Class<?> type, ClassFacts live) {
        return classFile(type).filter(file -> sameDeclaration(live, file)).map(file -> annotated(live, file))
                .orElse(live);
    }

    private static Optional<ClassFacts> classFile(Class<?> type) {
        if (type.isHidden() || type.isArray() || type.isPrimitive()) {
            return Optional.empty();
        }
        String entry = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader();
        try (InputStream in = type.getModule().isNamed() ? type.getModule().getResourceAsStream(entry)
                : loader != null ? loader.getResourceAsStream(entry) : null) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readNBytes(MAX_CLASS_FILE + 1);
            return bytes.length > MAX_CLASS_FILE ? Optional.empty()
                    : Optional.of(Inspector.classFile(bytes, "live class " + type.getName(), entry));
        } catch (IOException | RuntimeException unreadable) { // InspectionException included: no class file
            return Optional.empty();
        }
    }

    private static boolean sameDeclaration(ClassFacts live, ClassFacts file) {
        return live.name().equals(file.name()) && live.superclass().equals(file.superclass())
                && live.interfaces().equals(file.interfaces())
                && names(live.fields()).equals(names(file.fields()))
                && live.methods().stream().map(LiveAnnotations::signature).collect(Collectors.toSet())
                .equals(file.methods().stream().map(LiveAnnotations::signature).collect(Collectors.toSet()));
    }

    private static Set<String> names(List<FieldFacts> fields) {
        return fields.stream().map(FieldFacts::name).collect(Collectors.toSet());
    }

    private static String signature(MethodFacts method) {
        return method.name() + method.parameters().stream().map(ParameterFacts::erasure).map(Object::toString)
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static ClassFacts annotated(ClassFacts live, ClassFacts file) {
        Map<String, List<AnnotationFacts>> fieldAnnotations = new HashMap<>();
        file.fields().forEach(field -> fieldAnnotations.put(field.name(), field.annotations()));
        Map<String, List<AnnotationFacts>> methodAnnotations = new HashMap<>();
        file.methods().forEach(method -> methodAnnotations.put(signature(method), method.annotations()));
        List<FieldFacts> fields = new ArrayList<>();
        for (FieldFacts field : live.fields()) {
            fields.add(new FieldFacts(field.name(), field.type(), field.erasure(), field.modifiers(), field.constant(),
                    fieldAnnotations.getOrDefault(field.name(), List.of())));
        }
        List<MethodFacts> methods = new ArrayList<>();
        for (MethodFacts method : live.methods()) {
            methods.add(method.toBuilder()
                    .annotations(methodAnnotations.getOrDefault(signature(method), List.of())).build());
        }
        return live.toBuilder().annotations(file.annotations()).fields(fields).methods(methods).build();
    }
}
