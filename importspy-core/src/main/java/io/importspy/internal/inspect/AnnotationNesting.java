package io.importspy.internal.inspect;

/**
 * Bounds how deeply the annotation values of a class file nest ({@code @A(@B({@C(...)}))}, arrays in arrays)
 * before ASM, which reads them recursively, is given the bytes: a hostile class file of a few hundred kilobytes
 * could otherwise nest values deep enough to overflow the stack. Structure is not judged here (the JVM does not
 * judge it at definition either): a walk that runs off its attribute stops quietly and leaves the verdict to the
 * reader.
 */
final class AnnotationNesting {
    /** Values nested in values an annotation attribute may have; javac output stays far below it. */
    static final int MAX_DEPTH = 255;

    private final ClassFileFormat f;
    private final int end;
    private final int name;

    private AnnotationNesting(ClassFileFormat f, int end, int name) {
        this.f = f;
        this.end = end;
        this.name = name;
    }

    /** Off the end of the attribute: malformed, which is not this check's to judge. */
    private static final class Overrun extends RuntimeException {
        Overrun() {
            super(null, null, false, false);
        }
    }

    /**
     * Checks attribute {@code name} (its name constant, of {@code kind}, see {@link ClassFileAttributes#kind})
     * spanning {@code [start, end)} of {@code f} if it holds annotation values; leaves {@code f.at} where it
     * found it.
     */
    static void check(ClassFileFormat f, int kind, int name, int start, int end) {
        switch (kind) {
            case ClassFileAttributes.VISIBLE_ANNOTATIONS, ClassFileAttributes.INVISIBLE_ANNOTATIONS,
                 ClassFileAttributes.VISIBLE_PARAMETER_ANNOTATIONS, ClassFileAttributes.INVISIBLE_PARAMETER_ANNOTATIONS,
                 ClassFileAttributes.VISIBLE_TYPE_ANNOTATIONS, ClassFileAttributes.INVISIBLE_TYPE_ANNOTATIONS,
                 ClassFileAttributes.ANNOTATION_DEFAULT -> {
            }
            default -> {
                return;
            }
        }
        int at = f.at;
        f.at = start;
        try {
            AnnotationNesting walk = new AnnotationNesting(f, end, name);
            switch (kind) {
                case ClassFileAttributes.VISIBLE_ANNOTATIONS, ClassFileAttributes.INVISIBLE_ANNOTATIONS -> walk.annotations();
                case ClassFileAttributes.VISIBLE_PARAMETER_ANNOTATIONS,
                     ClassFileAttributes.INVISIBLE_PARAMETER_ANNOTATIONS -> {
                    for (int p = walk.u1(); p > 0; p--) {
                        walk.annotations();
                    }
                }
                case ClassFileAttributes.VISIBLE_TYPE_ANNOTATIONS, ClassFileAttributes.INVISIBLE_TYPE_ANNOTATIONS -> {
                    for (int n = walk.u2(); n > 0; n--) {
                        walk.typeAnnotation();
                    }
                }
                default -> walk.value(1); // AnnotationDefault
            }
        } catch (Overrun malformed) {
            // malformed, not too deep: the reader reports it
        } finally {
            f.at = at;
        }
    }

    private void annotations() {
        for (int n = u2(); n > 0; n--) {
            annotation(1);
        }
    }

    private void typeAnnotation() {
        int target = u1();
        switch (target) {
            case 0x00, 0x01, 0x16 -> u1();
            case 0x10, 0x17, 0x42, 0x43, 0x44, 0x45, 0x46 -> u2();
            case 0x11, 0x12 -> skip(2);
            case 0x13, 0x14, 0x15 -> {
            }
            case 0x40, 0x41 -> skip(6L * u2());
            case 0x47, 0x48, 0x49, 0x4A, 0x4B -> skip(3);
            default -> throw new Overrun();
        }
        skip(2L * u1()); // type_path
        annotation(1);
    }

    private void annotation(int depth) {
        u2(); // type
        for (int pairs = u2(); pairs > 0; pairs--) {
            u2(); // element name
            value(depth);
        }
    }

    private void value(int depth) {
        if (depth > MAX_DEPTH) {
            throw f.error("the " + f.attribute(name) + " nests annotation values more than " + MAX_DEPTH + " deep");
        }
        int tag = u1();
        switch (tag) {
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'Z', 's', 'c' -> u2();
            case 'e' -> skip(4);
            case '@' -> annotation(depth + 1);
            case '[' -> {
                for (int n = u2(); n > 0; n--) {
                    value(depth + 1);
                }
            }
            default -> throw new Overrun();
        }
    }

    private int u1() {
        need(1);
        return f.u1();
    }

    private int u2() {
        need(2);
        return f.u2();
    }

    private void skip(long length) {
        need(length);
        f.at += (int) length;
    }

    private void need(long length) {
        if (f.at + length > end) {
            throw new Overrun();
        }
    }
}
