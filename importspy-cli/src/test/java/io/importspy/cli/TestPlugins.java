package io.importspy.cli;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Plugin JARs for the command-line tests, compiled by the real javac. */
final class TestPlugins {
    static final String GREETER = """
            package com.acme;
            public final class Greeter {
                public static final String NAME = "greeter";
                public Greeter() { }
                public String greet(String who) { return "hello " + who; }
            }
            """;

    private TestPlugins() {
    }

    /** Compiles {@code com.acme.Greeter} from {@code source} into {@code dir/fileName}, a JAR named com.acme.greeter 1.2.0. */
    static Path greeterJar(Path dir, String fileName, String source) {
        try {
            Path work = Files.createTempDirectory(dir, "build");
            Path sources = Files.createDirectories(work.resolve("src/com/acme"));
            Files.writeString(sources.resolve("Greeter.java"), source);
            Path classes = Files.createDirectories(work.resolve("classes"));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertThat(javac.run(null, null, null, "-d", classes.toString(),
                    sources.resolve("Greeter.java").toString())).isZero();
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), "com.acme.greeter");
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "1.2.0");
            Path jar = dir.resolve(fileName);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                 Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JAR with the given entries written as they are (no manifest). */
    static Path jarWithEntries(Path file, Map<String, byte[]> entries) {
        try (OutputStream stream = Files.newOutputStream(file); JarOutputStream out = new JarOutputStream(stream)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The JAR (or class directory) a class was loaded from. */
    static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
