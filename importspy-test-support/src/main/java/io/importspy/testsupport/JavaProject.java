package io.importspy.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java sources, resources and manifest attributes that become one JAR: the sources are compiled by the
 * running JDK's javac with {@code --release 17 -parameters}, against the test's own class path and the
 * entries given with {@link #classpath(Path...)}; with a {@code module-info.java} they are compiled as a
 * module, against those entries as the module path.
 *
 * <pre>{@code
 * Path plugin = TestJars.project(tmp)
 *         .source("com/acme/Plugin.java", "package com.acme; public class Plugin { }")
 *         .resource("META-INF/services/com.acme.spi.Extension", "com.acme.Plugin\n")
 *         .manifest("Implementation-Version", "1.0")
 *         .classpath(frameworkJar)
 *         .jar("plugin-1.0.jar");
 * }</pre>
 */
public final class JavaProject {
    private final Path workDir;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final List<Path> classpath = new ArrayList<>();

    JavaProject(Path workDir) {
        this.workDir = workDir;
    }

    /** Adds a source file; {@code path} like {@code com/acme/Plugin.java} or {@code module-info.java}. */
    public JavaProject source(String path, String code) {
        sources.put(path, code);
        return this;
    }

    /** Adds a UTF-8 text entry at {@code path} in the JAR, after the classes. */
    public JavaProject resource(String path, String text) {
        resources.put(path, text);
        return this;
    }

    /** A main attribute of the JAR's manifest (in the order given). */
    public JavaProject manifest(String name, String value) {
        manifest.put(name, value);
        return this;
    }

    /** Compiles against these JARs or directories too (the module path, for a modular project). */
    public JavaProject classpath(Path... entries) {
        classpath.addAll(List.of(entries));
        return this;
    }

    /**
     * Compiles the sources and packs classes, resources and manifest into {@code workDir/name}.
     *
     * @return the JAR's path
     * @throws AssertionError with javac's diagnostics when the sources do not compile
     */
    public Path jar(String name) {
        Path classes;
        try {
            classes = Files.createTempDirectory(workDir, "classes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean modular = sources.containsKey("module-info.java");
        List<String> options = new ArrayList<>(List.of("--release", "17", "-parameters"));
        List<String> path = new ArrayList<>();
        if (!modular) {
            path.add(System.getProperty("java.class.path"));
        }
        classpath.forEach(entry -> path.add(entry.toString()));
        path.removeIf(String::isEmpty);
        if (!path.isEmpty()) {
            options.add(modular ? "--module-path" : "-classpath");
            options.add(String.join(File.pathSeparator, path));
        }
        TestJars.compile(classes, sources, options.toArray(String[]::new));
        TestJars.JarBuilder jar = TestJars.jar(workDir.resolve(name)).classes(classes);
        manifest.forEach(jar::manifest);
        resources.forEach(jar::entry);
        return jar.build();
    }
}
