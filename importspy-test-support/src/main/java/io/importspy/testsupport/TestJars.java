package io.importspy.testsupport;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds test fixtures from real {@code javac} output: compile Java sources into a class directory,
 * then pack directories and extra entries into a JAR (plain or multi-release) with a chosen manifest;
 * or, in one step, a {@link JavaProject} of sources and resources compiled and packed into a JAR. The
 * one JAR builder of the project's tests (core, command line and examples).
 *
 * <pre>{@code
 * Path classes = TestJars.compile(tmp.resolve("classes"), Map.of("com/acme/Greeter.java", "..."), "-parameters");
 * Path jar = TestJars.jar(tmp.resolve("greeter-1.2.3.jar"))
 *         .manifest("Automatic-Module-Name", "com.acme.greeter")
 *         .classes(classes)
 *         .entry("META-INF/services/com.acme.spi.Greeter", "com.acme.Greeter\n")
 *         .build();
 * }</pre>
 */
public final class TestJars {
    private TestJars() {
    }

    /**
     * Compiles {@code sources} (relative file path, e.g. {@code com/acme/Greeter.java} or
     * {@code module-info.java}, to source text) with the running JDK's compiler into {@code outputDir}.
     * {@code options} are javac options ({@code -parameters}, {@code -g}, {@code --release 17},
     * {@code -classpath lib.jar}).
     *
     * @return {@code outputDir}
     * @throws AssertionError with javac's diagnostics when compilation fails
     */
    public static Path compile(Path outputDir, Map<String, String> sources, String... options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = prepare(outputDir, sources, options);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new AssertionError("javac failed:\n" + diagnostics.toString(StandardCharsets.UTF_8));
        }
        return outputDir;
    }

    /**
     * Like {@link #compile(Path, Map, String...)}, with the {@code javac} executable at {@code javac}
     * (e.g. a newer JDK's {@code bin/javac}).
     */
    public static Path compileWith(Path javac, Path outputDir, Map<String, String> sources, String... options) {
        List<String> command = new ArrayList<>();
        command.add(javac.toString());
        command.addAll(prepare(outputDir, sources, options));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(javac + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while compiling", e);
        }
        return outputDir;
    }

    private static List<String> prepare(Path outputDir, Map<String, String> sources, String... options) {
        try {
            Path sourceDir = Files.createTempDirectory("importspy-src");
            List<String> arguments = new ArrayList<>(List.of(options));
            arguments.add("-d");
            arguments.add(outputDir.toString());
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceDir.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            Files.createDirectories(outputDir);
            return arguments;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A builder of a JAR at {@code file}. */
    public static JarBuilder jar(Path file) {
        return new JarBuilder(file);
    }

    /**
     * A Java project whose sources are compiled with {@code --release 17 -parameters} against the test's
     * class path (or, with a {@code module-info.java}, as a module) and packed into a JAR in {@code workDir}.
     */
    public static JavaProject project(Path workDir) {
        return new JavaProject(workDir);
    }

    /** A fresh class loader named {@code fixture} over {@code jars}, whose parent is {@code parent}. */
    public static URLClassLoader loader(ClassLoader parent, Path... jars) {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            try {
                urls[i] = jars[i].toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a URL: " + jars[i], e);
            }
        }
        return new URLClassLoader("fixture", urls, parent);
    }

    /** The JAR (or class directory) {@code type} was loaded from. */
    public static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError("no file location for " + type.getName(), e);
        }
    }

    /** Adds classes, files and manifest attributes, then writes the JAR. */
    public static final class JarBuilder {
        private final Path file;
        private final Map<String, String> manifest = new LinkedHashMap<>();
        private final Map<String, byte[]> entries = new LinkedHashMap<>();
        private boolean withManifest = true;

        private JarBuilder(Path file) {
            this.file = file;
        }

        /** A main attribute of the manifest (in the order given). */
        public JarBuilder manifest(String name, String value) {
            manifest.put(name, value);
            return this;
        }

        /** Writes no META-INF/MANIFEST.MF at all. */
        public JarBuilder withoutManifest() {
            withManifest = false;
            return this;
        }

        /** Every file under {@code dir}, at the root of the JAR. */
        public JarBuilder classes(Path dir) {
            return classes(dir, "");
        }

        /** Every file under {@code dir}, under {@code prefix} (e.g. {@code META-INF/versions/11/}). */
        public JarBuilder classes(Path dir, String prefix) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                    entries.put(prefix + dir.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** One entry with these bytes. */
        public JarBuilder entry(String name, byte[] bytes) {
            entries.put(name, bytes.clone());
            return this;
        }

        /** One entry with this UTF-8 text. */
        public JarBuilder entry(String name, String text) {
            return entry(name, text.getBytes(StandardCharsets.UTF_8));
        }

        /** Marks the JAR {@code Multi-Release: true}; add versioned classes with {@link #classes(Path, String)}. */
        public JarBuilder multiRelease() {
            return manifest("Multi-Release", "true");
        }

        /** Writes the JAR and returns its path. */
        public Path build() {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (OutputStream out = Files.newOutputStream(file);
                     JarOutputStream jar = withManifest ? new JarOutputStream(out, manifest()) : new JarOutputStream(out)) {
                    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                        jar.putNextEntry(new JarEntry(entry.getKey()));
                        jar.write(entry.getValue());
                        jar.closeEntry();
                    }
                }
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Manifest manifest() {
            Manifest result = new Manifest();
            Attributes main = result.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.forEach((name, value) -> main.put(new Attributes.Name(name), value));
            return result;
        }
    }
}
