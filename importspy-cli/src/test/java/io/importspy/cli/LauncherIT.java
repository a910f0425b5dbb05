package io.importspy.cli;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The start-up archives the build makes, and the {@code importspy} launcher that passes them to the JVM:
 * the archive holds the classes of every command (picocli's included), the launcher picks the AOT cache on
 * a JDK 25 or newer and the AppCDS archive otherwise, and a stale or corrupt archive is ignored silently.
 */
class LauncherIT {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path JAR = MODULE.resolve("target/importspy.jar");
    private static final Path ARCHIVE = MODULE.resolve("target/importspy.jsa");
    private static final Path LAUNCHER = MODULE.resolveSibling("importspy");
    private static final Path TRAINING_CONTRACT = MODULE.resolve("src/cds/training.yml");

    @TempDir
    Path dir;

    /** The outcome of one process. */
    record Run(int exit, String out, String err) {
    }

    @Test
    void the_builds_archive_holds_the_classes_of_help_and_of_a_validation() throws Exception {
        assumeTrue(!Boolean.getBoolean("importspy.cds.skip"), "built with -Dimportspy.cds.skip");
        assertThat(ARCHIVE).as("the AppCDS archive the package phase makes").exists();

        for (List<String> command : List.of(List.of("--help"),
                List.of("validate", "-c", TRAINING_CONTRACT.toString(), JAR.toString()))) {
            List<String> javaCommand = new ArrayList<>(List.of(java().toString(), "-XX:SharedArchiveFile=" + ARCHIVE,
                    "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xlog:class+load", "-jar",
                    JAR.toString()));
            javaCommand.addAll(command);
            Run run = run(javaCommand, Map.of());

            assertThat(loadedFromArchive(run.out(), "picocli.CommandLine")).as("%s", command).isTrue();
            assertThat(loadedFromArchive(run.out(), "io.importspy.cli.Main")).as("%s", command).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "--help"})
    void version_and_help_link_no_lambda(String option) throws Exception {
        // the first lambda a JVM links starts the JDK's method-handle machinery: about 8 ms of CPU on JDK 17, a
        // fifth of what --version costs above the JVM's floor; picocli's negatable-option expressions, its
        // String.format of the version lines and of help texts, a converter filter of '.*', the JDK's line
        // BreakIterator of help tables and a regular expression splitting the synopsis heading each linked one
        Run run = run(List.of(java().toString(), "-Xlog:class+load", "-jar", JAR.toString(), option), Map.of());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsAnyOf("\nimportspy ", "Usage: importspy");
        assertThat(run.out().lines().filter(line -> line.contains("[class,load] java.lang.invoke.LambdaMetafactory ")
                || line.contains("[class,load] java.util.Formatter ")
                || line.contains("[class,load] sun.util.locale.provider.LocaleProviderAdapter "))).isEmpty();
    }

    @Test
    void inspecting_or_validating_a_jar_links_no_lambda_and_runs_no_stream() throws Exception {
        // the first lambda costs the JDK's method-handle machinery (see above), the first stream with a collector
        // about as much again; neither is needed to inspect or validate a JAR: SnakeYAML's regular expressions are
        // edited out (src/build/SnakeYamlPatch.java) and its scalars resolved by ImportSpy's CoreYamlSchema, and
        // JDK classes are read with ModuleReader.read
        Path jar = TestPlugins.greeterJar(dir, "greeter-1.0.jar", TestPlugins.GREETER);
        Path contract = Files.writeString(dir.resolve("greeter.yml"), """
                importspy: 1
                module:
                  version: "[1.0,2)"
                classes:
                  - name: com.acme.Greeter
                    methods: [{name: greet, parameters: [java.lang.String], returns: java.lang.String}]
                """);

        Run inspect = run(List.of(java().toString(), "-Xlog:class+load", "-jar", JAR.toString(), "inspect",
                jar.toString()), Map.of());
        Run validate = run(List.of(java().toString(), "-Xlog:class+load", "-jar", JAR.toString(), "validate", "-c",
                contract.toString(), jar.toString()), Map.of());

        assertThat(inspect.exit()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("- name: com.acme.Greeter");
        assertThat(inspect.out().lines().filter(line -> line.contains("[class,load] java.lang.invoke.LambdaMetafactory ")
                || line.contains("[class,load] java.util.stream."))).isEmpty();
        assertThat(validate.exit()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.out().lines().filter(line -> line.contains("[class,load] java.lang.invoke.LambdaMetafactory ")
                || line.contains("[class,load] java.util.stream."))).isEmpty();
    }

    @Nested
    class The_launcher {
        @Test
        void ignores_a_corrupt_archive_and_cache_silently() throws Exception {
            Path root = launcherCopy();
            byte[] junk = new byte[64 * 1024];
            new java.util.Random(14).nextBytes(junk);
            Files.write(root.resolve("importspy-cli/target/importspy.jsa"), junk);
            Files.write(root.resolve("importspy-cli/target/importspy.aot"), junk);
            // stamped as the build stamps an archive, so that the launcher passes it
            stamp(java(), root.resolve("importspy-cli/target/importspy.jsa"));
            Optional<Path> jdk25 = jdk25();
            if (jdk25.isPresent()) {
                stamp(jdk25.get(), root.resolve("importspy-cli/target/importspy.aot"));
            }

            for (Path java : javas()) {
                Run run = run(List.of(root.resolve("importspy").toString(), "--version"), path(java));

                assertThat(run.exit()).as(java.toString()).isZero();
                assertThat(run.err()).as(java.toString()).isEmpty();
                assertThat(run.out()).as(java.toString()).startsWith("importspy ");
            }
        }

        @Test
        void passes_no_archive_older_than_the_jar() throws Exception {
            Path root = launcherCopy();
            Path jar = root.resolve("importspy-cli/target/importspy.jar");
            Path archive = root.resolve("importspy-cli/target/importspy.jsa");
            makeArchive(root);
            assertThat(archive).exists();
            // the JAR rebuilt after the archive was made (its bytes the same, as a reproducible build makes them)
            Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                    Files.getLastModifiedTime(archive).toMillis() + 60_000));
            // the JVM would say so if it were given the archive: "Unable to use shared archive"
            Map<String, String> environment = Map.of("IMPORTSPY_JAVA_OPTS",
                    "-Xlog:class+load -Xlog:cds=warning -Xlog:cds+dynamic=warning");

            Run run = run(List.of(root.resolve("importspy").toString(), "--help"), with(environment, path(java())));

            assertThat(run.exit()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains("Usage: importspy").doesNotContain("shared archive");
            assertThat(loadedFromArchive(run.out(), "picocli.CommandLine")).isFalse();
        }

        @Test
        void passes_no_archive_made_for_the_jar_in_another_place() throws Exception {
            Path built = launcherCopy();
            makeArchive(built);
            Path moved = dir.resolve("moved");
            Files.createDirectories(moved.resolve("importspy-cli/target"));
            Files.createDirectories(moved.resolve("examples/pipeline/plugin/target"));
            for (String file : List.of("importspy", "importspy-cli/target/importspy.jar",
                    "importspy-cli/target/importspy.jsa", "importspy-cli/target/importspy.jsa.for",
                    "examples/pipeline/plugin/target/extension-1.0.0.jar")) {
                Files.copy(built.resolve(file), moved.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
            }
            Map<String, String> environment = Map.of("IMPORTSPY_JAVA_OPTS", "-Xlog:class+load");

            Run run = run(List.of(moved.resolve("importspy").toString(), "--help"), with(environment, path(java())));

            assertThat(run.exit()).isZero();
            assertThat(run.err()).isEmpty();
            // a static archive refused for its class path would turn off the JDK's own archive too
            assertThat(loadedFromArchive(run.out(), "java.lang.Object")).as("the JDK's own archive").isTrue();
            assertThat(loadedFromArchive(run.out(), "picocli.CommandLine")).isFalse();
        }

        @Test
        void passes_the_appcds_archive_on_this_jdk_and_the_aot_cache_on_25_or_newer() throws Exception {
            Path root = launcherCopy();
            Path archive = root.resolve("importspy-cli/target/importspy.jsa");
            makeArchive(root);
            assertThat(archive).exists();
            Map<String, String> environment = Map.of("IMPORTSPY_JAVA_OPTS", "-Xlog:class+load");

            Run onThisJdk = run(List.of(root.resolve("importspy").toString(), "--help"), with(environment, path(java())));
            assertThat(onThisJdk.exit()).isZero();
            assertThat(loadedFromArchive(onThisJdk.out(), "picocli.CommandLine")).isTrue();

            Optional<Path> jdk25 = jdk25();
            assumeTrue(jdk25.isPresent(), "no JDK 25 or newer under /usr/lib/jvm");
            Path cache = root.resolve("importspy-cli/target/importspy.aot");
            withTrainingContract(root);
            Run making = run(List.of(root.resolve("importspy").toString(), "--version"), path(jdk25.get()));
            assertThat(making.exit()).isZero();
            assertThat(making.err()).startsWith("importspy: making the start-up cache for Java ");
            assertThat(cache).exists();
            assertThat(Path.of(cache + ".for")).exists();
            assertThat(root.resolve("importspy-cli/target/importspy.aot.making")).doesNotExist();

            Run onJdk25 = run(List.of(root.resolve("importspy").toString(), "--help"),
                    with(environment, path(jdk25.get())));
            assertThat(onJdk25.exit()).isZero();
            assertThat(onJdk25.err()).isEmpty();
            assertThat(loadedFromArchive(onJdk25.out(), "picocli.CommandLine")).isTrue();
        }

        @Test
        void remakes_the_aot_cache_when_another_jar_is_put_back_with_an_older_time() throws Exception {
            Optional<Path> jdk25 = jdk25();
            assumeTrue(jdk25.isPresent(), "no JDK 25 or newer under /usr/lib/jvm");
            Path root = launcherCopy();
            withTrainingContract(root);
            Path jar = root.resolve("importspy-cli/target/importspy.jar");
            Run making = run(List.of(root.resolve("importspy").toString(), "--version"), path(jdk25.get()));
            assertThat(making.err()).startsWith("importspy: making the start-up cache for Java ");
            // another build of the JAR restored with its own, older time (cp -p, rsync -a, tar x): not newer than
            // the cache, which JDK 25 would serve for it
            java.nio.file.attribute.FileTime older = Files.getLastModifiedTime(jar);
            try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar)) {
                Files.writeString(zip.getPath("another-build.txt"), "another build");
            }
            Files.setLastModifiedTime(jar, older);

            Run remaking = run(List.of(root.resolve("importspy").toString(), "--version"), path(jdk25.get()));
            Run remade = run(List.of(root.resolve("importspy").toString(), "--version"), path(jdk25.get()));

            assertThat(remaking.exit()).isZero();
            assertThat(remaking.err()).startsWith("importspy: making the start-up cache for Java ");
            assertThat(remade.exit()).isZero();
            assertThat(remade.err()).isEmpty();
        }

        @Test
        void remakes_an_aot_cache_made_by_another_jdk_build_and_passes_none_it_cannot_make() throws Exception {
            Optional<Path> jdk25 = jdk25();
            assumeTrue(jdk25.isPresent(), "no JDK 25 or newer under /usr/lib/jvm");
            Path root = launcherCopy();
            Path cache = root.resolve("importspy-cli/target/importspy.aot");
            Path jar = root.resolve("importspy-cli/target/importspy.jar");
            run(List.of(jdk25.get().toString(), "-XX:AOTCacheOutput=" + cache, "-Xlog:aot=off", "-Xlog:cds=off",
                    "-cp", jar.toString(), "io.importspy.cli.Training", TRAINING_CONTRACT.toString(),
                    jar.toString()), Map.of());
            assertThat(cache).exists();
            // as if the JDK had been upgraded in place since the cache was made
            Files.writeString(Path.of(cache + ".for"), "jar=" + jar.toRealPath() + "\njava="
                    + jdk25.get().toRealPath().getParent().getParent() + "\nruntime=25.0.0+1\n");
            Map<String, String> environment = with(Map.of("IMPORTSPY_JAVA_OPTS", "-Xlog:class+load"),
                    path(jdk25.get()));

            Run withoutTraining = run(List.of(root.resolve("importspy").toString(), "--help"), environment);
            assertThat(withoutTraining.exit()).isZero();
            assertThat(withoutTraining.err()).as("nothing to train on: no cache, said nowhere").isEmpty();
            assertThat(loadedFromArchive(withoutTraining.out(), "picocli.CommandLine")).isFalse();

            withTrainingContract(root);
            Run remaking = run(List.of(root.resolve("importspy").toString(), "--help"), environment);
            Run remade = run(List.of(root.resolve("importspy").toString(), "--help"), environment);
            assertThat(remaking.exit()).isZero();
            assertThat(remaking.err()).startsWith("importspy: making the start-up cache for Java ");
            assertThat(remade.err()).isEmpty();
            assertThat(loadedFromArchive(remade.out(), "picocli.CommandLine")).isTrue();
            assertThat(Files.readString(Path.of(cache + ".for"))).doesNotContain("runtime=25.0.0+1");
        }
    }

    @Test
    void passes_no_archive_or_cache_when_told_how_to_share_classes() throws Exception {
        Optional<Path> jdk25 = jdk25();
        assumeTrue(jdk25.isPresent(), "no JDK 25 or newer under /usr/lib/jvm");
        Path root = launcherCopy();
        withTrainingContract(root);
        Run making = run(List.of(root.resolve("importspy").toString(), "--version"), path(jdk25.get()));
        assertThat(making.exit()).as(making.err()).isZero();
        assertThat(root.resolve("importspy-cli/target/importspy.aot")).exists();

        for (String options : List.of("-Xshare:off", "-Xshare:auto", "-XX:AOTMode=off")) {
            Run run = run(List.of(root.resolve("importspy").toString(), "--version"),
                    with(Map.of("IMPORTSPY_JAVA_OPTS", options), path(jdk25.get())));

            assertThat(run.exit()).as(options + ": " + run.out() + run.err()).isZero();
            assertThat(run.out()).as(options).startsWith("importspy ");
        }
    }

    @Test
    void makes_the_aot_cache_again_when_the_jar_was_written_while_it_was_made() throws Exception {
        Path root = launcherCopy();
        withTrainingContract(root);
        // a JDK 25 whose training run sees a build write the JAR before it ends
        Path home = dir.resolve("jdk-25");
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"25\"\nJAVA_RUNTIME_VERSION=\"25+1\"\n");
        Path java = home.resolve("bin/java");
        Files.writeString(java, """
                #!/bin/sh
                for a; do case "$a" in -XX:AOTCacheOutput=*) out="${a#-XX:AOTCacheOutput=}" ;; esac; done
                if [ -n "$out" ]; then sleep 0.1; touch "$5"; sleep 0.1; echo cache > "$out"; exit 0; fi
                echo "ran $*"
                """.replace("$5", root.resolve("importspy-cli/target/importspy.jar").toString()));
        assertThat(java.toFile().setExecutable(true)).isTrue();

        Run making = run(List.of(root.resolve("importspy").toString(), "--version"), path(java));
        Run next = run(List.of(root.resolve("importspy").toString(), "--version"), path(java));

        assertThat(making.err()).startsWith("importspy: making the start-up cache for Java 25+1");
        assertThat(next.err()).as("a cache of the JAR before the build is no cache of this one")
                .startsWith("importspy: making the start-up cache for Java 25+1");
        assertThat(next.out()).doesNotContain("-XX:AOTCache=");
    }

    /** A launcher beside a copy of the CLI's JAR (and the file whose absence makes it build first). */
    @Test
    void runs_every_command_with_the_quick_compiler_only_unless_told_otherwise() throws Exception {
        Path root = launcherCopy();
        Map<String, String> environment = with(Map.of("IMPORTSPY_JAVA_OPTS", "-XX:+PrintFlagsFinal"), path(java()));
        Map<String, String> bothCompilers = with(Map.of("IMPORTSPY_JAVA_OPTS",
                "-XX:TieredStopAtLevel=4 -XX:+PrintFlagsFinal"), path(java()));

        Run audit = run(List.of(root.resolve("importspy").toString(), "audit", "--help"), environment);
        Run version = run(List.of(root.resolve("importspy").toString(), "--version"), environment);
        Run largeAudit = run(List.of(root.resolve("importspy").toString(), "audit", "--help"), bothCompilers);

        assertThat(audit.exit()).isZero();
        assertThat(flag(audit.out(), "TieredStopAtLevel")).isEqualTo("1");
        assertThat(flag(version.out(), "TieredStopAtLevel")).isEqualTo("1");
        assertThat(flag(version.out(), "CICompilerCount")).isEqualTo("1");
        assertThat(flag(version.out(), "UsePerfData")).isEqualTo("false");
        assertThat(largeAudit.exit()).as(largeAudit.err()).isZero();
        assertThat(flag(largeAudit.out(), "TieredStopAtLevel")).as("IMPORTSPY_JAVA_OPTS comes last").isEqualTo("4");
        assertThat(Integer.parseInt(flag(largeAudit.out(), "CICompilerCount"))).as("C1 and C2 need two").isGreaterThan(1);
    }

    /** The value of the JVM flag {@code name} that {@code -XX:+PrintFlagsFinal} printed. */
    private static String flag(String flags, String name) {
        Matcher m = Pattern.compile("\\b" + name + "\\s+=\\s+(\\w+)").matcher(flags);
        assertThat(m.find()).as("%s among the flags", name).isTrue();
        return m.group(1);
    }

    private Path launcherCopy() throws IOException {
        Path root = dir.resolve("importspy-home");
        Files.createDirectories(root.resolve("importspy-cli/target"));
        Files.createDirectories(root.resolve("examples/pipeline/plugin/target"));
        Files.writeString(root.resolve("examples/pipeline/plugin/target/extension-1.0.0.jar"), "");
        Files.copy(JAR, root.resolve("importspy-cli/target/importspy.jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(LAUNCHER, root.resolve("importspy"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(root.resolve("importspy").toFile().setExecutable(true)).isTrue();
        return root;
    }

    /** The training contract where the launcher looks for it, so that it can make an AOT cache. */
    private static void withTrainingContract(Path root) throws IOException {
        Path training = root.resolve("importspy-cli/src/cds/training.yml");
        Files.createDirectories(training.getParent());
        Files.copy(TRAINING_CONTRACT, training, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Stamps {@code archive} as made by {@code java} for the JAR beside it, as the build does. */
    private static void stamp(Path java, Path archive) throws Exception {
        Run stamping = run(List.of(java.toString(), MODULE.resolve("src/build/ArchiveStamp.java").toString(),
                archive.toString(), archive.resolveSibling("importspy.jar").toRealPath().toString()), Map.of());
        assertThat(stamping.exit()).as(stamping.err()).isZero();
    }

    /** A JDK 25 or newer beside the one that runs the tests, if the machine has one. */
    private static Optional<Path> jdk25() throws IOException {
        return javas().stream().filter(java -> !java.equals(java())).findFirst();
    }

    /** The static AppCDS archive and its stamp, made as the build makes them, for the JAR in {@code root}. */
    private static void makeArchive(Path root) throws Exception {
        Path jar = root.resolve("importspy-cli/target/importspy.jar");
        Path archive = root.resolve("importspy-cli/target/importspy.jsa");
        Path classList = root.resolve("importspy-cli/target/importspy.classlist");
        run(List.of(java().toString(), "-XX:DumpLoadedClassList=" + classList, "-Xlog:cds=off", "-cp", jar.toString(),
                "io.importspy.cli.Training", TRAINING_CONTRACT.toString(), jar.toString()), Map.of());
        run(List.of(java().toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-cp", jar.toString()), Map.of());
        run(List.of(java().toString(), MODULE.resolve("src/build/ArchiveStamp.java").toString(), archive.toString(),
                jar.toString()), Map.of());
        assertThat(Path.of(archive + ".for")).exists();
    }

    private static boolean loadedFromArchive(String classLoadLog, String className) {
        return classLoadLog.lines().anyMatch(line -> line.contains("[class,load] " + className + " ")
                && line.contains("shared objects file"));
    }

    /** The JDK running the tests, then each JDK 25 or newer under /usr/lib/jvm. */
    private static List<Path> javas() throws IOException {
        List<Path> javas = new ArrayList<>(List.of(java()));
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> homes = Files.list(jvms)) {
                for (Path home : homes.sorted().toList()) {
                    Path java = home.resolve("bin/java");
                    if (Files.isExecutable(java) && featureVersion(home) >= 25 && !javas.contains(java)) {
                        javas.add(java);
                    }
                }
            }
        }
        return javas;
    }

    private static int featureVersion(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        for (String line : Files.readAllLines(release)) {
            Matcher version = Pattern.compile("^JAVA_VERSION=\"(\\d+)").matcher(line);
            if (version.find()) {
                return Integer.parseInt(version.group(1));
            }
        }
        return 0;
    }

    private static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** An environment whose PATH finds {@code java} first. */
    private static Map<String, String> path(Path java) {
        return Map.of("PATH", java.getParent() + File.pathSeparator + System.getenv("PATH"));
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> both = new HashMap<>(a);
        both.putAll(b);
        return both;
    }

    private static Run run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("IMPORTSPY_JAVA_OPTS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(null, ".out");
        Path err = Files.createTempFile(null, ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
