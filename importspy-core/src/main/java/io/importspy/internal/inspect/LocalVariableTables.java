package io.importspy.internal.inspect;

import org.objectweb.asm.ClassReader;

import java.util.List;

/**
 * Reads parameter names from the LocalVariableTable attributes of methods straight from the class-file
 * bytes (JVMS 4.7.3, 4.7.13): the method_info structures are walked, each Code attribute's instructions
 * and exception table are skipped by their lengths, and only the table entries of parameter slots are
 * decoded. No instruction is decoded, which a second ASM pass with code would do for every method.
 */
final class LocalVariableTables {
    private static final int LOCAL_VARIABLE_ENTRY_BYTES = 10;

    private LocalVariableTables() {
    }

    /**
     * Hands every LocalVariableTable entry of a parameter slot to the collector of its method.
     *
     * @param methods the collectors in class-file order, one per method_info ({@code null} for a method
     *                that is not recorded, such as {@code <clinit>}); only those that
     *                {@linkplain MethodCollector#needsLocalNames() need local names} are filled
     */
    static void read(ClassReader reader, List<MethodCollector> methods) {
        char[] chars = new char[reader.getMaxStringLength()];
        int offset = reader.header + 6; // access_flags, this_class, super_class
        offset += 2 + 2 * reader.readUnsignedShort(offset); // interfaces
        int fieldCount = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < fieldCount; i++) {
            offset = skipAttributes(reader, offset + 6); // access_flags, name_index, descriptor_index
        }
        int methodCount = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < methodCount; i++) {
            MethodCollector method = i < methods.size() ? methods.get(i) : null;
            int attributeCount = reader.readUnsignedShort(offset + 6);
            offset += 8;
            for (int a = 0; a < attributeCount; a++) {
                int length = reader.readInt(offset + 2);
                if (method != null && method.needsLocalNames() && "Code".equals(reader.readUTF8(offset, chars))) {
                    readCode(reader, offset + 6, chars, method);
                }
                offset += 6 + length;
            }
        }
    }

    /** Skips an attributes_count and its attributes, returning the offset after them. */
    private static int skipAttributes(ClassReader reader, int offset) {
        int count = reader.readUnsignedShort(offset);
        offset += 2;
        for (int i = 0; i < count; i++) {
            offset += 6 + reader.readInt(offset + 2);
        }
        return offset;
    }

    /** Reads the LocalVariableTable attributes of the Code attribute whose info starts at {@code code}. */
    private static void readCode(ClassReader reader, int code, char[] chars, MethodCollector method) {
        int offset = code + 8 + reader.readInt(code + 4); // max_stack, max_locals, code_length, code
        offset += 2 + 8 * reader.readUnsignedShort(offset); // exception_table
        int attributeCount = reader.readUnsignedShort(offset);
        offset += 2;
        for (int a = 0; a < attributeCount; a++) {
            int length = reader.readInt(offset + 2);
            if ("LocalVariableTable".equals(reader.readUTF8(offset, chars))) {
                int entries = reader.readUnsignedShort(offset + 6);
                int entry = offset + 8;
                for (int e = 0; e < entries; e++, entry += LOCAL_VARIABLE_ENTRY_BYTES) {
                    int slot = reader.readUnsignedShort(entry + 8);
                    if (method.isParameterSlot(slot)) {
                        method.localVariable(slot, reader.readUnsignedShort(entry) == 0, reader.readUTF8(entry + 4, chars));
                    }
                }
            }
            offset += 6 + length;
        }
    }
}
