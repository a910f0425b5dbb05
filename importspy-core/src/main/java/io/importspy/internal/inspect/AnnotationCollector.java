package io.importspy.internal.inspect;

import io.importspy.inspect.AnnotationFacts;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Collects one annotation's element values (see {@link AnnotationFacts}) and hands it over when done. */
final class AnnotationCollector extends AnnotationVisitor {
    private final String type;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Consumer<AnnotationFacts> done;

    AnnotationCollector(String descriptor, Consumer<AnnotationFacts> done) {
        super(Opcodes.ASM9);
        this.type = className(Type.getType(descriptor), "an annotation's type");
        this.done = done;
    }

    @Override
    public void visit(String name, Object value) {
        values.put(name, convert(value));
    }

    @Override
    public void visitEnum(String name, String descriptor, String value) {
        values.put(name, value);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String name, String descriptor) {
        return new AnnotationCollector(descriptor, nested -> values.put(name, nested));
    }

    @Override
    public AnnotationVisitor visitArray(String name) {
        return new ArrayCollector(list -> values.put(name, list));
    }

    @Override
    public void visitEnd() {
        done.accept(new AnnotationFacts(type, values));
    }

    /**
     * The binary name of a type read from a field descriptor. A method descriptor, which a hostile class file may
     * give where a type belongs, has none: ASM would throw an {@code AssertionError}, here it is a malformed class.
     */
    static String className(Type type, String what) {
        if (type.getSort() == Type.METHOD) {
            throw new IllegalArgumentException(what + " is the method descriptor " + type.getDescriptor()
                    + ", not a type");
        }
        return type.getClassName();
    }

    /** A class literal becomes its binary name; a primitive array (ASM's compact form) a list. */
    static Object convert(Object value) {
        if (value instanceof Type type) {
            return className(type, "a class literal");
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(Array.get(value, i));
            }
            return List.copyOf(list);
        }
        return value;
    }

    /** The elements of an array-valued element. */
    private static final class ArrayCollector extends AnnotationVisitor {
        private final List<Object> elements = new ArrayList<>();
        private final Consumer<List<Object>> done;

        ArrayCollector(Consumer<List<Object>> done) {
            super(Opcodes.ASM9);
            this.done = done;
        }

        @Override
        public void visit(String name, Object value) {
            elements.add(convert(value));
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            elements.add(value);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            return new AnnotationCollector(descriptor, elements::add);
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return new ArrayCollector(elements::add);
        }

        @Override
        public void visitEnd() {
            done.accept(List.copyOf(elements));
        }
    }
}
