package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One linear pass over a class file's constant pool and declarations, without decoding any instruction:
 * the class's {@link ClassMembers}, and (when asked) every type and member it references: class entries,
 * field, method and interface-method references (method handles and bootstrap methods point to these),
 * the types in name-and-type and method-type descriptors, in the descriptors and signatures of its fields
 * and methods and of the class itself, and the types of its annotations.
 */
final class ClassScan {
    private static final int CLASS = 7;
    private static final int FIELDREF = 9;
    private static final int METHODREF = 10;
    private static final int INTERFACE_METHODREF = 11;
    private static final int NAME_AND_TYPE = 12;
    private static final int METHOD_TYPE = 16;
    private static final int DYNAMIC = 17;
    private static final int INVOKE_DYNAMIC = 18;

    /** A field or method reference from the constant pool. */
    record MemberUse(boolean field, boolean interfaceMethod, String owner, String name, String descriptor) {
    }

    /**
     * What one pass found.
     *
     * @param members    the class's declarations
     * @param sourceFile the SourceFile attribute, when present
     * @param types      internal names of every class the class names (its own included) that the scan's
     *                   {@link Descriptors} keep
     * @param uses       every field and method reference
     */
    record Result(ClassMembers members, String sourceFile, Set<String> types, List<MemberUse> uses) {
    }

    private final ClassFileFormat f;
    private final byte[] b;
    private final PoolStrings strings;
    private final Descriptors descriptors;
    private final boolean collect;
    private final Set<String> types = new LinkedHashSet<>(); // in the order the class file names them
    private final String[] texts;

    private ClassScan(ClassFileFormat format, Descriptors descriptors, boolean collect) {
        this.f = format;
        this.b = format.bytes;
        this.strings = descriptors.strings();
        this.descriptors = descriptors;
        this.collect = collect;
        this.texts = new String[format.tags.length];
    }

    /**
     * Scans {@code bytes}, read from {@code entry} (see {@link ClassFiles#checked(byte[], String, String)}),
     * through the constant pool the structural check has laid out: the bytes are read by no other parser. With
     * {@code collect}, also the references.
     *
     * @throws InspectionException when the bytes are not a valid class file, or not the class of their entry
     */
    static Result scan(byte[] bytes, String where, String entry, Descriptors descriptors, boolean collect) {
        ClassFileFormat format = ClassFiles.checked(bytes, where, entry);
        try {
            return new ClassScan(format, descriptors, collect).run();
        } catch (RuntimeException corrupt) {
            throw new InspectionException(where + ": not a valid class file (" + (corrupt.getMessage() == null
                    || corrupt instanceof ArrayIndexOutOfBoundsException ? "truncated or corrupt"
                    : corrupt.getMessage()) + ")", corrupt);
        }
    }

    /** The UTF-8 constant whose index is at {@code offset}, or null for index 0. */
    private String utf8(int offset) {
        int index = u2(offset);
        return index == 0 ? null : text(index);
    }

    /** The text of UTF-8 constant {@code utf8}, looked up once per class file (a class name serves many references). */
    private String text(int utf8) {
        String text = texts[utf8];
        if (text == null) {
            text = strings.get(b, f.start(utf8), f.end(utf8));
            texts[utf8] = text;
        }
        return text;
    }

    /** The name of the Class constant whose index is at {@code offset}, or null for index 0. */
    private String className(int offset) {
        int index = u2(offset);
        return index == 0 ? null : text(f.classNameOf(index));
    }

    private Result run() {
        List<MemberUse> uses = collect ? new ArrayList<>() : List.of();
        if (collect) {
            constantPool(uses);
        }
        int offset = f.header;
        int access = u2(offset);
        String name = className(offset + 2);
        String superName = className(offset + 4);
        int interfaceCount = u2(offset + 6);
        String[] interfaces = new String[interfaceCount];
        offset += 8;
        for (int i = 0; i < interfaceCount; i++, offset += 2) {
            interfaces[i] = className(offset);
        }
        int count = u2(offset);
        offset += 2;
        String[] fieldNames = new String[count];
        String[] fieldDescriptors = new String[count];
        for (int i = 0; i < count; i++) {
            fieldNames[i] = utf8(offset + 2);
            fieldDescriptors[i] = utf8(offset + 4);
            if (collect) {
                descriptors.types(fieldDescriptors[i], types);
            }
            offset = attributes(offset + 6);
        }
        count = u2(offset);
        offset += 2;
        String[] methodNames = new String[count];
        String[] methodDescriptors = new String[count];
        int[] methodAccess = new int[count];
        for (int i = 0; i < count; i++) {
            methodAccess[i] = u2(offset);
            methodNames[i] = utf8(offset + 2);
            methodDescriptors[i] = utf8(offset + 4);
            if (collect) {
                descriptors.types(methodDescriptors[i], types);
            }
            offset = attributes(offset + 6);
        }
        String sourceFile = null;
        count = u2(offset);
        offset += 2;
        for (int i = 0; i < count; i++) {
            int attribute = u2(offset);
            int length = u4(offset + 2);
            int kind = ClassFileAttributes.kind(f, attribute);
            if (kind == ClassFileAttributes.SOURCE_FILE) {
                sourceFile = utf8(offset + 6);
            } else if (collect) {
                attribute(kind, offset + 6);
            }
            offset += 6 + length;
        }
        return new Result(new ClassMembers(name, access, superName, interfaces, methodNames, methodDescriptors,
                methodAccess, fieldNames, fieldDescriptors), sourceFile, types, uses);
    }

    private void constantPool(List<MemberUse> uses) {
        int items = f.tags.length;
        for (int i = 1; i < items; i++) {
            int offset = f.offsets[i];
            switch (f.tags[i]) {
                case CLASS -> descriptors.classEntry(utf8(offset), types);
                case FIELDREF, METHODREF, INTERFACE_METHODREF -> {
                    int tag = f.tags[i];
                    String owner = className(offset);
                    int nameAndType = f.offsets[u2(offset + 2)];
                    String name = utf8(nameAndType);
                    String descriptor = utf8(nameAndType + 2);
                    uses.add(new MemberUse(tag == FIELDREF, tag == INTERFACE_METHODREF, owner, name, descriptor));
                }
                case NAME_AND_TYPE -> descriptors.types(utf8(offset + 2), types);
                case METHOD_TYPE -> descriptors.types(utf8(offset), types);
                case DYNAMIC, INVOKE_DYNAMIC -> {
                    // its name-and-type entry carries the descriptor, read as such above
                }
                default -> {
                    // constants, strings, modules and packages name no class; 0 is a long's or double's second slot
                }
            }
        }
    }

    /** Skips a member's attributes, reading the signatures and annotations among them; the offset after them. */
    private int attributes(int offset) {
        int count = u2(offset);
        offset += 2;
        for (int i = 0; i < count; i++) {
            int length = u4(offset + 2);
            if (collect) {
                attribute(ClassFileAttributes.kind(f, u2(offset)), offset + 6);
            }
            offset += 6 + length;
        }
        return offset;
    }

    private void attribute(int kind, int offset) {
        switch (kind) {
            case ClassFileAttributes.SIGNATURE -> descriptors.signature(utf8(offset), types);
            case ClassFileAttributes.VISIBLE_ANNOTATIONS, ClassFileAttributes.INVISIBLE_ANNOTATIONS -> annotations(offset);
            case ClassFileAttributes.VISIBLE_PARAMETER_ANNOTATIONS, ClassFileAttributes.INVISIBLE_PARAMETER_ANNOTATIONS -> {
                int parameters = b[offset] & 0xFF;
                offset++;
                for (int i = 0; i < parameters; i++) {
                    offset = annotations(offset);
                }
            }
            case ClassFileAttributes.ANNOTATION_DEFAULT -> elementValue(offset);
            default -> {
                // Code and the rest: what they name is in the constant pool
            }
        }
    }

    private int annotations(int offset) {
        int count = u2(offset);
        offset += 2;
        for (int i = 0; i < count; i++) {
            offset = annotation(offset);
        }
        return offset;
    }

    private int annotation(int offset) {
        descriptors.types(utf8(offset), types);
        int pairs = u2(offset + 2);
        offset += 4;
        for (int i = 0; i < pairs; i++) {
            offset = elementValue(offset + 2);
        }
        return offset;
    }

    private int elementValue(int offset) {
        char tag = (char) (b[offset] & 0xFF);
        offset++;
        switch (tag) {
            case 'e' -> {
                descriptors.types(utf8(offset), types);
                return offset + 4;
            }
            case 'c' -> {
                descriptors.types(utf8(offset), types);
                return offset + 2;
            }
            case '@' -> {
                return annotation(offset);
            }
            case '[' -> {
                int count = u2(offset);
                offset += 2;
                for (int i = 0; i < count; i++) {
                    offset = elementValue(offset);
                }
                return offset;
            }
            default -> {
                return offset + 2;
            }
        }
    }

    private int u2(int offset) {
        return ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
    }

    private int u4(int offset) {
        return ((b[offset] & 0xFF) << 24) | ((b[offset + 1] & 0xFF) << 16) | ((b[offset + 2] & 0xFF) << 8)
                | (b[offset + 3] & 0xFF);
    }
}
