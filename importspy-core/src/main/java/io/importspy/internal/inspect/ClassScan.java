package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import org.objectweb.asm.ClassReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
     * @param types      internal names of every class the class names (its own included)
     * @param uses       every field and method reference
     */
    record Result(ClassMembers members, String sourceFile, Set<String> types, List<MemberUse> uses) {
    }

    private final ClassReader reader;
    private final byte[] b;
    private final char[] buffer;
    private final Descriptors descriptors;
    private final boolean collect;
    private final Set<String> types = new HashSet<>();

    private ClassScan(ClassReader reader, byte[] bytes, Descriptors descriptors, boolean collect) {
        this.reader = reader;
        this.b = bytes;
        this.buffer = new char[reader.getMaxStringLength()];
        this.descriptors = descriptors;
        this.collect = collect;
    }

    /**
     * Scans {@code bytes}, read from {@code entry} (see {@link ClassFiles#reader(byte[], String, String)}); with
     * {@code collect}, also the references.
     *
     * @throws InspectionException when the bytes are not a valid class file, or not the class of their entry
     */
    static Result scan(byte[] bytes, String where, String entry, Descriptors descriptors, boolean collect) {
        ClassReader reader = ClassFiles.reader(bytes, where, entry);
        try {
            return new ClassScan(reader, bytes, descriptors, collect).run();
        } catch (RuntimeException corrupt) {
            throw new InspectionException(where + ": not a valid class file (" + (corrupt.getMessage() == null
                    || corrupt instanceof ArrayIndexOutOfBoundsException ? "truncated or corrupt"
                    : corrupt.getMessage()) + ")", corrupt);
        }
    }

    private Result run() {
        List<MemberUse> uses = collect ? new ArrayList<>() : List.of();
        if (collect) {
            constantPool(uses);
        }
        int offset = reader.header;
        int access = u2(offset);
        String name = reader.readClass(offset + 2, buffer);
        String superName = reader.readClass(offset + 4, buffer);
        int interfaceCount = u2(offset + 6);
        String[] interfaces = new String[interfaceCount];
        offset += 8;
        for (int i = 0; i < interfaceCount; i++, offset += 2) {
            interfaces[i] = reader.readClass(offset, buffer);
        }
        Set<String> fields = new HashSet<>();
        int count = u2(offset);
        offset += 2;
        for (int i = 0; i < count; i++) {
            String fieldName = reader.readUTF8(offset + 2, buffer);
            String descriptor = reader.readUTF8(offset + 4, buffer);
            fields.add(fieldName + ':' + descriptor);
            if (collect) {
                descriptors.types(descriptor, types);
            }
            offset = attributes(offset + 6);
        }
        Map<String, Integer> methods = new HashMap<>();
        count = u2(offset);
        offset += 2;
        for (int i = 0; i < count; i++) {
            String methodName = reader.readUTF8(offset + 2, buffer);
            String descriptor = reader.readUTF8(offset + 4, buffer);
            methods.put(methodName + descriptor, u2(offset));
            if (collect) {
                descriptors.types(descriptor, types);
            }
            offset = attributes(offset + 6);
        }
        String sourceFile = null;
        count = u2(offset);
        offset += 2;
        for (int i = 0; i < count; i++) {
            String attribute = reader.readUTF8(offset, buffer);
            int length = u4(offset + 2);
            if ("SourceFile".equals(attribute)) {
                sourceFile = reader.readUTF8(offset + 6, buffer);
            } else if (collect) {
                attribute(attribute, offset + 6);
            }
            offset += 6 + length;
        }
        return new Result(new ClassMembers(name, access, superName, interfaces, methods, fields), sourceFile,
                types, uses);
    }

    private void constantPool(List<MemberUse> uses) {
        int items = reader.getItemCount();
        for (int i = 1; i < items; i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue; // the second slot of a long or double
            }
            int tag = b[offset - 1];
            switch (tag) {
                case CLASS -> descriptors.classEntry(reader.readUTF8(offset, buffer), types);
                case FIELDREF, METHODREF, INTERFACE_METHODREF -> {
                    String owner = reader.readClass(offset, buffer);
                    int nameAndType = reader.getItem(u2(offset + 2));
                    String name = reader.readUTF8(nameAndType, buffer);
                    String descriptor = reader.readUTF8(nameAndType + 2, buffer);
                    uses.add(new MemberUse(tag == FIELDREF, tag == INTERFACE_METHODREF, owner, name, descriptor));
                }
                case NAME_AND_TYPE -> descriptors.types(reader.readUTF8(offset + 2, buffer), types);
                case METHOD_TYPE -> descriptors.types(reader.readUTF8(offset, buffer), types);
                case DYNAMIC, INVOKE_DYNAMIC -> {
                    // its name-and-type entry carries the descriptor, read as such above
                }
                default -> {
                    // constants, strings, modules and packages name no class
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
                attribute(reader.readUTF8(offset, buffer), offset + 6);
            }
            offset += 6 + length;
        }
        return offset;
    }

    private void attribute(String name, int offset) {
        switch (name) {
            case "Signature" -> descriptors.signature(reader.readUTF8(offset, buffer), types);
            case "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations" -> annotations(offset);
            case "RuntimeVisibleParameterAnnotations", "RuntimeInvisibleParameterAnnotations" -> {
                int parameters = b[offset] & 0xFF;
                offset++;
                for (int i = 0; i < parameters; i++) {
                    offset = annotations(offset);
                }
            }
            case "AnnotationDefault" -> elementValue(offset);
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
        descriptors.types(reader.readUTF8(offset, buffer), types);
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
                descriptors.types(reader.readUTF8(offset, buffer), types);
                return offset + 4;
            }
            case 'c' -> {
                descriptors.types(reader.readUTF8(offset, buffer), types);
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
