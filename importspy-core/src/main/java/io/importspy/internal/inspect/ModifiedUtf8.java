package io.importspy.internal.inspect;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The modified UTF-8 of class-file constants (JVMS 4.4.7) with the JVM's own legality rules: no zero byte, no
 * byte from 0xF0 up, no stray continuation byte, and (from class file version 48 on) every character in its
 * shortest form except U+0000 as {@code C0 80}. Surrogates, paired or not, are legal, as in the JVM. Legality is
 * a scan of the bytes that builds nothing; text is decoded only where a name must be shown.
 */
final class ModifiedUtf8 {
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH = 0x8080808080808080L;

    private ModifiedUtf8() {
    }

    /** What {@link #judge} says of bytes: legal and all ASCII, legal with longer characters, or illegal. */
    static final int ASCII = 0;
    static final int WIDE = 1;
    static final int ILLEGAL = -1;

    /**
     * Whether the {@code length} bytes at {@code offset} are legal modified UTF-8 ({@link #ILLEGAL} when not),
     * and if so whether they are all ASCII ({@link #ASCII}, text that is its bytes) or not ({@link #WIDE}).
     */
    static int judge(byte[] bytes, int offset, int length, boolean version47OrOlder) {
        int end = offset + length;
        int i = offset;
        if (length >= 8) { // eight bytes at once while they are ASCII without zero, as names nearly always are
            for (; i + 8 <= end; i += 8) {
                if (!plain(word(bytes, i))) {
                    break;
                }
            }
            if (i + 8 > end && plain(word(bytes, end - 8))) { // the last (overlapping) eight bytes too
                return ASCII;
            }
        } else {
            while (i < end && bytes[i] > 0) {
                i++;
            }
            if (i == end) {
                return ASCII;
            }
        }
        return judgeFrom(bytes, i, end, version47OrOlder);
    }

    /** Whether the eight bytes of {@code word} are all below 0x80 and none is 0. */
    private static boolean plain(long word) {
        return (word & HIGH) == 0 && ((word + LOW_SEVEN) & HIGH) == HIGH;
    }

    /** {@link #judge} of {@code [i, end)}, character by character where they are not ASCII. */
    private static int judgeFrom(byte[] bytes, int i, int end, boolean version47OrOlder) {
        int wide = ASCII;
        while (i < end) {
            if (i + 8 <= end) { // eight bytes at once while they are ASCII without zero, as names nearly always are
                long word = word(bytes, i);
                if ((word & HIGH) == 0 && ((word + LOW_SEVEN) & HIGH) == HIGH) { // below 0x80, none 0
                    i += 8;
                    continue;
                }
            }
            int b = bytes[i];
            if (b > 0) { // 0x01 to 0x7F, by far the most common
                i++;
                continue;
            }
            if (b == 0) {
                return ILLEGAL;
            }
            b &= 0xFF;
            wide = WIDE;
            switch (b >> 4) {
                case 0xC, 0xD -> {
                    if (i + 1 >= end || (bytes[i + 1] & 0xC0) != 0x80) {
                        return ILLEGAL;
                    }
                    int c = (b & 0x1F) << 6 | bytes[i + 1] & 0x3F;
                    if (!version47OrOlder && c != 0 && c < 0x80) {
                        return ILLEGAL;
                    }
                    i += 2;
                }
                case 0xE -> {
                    if (i + 2 >= end || (bytes[i + 1] & 0xC0) != 0x80 || (bytes[i + 2] & 0xC0) != 0x80) {
                        return ILLEGAL;
                    }
                    int c = (b & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F;
                    if (!version47OrOlder && c < 0x800) {
                        return ILLEGAL;
                    }
                    i += 3;
                }
                default -> {
                    return ILLEGAL; // a continuation byte first, or 0xF0 and above
                }
            }
        }
        return wide;
    }

    /**
     * The eight bytes at {@code i} as one {@code long}, little-endian: the byte at {@code i} is the lowest (the order
     * of the usual processors: no swap). Read through a heap {@code ByteBuffer}, which C2 compiles to the same single
     * load as a byte-array view {@code VarHandle} (the buffer does not escape); a {@code VarHandle} would link a
     * method handle, and the first a run links starts the JDK's method-handle machinery on the start path of
     * every command that reads a class file.
     */
    static long word(byte[] bytes, int i) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(i);
    }

    /** The number of bytes of the character whose first byte is {@code first}, in legal modified UTF-8. */
    static int width(int first) {
        return first >= 0 ? 1 : (first & 0xE0) == 0xC0 ? 2 : 3;
    }

    /** The character at {@code i} of legal modified UTF-8. */
    static char charAt(byte[] bytes, int i) {
        int b = bytes[i];
        if (b >= 0) {
            return (char) b;
        }
        if ((b & 0xE0) == 0xC0) {
            return (char) ((b & 0x1F) << 6 | bytes[i + 1] & 0x3F);
        }
        return (char) ((b & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F);
    }

    /** The text of {@code length} bytes of legal modified UTF-8 at {@code offset}. */
    static String decode(byte[] bytes, int offset, int length) {
        StringBuilder text = new StringBuilder(length);
        int end = offset + length;
        for (int i = offset; i < end; i += width(bytes[i])) {
            text.append(charAt(bytes, i));
        }
        return text.toString();
    }
}
