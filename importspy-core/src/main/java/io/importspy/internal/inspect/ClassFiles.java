package io.importspy.internal.inspect;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.Origin;

import org.objectweb.asm.ClassReader;

/** Reads class-file bytes into {@link ClassFacts}, translating ASM's failures into one-line errors. */
final class ClassFiles {
    private static final int MAGIC = 0xCAFEBABE;

    private ClassFiles() {
    }

    /**
     * Facts of the class in {@code bytes}; {@code where} names it in errors ({@code plugin.jar!a/B.class}).
     * Instructions are never decoded: when a method's parameter names exist nowhere but in its
     * LocalVariableTable, that table is read from the bytes directly. {@code types} memoizes parsed
     * descriptors and signatures across the classes of one inspection.
     */
    static ClassFacts read(byte[] bytes, Origin origin, String where, Signatures.Cache types) {
        ClassReader reader = reader(bytes, where);
        ClassCollector collector = new ClassCollector(types);
        try {
            reader.accept(collector, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
            if (collector.needsLocalNames()) {
                LocalVariableTables.read(reader, collector.methods());
            }
            return collector.toFacts(origin);
        } catch (RuntimeException corrupt) {
            throw new InspectionException(where + ": not a valid class file (" + describe(corrupt) + ")", corrupt);
        }
    }

    /** The binary name of the class in {@code bytes}, reading only its header. */
    static String binaryName(byte[] bytes, String where) {
        try {
            return Signatures.binaryName(reader(bytes, where).getClassName());
        } catch (RuntimeException corrupt) {
            throw new InspectionException(where + ": not a valid class file (" + describe(corrupt) + ")", corrupt);
        }
    }

    static ClassReader reader(byte[] bytes, String where) {
        if (bytes.length < 10) {
            throw new InspectionException(where + ": not a valid class file (only " + bytes.length + " bytes)");
        }
        int magic = ((bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
        if (magic != MAGIC) {
            throw new InspectionException(String.format("%s: not a valid class file (bad magic 0x%08x)", where, magic));
        }
        int major = ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF);
        try {
            return new ClassReader(bytes);
        } catch (IllegalArgumentException unsupported) {
            if (major > 44) {
                throw new InspectionException(where + ": class file version " + major + " (Java " + (major - 44)
                        + ") is newer than this version of ImportSpy can read; upgrade ImportSpy", unsupported);
            }
            throw new InspectionException(where + ": not a valid class file (" + describe(unsupported) + ")", unsupported);
        } catch (RuntimeException corrupt) {
            throw new InspectionException(where + ": not a valid class file (" + describe(corrupt) + ")", corrupt);
        }
    }

    private static String describe(RuntimeException e) {
        if (e instanceof ArrayIndexOutOfBoundsException || e instanceof StringIndexOutOfBoundsException) {
            return "truncated or corrupt";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
