package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import io.importspy.inspect.Origin;
import io.importspy.testsupport.TestJars;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded fuzzer of class files, with the JVM as its oracle: each mutant is read as inspection reads it, and
 * every mutant inspection accepts is defined by a throwaway class loader ({@code ClassLoader.defineClass}, which
 * runs no code of the class). A mutant that inspection accepts and the JVM refuses as malformed
 * ({@link ClassFormatError}) is a finding; so is any exception other than a one-line {@link InspectionException}
 * naming the entry. Used by {@code ClassFileFuzzTest} (a few thousand mutants) and runnable on its own for a
 * longer campaign: {@code java ... ClassFileFuzz <mutants> <seed>}.
 */
public final class ClassFileFuzz {
    /** The fixtures: a class with constants, generics, nested, local and anonymous classes, lambdas, a record, an enum. */
    static final Map<String, String> SOURCES = Map.of(
            "f/Shapes.java", """
                    package f;
                    import java.util.*;
                    import java.util.function.*;
                    public class Shapes<T extends Comparable<T>> extends AbstractList<T> implements java.io.Serializable {
                        public static final String NAME = "shapes";
                        public static final long BIG = 1L << 40;
                        public static final double PI = 3.14;
                        private static final char C = 'x';
                        @Deprecated(since = "1") public Map<String, ? extends List<T>> index;
                        private transient volatile int hits;
                        public Shapes(String... names) { }
                        public T get(int i) { return null; }
                        public int size() { return hits; }
                        public <X extends Exception> void run(List<? super T> sink) throws X, java.io.IOException {
                            Runnable r = () -> hits++;
                            Supplier<String> s = NAME::trim;
                            Object anonymous = new Object() { public String toString() { return "a" + C; } };
                            class Local { int x; }
                            try { r.run(); } catch (RuntimeException e) { hits = new Local().x; }
                            String text = "n=" + hits + s.get();
                        }
                        public static final class Nested { public static String id(String v) { return v; } }
                        public interface Visitor<R> { R visit(Shapes<?> s); default R none() { return null; } }
                        public record Point(int x, @Deprecated long y) implements Comparable<Point> {
                            public int compareTo(Point o) { return Integer.compare(x, o.x); }
                        }
                        public enum Kind { ROUND, SQUARE { public String toString() { return "sq"; } } }
                        public @interface Tag { String value() default "t"; int[] sizes() default {1, 2}; }
                        public sealed interface Sealed permits A, B { }
                        public static final class A implements Sealed { }
                        public static non-sealed class B implements Sealed { }
                        static { System.getProperty("x"); }
                    }
                    """);

    /** What one campaign found. */
    public record Outcome(int mutants, int accepted, int refused, int agreedRefusals, int jvmAcceptedRefusals,
                          int newerThanJvm, List<String> findings, Map<String, Integer> reasons) {
    }

    private final List<byte[]> originals = new ArrayList<>();
    private final List<String> entries = new ArrayList<>();
    private final ClassLoader parent;
    private final int jvmNewestMajor = Runtime.version().feature() + 44;

    private ClassFileFuzz(Path classes) throws Exception {
        try (var files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                originals.add(Files.readAllBytes(file));
                entries.add(classes.relativize(file).toString().replace('\\', '/'));
            }
        }
        parent = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                ClassFileFuzz.class.getClassLoader());
    }

    /** A fuzzer over the fixtures compiled by the running JDK into {@code work}. */
    public static ClassFileFuzz compiled(Path work, String... javacOptions) throws Exception {
        return new ClassFileFuzz(TestJars.compile(work, SOURCES, javacOptions));
    }

    /** Runs {@code mutants} mutants from {@code seed}. */
    public Outcome run(int mutants, long seed) {
        Random random = new Random(seed);
        int accepted = 0;
        int refused = 0;
        int agreed = 0;
        int jvmAccepted = 0;
        int newer = 0;
        List<String> findings = new ArrayList<>();
        Map<String, Integer> reasons = new TreeMap<>();
        for (int i = 0; i < originals.size(); i++) {
            String problem = check(originals.get(i), entries.get(i), true);
            if (problem != null) {
                findings.add("unmutated " + entries.get(i) + ": " + problem);
            }
        }
        for (int round = 0; round < mutants; round++) {
            int pick = random.nextInt(originals.size());
            byte[] bytes = mutate(originals.get(pick), random);
            String entry = entries.get(pick);
            String where = "fuzz.jar!" + entry;
            boolean read;
            try {
                // hashCode makes every fact, also those made on first use: none of them may fail either
                ClassFiles.read(bytes, Origin.TARGET, where, entry, new Signatures.Cache()).hashCode();
                read = true;
            } catch (InspectionException e) {
                read = false;
                String message = e.getMessage();
                if (!message.startsWith(where + ":") && !message.startsWith(where + " declares") || message.contains("\n")) {
                    findings.add("round " + round + ": unlocated or multi-line error: " + message);
                }
                String reason = message.substring(Math.min(message.length(), where.length() + 2));
                reasons.merge(reason.replace("not a valid class file (", "").replaceAll("'[^']*'", "'..'")
                        .replaceAll("[0-9#]+", "N").replaceAll("(constant|method|field|class|attribute) [^ ]+", "$1 X")
                        .strip(), 1, Integer::sum);
            } catch (RuntimeException | Error e) { // an Error out of a library (ASM's AssertionError) too
                StringBuilder trace = new StringBuilder();
                for (StackTraceElement frame : e.getStackTrace()) {
                    if (trace.length() < 400) {
                        trace.append(" < ").append(frame.getClassName().replaceAll(".*\\.", "")).append('.')
                                .append(frame.getMethodName()).append(':').append(frame.getLineNumber());
                    }
                }
                findings.add("round " + round + ": escaped " + e + trace);
                continue;
            }
            String jvm = define(bytes, entry);
            if (NEWER.equals(jvm)) {
                newer++;
                jvm = null;
                if (!read) {
                    refused++;
                    continue;
                }
            }
            if (read) {
                accepted++;
                if (jvm != null) {
                    findings.add("round " + round + ": accepted, but defineClass refuses it: " + jvm);
                }
            } else {
                refused++;
                if (jvm != null) {
                    agreed++;
                } else {
                    jvmAccepted++;
                }
            }
        }
        return new Outcome(mutants, accepted, refused, agreed, jvmAccepted, newer, findings, reasons);
    }

    private static final String NEWER = "newer than the running JVM";

    private String check(byte[] bytes, String entry, boolean mustRead) {
        try {
            ClassFiles.read(bytes, Origin.TARGET, "fuzz.jar!" + entry, entry, new Signatures.Cache());
        } catch (RuntimeException e) {
            return mustRead ? "refused: " + e.getMessage() : null;
        }
        return define(bytes, entry);
    }

    /** The JVM's structural refusal of {@code bytes}, or null when it defines the class (or refuses it otherwise). */
    private String define(byte[] bytes, String entry) {
        int major = bytes.length >= 8 ? ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF) : 0;
        if (major > jvmNewestMajor) {
            return NEWER; // newer than the running JVM: no structural judgement
        }
        try {
            new Throwaway(parent).define(bytes);
            return null;
        } catch (ClassFormatError malformed) {
            return malformed.toString();
        } catch (LinkageError | SecurityException | IllegalArgumentException other) {
            return null; // a refusal for another reason (wrong name, supertypes): not structural
        }
    }

    /** Defines one class and is thrown away with it; defining runs none of the class's code. */
    private static final class Throwaway extends ClassLoader {
        Throwaway(ClassLoader parent) {
            super(parent);
        }

        void define(byte[] bytes) {
            defineClass(null, bytes, 0, bytes.length);
        }
    }

    static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(8)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> bytes[at] = (byte) new int[] {0, 1, 0x7F, 0x80, 0xC0, 0xE0, 0xED, 0xFF}[random.nextInt(8)];
                case 3 -> bytes = java.util.Arrays.copyOf(bytes, Math.max(1, at));
                case 4 -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
                case 5 -> {
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                }
                case 6 -> {
                    if (at + 1 < bytes.length) {
                        int value = new int[] {0, 1, 0xFFFF, 0x7FFF, 2, 255}[random.nextInt(6)];
                        bytes[at] = (byte) (value >> 8);
                        bytes[at + 1] = (byte) value;
                    }
                }
                default -> {
                    if (bytes.length > 8) {
                        bytes[6 + random.nextInt(2)] = (byte) random.nextInt(256); // the version
                    }
                }
            }
            if (bytes.length < 2) {
                break;
            }
        }
        return bytes;
    }

    /** A longer campaign: {@code mutants seed}; prints the counts. */
    public static void main(String[] args) throws Exception {
        int mutants = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        Path work = Files.createTempDirectory("importspy-fuzz");
        ClassFileFuzz fuzz = compiled(work, "--release", "17", "-g", "-parameters");
        long start = System.nanoTime();
        Outcome outcome = fuzz.run(mutants, seed);
        System.out.printf("mutants %d, accepted %d, refused %d (JVM also refused %d, JVM accepted %d), newer than"
                        + " this JVM %d, findings %d, %.1f s%n", outcome.mutants(), outcome.accepted(), outcome.refused(),
                outcome.agreedRefusals(), outcome.jvmAcceptedRefusals(), outcome.newerThanJvm(), outcome.findings().size(),
                (System.nanoTime() - start) / 1e9);
        outcome.findings().stream().limit(40).forEach(System.out::println);
        outcome.reasons().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(e -> System.out.println(e.getValue() + "\t" + e.getKey()));
    }
}
