package io.importspy.bench;

import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.inspect.ClassHeaders;
import io.importspy.internal.inspect.ClassQuery;
import io.importspy.internal.inspect.ClassSelection;
import io.importspy.internal.inspect.Inspector;
import io.importspy.internal.inspect.IntegrityFacts;
import io.importspy.internal.inspect.ReferenceFacts;
import io.importspy.internal.inspect.ReferenceQuery;
import io.importspy.internal.java.ReferencePattern;
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
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The contract sections that read more than named classes, each beside its baseline in the same run:
 * {@code references} over a whole JAR beside the raw read of its class bytes; {@code select} by supertype
 * and by annotation beside a full inspection (and {@code provides} beside a named class); digest and
 * signature checks beside the JDK's own {@link JarFile} verification pass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SectionsBenchmark {
    /** The JARs the targets name; bcprov is the signed one (the selections run on guava only). */
    @Param({"postgresql", "jackson-databind", "guava", "bcprov-jdk18on"})
    public String jar;

    private Path path;
    private Inspector inspector;
    private ClassSelection.Named references;
    private ClassSelection.Named bySupertype;
    private ClassSelection.Named byAnnotation;
    private ClassSelection.Named byProvides;
    private ClassSelection.Named integrity;

    @Setup(Level.Trial)
    public void prepare() {
        path = MeasuredJars.jar(jar);
        inspector = Inspector.withClasspath(List.of());
        references = new ClassSelection.Named(Set.of(), List.of(), Optional.of(new ReferenceQuery(List.of(
                ReferencePattern.parse("sun.misc.**"), ReferencePattern.parse("java.lang.System#exit"),
                ReferencePattern.parse("java.lang.Runtime#exec"),
                ReferencePattern.parse("java.lang.reflect.*#setAccessible")), Optional.empty())), Set.of(), false);
        bySupertype = query(new ClassQuery(Optional.empty(), Optional.of("java.util.Collection"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Set.of()));
        byAnnotation = query(new ClassQuery(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("com.google.errorprone.annotations.Immutable"), Optional.empty(), Optional.empty(), Set.of()));
        byProvides = query(new ClassQuery(Optional.of("java.sql.Driver"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Set.of()));
        integrity = new ClassSelection.Named(Set.of(), List.of(), Optional.empty(), Set.of("sha256"), true);
    }

    private static ClassSelection.Named query(ClassQuery query) {
        return new ClassSelection.Named(Set.of(), List.of(query), Optional.empty(), Set.of(), false);
    }

    /** Inflate every class entry: the floor of any whole-JAR read. */
    @Benchmark
    public long rawRead() throws IOException {
        return JarRead.inflateAllClasses(path);
    }

    /** {@code references:} with four forbid patterns over every class of the JAR. */
    @Benchmark
    public int references() {
        return inspector.inspect(path, references).section(ReferenceFacts.class).orElseThrow().classesRead();
    }

    /** A full inspection (every fact of every class), the baseline of selection. */
    @Benchmark
    public int fullInspection() {
        return inspector.inspect(path, ClassSelection.all()).classes().size();
    }

    /** {@code select: {implements: java.util.Collection}}: class headers, supertypes resolved, then the selected classes. */
    @Benchmark
    public int selectBySupertype() {
        ModuleFacts facts = inspector.inspect(path, bySupertype);
        return facts.classes().size() + facts.section(ClassHeaders.class).orElseThrow().module().size();
    }

    /** {@code select: {annotated: ...Immutable}}: class headers and the annotation type, then the selected classes. */
    @Benchmark
    public int selectByAnnotation() {
        ModuleFacts facts = inspector.inspect(path, byAnnotation);
        return facts.classes().size() + facts.section(ClassHeaders.class).orElseThrow().module().size();
    }

    /** {@code select: {provides: java.sql.Driver}}: the service files, then the providers alone. */
    @Benchmark
    public int selectByProvides() {
        return inspector.inspect(path, byProvides).classes().size();
    }

    /** One class by name: the baseline of {@code provides}. */
    @Benchmark
    public int namedClass() {
        return inspector.inspect(path, ClassSelection.named(Set.of("org.postgresql.Driver"))).classes().size();
    }

    /** {@code digest} and {@code signed}: the file's SHA-256 and the JDK's verification of every entry. */
    @Benchmark
    public Object digestAndSignature() {
        return inspector.inspect(path, integrity).section(IntegrityFacts.class).orElseThrow();
    }

    /** The JDK's own verification pass: a verifying {@link JarFile}, every entry read, its code signers taken. */
    @Benchmark
    public int jdkVerification() throws IOException {
        int signed = 0;
        byte[] buffer = new byte[1 << 16];
        try (JarFile file = new JarFile(path.toFile(), true)) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    while (in.read(buffer) >= 0) {
                        // read to the end: the JDK checks the digest there
                    }
                }
                if (entry.getCodeSigners() != null) {
                    signed++;
                }
            }
        }
        return signed;
    }
}
