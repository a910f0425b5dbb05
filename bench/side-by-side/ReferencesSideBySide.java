import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.*;
import java.util.function.Supplier;

/**
 * `references` (SectionsBenchmark's four forbid patterns) of several builds side by side in one JVM, each benchmarks
 * JAR in its own class loader, on the calling thread alone (ReadThreads.alone, as an audit job reads), beside the raw
 * read; operations alternate round by round; thread CPU per operation, median over rounds.
 *
 *   java -Dimportspy.bench.jars=bench/target/jars ReferencesSideBySide.java guava,postgresql ROUNDS label=benchmarks.jar ...
 */
public class ReferencesSideBySide {
    public static void main(String[] args) throws Exception {
        String[] jars = args[0].split(",");
        int rounds = Integer.parseInt(args[1]);
        List<String> labels = new ArrayList<>();
        List<Object[]> ops = new ArrayList<>(); // per label: runnable per jar
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(kv[1]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> bench = Class.forName("io.importspy.bench.SectionsBenchmark", true, loader);
            Class<?> alone = Class.forName("io.importspy.internal.inspect.ReadThreads", true, loader);
            Method aloneM = alone.getMethod("alone", Supplier.class);
            Object[] perJar = new Object[jars.length];
            for (int j = 0; j < jars.length; j++) {
                Object b = bench.getConstructor().newInstance();
                bench.getField("jar").set(b, jars[j]);
                bench.getMethod("prepare").invoke(b);
                Method refs = bench.getMethod("references");
                perJar[j] = new Object[] {b, refs, aloneM};
            }
            labels.add(kv[0]);
            ops.add(perJar);
        }
        // raw read from the first label's loader
        Object[] first = (Object[]) ops.get(0)[0];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int n = labels.size();
        long[][][] cpu = new long[jars.length][n + 1][rounds];
        int warm = Math.max(3, rounds / 4);
        for (int r = -warm; r < rounds; r++) {
            for (int j = 0; j < jars.length; j++) {
                for (int k = 0; k <= n; k++) {
                    int i = (r & 1) == 0 ? k : n - k;
                    long t0 = mx.getCurrentThreadCpuTime();
                    if (i == n) {
                        Object[] o = (Object[]) ops.get(0)[j];
                        o[0].getClass().getMethod("rawRead").invoke(o[0]);
                    } else {
                        Object[] o = (Object[]) ops.get(i)[j];
                        Method refs = (Method) o[1];
                        Object b = o[0];
                        ((Method) o[2]).invoke(null, (Supplier<Object>) () -> {
                            try { return refs.invoke(b); } catch (Exception e) { throw new RuntimeException(e); }
                        });
                    }
                    long t = mx.getCurrentThreadCpuTime() - t0;
                    if (r >= 0) cpu[j][i][r] = t;
                }
            }
        }
        for (int j = 0; j < jars.length; j++) {
            double[] med = new double[n + 1];
            for (int i = 0; i <= n; i++) { long[] a = cpu[j][i].clone(); Arrays.sort(a); med[i] = a[rounds / 2] / 1e6; }
            StringBuilder s = new StringBuilder(jars[j] + ": raw " + String.format("%.1f ms", med[n]));
            for (int i = 0; i < n; i++) s.append(String.format("  %s %.1f ms (%.2fx raw)", labels.get(i), med[i], med[i] / med[n]));
            System.out.println(s);
        }
    }
}
