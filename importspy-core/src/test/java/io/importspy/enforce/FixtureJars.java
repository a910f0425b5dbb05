package io.importspy.enforce;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Builds real JARs from Java sources compiled by the system javac, for enforcement tests. */
final class FixtureJars {
    private final Path workDir;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final List<Path> classpath = new ArrayList<>();

    private FixtureJars(Path workDir) {
        this.workDir = workDir;
    }

    static FixtureJars in(Path workDir) {
        return new FixtureJars(workDir);
    }

    /** Adds a source file; {@code path} like {@code com/acme/Plugin.java} or {@code module-info.java}. */
    FixtureJars source(String path, String code) {
        sources.put(path, code);
        return this;
    }

    FixtureJars resource(String path, String text) {
        resources.put(path, text);
        return this;
    }

    FixtureJars manifest(String name, String value) {
        manifest.put(name, value);
        return this;
    }

    /** Compiles against these JARs or directories, in addition to the test's own class path. */
    FixtureJars classpath(Path... entries) {
        classpath.addAll(List.of(entries));
        return this;
    }

    /** Compiles the sources and packs classes, resources and manifest into {@code name}. */
    Path jar(String name) {
        try {
            Path src = Files.createTempDirectory(workDir, "src");
            Path classes = Files.createTempDirectory(workDir, "classes");
            List<String> args = new ArrayList<>(List.of("--release", "17", "-parameters", "-d", classes.toString()));
            boolean modular = sources.containsKey("module-info.java");
            StringBuilder cp = new StringBuilder(modular ? "" : System.getProperty("java.class.path"));
            classpath.forEach(entry -> cp.append(cp.length() == 0 ? "" : java.io.File.pathSeparator).append(entry));
            if (cp.length() > 0) {
                args.addAll(List.of(modular ? "--module-path" : "-classpath", cp.toString()));
            }
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                args.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = javac.run(null, errors, errors, args.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("fixture does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
            }
            Path jar = workDir.resolve(name);
            Manifest mf = new Manifest();
            mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.forEach((key, value) -> mf.getMainAttributes().put(new Attributes.Name(key), value));
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, mf);
                 Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    jarOut.write(Files.readAllBytes(file));
                    jarOut.closeEntry();
                }
                for (Map.Entry<String, String> resource : resources.entrySet()) {
                    jarOut.putNextEntry(new JarEntry(resource.getKey()));
                    jarOut.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                    jarOut.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh class loader over {@code jars}, whose parent is the test's class loader. */
    static URLClassLoader loader(ClassLoader parent, Path... jars) {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            try {
                urls[i] = jars[i].toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return new URLClassLoader("fixture", urls, parent);
    }
}
