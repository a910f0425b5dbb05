package io.importspy.enforce;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.FieldFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.ModuleIdentity;
import io.importspy.inspect.Origin;
import io.importspy.inspect.ParameterFacts;
import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Facts read through reflection from live classes: for importers with no bytes on disk, and for static
 * values only a running class has. Never initializes a class: lookups use {@code Class.forName(name,
 * false, loader)}, static values are read only from classes that have a frame on the current
 * thread's stack (so they are initialized, or being initialized by this very thread), and annotations are
 * never read through reflection, which initializes the enum of an enum value ({@link LiveAnnotations}).
 */
final class LiveFacts {
    private LiveFacts() {
    }

    /**
     * The module of a class that has no bytes on disk: the class itself, the named classes its loader
     * finds, and their supertypes.
     */
    static ModuleFacts module(Class<?> importer, Set<String> named, Collection<Class<?>> running) {
        Object key = CodeSources.moduleKey(importer);
        Map<String, ClassFacts> classes = new LinkedHashMap<>();
        List<Class<?>> pending = new ArrayList<>();
        pending.add(importer);
        for (String name : named) {
            find(name, importer.getClassLoader()).ifPresent(pending::add);
        }
        while (!pending.isEmpty()) {
            Class<?> type = pending.remove(pending.size() - 1);
            if (classes.containsKey(type.getName())) {
                continue;
            }
            Origin origin = CodeSources.moduleKey(type).equals(key) ? Origin.LIVE
                    : CodeSources.isJdk(type) ? Origin.JDK : Origin.CLASSPATH;
            classes.put(type.getName(), of(type, origin, running.contains(type)));
            if (type.getSuperclass() != null) {
                pending.add(type.getSuperclass());
            }
            pending.addAll(Arrays.asList(type.getInterfaces()));
        }
        Module module = importer.getModule();
        List<ModuleIdentity.Declared> names = module.isNamed()
                ? List.of(new ModuleIdentity.Declared(module.getName(), "module-info")) : List.of();
        List<ModuleIdentity.Declared> versions = module.isNamed() && module.getDescriptor() != null
                ? module.getDescriptor().rawVersion().map(v -> new ModuleIdentity.Declared(v, "module-info")).stream()
                .toList() : List.of();
        Map<String, List<String>> services = new LinkedHashMap<>();
        if (module.isNamed() && module.getDescriptor() != null) {
            module.getDescriptor().provides().forEach(p -> services.put(p.service(), p.providers()));
        }
        return new ModuleFacts("live class " + importer.getName(), new ModuleIdentity(names, versions, ""),
                Map.of(), services, Set.of(), classes, Set.of());
    }

    /** {@code facts} with the live values of static fields of the given running classes of the module. */
    static ModuleFacts withLiveValues(ModuleFacts facts, Collection<Class<?>> running) {
        Map<String, ClassFacts> classes = new LinkedHashMap<>(facts.classes());
        boolean changed = false;
        for (Class<?> type : running) {
            ClassFacts known = classes.get(type.getName());
            if (known == null || known.origin() != Origin.TARGET) {
                continue;
            }
            List<FieldFacts> fields = new ArrayList<>();
            for (FieldFacts field : known.fields()) {
                Optional<Object> live = field.constant().isPresent() || !field.modifiers().contains(Modifier.STATIC)
                        ? Optional.empty() : staticValue(type, field.name());
                fields.add(live.isEmpty() ? field : new FieldFacts(field.name(), field.type(), field.erasure(),
                        field.modifiers(), live, field.annotations()));
                changed |= live.isPresent();
            }
            classes.put(known.name(), known.toBuilder().fields(fields).build());
        }
        return !changed ? facts : facts.withClasses(classes);
    }

    /** The class named {@code name}, loaded but never initialized. */
    static Optional<Class<?>> find(String name, ClassLoader loader) {
        try {
            return Optional.of(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            int dot = name.lastIndexOf('.');
            return dot < 0 || name.indexOf('$') >= 0 ? Optional.empty()
                    : find(name.substring(0, dot) + '$' + name.substring(dot + 1), loader);
        }
    }

    /** The facts of one live class; static values are read only when {@code running}. */
    static ClassFacts of(Class<?> type, Origin origin, boolean running) {
        List<FieldFacts> fields = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            boolean isStatic = java.lang.reflect.Modifier.isStatic(field.getModifiers());
            fields.add(new FieldFacts(field.getName(), LiveTypes.javaType(field.getGenericType()),
                    LiveTypes.javaType(field.getType()), LiveTypes.modifiers(field.getModifiers()),
                    running && isStatic ? staticValue(type, field.getName()) : Optional.empty(), List.of()));
        }
        List<MethodFacts> methods = new ArrayList<>();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            methods.add(method("<init>", constructor, JavaType.of("void"), JavaType.of("void"),
                    constructor.getModifiers(), false, hiddenParameters(type, constructor)));
        }
        for (Method method : type.getDeclaredMethods()) {
            methods.add(method(method.getName(), method, LiveTypes.javaType(method.getGenericReturnType()),
                    LiveTypes.javaType(method.getReturnType()), method.getModifiers(), method.isDefault(), 0));
        }
        Set<Modifier> modifiers = LiveTypes.modifiers(type.getModifiers());
        if (type.isInterface()) {
            modifiers.remove(Modifier.ABSTRACT);
        }
        if (type.isSealed()) {
            modifiers.add(Modifier.SEALED);
        }
        Optional<String> superclass =
                Optional.ofNullable(type.getSuperclass()).filter(s -> !type.isInterface()).map(Class::getName);
        List<String> interfaces = Arrays.stream(type.getInterfaces()).map(Class::getName).toList();
        Optional<JavaType> genericSuperclass = superclass.map(JavaType::of);
        List<JavaType> genericInterfaces = interfaces.stream().map(JavaType::of).toList();
        List<String> typeParameters = List.of();
        try {
            typeParameters = Arrays.stream(type.getTypeParameters()).map(TypeVariable::getName).toList();
            if (superclass.isPresent()) {
                genericSuperclass = Optional.of(LiveTypes.javaType(type.getGenericSuperclass()));
            }
            genericInterfaces = Arrays.stream(type.getGenericInterfaces()).map(LiveTypes::javaType).toList();
        } catch (RuntimeException | LinkageError malformed) {
            // a malformed or unresolvable Signature attribute: keep the erased supertypes
            typeParameters = List.of();
            genericSuperclass = superclass.map(JavaType::of);
            genericInterfaces = interfaces.stream().map(JavaType::of).toList();
        }
        ClassFacts live = ClassFacts.builder(type.getName(), origin, kind(type)).modifiers(modifiers)
                .superclass(superclass).interfaces(interfaces).typeParameters(typeParameters)
                .genericSupertypes(genericSuperclass, genericInterfaces).fields(fields).methods(methods).build();
        return LiveAnnotations.of(type, live);
    }

    /**
     * How many leading constructor parameters the compiler added and source does not write (as the bytecode
     * reader counts them): an enum's name and ordinal, an inner class's outer instance.
     */
    private static int hiddenParameters(Class<?> type, Constructor<?> constructor) {
        Class<?>[] parameters = constructor.getParameterTypes();
        if (type.isEnum() && parameters.length >= 2 && parameters[0] == String.class && parameters[1] == int.class) {
            return 2;
        }
        boolean innerMember = type.isMemberClass() && !java.lang.reflect.Modifier.isStatic(type.getModifiers())
                && !type.isInterface();
        return innerMember && parameters.length >= 1 && parameters[0] == type.getDeclaringClass() ? 1 : 0;
    }

    private static MethodFacts method(String name, Executable executable, JavaType returns, JavaType erasedReturn,
                                      int bits, boolean isDefault, int hidden) {
        List<ParameterFacts> parameters = new ArrayList<>();
        Parameter[] declared = executable.getParameters();
        for (int i = hidden; i < declared.length; i++) {
            Parameter p = declared[i];
            JavaType type = LiveTypes.javaType(p.getParameterizedType());
            JavaType erasure = LiveTypes.javaType(p.getType());
            if (executable.isVarArgs() && i == declared.length - 1) {
                type = LiveTypes.varargs(type);
                erasure = LiveTypes.varargs(erasure);
            }
            parameters.add(new ParameterFacts(p.isNamePresent() ? Optional.of(p.getName()) : Optional.empty(),
                    type, erasure));
        }
        Set<Modifier> modifiers = LiveTypes.modifiers(bits);
        if (isDefault) {
            modifiers.add(Modifier.DEFAULT);
        }
        boolean synthetic = executable.isSynthetic() || executable instanceof Method m && m.isBridge();
        return MethodFacts.builder(name).parameters(parameters).returns(returns, erasedReturn)
                .exceptions(Arrays.stream(executable.getGenericExceptionTypes()).map(LiveTypes::javaType).toList())
                .modifiers(modifiers).varargs(executable.isVarArgs()).synthetic(synthetic)
                .typeParameters(Arrays.stream(executable.getTypeParameters())
                        .map(java.lang.reflect.TypeVariable::getName).toList())
                .build();
    }

    private static ClassKind kind(Class<?> type) {
        return type.isAnnotation() ? ClassKind.ANNOTATION : type.isInterface() ? ClassKind.INTERFACE
                : type.isEnum() ? ClassKind.ENUM : type.isRecord() ? ClassKind.RECORD : ClassKind.CLASS;
    }

    /** Reads a static field of a class that is running on this thread; empty when it cannot be read. */
    private static Optional<Object> staticValue(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return LiveTypes.constant(field.get(null));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
