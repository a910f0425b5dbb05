package io.importspy.bench;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
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

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * ArchUnit's import of a whole JAR, with its default options (which also import the JDK classes the
 * JAR refers to). Seconds per operation, so it runs apart with few iterations.
 *
 * <p>{@code ClassFileImporter.importPath(jar)} would import nothing from a JAR file (it walks a
 * directory tree for {@code .class} files); {@code importJar} is ArchUnit's way to import one JAR.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ArchUnitBenchmark {

    @Param({"commons-lang3", "postgresql", "jackson-databind", "guava"})
    public String jar;

    private Path path;
    private int expected;

    @Setup(Level.Trial)
    public void locate() throws IOException {
        path = MeasuredJars.jar(jar);
        expected = JarRead.expectedClasses(path);
    }

    @Benchmark
    public JavaClasses archUnitImport() throws IOException {
        try (JarFile file = new JarFile(path.toFile())) {
            JavaClasses classes = new ClassFileImporter().importJar(file);
            JarRead.checked("ArchUnit", path, classes.size(), expected);
            return classes;
        }
    }
}
