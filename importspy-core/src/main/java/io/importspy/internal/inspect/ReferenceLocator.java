package io.importspy.internal.inspect;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads one class file in full (code included, frames skipped) to find where it makes the references a
 * {@link ReferenceCheck} reported: the declaring member and the first source line of each.
 */
final class ReferenceLocator extends ClassVisitor {
    /**
     * Where a reported reference is made.
     *
     * @param member whether {@code target} is a member key ({@link #key}) rather than an internal class name
     * @param target the referenced type or member
     * @param from   the referencing method or field ({@code run(java.lang.String)}); empty for the class itself
     * @param line   its first source line there, when the bytecode records one
     */
    record Site(boolean member, String target, Optional<String> from, OptionalInt line) {
    }

    private final Set<String> types;
    private final Set<String> members;
    private final Map<String, Site> sites = new LinkedHashMap<>();

    private ReferenceLocator(Set<String> types, Set<String> members) {
        super(Opcodes.ASM9);
        this.types = types;
        this.members = members;
    }

    /** The key of a member reference: {@code owner.name:descriptor}. */
    static String key(String owner, String name, String descriptor) {
        return owner + '.' + name + ':' + descriptor;
    }

    /** The member reference a {@link #key} stands for. */
    static ClassScan.MemberUse parseKey(String key) {
        int dot = key.indexOf('.');
        int colon = key.indexOf(':', dot);
        String descriptor = key.substring(colon + 1);
        return new ClassScan.MemberUse(!descriptor.startsWith("("), false, key.substring(0, dot),
                key.substring(dot + 1, colon), descriptor);
    }

    /**
     * Every place in {@code file} where it references one of {@code types} (internal names) or
     * {@code members} ({@link #key}s); a reference found in no code or declaration (only in the constant
     * pool, e.g. through the InnerClasses attribute) gets a site without member and line.
     */
    static Map<String, Site> locate(Archive.ClassFile file, Set<String> types, Set<String> members) {
        ReferenceLocator locator = new ReferenceLocator(types, members);
        ClassFiles.reader(file.read(), file.where(), file.entry()).accept(locator, ClassReader.SKIP_FRAMES);
        Set<String> found = new java.util.HashSet<>();
        for (Site site : locator.sites.values()) {
            found.add(site.target());
        }
        for (String type : types) {
            if (!found.contains(type)) {
                locator.sites.put("\0" + type, new Site(false, type, Optional.empty(), OptionalInt.empty()));
            }
        }
        for (String member : members) {
            if (!found.contains(member)) {
                locator.sites.put("\0" + member, new Site(true, member, Optional.empty(), OptionalInt.empty()));
            }
        }
        return locator.sites;
    }

    private void type(String internalOrDescriptor, boolean descriptor, Optional<String> from, int line) {
        List<String> names = new ArrayList<>(2);
        if (descriptor) {
            Descriptors.parse(internalOrDescriptor, names);
        } else if (internalOrDescriptor.startsWith("[")) {
            Descriptors.parse(internalOrDescriptor, names);
        } else {
            names.add(internalOrDescriptor);
        }
        for (String name : names) {
            if (types.contains(name)) {
                site(false, name, from, line);
            }
        }
    }

    private void member(String owner, String name, String descriptor, Optional<String> from, int line) {
        String key = key(owner, name, descriptor);
        if (members.contains(key)) {
            site(true, key, from, line);
        }
        type(owner, false, from, line);
        type(descriptor, true, from, line);
    }

    private void site(boolean member, String target, Optional<String> from, int line) {
        String key = from.orElse("") + '\0' + target;
        Site known = sites.get(key);
        if (known == null || known.line().isEmpty() && line > 0) {
            sites.put(key, new Site(member, target, from, line > 0 ? OptionalInt.of(line) : OptionalInt.empty()));
        }
    }

    private void handle(Handle handle, Optional<String> from, int line) {
        member(handle.getOwner(), handle.getName(), handle.getDesc(), from, line);
    }

    private void constant(Object value, Optional<String> from, int line) {
        if (value instanceof Type type) {
            if (type.getSort() == Type.METHOD) {
                type(type.getDescriptor(), true, from, line);
            } else if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
                type(type.getInternalName(), false, from, line);
            }
        } else if (value instanceof Handle handle) {
            handle(handle, from, line);
        } else if (value instanceof ConstantDynamic dynamic) {
            type(dynamic.getDescriptor(), true, from, line);
            handle(dynamic.getBootstrapMethod(), from, line);
            for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                constant(dynamic.getBootstrapMethodArgument(i), from, line);
            }
        }
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        if (superName != null) {
            type(superName, false, Optional.empty(), 0);
        }
        if (interfaces != null) {
            for (String iface : interfaces) {
                type(iface, false, Optional.empty(), 0);
            }
        }
        if (signature != null) {
            type(signature, true, Optional.empty(), 0);
        }
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        type(descriptor, true, Optional.empty(), 0);
        return null;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        Optional<String> from = Optional.of(name);
        type(descriptor, true, from, 0);
        if (signature != null) {
            type(signature, true, from, 0);
        }
        return new FieldVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                type(annotation, true, from, 0);
                return null;
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        Optional<String> from = Optional.of(describe(name, descriptor));
        type(descriptor, true, from, 0);
        if (signature != null) {
            type(signature, true, from, 0);
        }
        if (exceptions != null) {
            for (String exception : exceptions) {
                type(exception, false, from, 0);
            }
        }
        return new MethodVisitor(Opcodes.ASM9) {
            private int line;

            @Override
            public void visitLineNumber(int number, Label start) {
                line = number;
            }

            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                type(annotation, true, from, 0);
                return null;
            }

            @Override
            public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
                type(annotation, true, from, 0);
                return null;
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                type(type, false, from, line);
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                member(owner, field, fieldDescriptor, from, line);
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                                        boolean isInterface) {
                member(owner, method, methodDescriptor, from, line);
            }

            @Override
            public void visitInvokeDynamicInsn(String method, String methodDescriptor, Handle bootstrap,
                                               Object... arguments) {
                type(methodDescriptor, true, from, line);
                handle(bootstrap, from, line);
                for (Object argument : arguments) {
                    constant(argument, from, line);
                }
            }

            @Override
            public void visitLdcInsn(Object value) {
                constant(value, from, line);
            }

            @Override
            public void visitMultiANewArrayInsn(String arrayDescriptor, int dimensions) {
                type(arrayDescriptor, true, from, line);
            }

            @Override
            public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                if (type != null) {
                    type(type, false, from, line);
                }
            }
        };
    }

    /** {@code greet(java.lang.String)}, {@code <init>()}. */
    static String describe(String name, String descriptor) {
        StringBuilder text = new StringBuilder(name).append('(');
        Type[] arguments = Type.getArgumentTypes(descriptor);
        for (int i = 0; i < arguments.length; i++) {
            text.append(i == 0 ? "" : ", ").append(arguments[i].getClassName());
        }
        return text.append(')').toString();
    }
}
