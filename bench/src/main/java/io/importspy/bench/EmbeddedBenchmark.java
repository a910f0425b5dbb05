package io.importspy.bench;

import io.importspy.contract.SpyModel;
import io.importspy.enforce.ImporterHandle;
import io.importspy.internal.contract.Contracts;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Embedded mode in a warm JVM: a protected module calls {@code Spy.importspy(contract)}; ImportSpy finds
 * the importer on the stack, validates the importer's module and the runtime, and caches the verdict.
 *
 * <p>Both modules are made in setup, their class bytes written with ASM: the protected module
 * {@code bench.guarded.Guard} (a class directory) and, for {@code importer=app}, a one-class application
 * JAR {@code bench.app.App} that calls it. With {@code importer=uberjar} the benchmark calls the guard
 * itself, so the importer is the 9 MB benchmarks JAR (thousands of entries): the worst case. Each module
 * has its own class loader. The contract (one class of the importer, one deployment) is parsed once, as
 * embedded mode does for a contract resource.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EmbeddedBenchmark {
    private static final String GUARD = "bench/guarded/Guard";
    private static final String APP = "bench/app/App";
    private static final StackWalker WALKER = StackWalker.getInstance(java.util.Set.of(
            StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES));

    /** Who imports the protected module: a one-class application JAR, or the benchmarks uber-JAR. */
    @Param({"app", "uberjar"})
    public String importer;

    private Path workDirectory;
    private URLClassLoader guardLoader;
    private URLClassLoader appLoader;
    private Function<SpyModel, Object> guard;
    private BiFunction<Function<SpyModel, Object>, SpyModel, Object> app;
    private SpyModel contract;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void modules() throws Exception {
        workDirectory = Files.createTempDirectory("importspy-bench-embedded");
        Path guardDirectory = workDirectory.resolve("guarded");
        Path classFile = guardDirectory.resolve(GUARD + ".class");
        Files.createDirectories(classFile.getParent());
        Files.write(classFile, guardClass());
        guardLoader = new URLClassLoader(new URL[] {guardDirectory.toUri().toURL()}, getClass().getClassLoader());
        guard = (Function<SpyModel, Object>) guardLoader.loadClass(GUARD.replace('/', '.'))
                .getConstructor().newInstance();

        Path appJar = workDirectory.resolve("app-1.0.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(appJar))) {
            out.putNextEntry(new JarEntry(APP + ".class"));
            out.write(appClass());
            out.closeEntry();
        }
        appLoader = new URLClassLoader(new URL[] {appJar.toUri().toURL()}, getClass().getClassLoader());
        app = (BiFunction<Function<SpyModel, Object>, SpyModel, Object>) appLoader.loadClass(APP.replace('/', '.'))
                .getConstructor().newInstance();

        String importerClass = "app".equals(importer) ? "bench.app.App" : "org.openjdk.jmh.Main";
        contract = Contracts.parse("importspy: 1\n"
                + "classes:\n"
                + "  - name: " + importerClass + "\n"
                + "    modifiers: [public]\n"
                + "deployments:\n"
                + "  - os: [linux, macos, windows]\n"
                + "    arch: [x86_64, aarch64]\n"
                + "    java:\n"
                + "      version: \"[17,)\"\n", "embedded.yml");
        ImporterHandle handle = (ImporterHandle) call();
        if (!handle.isCompliant() || !handle.importer().getName().startsWith(importerClass.substring(0, 9))) {
            throw new IllegalStateException("unexpected embedded verdict on " + handle.importer() + ": "
                    + handle.report());
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        guardLoader.close();
        appLoader.close();
        try (Stream<Path> files = Files.walk(workDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The first call in a warm JVM: no cached verdict, so the importer and the runtime are validated. */
    @Benchmark
    public Object firstCall() {
        io.importspy.Spy.clearImporterCache();
        return call();
    }

    /** A later call: finding the importer on the stack and the cache lookup. */
    @Benchmark
    public Object cachedCall() {
        return call();
    }

    /**
     * The JDK's floor under {@code cachedCall}: a {@link StackWalker} with the options ImportSpy uses, reading
     * six frames (as many as the cached call reads to reach a direct importer) and nothing else.
     */
    @Benchmark
    public Object stackWalkFloor() {
        return WALKER.walk(frames -> frames.skip(5).findFirst()).orElseThrow().getDeclaringClass();
    }

    private Object call() {
        return "app".equals(importer) ? app.apply(guard, contract) : guard.apply(contract);
    }

    /** {@code bench.guarded.Guard implements Function}: {@code apply(model)} returns {@code Spy.importspy(model)}. */
    private static byte[] guardClass() {
        ClassWriter writer = start(GUARD, "java/util/function/Function");
        MethodVisitor apply = writer.visitMethod(Opcodes.ACC_PUBLIC, "apply", "(Ljava/lang/Object;)Ljava/lang/Object;",
                null, null);
        apply.visitCode();
        apply.visitVarInsn(Opcodes.ALOAD, 1);
        apply.visitTypeInsn(Opcodes.CHECKCAST, "io/importspy/contract/SpyModel");
        apply.visitMethodInsn(Opcodes.INVOKESTATIC, "io/importspy/Spy", "importspy",
                "(Lio/importspy/contract/SpyModel;)Lio/importspy/enforce/ImporterHandle;", false);
        apply.visitInsn(Opcodes.ARETURN);
        apply.visitMaxs(0, 0);
        apply.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** {@code bench.app.App implements BiFunction}: {@code apply(guard, model)} returns {@code guard.apply(model)}. */
    private static byte[] appClass() {
        ClassWriter writer = start(APP, "java/util/function/BiFunction");
        MethodVisitor apply = writer.visitMethod(Opcodes.ACC_PUBLIC, "apply",
                "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", null, null);
        apply.visitCode();
        apply.visitVarInsn(Opcodes.ALOAD, 1);
        apply.visitTypeInsn(Opcodes.CHECKCAST, "java/util/function/Function");
        apply.visitVarInsn(Opcodes.ALOAD, 2);
        apply.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/function/Function", "apply",
                "(Ljava/lang/Object;)Ljava/lang/Object;", true);
        apply.visitInsn(Opcodes.ARETURN);
        apply.visitMaxs(0, 0);
        apply.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** A public final class with a public no-arg constructor implementing {@code anInterface}. */
    private static ClassWriter start(String name, String anInterface) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null,
                "java/lang/Object", new String[] {anInterface});
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        return writer;
    }
}
