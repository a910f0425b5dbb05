package io.importspy.bench;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** ArchUnit's import of a whole JAR, with its default options. Slow, so run apart with few iterations. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ArchUnitBenchmark {

    @Param({"commons-lang3", "postgresql", "jackson-databind", "guava"})
    public String jar;

    private Path path;

    @Setup(Level.Trial)
    public void locate() {
        path = MeasuredJars.jar(jar);
    }

    @Benchmark
    public int archUnitImport() {
        return new ClassFileImporter().importPath(path).size();
    }
}
