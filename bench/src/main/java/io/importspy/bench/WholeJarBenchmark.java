package io.importspy.bench;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.inspect.ClassSelection;
import io.importspy.internal.inspect.Inspector;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reading a whole JAR: the raw read (the floor), ImportSpy's full inspection, a bare ASM pass and
 * ClassGraph with all info, each on the same real JARs, from small to large.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WholeJarBenchmark {

    /** Small to large: the three the targets name plus commons-lang3 as the small end of the scaling series. */
    @Param({"commons-lang3", "postgresql", "jackson-databind", "guava"})
    public String jar;

    private Path path;
    private int expected;
    private Inspector inspector;

    @Setup(Level.Trial)
    public void locate() throws IOException {
        path = MeasuredJars.jar(jar);
        expected = JarRead.expectedClasses(path);
        inspector = Inspector.withClasspath(List.of());
    }

    /** Inflate every class entry, nothing more: what any full inspection must at least pay. */
    @Benchmark
    public long rawRead() throws IOException {
        return JarRead.inflateAllClasses(path);
    }

    /** ImportSpy: every class of the JAR, every fact validation uses. */
    @Benchmark
    public ModuleFacts importspyFull() {
        ModuleFacts facts = inspector.inspect(path, ClassSelection.all());
        JarRead.checked("ImportSpy", path, facts.classes().size(), expected);
        return facts;
    }

    /** ASM with an empty visitor (SKIP_CODE | SKIP_FRAMES): the cheapest structural parse. */
    @Benchmark
    public int asmBare(Blackhole blackhole) throws IOException {
        ClassVisitor empty = new ClassVisitor(Opcodes.ASM9) {
        };
        int count = JarRead.forEachClass(path, (name, bytes) -> {
            ClassReader reader = new ClassReader(bytes);
            reader.accept(empty, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
            blackhole.consume(reader.getClassName());
        });
        return JarRead.checked("ASM", path, count, expected);
    }

    /** ClassGraph, all info, scanning only this JAR (its default worker threads). */
    @Benchmark
    public int classGraphAllInfo() {
        try (ScanResult result = new ClassGraph().overrideClasspath(path.toString()).enableAllInfo().scan()) {
            return JarRead.checked("ClassGraph", path, result.getAllClasses().size(), expected);
        }
    }
}
