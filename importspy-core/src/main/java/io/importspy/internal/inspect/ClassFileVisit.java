package io.importspy.internal.inspect;

import static io.importspy.internal.inspect.ClassFileFormat.DOUBLE;
import static io.importspy.internal.inspect.ClassFileFormat.FLOAT;
import static io.importspy.internal.inspect.ClassFileFormat.INTEGER;
import static io.importspy.internal.inspect.ClassFileFormat.LONG;
import static io.importspy.internal.inspect.ClassFileFormat.STRING;
import static io.importspy.internal.inspect.ClassFileFormat.UTF8;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;

/**
 * Replays a class file that {@link ClassFileFormat} has checked to an ASM {@link ClassVisitor}, as
 * {@code ClassReader.accept(visitor, SKIP_CODE | SKIP_FRAMES)} would, through the constant pool and member
 * layout the check laid out: the bytes are parsed once, by the check, and each constant's text is made once. It makes the calls ImportSpy's visitors
 * use, in ASM's order and with ASM's values (access flags with {@code ACC_SYNTHETIC}, {@code ACC_DEPRECATED}
 * and {@code ACC_RECORD} added for their attributes, annotation values boxed as ASM boxes them): the class
 * header, its annotations, permitted subclasses, the InnerClasses entries of the class itself (the only ones
 * ImportSpy's visitors read), record components (of a class extending
 * {@code java.lang.Record}, the only components the JVM reads), then each field with its
 * constant and annotations and each method with its exceptions, parameters and annotations. Source, module,
 * nest, enclosing method, type and parameter annotations and unknown attributes are not visited.
 *
 * <p>The check bounds every attribute but not the inside of annotation values (the JVM does not judge them
 * when it defines a class), so those are read with their bounds and constant tags checked: a malformed value
 * is an error naming the class file, never a value read from elsewhere.
 */
final class ClassFileVisit {
    private final ClassFileFormat f;
    private final byte[] b;

    private ClassFileVisit(ClassFileFormat format) {
        this.f = format;
        this.b = format.bytes;
    }

    /** Visits the checked class file {@code format} with {@code visitor}. */
    static void accept(ClassFileFormat format, ClassVisitor visitor) {
        new ClassFileVisit(format).run(visitor);
    }

    private void run(ClassVisitor visitor) {
        int offset = f.header;
        int access = u2(offset);
        String name = className(u2(offset + 2));
        String superName = className(u2(offset + 4));
        String[] interfaces = new String[u2(offset + 6)];
        offset += 8;
        for (int i = 0; i < interfaces.length; i++, offset += 2) {
            interfaces[i] = className(u2(offset));
        }
        int fields = offset;
        offset = skipMembers(offset);
        int methods = offset;
        offset = skipMembers(offset);
        String signature = null;
        int visible = 0;
        int invisible = 0;
        int permitted = 0;
        int inner = 0;
        int record = 0;
        int attributes = u2(offset);
        offset += 2;
        for (int i = 0; i < attributes; i++) {
            int body = offset + 6;
            switch (ClassFileAttributes.kind(f, u2(offset))) {
                case ClassFileAttributes.SIGNATURE -> signature = utf8(u2(body));
                case ClassFileAttributes.VISIBLE_ANNOTATIONS -> visible = body;
                case ClassFileAttributes.INVISIBLE_ANNOTATIONS -> invisible = body;
                case ClassFileAttributes.PERMITTED_SUBCLASSES -> permitted = body;
                case ClassFileAttributes.INNER_CLASSES -> inner = body;
                case ClassFileAttributes.RECORD -> {
                    // the JVM reads (and the check judges) the components of a class extending Record alone
                    if (f.major >= 60 && "java/lang/Record".equals(superName)) {
                        record = body;
                        access |= Opcodes.ACC_RECORD;
                    }
                }
                case ClassFileAttributes.SYNTHETIC -> access |= Opcodes.ACC_SYNTHETIC;
                case ClassFileAttributes.DEPRECATED -> access |= Opcodes.ACC_DEPRECATED;
                default -> {
                }
            }
            offset = body + u4(offset + 2);
        }
        int minor = u2(4);
        visitor.visit(minor << 16 | f.major, access, name, signature, superName, interfaces);
        annotations(visible, true, visitor, null, null);
        annotations(invisible, false, visitor, null, null);
        if (permitted != 0) {
            for (int count = u2(permitted), i = 0; i < count; i++) {
                visitor.visitPermittedSubclass(className(u2(permitted + 2 + 2 * i)));
            }
        }
        if (inner != 0) { // the class's own entries alone (its flags as source declares them, its outer class)
            for (int count = u2(inner), i = 0, at = inner + 2; i < count; i++, at += 8) {
                if (f.sameDecodedText(f.classNameOf(u2(at)), f.thisName)) {
                    visitor.visitInnerClass(name, className(u2(at + 2)), utf8(u2(at + 4)), u2(at + 6));
                }
            }
        }
        if (record != 0) {
            recordComponents(record, visitor);
        }
        for (int count = u2(fields), i = 0, at = fields + 2; i < count; i++) {
            at = field(at, visitor);
        }
        for (int count = u2(methods), i = 0, at = methods + 2; i < count; i++) {
            at = method(at, visitor);
        }
        visitor.visitEnd();
    }

    private void recordComponents(int offset, ClassVisitor visitor) {
        int at = offset + 2;
        for (int count = u2(offset), i = 0; i < count; i++) {
            String name = utf8(u2(at));
            String descriptor = utf8(u2(at + 2));
            String signature = null;
            int visible = 0;
            int invisible = 0;
            int attributes = at + 4;
            at += 6;
            for (int n = u2(attributes), k = 0; k < n; k++) {
                int body = at + 6;
                switch (ClassFileAttributes.kind(f, u2(at))) {
                    case ClassFileAttributes.SIGNATURE -> signature = utf8(u2(body));
                    case ClassFileAttributes.VISIBLE_ANNOTATIONS -> visible = body;
                    case ClassFileAttributes.INVISIBLE_ANNOTATIONS -> invisible = body;
                    default -> {
                    }
                }
                at = body + u4(at + 2);
            }
            RecordComponentVisitor component = visitor.visitRecordComponent(name, descriptor, signature);
            if (component != null) {
                annotations(visible, true, null, component, null);
                annotations(invisible, false, null, component, null);
                component.visitEnd();
            }
        }
    }

    private int field(int offset, ClassVisitor visitor) {
        int access = u2(offset);
        String name = utf8(u2(offset + 2));
        String descriptor = utf8(u2(offset + 4));
        String signature = null;
        Object constant = null;
        int visible = 0;
        int invisible = 0;
        int at = offset + 8;
        for (int count = u2(offset + 6), i = 0; i < count; i++) {
            int body = at + 6;
            switch (ClassFileAttributes.kind(f, u2(at))) {
                case ClassFileAttributes.CONSTANT_VALUE -> constant = constant(u2(body));
                case ClassFileAttributes.SIGNATURE -> signature = utf8(u2(body));
                case ClassFileAttributes.VISIBLE_ANNOTATIONS -> visible = body;
                case ClassFileAttributes.INVISIBLE_ANNOTATIONS -> invisible = body;
                case ClassFileAttributes.SYNTHETIC -> access |= Opcodes.ACC_SYNTHETIC;
                case ClassFileAttributes.DEPRECATED -> access |= Opcodes.ACC_DEPRECATED;
                default -> {
                }
            }
            at = body + u4(at + 2);
        }
        FieldVisitor field = visitor.visitField(access, name, descriptor, signature, constant);
        if (field != null) {
            annotations(visible, true, null, null, field);
            annotations(invisible, false, null, null, field);
            field.visitEnd();
        }
        return at;
    }

    private int method(int offset, ClassVisitor visitor) {
        int access = u2(offset);
        String name = utf8(u2(offset + 2));
        String descriptor = utf8(u2(offset + 4));
        String signature = null;
        String[] exceptions = null;
        int parameters = 0;
        int visible = 0;
        int invisible = 0;
        int at = offset + 8;
        for (int count = u2(offset + 6), i = 0; i < count; i++) {
            int body = at + 6;
            switch (ClassFileAttributes.kind(f, u2(at))) {
                case ClassFileAttributes.EXCEPTIONS -> {
                    exceptions = new String[u2(body)];
                    for (int k = 0; k < exceptions.length; k++) {
                        exceptions[k] = className(u2(body + 2 + 2 * k));
                    }
                }
                case ClassFileAttributes.SIGNATURE -> signature = utf8(u2(body));
                case ClassFileAttributes.METHOD_PARAMETERS -> parameters = body;
                case ClassFileAttributes.VISIBLE_ANNOTATIONS -> visible = body;
                case ClassFileAttributes.INVISIBLE_ANNOTATIONS -> invisible = body;
                case ClassFileAttributes.SYNTHETIC -> access |= Opcodes.ACC_SYNTHETIC;
                case ClassFileAttributes.DEPRECATED -> access |= Opcodes.ACC_DEPRECATED;
                default -> {
                }
            }
            at = body + u4(at + 2);
        }
        MethodVisitor method = visitor.visitMethod(access, name, descriptor, signature, exceptions);
        if (method != null) {
            if (parameters != 0) {
                for (int count = b[parameters] & 0xFF, k = 0, p = parameters + 1; k < count; k++, p += 4) {
                    method.visitParameter(utf8(u2(p)), u2(p + 2));
                }
            }
            annotations(visible, true, null, null, method);
            annotations(invisible, false, null, null, method);
            method.visitEnd();
        }
        return at;
    }

    /** The value of a ConstantValue attribute, boxed as ASM boxes it; null for an index to no such constant. */
    private Object constant(int index) {
        if (index < 1 || index >= f.tags.length) {
            return null; // possible on an instance field only, whose ConstantValue the JVM ignores
        }
        int at = f.offsets[index];
        return switch (f.tags[index]) {
            case INTEGER -> u4(at);
            case FLOAT -> Float.intBitsToFloat(u4(at));
            case LONG -> u8(at);
            case DOUBLE -> Double.longBitsToDouble(u8(at));
            case STRING -> utf8(u2(at));
            default -> null;
        };
    }

    /**
     * The annotations of the RuntimeVisible/InvisibleAnnotations attribute whose body is at {@code offset} (0:
     * none), each handed to whichever of the visitors is not null.
     */
    private void annotations(int offset, boolean visible, ClassVisitor type, RecordComponentVisitor component,
                             Object member) {
        if (offset == 0) {
            return;
        }
        int end = offset + u4(offset - 4);
        need(offset, 2, end);
        int at = offset + 2;
        for (int count = u2(offset), i = 0; i < count; i++) {
            need(at, 2, end);
            String descriptor = utf8Constant(u2(at));
            AnnotationVisitor annotation;
            if (type != null) {
                annotation = type.visitAnnotation(descriptor, visible);
            } else if (component != null) {
                annotation = component.visitAnnotation(descriptor, visible);
            } else if (member instanceof FieldVisitor field) {
                annotation = field.visitAnnotation(descriptor, visible);
            } else {
                annotation = ((MethodVisitor) member).visitAnnotation(descriptor, visible);
            }
            at = elementValues(annotation, at + 2, true, end);
        }
    }

    /** The element values at {@code offset} (a count, then values, named or not), ending with visitEnd. */
    private int elementValues(AnnotationVisitor visitor, int offset, boolean named, int end) {
        need(offset, 2, end);
        int at = offset + 2;
        for (int count = u2(offset), i = 0; i < count; i++) {
            String name = null;
            if (named) {
                need(at, 2, end);
                name = utf8Constant(u2(at));
                at += 2;
            }
            at = elementValue(visitor, name, at, end);
        }
        if (visitor != null) {
            visitor.visitEnd();
        }
        return at;
    }

    private int elementValue(AnnotationVisitor visitor, String name, int offset, int end) {
        need(offset, 3, end);
        int tag = b[offset] & 0xFF;
        int index = u2(offset + 1);
        switch (tag) {
            case 'e' -> {
                need(offset, 5, end);
                String type = utf8Constant(index);
                String value = utf8Constant(u2(offset + 3));
                if (visitor != null) {
                    visitor.visitEnum(name, type, value);
                }
                return offset + 5;
            }
            case '@' -> {
                String type = utf8Constant(index);
                return elementValues(visitor == null ? null : visitor.visitAnnotation(name, type), offset + 3, true, end);
            }
            case '[' -> {
                return elementValues(visitor == null ? null : visitor.visitArray(name), offset + 1, false, end);
            }
            default -> {
                Object value = value(tag, index);
                if (visitor != null) {
                    visitor.visit(name, value);
                }
                return offset + 3;
            }
        }
    }

    /** A constant element value of {@code tag}, boxed as ASM boxes it. */
    private Object value(int tag, int index) {
        int expected = switch (tag) {
            case 'B', 'C', 'I', 'S', 'Z' -> INTEGER;
            case 'J' -> LONG;
            case 'F' -> FLOAT;
            case 'D' -> DOUBLE;
            case 's', 'c' -> UTF8;
            default -> throw f.error("an annotation value has unknown tag " + tag);
        };
        if (!f.is(index, expected)) {
            throw f.wrongConstant(index, expected, "an annotation value");
        }
        int at = f.offsets[index];
        return switch (tag) {
            case 'B' -> (byte) u4(at);
            case 'C' -> (char) u4(at);
            case 'S' -> (short) u4(at);
            case 'Z' -> u4(at) != 0;
            case 'I' -> u4(at);
            case 'J' -> u8(at);
            case 'F' -> Float.intBitsToFloat(u4(at));
            case 'D' -> Double.longBitsToDouble(u8(at));
            case 's' -> utf8(index);
            default -> Type.getType(utf8(index));
        };
    }

    private void need(int offset, int length, int end) {
        if (offset + length > end) {
            throw f.error("an annotation runs past the end of its attribute");
        }
    }

    /** Skips a fields or methods count and its members, returning the offset after them. */
    private int skipMembers(int offset) {
        int at = offset + 2;
        for (int count = u2(offset), i = 0; i < count; i++) {
            int attributes = u2(at + 6);
            at += 8;
            for (int k = 0; k < attributes; k++) {
                at += 6 + u4(at + 2);
            }
        }
        return at;
    }

    /** The text of UTF-8 constant {@code index}, which the check has verified; null for index 0. */
    private String utf8(int index) {
        return f.utf8(index);
    }

    /** The text of UTF-8 constant {@code index}, which nothing has verified yet (inside annotation values). */
    private String utf8Constant(int index) {
        if (!f.is(index, UTF8)) {
            throw f.wrongConstant(index, UTF8, "a name in an annotation value");
        }
        return utf8(index);
    }

    /** The name of Class constant {@code index}, which the check has verified; null for index 0. */
    private String className(int index) {
        return index == 0 ? null : utf8(f.classNameOf(index));
    }

    private int u2(int offset) {
        return (b[offset] & 0xFF) << 8 | b[offset + 1] & 0xFF;
    }

    private int u4(int offset) {
        return (b[offset] & 0xFF) << 24 | (b[offset + 1] & 0xFF) << 16 | (b[offset + 2] & 0xFF) << 8 | b[offset + 3] & 0xFF;
    }

    private long u8(int offset) {
        return (long) u4(offset) << 32 | u4(offset + 4) & 0xFFFFFFFFL;
    }
}
