package io.importspy.internal.inspect;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What of a class file beyond its head ({@link ClassFileHead}) could change what a set of {@link ClassQuery
 * queries} selects, told from the constant pool of the head alone: the class's annotations, when the pool
 * names the descriptor of an annotation type a query looks for (or of {@code java.lang.annotation.Inherited});
 * its modifiers, when a query reads them and the pool names the InnerClasses or PermittedSubclasses
 * attribute (without which the class's flags give them).
 */
final class HeadNeeds {
    private static final byte[] INHERITED = utf8("java.lang.annotation.Inherited");
    private static final byte[] INNER_CLASSES = utf8("InnerClasses");
    private static final byte[] PERMITTED_SUBCLASSES = utf8("PermittedSubclasses");

    /** Annotation types as written (binary or source names, or simple names), in modified UTF-8. */
    private final byte[][] annotations;
    private final boolean modifiers;

    private HeadNeeds(byte[][] annotations, boolean modifiers) {
        this.annotations = annotations;
        this.modifiers = modifiers;
    }

    /** What {@code queries} need beyond a class file's head. */
    static HeadNeeds of(List<ClassQuery> queries) {
        List<byte[]> annotations = new ArrayList<>();
        boolean modifiers = false;
        for (ClassQuery query : queries) {
            query.annotated().ifPresent(a -> annotations.add(utf8(a)));
            modifiers |= !query.modifiers().isEmpty();
        }
        if (!annotations.isEmpty()) {
            annotations.add(INHERITED);
        }
        return new HeadNeeds(annotations.toArray(new byte[0][]), modifiers);
    }

    /** Whether the class of {@code head} (checked by {@link ClassFiles#checkedHead}) must be read whole. */
    boolean wholeFor(ClassFileFormat head) {
        if (annotations.length == 0 && !modifiers) {
            return false;
        }
        byte[] bytes = head.bytes;
        int[] tags = head.tags;
        for (int i = 1; i < tags.length; i++) {
            if (tags[i] != ClassFileFormat.UTF8) {
                continue;
            }
            int from = head.start(i);
            int to = head.end(i);
            if (modifiers && (ClassFileFormat.equalsAscii(bytes, from, to, INNER_CLASSES)
                    || ClassFileFormat.equalsAscii(bytes, from, to, PERMITTED_SUBCLASSES))) {
                return true;
            }
            if (to - from >= 3 && bytes[from] == 'L' && bytes[to - 1] == ';') {
                for (byte[] annotation : annotations) {
                    if (names(bytes, from + 1, to - 1, annotation)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether the internal name in {@code bytes[from, to)} may be the class {@code written} names, as
     * {@link ClassQuery#sameClass} would tell (package and nesting separators alike); a written name without a
     * separator matches the last part of the name.
     */
    private static boolean names(byte[] bytes, int from, int to, byte[] written) {
        boolean qualified = false;
        for (byte b : written) {
            qualified |= separator(b);
        }
        int length = to - from;
        if (length < written.length || qualified && length != written.length) {
            return false;
        }
        int start = to - written.length;
        if (start > from && !separator(bytes[start - 1])) {
            return false;
        }
        for (int i = 0; i < written.length; i++) {
            byte a = bytes[start + i];
            byte b = written[i];
            if (a != b && !(separator(a) && separator(b))) {
                return false;
            }
        }
        return true;
    }

    private static boolean separator(byte b) {
        return b == '.' || b == '/' || b == '$';
    }

    /** {@code text} in modified UTF-8, as a class file holds it. */
    private static byte[] utf8(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            data.writeUTF(text);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        byte[] bytes = out.toByteArray();
        return Arrays.copyOfRange(bytes, 2, bytes.length);
    }
}
