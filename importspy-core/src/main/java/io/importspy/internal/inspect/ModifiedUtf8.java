package io.importspy.internal.inspect;

import java.util.Optional;

/**
 * Decodes the modified UTF-8 of class-file constants (JVMS 4.4.7) with the JVM's own legality rules: no zero
 * byte, no byte from 0xF0 up, no stray continuation byte, and (from class file version 48 on) every character
 * in its shortest form except U+0000 as {@code C0 80}. Surrogates, paired or not, are legal, as in the JVM.
 */
final class ModifiedUtf8 {
    private ModifiedUtf8() {
    }

    /** The text of {@code length} bytes at {@code offset}, or empty when they are not legal modified UTF-8. */
    static Optional<String> decode(byte[] bytes, int offset, int length, boolean version47OrOlder) {
        char[] chars = new char[length];
        int count = 0;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return Optional.empty();
            }
            if (b < 0x80) {
                chars[count++] = (char) b;
                continue;
            }
            switch (b >> 4) {
                case 0xC, 0xD -> {
                    if (i + 1 >= end || (bytes[i + 1] & 0xC0) != 0x80) {
                        return Optional.empty();
                    }
                    int c = (b & 0x1F) << 6 | bytes[++i] & 0x3F;
                    if (!version47OrOlder && c != 0 && c < 0x80) {
                        return Optional.empty();
                    }
                    chars[count++] = (char) c;
                }
                case 0xE -> {
                    if (i + 2 >= end || (bytes[i + 1] & 0xC0) != 0x80 || (bytes[i + 2] & 0xC0) != 0x80) {
                        return Optional.empty();
                    }
                    int c = (b & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F;
                    i += 2;
                    if (!version47OrOlder && c < 0x800) {
                        return Optional.empty();
                    }
                    chars[count++] = (char) c;
                }
                default -> {
                    return Optional.empty(); // a continuation byte first, or 0xF0 and above
                }
            }
        }
        return Optional.of(new String(chars, 0, count));
    }
}
