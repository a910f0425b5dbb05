package io.importspy.internal.inspect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judge of modified UTF-8, which scans eight bytes at a time (and the last eight of a constant overlapping the
 * words before), against the rules written out one byte at a time: a zero, a byte from 0x80 up, each legal and
 * illegal sequence of two and three bytes and a cut one at every position of constants of up to 24 bytes, at
 * offsets inside a larger array, and seeded random bytes; in class files of version 47 (longer forms allowed)
 * and 69.
 */
class ModifiedUtf8Test {
    private static final byte[][] INSERTS = {
            {0}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC3, (byte) 0xA9}, {(byte) 0xC1, (byte) 0x81},
            {(byte) 0xE2, (byte) 0x82, (byte) 0xAC}, {(byte) 0xE0, (byte) 0x81, (byte) 0x81}, {(byte) 0xC3},
            {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {0x7F}};

    @Test
    void the_word_scan_judges_every_constant_as_the_byte_scan_does() {
        List<byte[]> texts = texts();
        assertThat(texts).hasSizeGreaterThan(5_000);
        int[] verdicts = new int[3];
        for (byte[] text : texts) {
            for (int offset : new int[] {0, 3}) {
                byte[] padded = new byte[text.length + offset + 5];
                java.util.Arrays.fill(padded, (byte) 'x');
                System.arraycopy(text, 0, padded, offset, text.length);
                for (boolean old : new boolean[] {true, false}) {
                    int expected = reference(text, old);
                    verdicts[expected + 1]++;
                    assertThat(ModifiedUtf8.judge(padded, offset, text.length, old))
                            .as("%s at offset %d, version 47 or older: %s", java.util.Arrays.toString(text), offset, old)
                            .isEqualTo(expected);
                }
            }
        }
        assertThat(java.util.Arrays.stream(verdicts).min().orElse(0)).as("the fewest of the illegal, ASCII and wide verdicts")
                .isGreaterThan(1_000);
    }

    private static List<byte[]> texts() {
        List<byte[]> texts = new ArrayList<>();
        String base = "abcdefghijklmnopqrstuvwx";
        for (int length = 0; length <= base.length(); length++) {
            byte[] plain = base.substring(0, length).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            texts.add(plain);
            for (int at = 0; at <= length; at++) {
                for (byte[] insert : INSERTS) {
                    byte[] text = new byte[length + insert.length];
                    System.arraycopy(plain, 0, text, 0, at);
                    System.arraycopy(insert, 0, text, at, insert.length);
                    System.arraycopy(plain, at, text, at + insert.length, length - at);
                    texts.add(text);
                }
            }
        }
        Random random = new Random(20261203);
        for (int n = 0; n < 5_000; n++) {
            byte[] text = new byte[random.nextInt(30)];
            for (int i = 0; i < text.length; i++) {
                text[i] = random.nextInt(6) == 0 ? (byte) random.nextInt(256) : (byte) ('a' + random.nextInt(26));
            }
            texts.add(text);
        }
        return texts;
    }

    /** The rules of {@link ModifiedUtf8}, one byte at a time. */
    private static int reference(byte[] b, boolean old) {
        int verdict = ModifiedUtf8.ASCII;
        for (int i = 0; i < b.length; ) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return ModifiedUtf8.ILLEGAL;
            }
            if (c < 0x80) {
                i++;
                continue;
            }
            verdict = ModifiedUtf8.WIDE;
            if (c >= 0xC0 && c < 0xE0) {
                if (i + 1 >= b.length || (b[i + 1] & 0xC0) != 0x80) {
                    return ModifiedUtf8.ILLEGAL;
                }
                int value = (c & 0x1F) << 6 | b[i + 1] & 0x3F;
                if (!old && value != 0 && value < 0x80) {
                    return ModifiedUtf8.ILLEGAL;
                }
                i += 2;
            } else if (c >= 0xE0 && c < 0xF0) {
                if (i + 2 >= b.length || (b[i + 1] & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80) {
                    return ModifiedUtf8.ILLEGAL;
                }
                int value = (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F;
                if (!old && value < 0x800) {
                    return ModifiedUtf8.ILLEGAL;
                }
                i += 3;
            } else {
                return ModifiedUtf8.ILLEGAL;
            }
        }
        return verdict;
    }
}
