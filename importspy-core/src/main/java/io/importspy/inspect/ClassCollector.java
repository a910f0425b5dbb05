package io.importspy.inspect;

import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** First pass over a class file (code skipped): everything {@link ClassFacts} holds except local names. */
final class ClassCollector extends ClassVisitor {
    private int version;
    private int access;
    private String internalName;
    private String superName;
    private List<String> interfaces = List.of();
    private String signature;
    private Integer innerAccess;
    private boolean sealed;
    private boolean record;
    private final List<AnnotationFacts> annotations = new ArrayList<>();
    private final List<FieldFacts> fields = new ArrayList<>();
    private final Map<String, MethodCollector> methods = new LinkedHashMap<>();

    ClassCollector() {
        super(Opcodes.ASM9);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.version = version & 0xFFFF;
        this.access = access;
        this.internalName = name;
        this.superName = superName;
        this.signature = signature;
        this.interfaces = interfaces == null ? List.of() : Arrays.stream(interfaces).map(Signatures::binaryName).toList();
    }

    @Override
    public void visitInnerClass(String name, String outerName, String innerName, int access) {
        if (name.equals(internalName)) {
            innerAccess = access;
        }
    }

    @Override
    public void visitPermittedSubclass(String permittedSubclass) {
        sealed = true;
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
        record = true;
        return null;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return new AnnotationCollector(descriptor, annotations::add);
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        JavaType erasure = Signatures.fieldType(descriptor);
        JavaType type = erasure;
        if (signature != null) {
            try {
                type = Signatures.fieldType(signature);
            } catch (IllegalArgumentException malformed) {
                type = erasure;
            }
        }
        Optional<Object> constant = Optional.ofNullable(constant(descriptor, value));
        List<AnnotationFacts> fieldAnnotations = new ArrayList<>();
        JavaType fieldType = type;
        return new FieldVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotationDescriptor, boolean visible) {
                return new AnnotationCollector(annotationDescriptor, fieldAnnotations::add);
            }

            @Override
            public void visitEnd() {
                fields.add(new FieldFacts(name, fieldType, erasure, Modifiers.ofField(access), constant,
                        fieldAnnotations));
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        if ("<clinit>".equals(name)) {
            return null;
        }
        MethodCollector method = new MethodCollector(access, name, descriptor, signature, exceptions);
        methods.put(name + descriptor, method);
        return method;
    }

    String internalName() {
        return internalName;
    }

    /** Whether some method's parameter names can only come from its LocalVariableTable. */
    boolean needsLocalNames() {
        return methods.values().stream().anyMatch(MethodCollector::needsLocalNames);
    }

    /** A visitor for a second pass (frames skipped, code read) that fills names from LocalVariableTables. */
    ClassVisitor localNamesPass() {
        return new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodCollector method = methods.get(name + descriptor);
                return method != null && method.needsLocalNames() ? method.localNames() : null;
            }
        };
    }

    ClassFacts toFacts(Origin origin) {
        boolean isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
        Optional<String> superclass = isInterface || superName == null || (access & Opcodes.ACC_MODULE) != 0
                ? Optional.empty() : Optional.of(Signatures.binaryName(superName));
        int sourceAccess = innerAccess != null ? innerAccess : access;
        List<MethodFacts> methodFacts = methods.values().stream().map(m -> m.toFacts(isInterface)).toList();
        Optional<Signatures.ClassTypes> generic = generic(superclass);
        return new ClassFacts(Signatures.binaryName(internalName), origin, kind(), Modifiers.ofClass(sourceAccess, sealed),
                superclass, interfaces,
                generic.map(Signatures.ClassTypes::typeParameters).orElse(List.of()),
                generic.isPresent() && superclass.isPresent()
                        ? Optional.of(generic.get().superclass()) : superclass.map(JavaType::of),
                generic.map(Signatures.ClassTypes::interfaces).orElse(interfaces.stream().map(JavaType::of).toList()),
                annotations, fields, methodFacts, version);
    }

    /**
     * The class's Signature attribute, when it has one that agrees with the erased supertypes; a malformed
     * or disagreeing signature (hand-made or damaged class files) is ignored, as the JVM ignores it.
     */
    private Optional<Signatures.ClassTypes> generic(Optional<String> superclass) {
        if (signature == null) {
            return Optional.empty();
        }
        try {
            Signatures.ClassTypes types = Signatures.classTypes(signature);
            boolean agrees = superclass.map(s -> s.equals(types.superclass().name())).orElse(true)
                    && interfaces.equals(types.interfaces().stream().map(JavaType::name).toList());
            return agrees ? Optional.of(types) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private ClassKind kind() {
        if ((access & Opcodes.ACC_ANNOTATION) != 0) {
            return ClassKind.ANNOTATION;
        }
        if ((access & Opcodes.ACC_INTERFACE) != 0) {
            return ClassKind.INTERFACE;
        }
        if ((access & Opcodes.ACC_ENUM) != 0 && "java/lang/Enum".equals(superName)) {
            return ClassKind.ENUM;
        }
        if (record || "java/lang/Record".equals(superName)) {
            return ClassKind.RECORD;
        }
        return ClassKind.CLASS;
    }

    /** ConstantValue holds an int for boolean, char, byte and short; box as the field's type. */
    private static Object constant(String descriptor, Object value) {
        if (!(value instanceof Integer)) {
            return value;
        }
        int number = (Integer) value;
        switch (descriptor) {
            case "Z": return number != 0;
            case "C": return (char) number;
            case "B": return (byte) number;
            case "S": return (short) number;
            default: return value;
        }
    }
}
