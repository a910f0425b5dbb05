import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Build step of the command line: rewrites the {@code invokedynamic} call sites of the compiled classes under a
 * directory into plain calls, so that none is linked through method handles at run time.
 *
 * <p>{@code java -cp DIR Desugar.java DIR} (ASM on the class path). Run after compilation, before the tests
 * and the JAR. On JDK 17-24 linking one such call site costs about a quarter of a millisecond of a run even when
 * its class comes from the AppCDS archive (a validation links a few hundred), and a record's {@code toString},
 * {@code hashCode} or {@code equals} makes the JDK spin method-handle classes on first use; a class of its own
 * loads from the archive in a few microseconds.
 * <ul>
 * <li>Lambdas and method references: {@code invokedynamic LambdaMetafactory} becomes
 * {@code invokestatic Host$$Lambda$N.create(captured...)} with the descriptor of the call site, where
 * {@code Host$$Lambda$N} implements the functional interface the way the metafactory's class would: one field
 * per captured value, the interface method (and its bridges) calling the implementation method with the same
 * conversions (casts, boxing, unboxing, widening), one shared instance when nothing is captured. It is a
 * nestmate of its host, as the metafactory's hidden class is, so it calls the host's private methods.</li>
 * <li>A record's {@code toString}, {@code hashCode} and {@code equals} ({@code invokedynamic ObjectMethods}) become
 * calls of static methods added to the record, computing what {@code ObjectMethods} computes: {@code Name[a=1, b=x]},
 * {@code 31 * h + hash(component)} from 0, and component-wise equality ({@code Float.compare} and
 * {@code Double.compare} for floating point, {@code Objects.equals} for references).</li>
 * <li>String concatenation ({@code invokedynamic StringConcatFactory}, javac's default) becomes a call of a static
 * method added to the class, appending to a {@code StringBuilder} what the recipe says, as
 * {@code -XDstringConcat=inline} compiles it; a library compiled with javac's default (the core, in the agent's
 * JAR) otherwise spins method handles for each new shape of concatenation on first use.</li>
 * </ul>
 * Left as they are: serializable lambdas, other bootstraps, and class files older than Java 11 (no nestmates), unless
 * {@code --raise-to-11} is given ({@code java -cp ASM Desugar.java --raise-to-11 JAR}, the agent's build): then a
 * class file of Java 8 to 10 whose lambdas are rewritten is raised to Java 11, the first with nestmates, which
 * changes nothing else its bytecode means (it has the stack map frames Java 11 needs; Java 8 compilers emit nothing
 * that Java 11 refuses), and its lambdas become classes like the others. A library compiled for Java 8 (SnakeYAML,
 * in the agent's JAR) otherwise spins a class for each lambda on first use; and the JVM, resolving the types of each
 * lambda's method type, first looks for them with the boot class loader, which finds the agent's classes in the
 * agent JAR on the boot class path and defines a second copy of each there.
 */
public final class Desugar {
    private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final String OBJECT_METHODS = "java/lang/runtime/ObjectMethods";
    private static final String CONCAT = "java/lang/invoke/StringConcatFactory";
    private static final int FLAG_SERIALIZABLE = 1;
    private static final int FLAG_MARKERS = 2;
    private static final int FLAG_BRIDGES = 4;
    /** Whether class files of Java 8 to 10 with lambdas are raised to Java 11 ({@code --raise-to-11}). */
    private static boolean raise;

    private Desugar() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--raise-to-11")) {
            raise = true;
            args = new String[] {args[1]};
        }
        if (args.length != 1) {
            System.err.println("usage: java -cp ASM Desugar.java [--raise-to-11] DIR|JAR");
            System.exit(2);
        }
        Path target = Path.of(args[0]).toAbsolutePath();
        int sites = Files.isDirectory(target) ? rewrite(target) : rewriteJar(target);
        System.out.println("Desugar: " + sites + " invokedynamic call sites rewritten in " + args[0]);
    }

    /** As {@link #rewrite(Path)}, raising class files of Java 8 to 10 with lambdas to Java 11 when {@code raiseTo11}. */
    public static int rewrite(Path root, boolean raiseTo11) throws IOException {
        boolean before = raise;
        raise = raiseTo11;
        try {
            return rewrite(root);
        } finally {
            raise = before;
        }
    }

    /** Rewrites every class file under {@code root}; returns the number of call sites rewritten. */
    public static int rewrite(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        Map<String, byte[]> classes = new TreeMap<>();
        for (Path file : files) {
            String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            classes.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(file));
        }
        int[] sites = {0};
        for (Map.Entry<String, byte[]> file : desugar(classes, sites).entrySet()) {
            Files.write(root.resolve(file.getKey() + ".class"), file.getValue());
        }
        return sites[0];
    }

    /**
     * Rewrites the class files of the JAR at {@code jar} in place: entries in their order, each made class right
     * after its host, with the host's time, so that the JAR stays reproducible. Returns the call sites rewritten.
     */
    public static int rewriteJar(Path jar) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, java.util.zip.ZipEntry> headers = new LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(jar))) {
            for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
                headers.put(entry.getName(), entry);
            }
        }
        Map<String, byte[]> classes = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (entry.getKey().endsWith(".class") && !entry.getKey().startsWith("META-INF/")) {
                classes.put(entry.getKey().substring(0, entry.getKey().length() - ".class".length()), entry.getValue());
            }
        }
        int[] sites = {0};
        Map<String, byte[]> changed = desugar(classes, sites);
        if (changed.isEmpty()) {
            return 0;
        }
        Path temp = jar.resolveSibling(jar.getFileName() + ".desugar.tmp"); // not createTempFile: owner-only
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(temp))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                java.util.zip.ZipEntry header = headers.get(entry.getKey());
                String name = entry.getKey().endsWith(".class")
                        ? entry.getKey().substring(0, entry.getKey().length() - ".class".length()) : null;
                write(out, header, entry.getKey(), name != null && changed.containsKey(name) ? changed.get(name)
                        : entry.getValue());
                if (name != null && !name.contains("$$Lambda$")) {
                    for (int n = 1; changed.containsKey(name + "$$Lambda$" + n); n++) {
                        if (!entries.containsKey(name + "$$Lambda$" + n + ".class")) {
                            write(out, header, name + "$$Lambda$" + n + ".class", changed.get(name + "$$Lambda$" + n));
                        }
                    }
                }
            }
        }
        Files.move(temp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return sites[0];
    }

    private static void write(java.util.zip.ZipOutputStream out, java.util.zip.ZipEntry like, String name, byte[] bytes)
            throws IOException {
        java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(name);
        entry.setTime(like.getTime());
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }

    /**
     * The classes of {@code classes} (internal name to bytes) that change, and those made, with their new bytes;
     * {@code sites[0]} counts the call sites rewritten.
     */
    private static Map<String, byte[]> desugar(Map<String, byte[]> classes, int[] sites) {
        Map<String, byte[]> written = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : classes.entrySet()) {
            byte[] bytes = file.getValue();
            if (file.getKey().endsWith("module-info") || !mentions(bytes, METAFACTORY)
                    && !mentions(bytes, OBJECT_METHODS) && !mentions(bytes, CONCAT)) {
                continue;
            }
            Host host = new Host(bytes);
            if (host.sites == 0) {
                continue;
            }
            sites[0] += host.sites;
            written.put(host.name, host.rewritten);
            written.putAll(host.lambdas);
        }
        // every lambda class, made now or by a build before (whose nest host javac may have compiled again since,
        // without it), is listed by its nest host
        Map<String, List<String>> members = new TreeMap<>();
        Map<String, byte[]> all = new TreeMap<>(classes);
        all.putAll(written);
        for (Map.Entry<String, byte[]> lambda : all.entrySet()) {
            if (lambda.getKey().contains("$$Lambda$")) {
                String[] nestHost = {null};
                new ClassReader(lambda.getValue()).accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitNestHost(String host) {
                        nestHost[0] = host;
                    }
                }, ClassReader.SKIP_CODE);
                if (nestHost[0] != null && all.containsKey(nestHost[0])) {
                    members.computeIfAbsent(nestHost[0], k -> new ArrayList<>()).add(lambda.getKey());
                }
            }
        }
        for (Map.Entry<String, List<String>> nest : members.entrySet()) {
            byte[] before = all.get(nest.getKey());
            byte[] after = withNestMembers(before, nest.getValue());
            if (after != before) {
                written.put(nest.getKey(), after);
            }
        }
        written.entrySet().removeIf(e -> classes.containsKey(e.getKey())
                && Arrays.equals(classes.get(e.getKey()), e.getValue()));
        return written;
    }

    /** Whether the constant pool may name {@code owner} (a cheap filter before parsing). */
    private static boolean mentions(byte[] bytes, String owner) {
        byte[] needle = owner.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** {@code bytes} with {@code members} among its nest members; the same bytes when it lists them all already. */
    private static byte[] withNestMembers(byte[] bytes, List<String> members) {
        java.util.Set<String> present = new java.util.HashSet<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitNestMember(String member) {
                present.add(member);
            }
        }, ClassReader.SKIP_CODE);
        if (present.containsAll(members)) {
            return bytes;
        }
        present.clear();
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visitNestMember(String member) {
                present.add(member);
                super.visitNestMember(member);
            }

            @Override
            public void visitEnd() {
                for (String member : members) {
                    if (present.add(member)) { // a build over an old target/classes lists it already
                        super.visitNestMember(member);
                    }
                }
                super.visitEnd();
            }
        }, 0);
        return writer.toByteArray();
    }

    /** One class whose call sites are rewritten; {@link #lambdas} are the classes made for its lambdas. */
    private static final class Host {
        final String name;
        final String nestHost;
        final byte[] rewritten;
        final Map<String, byte[]> lambdas = new LinkedHashMap<>();
        /** The call sites rewritten. */
        int sites;
        /** The record methods to add: name to the call site's descriptor and the bootstrap's arguments. */
        private final Map<String, Object[]> recordMethods = new LinkedHashMap<>();
        /** The string concatenations: method name to the call site's descriptor and the bootstrap's arguments. */
        private final Map<String, Object[]> concatenations = new LinkedHashMap<>();
        private boolean isInterface;
        private String source;
        private int version;
        /** The nest host: the class itself, or the one its {@code NestHost} attribute names (read before any method). */
        private String nest;

        Host(byte[] bytes) {
            ClassReader reader = new ClassReader(bytes);
            this.name = reader.getClassName();
            this.nest = name;
            ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                                  String[] interfaces) {
                    Host.this.version = version & 0xFFFF;
                    Host.this.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
                    if (raise && Host.this.version >= Opcodes.V1_8 && Host.this.version < Opcodes.V11) {
                        Host.this.version = Opcodes.V11; // kept only when a lambda is rewritten (else the bytes are)
                        version = Opcodes.V11;
                    }
                    super.visit(version, access, name, signature, superName, interfaces);
                }

                @Override
                public void visitSource(String source, String debug) {
                    Host.this.source = source;
                    super.visitSource(source, debug);
                }

                @Override
                public void visitNestHost(String nestHost) {
                    nest = nestHost;
                    super.visitNestHost(nestHost);
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature,
                            exceptions)) {
                        @Override
                        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap,
                                                           Object... arguments) {
                            if (bootstrap.getOwner().equals(CONCAT) && version >= Opcodes.V11
                                    && bootstrap.getName().equals("makeConcatWithConstants")
                                    && Concatenation.plain(arguments)) {
                                String method = "concat$" + (concatenations.size() + 1);
                                concatenations.put(method, new Object[] {descriptor, arguments});
                                sites++;
                                super.visitMethodInsn(Opcodes.INVOKESTATIC, Host.this.name, method, descriptor,
                                        isInterface);
                                return;
                            }
                            if (bootstrap.getOwner().equals(OBJECT_METHODS) && version >= Opcodes.V16
                                    && bootstrap.getName().equals("bootstrap")) {
                                String method = "record$" + name;
                                recordMethods.put(method, new Object[] {descriptor, arguments});
                                sites++;
                                super.visitMethodInsn(Opcodes.INVOKESTATIC, Host.this.name, method, descriptor, false);
                                return;
                            }
                            String lambda = lambdaClass(name, descriptor, bootstrap, arguments);
                            if (lambda == null) {
                                super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
                            } else {
                                sites++;
                                super.visitMethodInsn(Opcodes.INVOKESTATIC, lambda, "create", descriptor, false);
                            }
                        }
                    };
                }

                @Override
                public void visitEnd() {
                    for (Map.Entry<String, Object[]> method : concatenations.entrySet()) {
                        Concatenation.add(cv, method.getKey(), (String) method.getValue()[0],
                                (Object[]) method.getValue()[1]);
                    }
                    for (Map.Entry<String, Object[]> method : recordMethods.entrySet()) {
                        RecordMethods.add(cv, method.getKey(), (String) method.getValue()[0],
                                (Object[]) method.getValue()[1]);
                    }
                    super.visitEnd();
                }
            }, 0);
            this.nestHost = nest;
            this.rewritten = sites == 0 ? bytes : writer.toByteArray();
        }

        /** The class made for one call site, or null to leave it as it is. */
        private String lambdaClass(String method, String descriptor, Handle bootstrap, Object[] arguments) {
            if (!bootstrap.getOwner().equals(METAFACTORY) || version < Opcodes.V11) {
                return null;
            }
            List<Type> markers = new ArrayList<>();
            List<Type> bridges = new ArrayList<>();
            if (bootstrap.getName().equals("altMetafactory")) {
                int flags = (Integer) arguments[3];
                if ((flags & FLAG_SERIALIZABLE) != 0) {
                    return null;
                }
                int next = 4;
                if ((flags & FLAG_MARKERS) != 0) {
                    int count = (Integer) arguments[next++];
                    for (int i = 0; i < count; i++) {
                        markers.add((Type) arguments[next++]);
                    }
                }
                if ((flags & FLAG_BRIDGES) != 0) {
                    int count = (Integer) arguments[next++];
                    for (int i = 0; i < count; i++) {
                        bridges.add((Type) arguments[next++]);
                    }
                }
            } else if (!bootstrap.getName().equals("metafactory")) {
                return null;
            }
            String lambda = name + "$$Lambda$" + (lambdas.size() + 1);
            lambdas.put(lambda, new LambdaClass(lambda, nest, source, version, method, Type.getMethodType(
                    descriptor), (Type) arguments[0], (Handle) arguments[1], (Type) arguments[2], markers,
                    bridges).bytes());
            return lambda;
        }

    }

    /** The class of one lambda call site. */
    private record LambdaClass(String name, String nestHost, String source, int version, String method,
                               Type factory, Type erased, Handle implementation, Type instantiated,
                               List<Type> markers, List<Type> bridges) {
        byte[] bytes() {
            ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            Type[] captured = factory.getArgumentTypes();
            String[] interfaces = new String[1 + markers.size()];
            interfaces[0] = factory.getReturnType().getInternalName();
            for (int i = 0; i < markers.size(); i++) {
                interfaces[i + 1] = markers.get(i).getInternalName();
            }
            writer.visit(version, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, name, null,
                    "java/lang/Object", interfaces);
            if (source != null) {
                writer.visitSource(source, null);
            }
            writer.visitNestHost(nestHost);
            String constructor = Type.getMethodDescriptor(Type.VOID_TYPE, captured);
            for (int i = 0; i < captured.length; i++) {
                writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "arg$" + (i + 1),
                        captured[i].getDescriptor(), null, null).visitEnd();
            }
            MethodVisitor init = writer.visitMethod(Opcodes.ACC_PRIVATE, "<init>", constructor, null, null);
            init.visitCode();
            init.visitVarInsn(Opcodes.ALOAD, 0);
            init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            int slot = 1;
            for (int i = 0; i < captured.length; i++) {
                init.visitVarInsn(Opcodes.ALOAD, 0);
                init.visitVarInsn(captured[i].getOpcode(Opcodes.ILOAD), slot);
                init.visitFieldInsn(Opcodes.PUTFIELD, name, "arg$" + (i + 1), captured[i].getDescriptor());
                slot += captured[i].getSize();
            }
            init.visitInsn(Opcodes.RETURN);
            init.visitMaxs(0, 0);
            init.visitEnd();

            MethodVisitor create = writer.visitMethod(Opcodes.ACC_STATIC, "create", factory.getDescriptor(), null,
                    null);
            create.visitCode();
            if (captured.length == 0) {
                writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "INSTANCE",
                        "L" + name + ";", null, null).visitEnd();
                create.visitFieldInsn(Opcodes.GETSTATIC, name, "INSTANCE", "L" + name + ";");
                MethodVisitor clinit = writer.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
                clinit.visitCode();
                clinit.visitTypeInsn(Opcodes.NEW, name);
                clinit.visitInsn(Opcodes.DUP);
                clinit.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", "()V", false);
                clinit.visitFieldInsn(Opcodes.PUTSTATIC, name, "INSTANCE", "L" + name + ";");
                clinit.visitInsn(Opcodes.RETURN);
                clinit.visitMaxs(0, 0);
                clinit.visitEnd();
            } else {
                create.visitTypeInsn(Opcodes.NEW, name);
                create.visitInsn(Opcodes.DUP);
                slot = 0;
                for (Type type : captured) {
                    create.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
                    slot += type.getSize();
                }
                create.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", constructor, false);
            }
            create.visitInsn(Opcodes.ARETURN);
            create.visitMaxs(0, 0);
            create.visitEnd();

            forward(writer, erased);
            for (Type bridge : bridges) {
                if (!bridge.getDescriptor().equals(erased.getDescriptor())) {
                    forward(writer, bridge);
                }
            }
            writer.visitEnd();
            return writer.toByteArray();
        }

        /** The interface method of descriptor {@code type}: the captured values and its arguments, to the implementation. */
        private void forward(ClassWriter writer, Type type) {
            MethodVisitor code = writer.visitMethod(Opcodes.ACC_PUBLIC, method, type.getDescriptor(), null, null);
            code.visitCode();
            int kind = implementation.getTag();
            Type target = Type.getMethodType(implementation.getDesc());
            List<Type> parameters = new ArrayList<>();
            if (kind == Opcodes.H_INVOKEVIRTUAL || kind == Opcodes.H_INVOKEINTERFACE
                    || kind == Opcodes.H_INVOKESPECIAL) {
                parameters.add(Type.getObjectType(implementation.getOwner()));
            }
            parameters.addAll(Arrays.asList(target.getArgumentTypes()));
            if (kind == Opcodes.H_NEWINVOKESPECIAL) {
                code.visitTypeInsn(Opcodes.NEW, implementation.getOwner());
                code.visitInsn(Opcodes.DUP);
            }
            Type[] captured = factory.getArgumentTypes();
            int next = 0;
            for (int i = 0; i < captured.length; i++, next++) {
                code.visitVarInsn(Opcodes.ALOAD, 0);
                code.visitFieldInsn(Opcodes.GETFIELD, name, "arg$" + (i + 1), captured[i].getDescriptor());
                convert(code, captured[i], parameters.get(next));
            }
            Type[] arguments = type.getArgumentTypes();
            Type[] instantiatedArguments = instantiated.getArgumentTypes();
            int slot = 1;
            for (int i = 0; i < arguments.length; i++, next++) {
                code.visitVarInsn(arguments[i].getOpcode(Opcodes.ILOAD), slot);
                slot += arguments[i].getSize();
                convert(code, arguments[i], instantiatedArguments[i]);
                convert(code, instantiatedArguments[i], parameters.get(next));
            }
            Type returned;
            switch (kind) {
                case Opcodes.H_INVOKESTATIC -> {
                    code.visitMethodInsn(Opcodes.INVOKESTATIC, implementation.getOwner(), implementation.getName(),
                            implementation.getDesc(), implementation.isInterface());
                    returned = target.getReturnType();
                }
                case Opcodes.H_INVOKEVIRTUAL, Opcodes.H_INVOKESPECIAL, Opcodes.H_INVOKEINTERFACE -> {
                    // a private method of a nestmate is called with invokevirtual (invokeinterface in an interface)
                    code.visitMethodInsn(implementation.isInterface() ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL,
                            implementation.getOwner(), implementation.getName(), implementation.getDesc(),
                            implementation.isInterface());
                    returned = target.getReturnType();
                }
                case Opcodes.H_NEWINVOKESPECIAL -> {
                    code.visitMethodInsn(Opcodes.INVOKESPECIAL, implementation.getOwner(), "<init>",
                            implementation.getDesc(), false);
                    returned = Type.getObjectType(implementation.getOwner());
                }
                default -> throw new IllegalStateException(name + ": method handle kind " + kind);
            }
            Type result = type.getReturnType();
            if (result.getSort() == Type.VOID) {
                if (returned.getSort() != Type.VOID) {
                    code.visitInsn(returned.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
                }
            } else {
                convert(code, returned, instantiated.getReturnType());
                convert(code, instantiated.getReturnType(), result);
            }
            code.visitInsn(result.getOpcode(Opcodes.IRETURN));
            code.visitMaxs(0, 0);
            code.visitEnd();
        }

        /** Converts the value on the stack from {@code from} to {@code to}, as the metafactory does. */
        private static void convert(MethodVisitor code, Type from, Type to) {
            if (from.equals(to) || to.getSort() == Type.VOID) {
                return;
            }
            boolean fromPrimitive = from.getSort() < Type.ARRAY;
            boolean toPrimitive = to.getSort() < Type.ARRAY;
            if (fromPrimitive && toPrimitive) {
                widen(code, from, to);
            } else if (fromPrimitive) {
                Type box = box(from);
                code.visitMethodInsn(Opcodes.INVOKESTATIC, box.getInternalName(), "valueOf",
                        Type.getMethodDescriptor(box, from), false);
                if (!isSupertypeOfBox(to, box)) {
                    code.visitTypeInsn(Opcodes.CHECKCAST, to.getInternalName());
                }
            } else if (toPrimitive) {
                Type unboxed = unbox(from);
                if (unboxed == null) {
                    Type box = box(to);
                    code.visitTypeInsn(Opcodes.CHECKCAST, box.getInternalName());
                    unboxed = to;
                    from = box;
                }
                code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, from.getInternalName(), unboxed.getClassName() + "Value",
                        Type.getMethodDescriptor(unboxed), false);
                widen(code, unboxed, to);
            } else if (!to.getInternalName().equals("java/lang/Object")) {
                code.visitTypeInsn(Opcodes.CHECKCAST, to.getInternalName());
            }
        }

        private static boolean isSupertypeOfBox(Type type, Type box) {
            String name = type.getInternalName();
            return name.equals(box.getInternalName()) || name.equals("java/lang/Object")
                    || name.equals("java/io/Serializable") || name.equals("java/lang/Comparable")
                    || (name.equals("java/lang/Number") && !box.getInternalName().equals("java/lang/Boolean")
                            && !box.getInternalName().equals("java/lang/Character"));
        }

        private static void widen(MethodVisitor code, Type from, Type to) {
            int f = stackSort(from);
            int t = stackSort(to);
            if (f == t) {
                return;
            }
            int opcode = switch (f * 10 + t) {
                case 12 -> Opcodes.I2L;
                case 13 -> Opcodes.I2F;
                case 14 -> Opcodes.I2D;
                case 23 -> Opcodes.L2F;
                case 24 -> Opcodes.L2D;
                case 34 -> Opcodes.F2D;
                default -> throw new IllegalStateException("no widening from " + from + " to " + to);
            };
            code.visitInsn(opcode);
        }

        /** 1 int (and narrower), 2 long, 3 float, 4 double. */
        private static int stackSort(Type type) {
            return switch (type.getSort()) {
                case Type.LONG -> 2;
                case Type.FLOAT -> 3;
                case Type.DOUBLE -> 4;
                default -> 1;
            };
        }

        private static Type box(Type primitive) {
            return Type.getObjectType(switch (primitive.getSort()) {
                case Type.BOOLEAN -> "java/lang/Boolean";
                case Type.CHAR -> "java/lang/Character";
                case Type.BYTE -> "java/lang/Byte";
                case Type.SHORT -> "java/lang/Short";
                case Type.INT -> "java/lang/Integer";
                case Type.LONG -> "java/lang/Long";
                case Type.FLOAT -> "java/lang/Float";
                case Type.DOUBLE -> "java/lang/Double";
                default -> throw new IllegalStateException("not primitive: " + primitive);
            });
        }

        private static Type unbox(Type box) {
            return switch (box.getInternalName()) {
                case "java/lang/Boolean" -> Type.BOOLEAN_TYPE;
                case "java/lang/Character" -> Type.CHAR_TYPE;
                case "java/lang/Byte" -> Type.BYTE_TYPE;
                case "java/lang/Short" -> Type.SHORT_TYPE;
                case "java/lang/Integer" -> Type.INT_TYPE;
                case "java/lang/Long" -> Type.LONG_TYPE;
                case "java/lang/Float" -> Type.FLOAT_TYPE;
                case "java/lang/Double" -> Type.DOUBLE_TYPE;
                default -> null;
            };
        }
    }

    /** The static methods that stand for a record's {@code ObjectMethods} call sites. */
    private static final class RecordMethods {
        private RecordMethods() {
        }

        /** Adds {@code method} (descriptor {@code descriptor}) for bootstrap arguments {@code (Class, names, getters...)}. */
        static void add(ClassVisitor visitor, String method, String descriptor, Object[] arguments) {
            Type record = (Type) arguments[0];
            String[] names = ((String) arguments[1]).isEmpty() ? new String[0] : ((String) arguments[1]).split(";");
            List<Handle> getters = new ArrayList<>();
            for (int i = 2; i < arguments.length; i++) {
                getters.add((Handle) arguments[i]);
            }
            MethodVisitor code = visitor.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                    method, descriptor, null, null);
            code.visitCode();
            switch (method) {
                case "record$toString" -> toString(code, record, names, getters);
                case "record$hashCode" -> hashCode(code, getters);
                case "record$equals" -> equals(code, record, getters);
                default -> throw new IllegalStateException("ObjectMethods." + method);
            }
            code.visitMaxs(0, 0);
            code.visitEnd();
        }

        private static void toString(MethodVisitor code, Type record, String[] names, List<Handle> getters) {
            String builder = "java/lang/StringBuilder";
            code.visitTypeInsn(Opcodes.NEW, builder);
            code.visitInsn(Opcodes.DUP);
            code.visitLdcInsn(record);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Class", "getSimpleName", "()Ljava/lang/String;",
                    false);
            code.visitMethodInsn(Opcodes.INVOKESPECIAL, builder, "<init>", "(Ljava/lang/String;)V", false);
            for (int i = 0; i < getters.size(); i++) {
                code.visitLdcInsn((i == 0 ? "[" : ", ") + names[i] + "=");
                code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, builder, "append",
                        "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
                Handle getter = getters.get(i);
                code.visitVarInsn(Opcodes.ALOAD, 0);
                code.visitFieldInsn(Opcodes.GETFIELD, getter.getOwner(), getter.getName(), getter.getDesc());
                String appended = switch (Type.getType(getter.getDesc()).getSort()) {
                    case Type.BOOLEAN -> "Z";
                    case Type.CHAR -> "C";
                    case Type.BYTE, Type.SHORT, Type.INT -> "I";
                    case Type.LONG -> "J";
                    case Type.FLOAT -> "F";
                    case Type.DOUBLE -> "D";
                    default -> "Ljava/lang/Object;";
                };
                code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, builder, "append",
                        "(" + appended + ")Ljava/lang/StringBuilder;", false);
            }
            code.visitLdcInsn(getters.isEmpty() ? "[]" : "]");
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, builder, "append",
                    "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, builder, "toString", "()Ljava/lang/String;", false);
            code.visitInsn(Opcodes.ARETURN);
        }

        private static void hashCode(MethodVisitor code, List<Handle> getters) {
            code.visitInsn(Opcodes.ICONST_0);
            for (Handle getter : getters) {
                code.visitIntInsn(Opcodes.BIPUSH, 31);
                code.visitInsn(Opcodes.IMUL);
                code.visitVarInsn(Opcodes.ALOAD, 0);
                code.visitFieldInsn(Opcodes.GETFIELD, getter.getOwner(), getter.getName(), getter.getDesc());
                Type type = Type.getType(getter.getDesc());
                if (type.getSort() < Type.ARRAY) {
                    String box = switch (type.getSort()) {
                        case Type.BOOLEAN -> "java/lang/Boolean";
                        case Type.CHAR -> "java/lang/Character";
                        case Type.BYTE -> "java/lang/Byte";
                        case Type.SHORT -> "java/lang/Short";
                        case Type.INT -> "java/lang/Integer";
                        case Type.LONG -> "java/lang/Long";
                        case Type.FLOAT -> "java/lang/Float";
                        default -> "java/lang/Double";
                    };
                    code.visitMethodInsn(Opcodes.INVOKESTATIC, box, "hashCode", "(" + type.getDescriptor() + ")I",
                            false);
                } else {
                    code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Objects", "hashCode",
                            "(Ljava/lang/Object;)I", false);
                }
                code.visitInsn(Opcodes.IADD);
            }
            code.visitInsn(Opcodes.IRETURN);
        }

        private static void equals(MethodVisitor code, Type record, List<Handle> getters) {
            org.objectweb.asm.Label notSame = new org.objectweb.asm.Label();
            org.objectweb.asm.Label sameType = new org.objectweb.asm.Label();
            org.objectweb.asm.Label unequal = new org.objectweb.asm.Label();
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitVarInsn(Opcodes.ALOAD, 1);
            code.visitJumpInsn(Opcodes.IF_ACMPNE, notSame);
            code.visitInsn(Opcodes.ICONST_1);
            code.visitInsn(Opcodes.IRETURN);
            code.visitLabel(notSame);
            code.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            code.visitVarInsn(Opcodes.ALOAD, 1);
            code.visitTypeInsn(Opcodes.INSTANCEOF, record.getInternalName());
            code.visitJumpInsn(Opcodes.IFNE, sameType);
            code.visitInsn(Opcodes.ICONST_0);
            code.visitInsn(Opcodes.IRETURN);
            code.visitLabel(sameType);
            code.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
            code.visitVarInsn(Opcodes.ALOAD, 1);
            code.visitTypeInsn(Opcodes.CHECKCAST, record.getInternalName());
            code.visitVarInsn(Opcodes.ASTORE, 2);
            for (Handle getter : getters) {
                code.visitVarInsn(Opcodes.ALOAD, 0);
                code.visitFieldInsn(Opcodes.GETFIELD, getter.getOwner(), getter.getName(), getter.getDesc());
                code.visitVarInsn(Opcodes.ALOAD, 2);
                code.visitFieldInsn(Opcodes.GETFIELD, getter.getOwner(), getter.getName(), getter.getDesc());
                switch (Type.getType(getter.getDesc()).getSort()) {
                    case Type.BOOLEAN, Type.CHAR, Type.BYTE, Type.SHORT, Type.INT ->
                            code.visitJumpInsn(Opcodes.IF_ICMPNE, unequal);
                    case Type.LONG -> {
                        code.visitInsn(Opcodes.LCMP);
                        code.visitJumpInsn(Opcodes.IFNE, unequal);
                    }
                    case Type.FLOAT -> {
                        code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "compare", "(FF)I", false);
                        code.visitJumpInsn(Opcodes.IFNE, unequal);
                    }
                    case Type.DOUBLE -> {
                        code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "compare", "(DD)I", false);
                        code.visitJumpInsn(Opcodes.IFNE, unequal);
                    }
                    default -> {
                        code.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Objects", "equals",
                                "(Ljava/lang/Object;Ljava/lang/Object;)Z", false);
                        code.visitJumpInsn(Opcodes.IFEQ, unequal);
                    }
                }
            }
            code.visitInsn(Opcodes.ICONST_1);
            code.visitInsn(Opcodes.IRETURN);
            code.visitLabel(unequal);
            code.visitFrame(Opcodes.F_APPEND, 1, new Object[] {record.getInternalName()}, 0, null);
            code.visitInsn(Opcodes.ICONST_0);
            code.visitInsn(Opcodes.IRETURN);
        }
    }

    /** The static methods that stand for {@code StringConcatFactory.makeConcatWithConstants} call sites. */
    private static final class Concatenation {
        private Concatenation() {
        }

        /** Whether the recipe's constants are all strings (what javac makes); others are left to the factory. */
        static boolean plain(Object[] arguments) {
            for (int i = 1; i < arguments.length; i++) {
                if (!(arguments[i] instanceof String)) {
                    return false;
                }
            }
            return arguments.length > 0 && arguments[0] instanceof String;
        }

        /** Adds {@code method}: the arguments of {@code descriptor} and the recipe's text, appended in order. */
        static void add(ClassVisitor visitor, String method, String descriptor, Object[] arguments) {
            String recipe = (String) arguments[0];
            Type[] types = Type.getArgumentTypes(descriptor);
            MethodVisitor code = visitor.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                    method, descriptor, null, null);
            code.visitCode();
            String builder = "java/lang/StringBuilder";
            code.visitTypeInsn(Opcodes.NEW, builder);
            code.visitInsn(Opcodes.DUP);
            code.visitMethodInsn(Opcodes.INVOKESPECIAL, builder, "<init>", "()V", false);
            StringBuilder text = new StringBuilder();
            int argument = 0;
            int slot = 0;
            int constant = 1;
            for (int i = 0; i <= recipe.length(); i++) {
                char c = i < recipe.length() ? recipe.charAt(i) : '\1';
                if (c != '\1' && c != '\2') {
                    text.append(c);
                    continue;
                }
                if (c == '\2') {
                    text.append((String) arguments[constant++]);
                    continue;
                }
                if (text.length() > 0) {
                    code.visitLdcInsn(text.toString());
                    code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, builder, "append",
                            "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
                    text.setLength(0);
                }
                if (i == recipe.length()) {
                    break;
                }
                Type type = types[argument++];
                code.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
                slot += type.getSize();
                String appended = switch (type.getSort()) {
                    case Type.BOOLEAN -> "Z";
                    case Type.CHAR -> "C";
                    case Type.BYTE, Type.SHORT, Type.INT -> "I";
                    case Type.LONG -> "J";
                    case Type.FLOAT -> "F";
                    case Type.DOUBLE -> "D";
                    default -> type.getDescriptor().equals("Ljava/lang/String;") ? "Ljava/lang/String;"
                            : "Ljava/lang/Object;";
                };
                code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, builder, "append",
                        "(" + appended + ")Ljava/lang/StringBuilder;", false);
            }
            code.visitMethodInsn(Opcodes.INVOKEVIRTUAL, builder, "toString", "()Ljava/lang/String;", false);
            code.visitInsn(Opcodes.ARETURN);
            code.visitMaxs(0, 0);
            code.visitEnd();
        }
    }
}
