package io.importspy.agent;

import io.importspy.contract.Policy;
import io.importspy.internal.contract.Policies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * The agent's per-class cost for a class of a code source it has already admitted: the transformer's look-up of
 * the class's protection domain and of its package among the code source's ({@code admitted}), beside a
 * transformer that does nothing ({@code floor}, the call the JVM makes to any transformer). The code source is a
 * real JAR (the one JMH is loaded from), decided once in the set-up against a policy that admits it.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TransformerBenchmark {
    private static final String CLASS = "org/openjdk/jmh/Main";

    private ClassFileTransformer transformer;
    private ClassFileTransformer nothing;
    private URLClassLoader loader;
    private ProtectionDomain domain;
    private byte[] bytes;

    @Setup
    public void setUp() throws Exception {
        Path jar = Path.of(org.openjdk.jmh.Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = Files.createTempDirectory("importspy-bench-agent");
        Policy policy = Policies.read(Files.writeString(dir.resolve("policy.yml"), "importspy-policy: 1\ndefault: allow\n"));
        Checker checker = new Checker(() -> policy, List.of(), false);
        transformer = new Transformer(new CodeSources(checker, dir.resolve("importspy-agent.jar"),
                Verdict.Outcome.REFUSED));
        nothing = new ClassFileTransformer() {
        };
        URL location = jar.toUri().toURL();
        loader = new URLClassLoader(new URL[] {location}, null);
        domain = new ProtectionDomain(new CodeSource(location, (CodeSigner[]) null), null, loader, null);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            bytes = zip.getInputStream(zip.getEntry(CLASS + ".class")).readAllBytes();
        }
        if (transformer.transform(loader, CLASS, null, domain, bytes) != null) {
            throw new IllegalStateException("the benchmark's code source was not admitted");
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        loader.close();
    }

    @Benchmark
    public byte[] admitted() throws Exception {
        return transformer.transform(loader, CLASS, null, domain, bytes);
    }

    @Benchmark
    public byte[] floor() throws Exception {
        return nothing.transform(loader, CLASS, null, domain, bytes);
    }
}
