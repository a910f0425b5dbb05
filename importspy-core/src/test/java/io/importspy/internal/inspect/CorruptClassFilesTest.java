package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import io.importspy.testsupport.TestJars;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Randomly corrupted class files (a fixed seed, so failures reproduce) either inspect or fail with an
 * {@link InspectionException} naming the entry: never another exception, never a hang; with parameter
 * names from MethodParameters, and from LocalVariableTables read from the bytes.
 */
class CorruptClassFilesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "compiled with {0}")
    @ValueSource(strings = {"-parameters", "-g"})
    void every_corruption_of_a_class_file_is_a_one_line_inspection_error_or_a_result(String names) throws Exception {
        Path classes = TestJars.compile(tmp.resolve("classes"), Map.of("a/Foo.java", """
                package a;
                import java.util.*;
                public class Foo<T extends Comparable<T>> extends AbstractList<T> implements java.io.Serializable {
                    public static final String NAME = "foo";
                    public static final long BIG = 1L << 40;
                    @Deprecated(since = "1") public Map<String, ? extends List<T>> index;
                    public Foo(String... names) { }
                    public T get(int i) { return null; }
                    public int size() { return 0; }
                    public <X extends Exception> void run(List<? super T> sink) throws X { }
                    class Inner { }
                }
                """), names);
        byte[] original = Files.readAllBytes(classes.resolve("a/Foo.class"));
        Random random = new Random(20261122L);
        int inspected = 0;
        int refused = 0;
        for (int round = 0; round < 400; round++) {
            byte[] bytes = original.clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                int at = 8 + random.nextInt(bytes.length - 8); // keep magic and version: reach ASM's parser
                bytes[at] = (byte) random.nextInt(256);
            }
            Path jar = TestJars.jar(tmp.resolve("fuzz-" + round + ".jar")).entry("a/Foo.class", bytes).build();
            try {
                Inspector.withClasspath(List.of()).inspect(jar, ClassSelection.named(Set.of("a.Foo")));
                inspected++;
            } catch (InspectionException expected) {
                assertThat(expected.getMessage()).doesNotContain("\n").startsWith(jar.toString());
                refused++;
            } catch (RuntimeException | StackOverflowError other) {
                fail("round " + round + " threw " + other, other);
            }
            Files.delete(jar);
        }
        assertThat(inspected + refused).isEqualTo(400);
        assertThat(refused).as("corruptions detected").isPositive();
    }
}
