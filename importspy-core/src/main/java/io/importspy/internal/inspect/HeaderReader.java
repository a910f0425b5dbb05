package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import io.importspy.inspect.Origin;
import io.importspy.java.ClassKind;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the head of a class file into a {@link ClassHeader}: access, name, supertypes, the InnerClasses and
 * PermittedSubclasses attributes and the class's annotations. The pass stops at the first record component,
 * field or method, so no member is ever parsed.
 */
final class HeaderReader extends ClassVisitor {
    /** Thrown to end ASM's pass once the head is read; no stack trace, one shared instance. */
    private static final RuntimeException DONE = new RuntimeException("header read", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    private int access;
    private String internalName;
    private String superName;
    private String[] interfaces;
    private Integer innerAccess;
    private boolean sealed;
    private final List<String> annotations = new ArrayList<>(2);

    private HeaderReader() {
        super(Opcodes.ASM9);
    }

    /**
     * The header of the class in {@code bytes}, read from {@code entry} (see {@link ClassFiles#checked(byte[],
     * String, String)}) through the layout of the check ({@link ClassFileVisit}); {@code where} names it in
     * errors.
     */
    static ClassHeader read(byte[] bytes, Origin origin, String where, String entry) {
        return read(ClassFiles.checked(bytes, where, entry), origin);
    }

    /** The header of a class file that {@link ClassFiles#checked} has checked. */
    static ClassHeader read(ClassFileFormat format, Origin origin) {
        String where = format.where;
        HeaderReader header = new HeaderReader();
        try {
            ClassFileVisit.accept(format, header);
        } catch (InspectionException located) {
            throw located; // already names the class file (a malformed annotation value)
        } catch (RuntimeException stopped) {
            if (stopped != DONE) {
                throw new InspectionException(where + ": not a valid class file (" + (stopped.getMessage() == null
                        ? "truncated or corrupt" : stopped.getMessage()) + ")", stopped);
            }
        }
        return header.toHeader(origin);
    }

    /**
     * The header of a class file of which only the head was read and checked ({@link ClassFiles#checkedHead}):
     * its kind, supertypes and modifiers from its own flags (a nested class's InnerClasses entry and a sealed
     * class's PermittedSubclasses are not read), and no annotations. {@link HeaderInspection} reads the whole
     * class file wherever what is not read could change a selection.
     */
    static ClassHeader ofHead(ClassFileFormat head, Origin origin) {
        HeaderReader header = new HeaderReader();
        int at = head.header;
        header.access = head.u2(at);
        header.internalName = head.utf8(head.classNameOf(head.u2(at + 2)));
        header.superName = head.superName == 0 ? null : head.utf8(head.superName);
        String[] interfaces = new String[head.u2(at + 6)];
        for (int i = 0; i < interfaces.length; i++) {
            interfaces[i] = head.utf8(head.classNameOf(head.u2(at + 8 + 2 * i)));
        }
        header.interfaces = interfaces;
        return header.toHeader(origin);
    }

    private boolean annotated;

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.annotated = (version & 0xFFFF) >= ClassCollector.JAVA_5; // the JVM ignores older files' annotations
        this.access = access;
        this.internalName = name;
        this.superName = superName;
        this.interfaces = interfaces;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        if (annotated && descriptor.length() > 2 && descriptor.charAt(0) == 'L') {
            annotations.add(Signatures.binaryName(descriptor.substring(1, descriptor.length() - 1)));
        }
        return null;
    }

    @Override
    public void visitPermittedSubclass(String permittedSubclass) {
        sealed = true;
    }

    @Override
    public void visitInnerClass(String name, String outerName, String innerName, int access) {
        if (name.equals(internalName)) {
            innerAccess = access;
        }
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
        throw DONE;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        throw DONE;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        throw DONE;
    }

    @Override
    public void visitEnd() {
        throw DONE;
    }

    private ClassHeader toHeader(Origin origin) {
        boolean isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
        Optional<String> superclass = isInterface || superName == null
                ? Optional.empty() : Optional.of(Signatures.binaryName(superName));
        List<String> direct = new ArrayList<>(interfaces == null ? 0 : interfaces.length);
        if (interfaces != null) {
            for (String name : interfaces) {
                direct.add(Signatures.binaryName(name));
            }
        }
        return new ClassHeader(Signatures.binaryName(internalName), origin, kind(), Modifiers.ofClass(
                innerAccess != null ? innerAccess : access, sealed), superclass, direct, annotations);
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
        return "java/lang/Record".equals(superName) ? ClassKind.RECORD : ClassKind.CLASS;
    }
}
