package io.importspy.internal.inspect;

import java.util.List;

/**
 * Reads parameter names from the LocalVariableTable attributes of methods straight from the class-file
 * bytes (JVMS 4.7.3, 4.7.13), as {@link ClassFileFormat} has checked and laid them out: the method_info
 * structures are walked, each Code attribute's instructions
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
     * @param format  the checked class file, whose layout is walked
     * @param methods the collectors in class-file order, one per method_info ({@code null} for a method
     *                that is not recorded, such as {@code <clinit>}); only those that
     *                {@linkplain MethodCollector#needsLocalNames() need local names} are filled
     */
    static void read(ClassFileFormat format, List<MethodCollector> methods) {
        byte[] b = format.bytes;
        int offset = format.header + 6; // access_flags, this_class, super_class
        offset += 2 + 2 * u2(b, offset); // interfaces
        int fieldCount = u2(b, offset);
        offset += 2;
        for (int i = 0; i < fieldCount; i++) {
            offset = skipAttributes(b, offset + 6); // access_flags, name_index, descriptor_index
        }
        int methodCount = u2(b, offset);
        offset += 2;
        for (int i = 0; i < methodCount; i++) {
            MethodCollector method = i < methods.size() ? methods.get(i) : null;
            int attributeCount = u2(b, offset + 6);
            offset += 8;
            for (int a = 0; a < attributeCount; a++) {
                int length = u4(b, offset + 2);
                if (method != null && method.needsLocalNames()
                        && ClassFileAttributes.kind(format, u2(b, offset)) == ClassFileAttributes.CODE) {
                    readCode(format, offset + 6, method);
                }
                offset += 6 + length;
            }
        }
    }

    /** Skips an attributes_count and its attributes, returning the offset after them. */
    private static int skipAttributes(byte[] b, int offset) {
        int count = u2(b, offset);
        offset += 2;
        for (int i = 0; i < count; i++) {
            offset += 6 + u4(b, offset + 2);
        }
        return offset;
    }

    /** Reads the LocalVariableTable attributes of the Code attribute whose info starts at {@code code}. */
    private static void readCode(ClassFileFormat format, int code, MethodCollector method) {
        byte[] b = format.bytes;
        int offset = code + 8 + u4(b, code + 4); // max_stack, max_locals, code_length, code
        offset += 2 + 8 * u2(b, offset); // exception_table
        int attributeCount = u2(b, offset);
        offset += 2;
        for (int a = 0; a < attributeCount; a++) {
            int length = u4(b, offset + 2);
            if (ClassFileAttributes.kind(format, u2(b, offset)) == ClassFileAttributes.LOCAL_VARIABLE_TABLE) {
                int entries = u2(b, offset + 6);
                int entry = offset + 8;
                for (int e = 0; e < entries; e++, entry += LOCAL_VARIABLE_ENTRY_BYTES) {
                    int slot = u2(b, entry + 8);
                    if (method.isParameterSlot(slot)) {
                        method.localVariable(slot, u2(b, entry) == 0, format.utf8(u2(b, entry + 4)));
                    }
                }
            }
            offset += 6 + length;
        }
    }

    private static int u2(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 8 | b[offset + 1] & 0xFF;
    }

    private static int u4(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 24 | (b[offset + 1] & 0xFF) << 16 | (b[offset + 2] & 0xFF) << 8 | b[offset + 3] & 0xFF;
    }
}
