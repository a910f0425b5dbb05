package io.importspy.internal.inspect;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.Origin;
import io.importspy.testsupport.TestJars;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The facts read through the check's layout ({@link ClassFileVisit}) against the facts of the same visitors
 * driven by ASM's own {@link ClassReader}, class by class, over real JARs of five JVM languages' compilers
 * and over {@code java.base}: every class must give equal facts (names, flags, signatures, constants,
 * annotations with their values, parameters).
 */
class ClassFileVisitTest {

    @Test
    void every_class_of_real_jars_reads_as_asm_reads_it() throws Exception {
        int compared = 0;
        for (Class<?> type : List.of(com.google.common.collect.ImmutableList.class, org.postgresql.Driver.class,
                org.apache.commons.lang3.StringUtils.class, kotlin.Unit.class, scala.Option.class,
                groovy.lang.GroovyObject.class, clojure.lang.RT.class)) {
            compared += compareJar(RealJarsTest.jarOf(type));
        }
        assertThat(compared).as("classes compared").isGreaterThan(10_000);
    }

    @Test
    void every_class_of_java_base_reads_as_asm_reads_it() throws Exception {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(jrt.getPath("/modules/java.base"))) {
            files = walk.filter(p -> p.toString().endsWith(".class") && !p.toString().endsWith("module-info.class"))
                    .toList();
        }
        Signatures.Cache types = new Signatures.Cache();
        for (Path file : files) {
            String entry = file.toString().substring("/modules/java.base/".length());
            compare(Files.readAllBytes(file), entry, types);
        }
        assertThat(files.size()).as("classes compared").isGreaterThan(5_000);
    }

    @Test
    void an_annotation_value_of_the_wrong_constant_is_one_located_error(@TempDir Path tmp) throws Exception {
        Path classes = TestJars.compile(tmp, Map.of("a/Tag.java", """
                package a;
                @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                public @interface Tag { String value(); }
                """, "a/Tagged.java", """
                package a;
                @Tag("xyzzy") public class Tagged { }
                """));
        byte[] bytes = Files.readAllBytes(classes.resolve("a/Tagged.class"));
        ClassFileFormat format = ClassFileFormat.check(bytes, "t");
        int text = 0;
        for (int i = 1; i < format.tags.length; i++) {
            if (format.tags[i] == ClassFileFormat.UTF8 && "xyzzy".equals(format.utf8(i))) {
                text = i;
            }
        }
        int value = -1;
        for (int at = format.header; at + 2 < bytes.length; at++) {
            if (bytes[at] == 's' && (bytes[at + 1] & 0xFF) == text >> 8 && (bytes[at + 2] & 0xFF) == (text & 0xFF)) {
                value = at;
            }
        }
        assertThat(value).as("the element value").isPositive();
        bytes[value] = 'I'; // an int value, whose constant is the UTF-8 text: the check leaves values to the reader

        assertThatThrownBy(() -> ClassFiles.read(bytes, Origin.TARGET, "t.jar!a/Tagged.class", "a/Tagged.class",
                new Signatures.Cache()))
                .isInstanceOf(InspectionException.class)
                .hasMessage("t.jar!a/Tagged.class: not a valid class file (an annotation value is constant #" + text
                        + ", which has tag 1, not 3)");
    }

    @Test
    void a_method_descriptor_as_an_annotation_type_or_a_class_literal_is_one_located_error(@TempDir Path tmp)
            throws Exception {
        Path classes = TestJars.compile(tmp, Map.of("a/Ref.java", """
                package a;
                @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                public @interface Ref { Class<?> value(); }
                """, "a/Referring.java", """
                package a;
                public class Referring { @Ref(Referring.Target.class) void m() { } static class Target { } }
                """));
        byte[] bytes = Files.readAllBytes(classes.resolve("a/Referring.class"));
        for (String[] edit : new String[][] {{"La/Ref;", "(La/Re;"}, {"La/Referring$Target;", "(La/Referring$Targe;"}}) {
            byte[] edited = replaceUtf8(bytes, edit[0], edit[1]);

            assertThatThrownBy(() -> ClassFiles.read(edited, Origin.TARGET, "t.jar!a/Referring.class",
                    "a/Referring.class", new Signatures.Cache()))
                    .as(edit[1])
                    .isInstanceOf(InspectionException.class)
                    .hasMessageStartingWith("t.jar!a/Referring.class: not a valid class file (")
                    .hasMessageContaining("is the method descriptor " + edit[1]);
        }
    }

    /** {@code bytes} with the UTF-8 constant {@code from} (tag 1, its length, its bytes) replaced by {@code to}. */
    private static byte[] replaceUtf8(byte[] bytes, String from, String to) {
        byte[] text = from.getBytes(StandardCharsets.ISO_8859_1);
        byte[] edited = bytes.clone();
        for (int at = 10; at + 3 + text.length <= edited.length; at++) {
            if (edited[at] == 1 && edited[at + 1] == 0 && edited[at + 2] == text.length
                    && Arrays.equals(edited, at + 3, at + 3 + text.length, text, 0, text.length)) {
                System.arraycopy(to.getBytes(StandardCharsets.ISO_8859_1), 0, edited, at + 3, text.length);
                return edited;
            }
        }
        throw new AssertionError("no constant " + from);
    }

    private static int compareJar(Path jar) throws IOException {
        Signatures.Cache types = new Signatures.Cache();
        int compared = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> all = file.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                if (Archive.isClassEntry(entry.getName())) {
                    entries.add(entry);
                }
            }
            for (ZipEntry entry : entries) {
                byte[] bytes;
                try (InputStream in = file.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                compare(bytes, entry.getName(), types);
                compared++;
            }
        }
        return compared;
    }

    private static void compare(byte[] bytes, String entry, Signatures.Cache types) {
        ClassFacts read = ClassFiles.read(bytes, Origin.TARGET, "x.jar!" + entry, entry, types);
        ClassFileFormat format = ClassFiles.checked(bytes, "x.jar!" + entry, entry);
        ClassCollector collector = new ClassCollector(types, format);
        new ClassReader(bytes).accept(collector, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        if (collector.needsLocalNames()) {
            LocalVariableTables.read(format, collector.methods());
        }
        ClassFacts byAsm = collector.toFacts(Origin.TARGET);
        assertThat(read).as(entry).isEqualTo(byAsm);
    }
}
