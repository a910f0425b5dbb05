package io.importspy.cli;

import io.importspy.testsupport.TestJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build step that turns the lambdas and record methods of the command line's classes into plain code
 * ({@code src/build/Desugar.java}): a program full of lambda and record shapes prints the same before and
 * after, and the command line's own classes link neither at run time.
 */
class DesugarTest {
    private static final Path TOOL = Path.of("src/build/Desugar.java").toAbsolutePath();
    private static final Path CLASSES = Path.of("target/classes").toAbsolutePath();

    private static final String SHAPES = """
            package shapes;

            import java.util.*;
            import java.util.function.*;

            public class Shapes {
                private final String name = "shapes";
                private int counter;

                interface LongTwice { long twice(int value); }
                interface Maker<T> { T make(String text); }
                interface Widen { double widen(long value); }
                interface Boxed { Object box(boolean flag, char c, double d); }
                interface Unbox { int unbox(Integer value); }
                interface Generic<T extends Comparable<T>> { T pick(T a, T b); }
                interface StringGeneric extends Generic<String> { }
                interface Nested { Supplier<String> outer(String prefix); }

                private String secret(String suffix) { return name + "-" + suffix + "-" + (++counter); }
                private static int square(int x) { return x * x; }
                static String joinAll(String... parts) { return String.join("+", parts); }

                public static void main(String[] args) {
                    new Shapes().run();
                }

                void run() {
                    Runnable plain = () -> System.out.println("plain");
                    plain.run();
                    Function<String, String> privateInstance = this::secret;
                    System.out.println(privateInstance.apply("a") + " " + privateInstance.apply("b"));
                    IntUnaryOperator privateStatic = Shapes::square;
                    System.out.println(privateStatic.applyAsInt(7));
                    int local = 40;
                    long big = 1L << 40;
                    double half = 0.5;
                    LongSupplier capturedWide = () -> big + local;
                    System.out.println(capturedWide.getAsLong());
                    DoubleBinaryOperator capturedDouble = (x, y) -> x * y + half + local;
                    System.out.println(capturedDouble.applyAsDouble(3, 4));
                    LongTwice twice = v -> 2L * v + big;
                    System.out.println(twice.twice(21));
                    Maker<StringBuilder> constructor = StringBuilder::new;
                    System.out.println(constructor.make("built").reverse());
                    Function<Integer, int[]> arrays = int[]::new;
                    System.out.println(arrays.apply(3).length);
                    Widen widen = v -> v;
                    System.out.println(widen.widen(5));
                    ToLongFunction<String> widenedReturn = String::length;
                    System.out.println(widenedReturn.applyAsLong("seven"));
                    IntToDoubleFunction widenedArgument = Math::sqrt;
                    System.out.println(widenedArgument.applyAsDouble(16));
                    Boxed boxed = (f, c, d) -> f + ":" + c + ":" + d;
                    System.out.println(boxed.box(true, 'x', 1.25));
                    Unbox unbox = Integer::intValue;
                    System.out.println(unbox.unbox(99));
                    ToIntFunction<String> length = String::length;
                    System.out.println(length.applyAsInt("four"));
                    Comparator<String> reversed = Comparator.<String>naturalOrder().reversed();
                    List<String> list = new ArrayList<>(List.of("b", "c", "a"));
                    list.sort(reversed);
                    System.out.println(list);
                    list.removeIf(s -> s.equals("c"));
                    list.forEach(System.out::println);
                    StringGeneric bridged = (a, b) -> a.compareTo(b) > 0 ? a : b;
                    System.out.println(bridged.pick("x", "y"));
                    Generic<String> viaBridge = bridged;
                    System.out.println(viaBridge.pick("q", "p"));
                    Runnable marked = (Runnable & Cloneable) () -> System.out.println("marked");
                    marked.run();
                    System.out.println(marked instanceof Cloneable);
                    Runnable serial = (Runnable & java.io.Serializable) () -> System.out.println("serial");
                    serial.run();
                    Function<String[], String> varargs = Shapes::joinAll;
                    System.out.println(varargs.apply(new String[] {"v", "w"}));
                    Nested nested = prefix -> () -> prefix + name + counter;
                    System.out.println(nested.outer(">").get());
                    BiFunction<Integer, Integer, Integer> sum = Integer::sum;
                    System.out.println(sum.apply(2, 3));
                    Supplier<Inner> inner = Inner::new;
                    System.out.println(inner.get().hello());
                    Supplier<String> fromInterface = Helper.make();
                    System.out.println(fromInterface.get());
                    Runnable same1 = Shapes::noop;
                    System.out.println(same1.getClass() == ((Runnable) Shapes::noop).getClass());
                    records();
                    String none = null;
                    Object nothing = null;
                    char c = 'x';
                    System.out.println("c" + c + none + nothing + big + half + true + 3.5f + (byte) 4 + (short) 5
                            + "\u0001\u0002" + local + new StringBuilder("sb") + list);
                }

                static void noop() {
                }

                record Point(int x, long y, float f, double d, boolean b, char c, byte by, short s, String name,
                             Object other) {
                }

                record Empty() {
                }

                record WithArray(int[] values) {
                }

                static void records() {
                    Point p = new Point(1, 1L << 33, Float.NaN, -0.0, true, 'c', (byte) 7, (short) -3, "n", null);
                    Point same = new Point(1, 1L << 33, Float.NaN, -0.0, true, 'c', (byte) 7, (short) -3, "n", null);
                    Point other = new Point(1, 1L << 33, Float.NaN, 0.0, true, 'c', (byte) 7, (short) -3, "n", null);
                    System.out.println(p + " " + p.hashCode() + " " + p.equals(same) + " " + p.equals(other)
                            + " " + p.equals(p) + " " + p.equals(null) + " " + p.equals("text")
                            + " " + (p.hashCode() == same.hashCode()));
                    System.out.println(new Empty() + " " + new Empty().hashCode() + " " + new Empty().equals(new Empty()));
                    int[] values = {1, 2};
                    System.out.println(new WithArray(values).equals(new WithArray(values)) + " "
                            + new WithArray(values).equals(new WithArray(new int[] {1, 2})));
                    java.util.Set<Point> set = new java.util.HashSet<>(List.of(p));
                    System.out.println(set.contains(same) + " " + set.contains(other));
                }

                private class Inner {
                    String hello() { return "inner of " + name; }
                }

                interface Helper {
                    private static String hidden() { return "from an interface"; }
                    static Supplier<String> make() { return Helper::hidden; }
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void a_program_prints_the_same_after_its_lambdas_and_record_methods_are_plain_code() throws Exception {
        Path original = TestJars.compile(dir.resolve("original"), Map.of("shapes/Shapes.java", SHAPES),
                "--release", "17");
        Path rewritten = TestJars.compile(dir.resolve("rewritten"), Map.of("shapes/Shapes.java", SHAPES),
                "--release", "17");
        Path tool = TestJars.compile(dir.resolve("tool"), Map.of("Desugar.java", Files.readString(TOOL)),
                "-classpath", CLASSES.toString());

        try (URLClassLoader loader = new URLClassLoader(new URL[] {tool.toUri().toURL(), CLASSES.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Method rewrite = loader.loadClass("Desugar").getMethod("rewrite", Path.class);
            assertThat((Integer) rewrite.invoke(null, rewritten)).as("call sites rewritten").isGreaterThan(20);
        }

        String expected = run(original);
        assertThat(expected).contains("shapes-a-1 shapes-b-2", "marked", "serial", "inner of shapes",
                "Point[x=1, y=8589934592, f=NaN, d=-0.0, b=true, c=c, by=7, s=-3, name=n, other=null]", "Empty[] 0 true",
                "cxnullnull10995116277760.5true3.545\u0001\u000240sb[b, a]");
        assertThat(run(rewritten)).isEqualTo(expected);
        assertThat(metafactoryCallSites(rewritten)).as("only the serializable lambda is left as it is")
                .containsExactlyInAnyOrder("shapes/Shapes.$deserializeLambda$: altMetafactory",
                        "shapes/Shapes.run: altMetafactory");
    }

    private static final String JAVA_8 = """
            package old;

            import java.util.*;
            import java.util.function.*;

            public class Old {
                private final String name = "old";
                private int counter;

                interface Maker<T> { T make(String text); }
                interface Helper {
                    static Supplier<String> make(String what) { return () -> "from an interface " + what; }
                }

                private String secret(String suffix) { return name + "-" + suffix + "-" + (++counter); }
                private static int square(int x) { return x * x; }

                public static void main(String[] args) {
                    new Old().run();
                }

                void run() {
                    Function<String, String> bound = this::secret;
                    IntUnaryOperator squared = Old::square;
                    Maker<StringBuilder> maker = StringBuilder::new;
                    int base = 40;
                    Supplier<Integer> captured = () -> base + counter;
                    List<String> sorted = new ArrayList<>(Arrays.asList("b", "a", "c"));
                    sorted.sort((x, y) -> y.compareTo(x));
                    Runnable nested = () -> { Supplier<String> inner = () -> name + counter; System.out.println(inner.get()); };
                    System.out.println(bound.apply("a") + " " + bound.apply("b") + " " + squared.applyAsInt(7) + " "
                            + maker.make("sb").append('!') + " " + captured.get() + " " + sorted + " "
                            + Helper.make("x").get());
                    nested.run();
                }
            }
            """;

    @Test
    void lambdas_of_a_java_8_class_file_become_plain_code_when_raised_to_java_11() throws Exception {
        Path original = TestJars.compile(dir.resolve("original"), Map.of("old/Old.java", JAVA_8), "--release", "8");
        Path rewritten = TestJars.compile(dir.resolve("rewritten"), Map.of("old/Old.java", JAVA_8), "--release", "8");
        Path unraised = TestJars.compile(dir.resolve("unraised"), Map.of("old/Old.java", JAVA_8), "--release", "8");
        Path tool = TestJars.compile(dir.resolve("tool"), Map.of("Desugar.java", Files.readString(TOOL)),
                "-classpath", CLASSES.toString());

        try (URLClassLoader loader = new URLClassLoader(new URL[] {tool.toUri().toURL(), CLASSES.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> desugar = loader.loadClass("Desugar");
            assertThat((Integer) desugar.getMethod("rewrite", Path.class).invoke(null, unraised))
                    .as("a Java 8 class file is left as it is by default").isZero();
            assertThat((Integer) desugar.getMethod("rewrite", Path.class, boolean.class).invoke(null, rewritten, true))
                    .as("call sites rewritten").isGreaterThanOrEqualTo(8);
        }

        String expected = run(original, "old.Old");
        assertThat(expected).contains("old-a-1 old-b-2 49 sb! 42 [c, b, a] from an interface x", "old2");
        assertThat(run(rewritten, "old.Old")).isEqualTo(expected);
        assertThat(metafactoryCallSites(rewritten)).isEmpty();
        assertThat(metafactoryCallSites(unraised)).isNotEmpty();
        assertThat(new ClassReader(Files.readAllBytes(rewritten.resolve("old/Old.class"))).readUnsignedShort(6))
                .isEqualTo(Opcodes.V11);
    }

    @Test
    void the_command_lines_classes_link_no_lambda_and_no_record_method_at_run_time() throws IOException {
        assertThat(metafactoryCallSites(CLASSES)).isEmpty();
    }

    private static String run(Path classes) throws Exception {
        return run(classes, "shapes.Shapes");
    }

    private static String run(Path classes, String main) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
             PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            loader.loadClass(main).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** "class.method: bootstrap" of each LambdaMetafactory, ObjectMethods and StringConcatFactory call site. */
    private static List<String> metafactoryCallSites(Path root) throws IOException {
        List<String> sites = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (Path file : files) {
            ClassReader reader = new ClassReader(Files.readAllBytes(file));
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap,
                                                           Object... arguments) {
                            if (bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory")
                                    || bootstrap.getOwner().equals("java/lang/runtime/ObjectMethods")
                                    || bootstrap.getOwner().equals("java/lang/invoke/StringConcatFactory")) {
                                sites.add(reader.getClassName() + "." + name + ": " + bootstrap.getName());
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        }
        return sites;
    }
}
