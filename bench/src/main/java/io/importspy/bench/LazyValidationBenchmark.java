package io.importspy.bench;

import io.importspy.validate.TargetReport;
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

import java.util.concurrent.TimeUnit;

/**
 * Lazy validation against guava, warm: the contract is parsed once; each operation inspects the named
 * classes (and their supertypes) and validates them.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LazyValidationBenchmark {

    /** The hand-written 20-class contract of guava's real public API. */
    @State(Scope.Benchmark)
    public static class RealApi {
        LazyValidation validation;

        @Setup(Level.Trial)
        public void parse() {
            validation = new LazyValidation(GeneratedContracts.resource("guava-20.yml"), "guava-20.yml",
                    MeasuredJars.jar("guava")).requireCompliant();
        }
    }

    /** Generated contracts of growing size: one method per class, spread over guava's class list. */
    @State(Scope.Benchmark)
    public static class Generated {
        @Param({"1", "10", "100", "1000"})
        public int classes;

        LazyValidation validation;

        @Setup(Level.Trial)
        public void parse() {
            var guava = MeasuredJars.jar("guava");
            validation = new LazyValidation(GeneratedContracts.ofClasses(guava, classes),
                    "guava-" + classes + ".yml", guava).requireCompliant();
        }
    }

    @Benchmark
    public TargetReport guava20Classes(RealApi state) {
        return state.validation.run();
    }

    @Benchmark
    public TargetReport guavaGenerated(Generated state) {
        return state.validation.run();
    }
}
