package io.importspy.internal.inspect;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name rules, which scan eight bytes at a time, against the rules written out one byte at a time: every
 * character the rules look for at every position of names of up to 24 bytes (so at the start, the end and both
 * sides of every eight-byte boundary, twice over), every pair of slashes, and seeded random names with
 * characters of two and three bytes.
 */
class ClassFileNamesTest {
    private static final String SPECIAL = "./;[<>()L$_aZ09";

    @Test
    void the_word_scans_judge_every_name_as_the_byte_scans_do() {
        List<byte[]> names = names();
        assertThat(names).hasSizeGreaterThan(10_000);
        int legalClassNames = 0;
        for (byte[] name : names) {
            String shown = new String(name, StandardCharsets.UTF_8);
            for (int major : new int[] {49, 69}) {
                assertThat(ClassFileNames.isFieldName(name, 0, name.length, major))
                        .as("field name '%s'", shown).isEqualTo(unqualified(name, false));
                assertThat(ClassFileNames.isMethodName(name, 0, name.length, major))
                        .as("method name '%s'", shown).isEqualTo(special(name) || unqualified(name, true));
                boolean className = internalName(name, 0, name.length);
                legalClassNames += className ? 1 : 0;
                assertThat(ClassFileNames.isClassName(name, 0, name.length, false, major))
                        .as("class name '%s'", shown).isEqualTo(className && (name.length == 0 || name[0] != '['));
                assertThat(ClassFileNames.isFieldDescriptor(name, 0, name.length, major))
                        .as("field descriptor '%s'", shown).isEqualTo(fieldDescriptorEnd(name, 0) == name.length);
                assertThat(ClassFileNames.methodArgumentSlots(name, 0, name.length, false, major))
                        .as("method descriptor '%s'", shown).isEqualTo(slots(name));
            }
        }
        assertThat(legalClassNames).as("legal class names among them").isGreaterThan(1_000);
    }

    @Test
    void slashes_side_by_side_across_a_word_boundary_or_at_either_end_are_refused() {
        for (String name : List.of("abcdefg//hij", "abcdefgh//ij", "/abcdefghij", "abcdefghijklmno/",
                "abcdefg/", "abcdefgh/", "ab//cdefghij", "a//b", "//")) {
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            assertThat(ClassFileNames.isClassName(bytes, 0, bytes.length, false, 69)).as(name).isFalse();
        }
        for (String name : List.of("abcdefg/hijklmn/opq", "abcdefgh/i", "a/b/c/d/e/f/g/h/i/j", "java/lang/Object")) {
            byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
            assertThat(ClassFileNames.isClassName(bytes, 0, bytes.length, false, 69)).as(name).isTrue();
        }
    }

    /** Names, descriptors and near misses of both. */
    private static List<byte[]> names() {
        List<byte[]> names = new ArrayList<>();
        String base = "abcdefghijklmnopqrstuvwx";
        for (int length = 0; length <= base.length(); length++) {
            String name = base.substring(0, length);
            names.add(ascii(name));
            for (int at = 0; at < length; at++) {
                for (char c : SPECIAL.toCharArray()) {
                    names.add(ascii(name.substring(0, at) + c + name.substring(at + 1)));
                    for (int second = at + 1; second < length && c == '/'; second++) {
                        names.add(ascii(name.substring(0, at) + '/' + name.substring(at + 1, second) + '/'
                                + name.substring(second + 1)));
                    }
                }
            }
        }
        Random random = new Random(20261203);
        String[] pieces = {"java", "/", "lang", "Object", ";", "L", "[", "(", ")", "V", "I", "J", "D", ".", "<", ">",
                "é", "\u20ac", "$1", "//", "Ljava/util/List;", "[I", "<init>"};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder name = new StringBuilder();
            for (int k = random.nextInt(9); k > 0; k--) {
                name.append(pieces[random.nextInt(pieces.length)]);
            }
            names.add(name.toString().getBytes(StandardCharsets.UTF_8));
        }
        return names;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    // the rules of JVMS 4.2 and 4.3 for class files from version 49 on, one byte at a time

    private static boolean unqualified(byte[] b, boolean method) {
        if (b.length == 0) {
            return false;
        }
        for (byte c : b) {
            if (c == '.' || c == ';' || c == '[' || c == '/' || (method && (c == '<' || c == '>'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean special(byte[] b) {
        String text = new String(b, StandardCharsets.UTF_8);
        return text.equals("<init>") || text.equals("<clinit>");
    }

    private static boolean internalName(byte[] b, int from, int to) {
        if (from >= to) {
            return false;
        }
        int segment = from;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '/') {
                if (i == segment) {
                    return false;
                }
                segment = i + 1;
            } else if (c == '.' || c == ';' || c == '[') {
                return false;
            }
        }
        return segment < to;
    }

    private static int fieldDescriptorEnd(byte[] b, int at) {
        int i = at;
        while (i < b.length && b[i] == '[') {
            i++;
        }
        if (i - at > ClassFileNames.MAX_DIMENSIONS || i >= b.length) {
            return -1;
        }
        switch (b[i]) {
            case 'B': case 'C': case 'D': case 'F': case 'I': case 'J': case 'S': case 'Z':
                return i + 1;
            case 'L': {
                int semicolon = i + 1;
                while (semicolon < b.length && b[semicolon] != ';') {
                    semicolon++;
                }
                return semicolon < b.length && internalName(b, i + 1, semicolon) ? semicolon + 1 : -1;
            }
            default:
                return -1;
        }
    }

    private static int slots(byte[] b) {
        if (b.length == 0 || b[0] != '(') {
            return -1;
        }
        int i = 1;
        int slots = 0;
        while (i < b.length && b[i] != ')') {
            byte c = b[i];
            int end = fieldDescriptorEnd(b, i);
            if (end < 0) {
                return -1;
            }
            slots += c == 'J' || c == 'D' ? 2 : 1;
            i = end;
        }
        if (i >= b.length) {
            return -1;
        }
        i++;
        if (i < b.length && b[i] == 'V') {
            return i + 1 == b.length ? slots : -1;
        }
        return fieldDescriptorEnd(b, i) == b.length ? slots : -1;
    }
}
