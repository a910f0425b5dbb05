import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lazy validation of several builds side by side in one JVM: each benchmarks JAR in its own class loader, the
 * operations alternating round by round; thread CPU time per operation, median over rounds.
 *
 *   java SideBySide.java OP ROUNDS OPS_PER_ROUND label=benchmarks.jar label=benchmarks.jar ...
 *   OP: real (guava-20.yml) or generated:N (N named guava classes)
 */
public class SideBySide {
    public static void main(String[] args) throws Exception {
        String op = args[0];
        int rounds = Integer.parseInt(args[1]);
        int perRound = Integer.parseInt(args[2]);
        List<String> labels = new ArrayList<>();
        List<Object> validations = new ArrayList<>();
        List<Method> runs = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            Path jar = Path.of(kv[1]);
            System.setProperty("importspy.bench.jars", jar.getParent().resolve("jars").toString());
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> measured = Class.forName("io.importspy.bench.MeasuredJars", true, loader);
            Method jarOf = measured.getDeclaredMethod("jar", String.class);
            jarOf.setAccessible(true);
            Path guava = (Path) jarOf.invoke(null, "guava");
            Class<?> generated = Class.forName("io.importspy.bench.GeneratedContracts", true, loader);
            String yaml;
            String name;
            if (op.equals("real")) {
                Method resource = generated.getDeclaredMethod("resource", String.class);
                resource.setAccessible(true);
                yaml = (String) resource.invoke(null, "guava-20.yml");
                name = "guava-20.yml";
            } else {
                int n = Integer.parseInt(op.substring("generated:".length()));
                Method of = generated.getDeclaredMethod("ofClasses", Path.class, int.class);
                of.setAccessible(true);
                yaml = (String) of.invoke(null, guava, n);
                name = "guava-" + n + ".yml";
            }
            Class<?> lazy = Class.forName("io.importspy.bench.LazyValidation", true, loader);
            Constructor<?> c = lazy.getDeclaredConstructor(String.class, String.class, Path.class);
            c.setAccessible(true);
            Object v = c.newInstance(yaml, name, guava);
            Method require = lazy.getDeclaredMethod("requireCompliant");
            require.setAccessible(true);
            require.invoke(v);
            Method run = lazy.getDeclaredMethod("run");
            run.setAccessible(true);
            labels.add(kv[0]);
            validations.add(v);
            runs.add(run);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int n = labels.size();
        long[][] cpu = new long[n][rounds];
        int warm = Math.max(3, rounds / 4);
        for (int r = -warm; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                int i = (r & 1) == 0 ? k : n - 1 - k; // alternate the order
                long t0 = mx.getCurrentThreadCpuTime();
                for (int j = 0; j < perRound; j++) {
                    runs.get(i).invoke(validations.get(i));
                }
                long t = (mx.getCurrentThreadCpuTime() - t0) / perRound;
                if (r >= 0) {
                    cpu[i][r] = t;
                }
            }
        }
        double base = -1;
        for (int i = 0; i < n; i++) {
            long[] s = cpu[i].clone();
            Arrays.sort(s);
            double med = s[rounds / 2] / 1e6;
            double min = s[0] / 1e6;
            if (base < 0) {
                base = med;
            }
            System.out.printf("%-10s %s: median %.3f ms, min %.3f ms CPU/op, median ratio %.2f%n", labels.get(i), op, med, min, med / base);
        }
        System.out.println("load " + Files.readString(Path.of("/proc/loadavg")).trim());
    }
}
