package io.importspy.internal.inspect;

import io.importspy.inspect.AnnotationFacts;
import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.FieldFacts;
import io.importspy.inspect.MethodFacts;
import io.importspy.inspect.Origin;
import io.importspy.java.ClassKind;
import io.importspy.java.JavaType;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The pass over a class file (code skipped): everything {@link ClassFacts} holds except names from local variables. */
final class ClassCollector extends ClassVisitor {
    private int version;
    private int access;
    private String internalName;
    private String superName;
    private List<String> interfaces = List.of();
    private String signature;
    private Integer innerAccess;
    private String outerName;
    private boolean sealed;
    private boolean record;
    private final List<AnnotationFacts> annotations = new ArrayList<>();
    private final List<FieldFacts> fields = new ArrayList<>();
    /** One per method_info in class-file order; {@code null} for {@code <clinit>}, which is not recorded. */
    private final List<MethodCollector> methods = new ArrayList<>();
    private final Signatures.Cache types;

    /** The checked class file read, whose constant pool tells which of its own fields it references. */
    private final ClassFileFormat format;
    /**
     * {@code name:descriptor} of each field of this class that its own code references ({@link #ownFieldReferences}),
     * found when a static field with a ConstantValue attribute first asks.
     */
    private java.util.Set<String> referenced;

    ClassCollector(Signatures.Cache types, ClassFileFormat format) {
        super(Opcodes.ASM9);
        this.types = types;
        this.format = format;
    }

    /**
     * {@code name:descriptor} of each field of its own class that the checked class file {@code format} references in
     * its constant pool. javac never references a constant variable of its own class (it inlines its value), but a
     * hand-made class can assign its {@code static final} field in its static initializer, which then holds that
     * value and not the one of its {@code ConstantValue} attribute.
     */
    static java.util.Set<String> ownFieldReferences(ClassFileFormat format) {
        java.util.Set<String> found = null;
        for (int i = 1; i < format.tags.length; i++) {
            if (format.tags[i] != ClassFileFormat.FIELDREF
                    || !format.sameText(format.classNameOf(format.u2(format.offsets[i])), format.thisName)) {
                continue;
            }
            int nameAndType = format.offsets[format.u2(format.offsets[i] + 2)];
            if (found == null) {
                found = new java.util.HashSet<>();
            }
            found.add(format.utf8(format.u2(nameAndType)) + ":" + format.utf8(format.u2(nameAndType + 2)));
        }
        return found == null ? java.util.Set.of() : found;
    }


    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.version = version & 0xFFFF;
        this.access = access;
        this.internalName = name;
        this.superName = superName;
        this.signature = readsJava5Attributes() ? signature : null;
        this.interfaces = interfaces == null ? List.of() : binaryNames(interfaces);
    }

    private java.util.Set<String> referenced() {
        if (referenced == null) {
            referenced = ownFieldReferences(format);
        }
        return referenced;
    }

    @Override
    public void visitInnerClass(String name, String outerName, String innerName, int access) {
        if (name.equals(internalName)) {
            innerAccess = access;
            this.outerName = outerName; // null for local and anonymous classes
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

    /**
     * Whether the JVM reads this class file's {@code Signature} and annotation attributes: only from version 49
     * (Java 5) on; in an older class file it ignores them, and so do the facts.
     */
    private boolean readsJava5Attributes() {
        return version >= JAVA_5;
    }

    /** The class-file major version of Java 5, the first whose {@code Signature} and annotations the JVM reads. */
    static final int JAVA_5 = 49;

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        return readsJava5Attributes() ? new AnnotationCollector(descriptor, annotations::add) : null;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        JavaType erasure = Signatures.fieldType(descriptor, types);
        JavaType type = erasure;
        if (signature != null && readsJava5Attributes()) {
            try {
                type = Signatures.fieldType(signature, types);
            } catch (IllegalArgumentException malformed) {
                type = erasure;
            }
        }
        // the JVM sets a field from its ConstantValue attribute only when the field is static; it ignores the
        // attribute on an instance field, so that is no constant; nor is one the class's own code may assign
        Optional<Object> constant = (access & Opcodes.ACC_STATIC) == 0 || value == null
                || referenced().contains(name + ":" + descriptor)
                ? Optional.empty() : Optional.ofNullable(constant(descriptor, value));
        List<AnnotationFacts> fieldAnnotations = new ArrayList<>();
        JavaType fieldType = type;
        return new FieldVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotationDescriptor, boolean visible) {
                return readsJava5Attributes() ? new AnnotationCollector(annotationDescriptor, fieldAnnotations::add)
                        : null;
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
            methods.add(null);
            return null;
        }
        MethodCollector method = new MethodCollector(access, name, descriptor,
                readsJava5Attributes() ? signature : null, exceptions, types, readsJava5Attributes());
        methods.add(method);
        return method;
    }

    String internalName() {
        return internalName;
    }

    /** Whether some method's parameter names can only come from its LocalVariableTable. */
    boolean needsLocalNames() {
        for (MethodCollector method : methods) {
            if (method != null && method.needsLocalNames()) {
                return true;
            }
        }
        return false;
    }

    /** The method collectors in class-file order ({@code null} for {@code <clinit>}). */
    List<MethodCollector> methods() {
        return methods;
    }

    ClassFacts toFacts(Origin origin) {
        boolean isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
        Optional<String> superclass = isInterface || superName == null || (access & Opcodes.ACC_MODULE) != 0
                ? Optional.empty() : Optional.of(Signatures.binaryName(superName));
        int sourceAccess = innerAccess != null ? innerAccess : access;
        List<MethodFacts> methodFacts = new ArrayList<>(methods.size());
        for (MethodCollector method : methods) {
            if (method != null) {
                methodFacts.add(method.toFacts(isInterface, hiddenParameters(method)));
            }
        }
        Optional<Signatures.ClassTypes> generic = generic(superclass);
        return ClassFacts.builder(Signatures.binaryName(internalName), origin, kind())
                .modifiers(Modifiers.ofClass(sourceAccess, sealed)).superclass(superclass).interfaces(interfaces)
                .typeParameters(generic.map(Signatures.ClassTypes::typeParameters).orElse(List.of()))
                .genericSupertypes(generic.isPresent() && superclass.isPresent()
                                ? Optional.of(generic.get().superclass()) : superclass.map(JavaType::of),
                        generic.map(Signatures.ClassTypes::interfaces)
                                .orElse(asTypes(interfaces)))
                .annotations(annotations).fields(fields).methods(methodFacts).classFileMajor(version).build();
    }

    /**
     * How many leading parameters of {@code method} the compiler added and Java source does not write: an
     * enum constructor's name and ordinal, an inner (non-static member) class constructor's outer instance.
     */
    private int hiddenParameters(MethodCollector method) {
        if (!"<init>".equals(method.name)) {
            return 0;
        }
        if (kind() == ClassKind.ENUM && method.descriptor.startsWith("(Ljava/lang/String;I")) {
            return 2;
        }
        boolean innerMember = innerAccess != null && outerName != null && (innerAccess & Opcodes.ACC_STATIC) == 0
                && (access & Opcodes.ACC_INTERFACE) == 0;
        return innerMember && method.descriptor.startsWith("(L" + outerName + ";") ? 1 : 0;
    }

    // Loops rather than streams: every class a command reads comes through here, and a stream's collector links
    // the JDK's lambdas, whose first costs a run the JDK's method-handle machinery.

    private static List<String> binaryNames(String[] internalNames) {
        List<String> names = new ArrayList<>(internalNames.length);
        for (String name : internalNames) {
            names.add(Signatures.binaryName(name));
        }
        return Collections.unmodifiableList(names);
    }

    private static List<JavaType> asTypes(List<String> names) {
        List<JavaType> types = new ArrayList<>(names.size());
        for (String name : names) {
            types.add(JavaType.of(name));
        }
        return Collections.unmodifiableList(types);
    }

    /** Whether the supertypes {@code generic} names are the erased ones of the class file. */
    private boolean agrees(Optional<String> superclass, Signatures.ClassTypes generic) {
        if (superclass.isPresent() && !superclass.get().equals(generic.superclass().name())) {
            return false;
        }
        List<JavaType> named = generic.interfaces();
        if (named.size() != interfaces.size()) {
            return false;
        }
        for (int i = 0; i < named.size(); i++) {
            if (!named.get(i).name().equals(interfaces.get(i))) {
                return false;
            }
        }
        return true;
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
            Signatures.ClassTypes generic = Signatures.classTypes(signature, types);
            return agrees(superclass, generic) ? Optional.of(generic) : Optional.empty();
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
