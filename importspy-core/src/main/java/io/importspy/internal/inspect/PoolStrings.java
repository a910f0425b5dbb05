package io.importspy.internal.inspect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The strings of constant-pool UTF-8 constants, each distinct text made once however many class files name
 * it ({@code java/lang/Object}, {@code ()V}): the bytes are looked up in an open-addressing table, and only a
 * text not seen before is decoded. Shared strings keep their hash code, and compare equal by identity first.
 * One instance per thread, not thread-safe. A lookup probes at most {@value #MAX_PROBES} slots and the table
 * holds at most {@value #MAX_SIZE} texts: beyond either, the text is decoded and not kept, so that no input
 * makes a lookup slow or the table large.
 */
final class PoolStrings {
    private static final int MAX_PROBES = 8;
    private static final int MAX_SIZE = 1 << 20;

    private String[] strings = new String[1 << 12];
    private byte[][] texts = new byte[1 << 12][];
    private int[] hashes = new int[1 << 12];
    private int size;

    /** The text of the legal modified UTF-8 bytes {@code [from, to)}. */
    String get(byte[] bytes, int from, int to) {
        int hash = hash(bytes, from, to);
        int mask = strings.length - 1;
        int slot = hash & mask;
        for (int probe = 0; probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
            String known = strings[slot];
            if (known == null) {
                String made = decode(bytes, from, to);
                if (size < MAX_SIZE) {
                    strings[slot] = made;
                    texts[slot] = Arrays.copyOfRange(bytes, from, to);
                    hashes[slot] = hash;
                    if (++size * 2 > strings.length) {
                        grow();
                    }
                }
                return made;
            }
            if (hashes[slot] == hash && same(texts[slot], bytes, from, to)) {
                return known;
            }
        }
        return decode(bytes, from, to);
    }

    private void grow() {
        String[] oldStrings = strings;
        byte[][] oldTexts = texts;
        int[] oldHashes = hashes;
        strings = new String[oldStrings.length * 2];
        texts = new byte[strings.length][];
        hashes = new int[strings.length];
        size = 0;
        int mask = strings.length - 1;
        for (int i = 0; i < oldStrings.length; i++) {
            if (oldStrings[i] == null) {
                continue;
            }
            int slot = oldHashes[i] & mask;
            for (int probe = 0; probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
                if (strings[slot] == null) {
                    strings[slot] = oldStrings[i];
                    texts[slot] = oldTexts[i];
                    hashes[slot] = oldHashes[i];
                    size++;
                    break;
                }
            }
        }
    }

    /** A hash of the bytes, eight at a time (a lookup probes a bounded number of slots, whatever the hashes). */
    private static int hash(byte[] bytes, int from, int to) {
        long h = to - from;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ ModifiedUtf8.word(bytes, i)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 32;
        }
        long tail = 0;
        for (; i < to; i++) {
            tail = tail << 8 | bytes[i] & 0xFF;
        }
        h = (h ^ tail) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32);
    }

    /** Whether {@code text} holds the bytes {@code [from, to)}, compared eight at a time. */
    private static boolean same(byte[] text, byte[] bytes, int from, int to) {
        int length = to - from;
        if (text.length != length) {
            return false;
        }
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if (ModifiedUtf8.word(text, i) != ModifiedUtf8.word(bytes, from + i)) {
                return false;
            }
        }
        for (; i < length; i++) {
            if (text[i] != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return ModifiedUtf8.decode(bytes, from, to - from);
            }
        }
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1); // ASCII, as names nearly always are
    }
}
