package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import io.importspy.inspect.ModuleFacts;
import io.importspy.testsupport.TestJars;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A full inspection reads class files on several threads, with the result of a read in entry order. */
class AllClassesTest {
    static final int CLASSES = 4 * AllClasses.MIN_CLASSES_PER_THREAD;

    @TempDir
    static Path tmp;
    static Path classes;

    @BeforeAll
    static void compileEnoughClassesForSeveralThreads() {
        Map<String, String> sources = new HashMap<>();
        for (int i = 0; i < CLASSES; i++) {
            sources.put("many/C" + i + ".java", "package many; public class C" + i
                    + " { public long m" + i + "(long a, String b) { return a; } }");
        }
        classes = TestJars.compile(tmp.resolve("classes"), sources, "-g");
    }

    static List<String> entryOrder(Path jar) {
        try (Archive archive = Archive.open(jar, jar.toString(), Inspector.EVERY_JAVA)) {
            return archive.classEntries().stream().map(e -> e.substring(0, e.length() - 6).replace('/', '.')).toList();
        }
    }

    @Test
    void facts_come_in_entry_order_complete_with_parameter_names() {
        Path jar = TestJars.jar(tmp.resolve("many.jar")).classes(classes).build();
        List<String> read = new ArrayList<>();
        ModuleFacts facts = Inspector.observed(List.of(), read::add).inspect(jar, ClassSelection.all());

        assertThat(read).hasSize(CLASSES).containsExactlyElementsOf(entryOrder(jar));
        assertThat(facts.classes().keySet()).containsExactlyElementsOf(read);
        for (int i = 0; i < CLASSES; i++) {
            int n = i;
            assertThat(facts.moduleClass("many.C" + i).orElseThrow().methods())
                    .filteredOn(m -> m.name().equals("m" + n)).singleElement()
                    .satisfies(m -> assertThat(m.parameters()).extracting(p -> p.name().orElseThrow())
                            .containsExactly("a", "b"));
        }
    }

    @Test
    void of_several_corrupt_class_files_the_first_in_entry_order_is_reported_every_time() {
        List<String> order = entryOrder(TestJars.jar(tmp.resolve("intact.jar")).classes(classes).build());
        String first = order.get(CLASSES / 3).replace('.', '/') + ".class";
        String later = order.get(CLASSES - 2).replace('.', '/') + ".class";
        Path corrupt = TestJars.jar(tmp.resolve("corrupt2.jar")).classes(classes)
                .entry(first, new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0, 0, 0, 0, 61, 0, 9, 1, 2})
                .entry(later, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}).build();

        for (int round = 0; round < 20; round++) {
            assertThatThrownBy(() -> Inspector.withClasspath(List.of()).inspect(corrupt, ClassSelection.all()))
                    .isInstanceOf(InspectionException.class)
                    .hasMessageStartingWith(corrupt + "!" + first + ": not a valid class file (");
        }
    }

    @Test
    void inside_read_threads_alone_every_class_is_read_on_the_calling_thread() {
        List<Integer> files = java.util.stream.IntStream.range(0, CLASSES).boxed().toList();
        java.util.Set<Thread> readers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.function.Supplier<java.util.function.Function<Integer, Integer>> reader = () -> file -> {
            readers.add(Thread.currentThread());
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // long enough for a helper to take some
            return file;
        };

        List<Integer> read = ReadThreads.alone(() -> AllClasses.map(files, reader));

        assertThat(read).containsExactlyElementsOf(files);
        assertThat(readers).containsExactly(Thread.currentThread());
        if (Runtime.getRuntime().availableProcessors() > 1) {
            readers.clear();
            AllClasses.map(files, reader);
            assertThat(readers).as("outside, helpers read too").hasSizeGreaterThan(1);
        }
    }
}
