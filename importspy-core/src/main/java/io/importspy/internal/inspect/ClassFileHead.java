package io.importspy.internal.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a class file from its stream only as far as its head: magic, version, constant pool, flags,
 * this_class, super_class and interfaces, where a class's supertypes and every name it uses are. Inflating
 * a JAR entry costs about as much per byte as checking it, and a class file's head is two thirds of it: a
 * reader that needs no more stops there, and {@link #whole()} reads on when it does. The walk of the constant
 * pool here only finds where the head ends; {@link ClassFiles#checkedHead} judges it.
 */
final class ClassFileHead implements AutoCloseable {
    /**
     * The least a read asks the stream for: one inflation call per constant would cost more than it saves, and
     * bytes inflated past the head are inflated for nothing (guava's heads read fastest at 128, against 256 or 512).
     */
    private static final int CHUNK = 128;
    /**
     * The share of a class file the first read asks for, in fifths: the head of a javac class file is about two
     * thirds of it (half to four fifths in guava), and one large inflation costs less than several small ones.
     */
    private static final int FIRST_FIFTHS = 3;

    /**
     * The array one thread reads class files into, one after another, so that a read allocates only what it
     * keeps ({@link #head()}, {@link #whole()}), not a buffer of the whole class file each time. One per thread.
     */
    static final class Buffer {
        /** A larger array serves one class file and is not kept for the next. */
        private static final int KEPT = 1 << 20;
        private byte[] bytes = new byte[8192];
    }

    private final InputStream in;
    private final String where;
    private final Buffer buffer;
    private byte[] bytes;
    private int length;
    private int end = -1;

    /** How much the first read asks for. */
    private final int first;

    private ClassFileHead(InputStream in, String where, long size, Buffer buffer) {
        this.in = in;
        this.where = where;
        this.buffer = buffer;
        boolean known = size > 0 && size <= Archive.MAX_ENTRY_BYTES;
        int wanted = known ? (int) size : 4096;
        if (buffer.bytes.length < wanted) {
            byte[] larger = new byte[wanted];
            if (wanted <= Buffer.KEPT) {
                buffer.bytes = larger;
            }
            this.bytes = larger;
        } else {
            this.bytes = buffer.bytes;
        }
        this.first = known ? (int) (size * FIRST_FIFTHS / 5) : CHUNK;
    }

    /**
     * Opens {@code file} and reads it, into {@code buffer} (the calling thread's), up to the end of its head (or its
     * end, when it has no well-formed head).
     */
    static ClassFileHead read(Archive.ClassFile file, Buffer buffer) {
        ClassFileHead head = new ClassFileHead(file.open(), file.where(), file.size(), buffer);
        try {
            head.end = head.findEnd();
            return head;
        } catch (IOException unreadable) {
            head.close();
            throw JarArchive.unreadable(file.where(), unreadable);
        } catch (RuntimeException failed) {
            head.close();
            throw failed;
        }
    }

    /**
     * The bytes of the head, from the magic through the interfaces; null when the stream ended first or the
     * constant pool has an unknown tag: then only the whole class file ({@link #whole()}) can be judged.
     */
    byte[] head() {
        return end < 0 ? null : Arrays.copyOf(bytes, end);
    }

    /** The whole class file: the head already read and the rest of the stream, in an array of its own. */
    byte[] whole() {
        try {
            while (true) {
                if (length == bytes.length) {
                    if (length > Archive.MAX_ENTRY_BYTES) {
                        throw Archive.tooLarge(where);
                    }
                    bytes = Arrays.copyOf(bytes, (int) Math.min(Archive.MAX_ENTRY_BYTES + 1L, 2L * length));
                }
                int read = in.read(bytes, length, bytes.length - length);
                if (read < 0) {
                    return length == bytes.length && bytes != buffer.bytes ? bytes : Arrays.copyOf(bytes, length);
                }
                length += read;
            }
        } catch (IOException unreadable) {
            throw JarArchive.unreadable(where, unreadable);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // only read from: closing loses nothing
        }
    }

    /** Where the head ends, reading as far as that; -1 when it cannot be told. */
    private int findEnd() throws IOException {
        if (!has(10)) {
            return -1;
        }
        int count = u2(8);
        int at = 10;
        for (int i = 1; i < count; i++) {
            if (!has(at + 3)) {
                return -1;
            }
            switch (bytes[at] & 0xFF) {
                case ClassFileFormat.UTF8 -> at += 3 + u2(at + 1);
                case ClassFileFormat.INTEGER, ClassFileFormat.FLOAT, ClassFileFormat.FIELDREF,
                     ClassFileFormat.METHODREF, ClassFileFormat.INTERFACE_METHODREF, ClassFileFormat.NAME_AND_TYPE,
                     ClassFileFormat.DYNAMIC, ClassFileFormat.INVOKE_DYNAMIC -> at += 5;
                case ClassFileFormat.LONG, ClassFileFormat.DOUBLE -> {
                    at += 9;
                    i++;
                }
                case ClassFileFormat.CLASS, ClassFileFormat.STRING, ClassFileFormat.METHOD_TYPE,
                     ClassFileFormat.MODULE, ClassFileFormat.PACKAGE -> at += 3;
                case ClassFileFormat.METHOD_HANDLE -> at += 4;
                default -> {
                    return -1;
                }
            }
        }
        if (!has(at + 8)) {
            return -1;
        }
        at += 8 + 2 * u2(at + 6);
        return has(at) ? at : -1;
    }

    /** Whether the first {@code n} bytes are read, reading them if need be; false when the stream ends first. */
    private boolean has(int n) throws IOException {
        if (n > Archive.MAX_ENTRY_BYTES) {
            return false;
        }
        while (length < n) {
            if (bytes.length < n) {
                bytes = Arrays.copyOf(bytes, Math.max(n, Math.min(Archive.MAX_ENTRY_BYTES, 2 * bytes.length)));
            }
            int wanted = Math.max(n - length, length == 0 ? first : CHUNK);
            int read = in.read(bytes, length, Math.min(bytes.length - length, wanted));
            if (read < 0) {
                return false;
            }
            length += read;
        }
        return true;
    }

    private int u2(int offset) {
        return (bytes[offset] & 0xFF) << 8 | bytes[offset + 1] & 0xFF;
    }
}
