package io.importspy.cli;

import io.importspy.testsupport.TestJars;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The plugin JARs of the command-line tests, built with the shared {@link TestJars}. */
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
            Path classes = TestJars.compile(Files.createTempDirectory(dir, "build").resolve("classes"),
                    Map.of("com/acme/Greeter.java", source));
            return TestJars.jar(dir.resolve(fileName))
                    .manifest("Automatic-Module-Name", "com.acme.greeter")
                    .manifest("Implementation-Version", "1.2.0")
                    .classes(classes)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JAR with the given entries written as they are (no manifest). */
    static Path jarWithEntries(Path file, Map<String, byte[]> entries) {
        TestJars.JarBuilder jar = TestJars.jar(file).withoutManifest();
        entries.forEach(jar::entry);
        return jar.build();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The JAR (or class directory) a class was loaded from. */
    static Path jarOf(Class<?> type) {
        return TestJars.locationOf(type);
    }
}
