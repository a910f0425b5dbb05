package io.importspy.enforce;

import io.importspy.RuntimeSource;
import io.importspy.Spy;
import io.importspy.ValidationOptions;
import io.importspy.contract.SpyModel;
import io.importspy.inspect.InspectionException;
import io.importspy.internal.contract.Contracts;
import io.importspy.testsupport.TestJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A multi-release JAR whose versioned class, for a Java newer than the one that validates, differs from the
 * class judged: a host on that newer Java runs it. Validation for an unknown Java judges every version and names
 * the one that fails; a host judges the version its own Java loads; a real host on a newer JDK shows that the
 * versioned class is what it runs.
 */
class MultiReleaseIT {
    @TempDir
    static Path work;

    static final int ABOVE = Runtime.version().feature() + 1;

    static String impl(Path marker, boolean compliant) {
        return "package com.acme; public class Impl implements java.util.function.Supplier<String> {"
                + (compliant ? " public String greet(String who) { return who; } private int helper() { return 1; }"
                : " static { try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + marker.toString().replace("\\", "\\\\") + "\"), \"ran\"); }"
                + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); } }")
                + " public String get() { return \"" + (compliant ? "judged" : "rogue") + "\"; } }";
    }

    static Path plugin(String name, Path marker, boolean versionedCompliant) {
        Path base = TestJars.compile(work.resolve(name + "-base"), Map.of("com/acme/Impl.java", impl(marker, true)),
                "--release", "17");
        Path versioned = TestJars.compile(work.resolve(name + "-versioned"), Map.of("com/acme/Impl.java",
                versionedCompliant ? impl(marker, true).replace("return 1;", "return 2;") : impl(marker, false)),
                "--release", "17");
        try {
            return TestJars.jar(work.resolve(name + ".jar")).multiRelease().classes(base)
                    .entry("META-INF/versions/" + ABOVE + "/com/acme/Impl.class",
                            Files.readAllBytes(versioned.resolve("com/acme/Impl.class")))
                    .entry("META-INF/services/java.util.function.Supplier", "com.acme.Impl\n").build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static SpyModel contract() {
        return Contracts.parse("""
                importspy: 1
                classes:
                  - name: com.acme.Impl
                    methods: [{name: greet, parameters: [String], returns: String}]
                """, "plugin-contract.yml");
    }

    /**
     * A {@code resources:} requirement is met by exactly the entries that the running Java's class loader serves for
     * the name: in a multi-release JAR, a version directory's entry for this Java or an older one stands for a
     * missing base entry, one for a newer Java does not, and a name under {@code META-INF/} is served as stored.
     */
    @Test
    void a_resource_is_required_as_a_class_loader_of_this_java_serves_it() throws Exception {
        Path classes = TestJars.compile(work.resolve("resources-base"), Map.of("com/acme/Impl.java",
                impl(work.resolve("resources-ran"), true)), "--release", "17");
        List<String> names = List.of("res/base.properties", "res/nine.properties", "res/this.properties",
                "res/newer.properties", "META-INF/versions/" + ABOVE + "/res/newer.properties",
                "META-INF/versions/9/res/nine.properties", "res/none.properties", "META-INF/versions/9/res/none.properties");
        StringBuilder contract = new StringBuilder("importspy: 1\nmodule:\n  resources:\n");
        names.forEach(name -> contract.append("    - ").append(name).append('\n'));
        for (boolean multiRelease : List.of(true, false)) {
            TestJars.JarBuilder builder = TestJars.jar(work.resolve("resources-" + multiRelease + ".jar")).classes(classes)
                    .entry("res/base.properties", "base\n")
                    .entry("META-INF/versions/9/res/nine.properties", "nine\n")
                    .entry("META-INF/versions/" + Runtime.version().feature() + "/res/this.properties", "this\n")
                    .entry("META-INF/versions/" + ABOVE + "/res/newer.properties", "newer\n");
            Path jar = (multiRelease ? builder.multiRelease() : builder).build();
            List<String> missing = Spy.validate(jar, Contracts.parse(contract.toString(), "resources.yml")).targets()
                    .get(0).violations().stream().map(v -> v.message()).toList();

            List<String> unserved = new java.util.ArrayList<>();
            try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                    null)) {
                for (String name : names) {
                    if (loader.getResource(name) == null) {
                        unserved.add(name);
                    }
                }
            }
            assertThat(missing).as("multi-release " + multiRelease).hasSize(unserved.size());
            for (int i = 0; i < unserved.size(); i++) {
                assertThat(missing.get(i)).startsWith("module lacks resource " + unserved.get(i));
            }
            if (multiRelease) {
                assertThat(unserved).containsExactly("res/newer.properties", "res/none.properties",
                        "META-INF/versions/9/res/none.properties");
                assertThat(missing.get(0)).isEqualTo("module lacks resource res/newer.properties (only META-INF/versions/"
                        + ABOVE + "/ holds it, which Java " + ABOVE + " and later are served; this is Java "
                        + Runtime.version().feature() + ")");
            } else {
                assertThat(unserved).containsExactly("res/nine.properties", "res/this.properties", "res/newer.properties",
                        "res/none.properties", "META-INF/versions/9/res/none.properties");
            }
        }
    }

    /**
     * With a runtime recorded on another machine, a resource is required as that runtime's Java is served it: a
     * version directory of a newer Java than the checking one serves it there, and one above the recorded Java
     * does not, whatever Java checks.
     */
    @Test
    void a_resource_is_required_as_the_java_of_a_recorded_runtime_is_served_it() throws Exception {
        Path classes = TestJars.compile(work.resolve("recorded-base"), Map.of("com/acme/Impl.java",
                impl(work.resolve("recorded-ran"), true)), "--release", "17");
        Path jar = TestJars.jar(work.resolve("recorded-resources.jar")).classes(classes)
                .entry("META-INF/versions/" + ABOVE + "/res/newer.properties", "newer\n").multiRelease().build();
        SpyModel contract = Contracts.parse("importspy: 1\nmodule:\n  resources: [res/newer.properties]\n",
                "resources.yml");
        String thisJava = io.importspy.internal.inspect.RuntimeRecord.toYaml(
                io.importspy.internal.inspect.RuntimeInspector.current());
        String version = Runtime.version().toString();
        assertThat(thisJava).contains("version: " + version);
        Path newer = Files.writeString(work.resolve("newer-java.yml"),
                thisJava.replace("version: " + version, "version: " + ABOVE + ".0.1+9"));
        Path same = Files.writeString(work.resolve("same-java.yml"), thisJava);

        assertThat(Spy.validate(contract, ValidationOptions.defaults().withRuntime(RuntimeSource.recorded(newer)),
                List.of(jar)).isCompliant()).as("served to Java " + ABOVE).isTrue();
        assertThat(Spy.validate(contract, ValidationOptions.defaults().withRuntime(RuntimeSource.recorded(same)),
                List.of(jar)).targets().get(0).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("module lacks resource res/newer.properties (only"
                        + " META-INF/versions/" + ABOVE + "/ holds it, which Java " + ABOVE + " and later are served;"
                        + " this is Java " + Runtime.version().feature() + ")"));
    }

    /**
     * Whether a module is multi-release is what the JDK's {@code JarFile} decides from the manifest's bytes, not what
     * the parsed attributes say: {@code Multi-Release: true } with a trailing space, or {@code true} split over a
     * continuation line, parse as {@code true}, but a class loader serves no version directory of such a JAR, nor
     * ever of a class directory. A resource only a version directory holds is then missing, as the loader says.
     */
    @Test
    void a_resource_is_served_from_a_version_directory_only_where_a_class_loader_reads_the_jar_as_multi_release()
            throws Exception {
        Path classes = TestJars.compile(work.resolve("mr-manifest-base"), Map.of("com/acme/Impl.java",
                impl(work.resolve("mr-manifest-ran"), true)), "--release", "17");
        SpyModel contract = Contracts.parse("importspy: 1\nmodule:\n  resources: [res/nine.properties]\n",
                "resources.yml");
        Map<String, String> manifests = new java.util.LinkedHashMap<>();
        manifests.put("trailing-space", "Manifest-Version: 1.0\r\nMulti-Release: true \r\n\r\n");
        manifests.put("continued", "Manifest-Version: 1.0\r\nMulti-Release: tr\r\n ue\r\n\r\n");
        manifests.put("plain", "Manifest-Version: 1.0\r\nMulti-Release: true\r\n\r\n");
        manifests.put("upper-case", "Manifest-Version: 1.0\r\nmulti-release: TRUE\r\n\r\n");
        List<Path> targets = new java.util.ArrayList<>();
        for (Map.Entry<String, String> manifest : manifests.entrySet()) {
            targets.add(TestJars.jar(work.resolve("mr-" + manifest.getKey() + ".jar")).withoutManifest()
                    .entry("META-INF/MANIFEST.MF", manifest.getValue()).classes(classes)
                    .entry("META-INF/versions/9/res/nine.properties", "nine\n").build());
        }
        Path directory = TestJars.compile(work.resolve("mr-directory"), Map.of("com/acme/Impl.java",
                impl(work.resolve("mr-manifest-ran"), true)), "--release", "17");
        Files.createDirectories(directory.resolve("META-INF/versions/9/res"));
        Files.writeString(directory.resolve("META-INF/MANIFEST.MF"), manifests.get("plain"));
        Files.writeString(directory.resolve("META-INF/versions/9/res/nine.properties"), "nine\n");
        targets.add(directory);

        List<String> served = new java.util.ArrayList<>();
        for (Path target : targets) {
            boolean missing = !Spy.validate(target, contract).targets().get(0).violations().isEmpty();
            try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {target.toUri().toURL()},
                    null)) {
                boolean servedHere = loader.getResource("res/nine.properties") != null;
                assertThat(missing).as(target.getFileName() + ": missing exactly when its class loader serves none")
                        .isEqualTo(!servedHere);
                if (servedHere) {
                    served.add(target.getFileName().toString());
                }
            }
        }
        assertThat(served).containsExactly("mr-plain.jar", "mr-upper-case.jar");
    }

    @Test
    void a_versioned_class_for_a_newer_java_that_fails_the_contract_is_a_violation_naming_its_entry() throws Exception {
        Path marker = work.resolve("newer-ran");
        Path plugin = plugin("newer", marker, false);

        for (ValidationOptions options : List.of(ValidationOptions.defaults(),
                ValidationOptions.defaults().withRuntime(RuntimeSource.none()))) {
            assertThat(Spy.validate(contract(), options, List.of(plugin)).targets().get(0).violations())
                    .singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("class com.acme.Impl lacks"
                            + " method greet(String) (in META-INF/versions/" + ABOVE + "/com/acme/Impl.class, the version"
                            + " of the class another Java loads)"));
        }
        // a runtime recorded on this Java names the Java that runs the plugin: the version for a newer one is not judged
        Path recorded = work.resolve("this-java.yml");
        Files.writeString(recorded, io.importspy.internal.inspect.RuntimeRecord.toYaml(
                io.importspy.internal.inspect.RuntimeInspector.current()));
        assertThat(Spy.validate(contract(), ValidationOptions.defaults().withRuntime(RuntimeSource.recorded(recorded)),
                List.of(plugin)).isCompliant()).isTrue();
        // a host loads the plugin in this Java, which loads the judged base class
        try (GuardedPlugin loaded = GuardedLoader.of(contract()).load(plugin)) {
            Object impl = loaded.classLoader().loadClass("com.acme.Impl").getConstructor().newInstance();
            assertThat(((java.util.function.Supplier<?>) impl).get()).isEqualTo("judged");
        }
        assertThat(marker).doesNotExist();

        Optional<Path> newer = newerJava();
        if (newer.isPresent()) { // what such a Java runs: the versioned class, which nobody judged
            Path host = TestJars.compile(work.resolve("host"), Map.of("Host.java", "public class Host { public static"
                    + " void main(String[] a) { java.util.ServiceLoader.load(java.util.function.Supplier.class)"
                    + ".forEach(s -> System.out.println(s.get())); } }"), "--release", "17");
            Process process = new ProcessBuilder(newer.get().toString(), "-cp",
                    host + java.io.File.pathSeparator + plugin, "Host").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out.strip()).isEqualTo("rogue");
            assertThat(marker).exists();
        }
    }

    static String marking(Path marker) {
        return " static { try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + marker.toString().replace("\\", "\\\\") + "\"), \"ran\"); }"
                + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); } }";
    }

    /** The output of class {@code main} run on {@code java} with {@code options} (a class path, a module path). */
    static String run(Path java, String main, String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(java.toString()));
        command.addAll(List.of(options));
        command.add(main);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.strip();
    }

    /**
     * A class without versions whose supertype has a version for a newer Java inherits from that version there: for
     * an unknown Java the class is judged with the supertypes each Java loads, members and supertypes alike, and
     * its references resolve through them, so neither a version that drops an interface nor one that moves a
     * forbidden call's target into a superclass is judged compliant.
     */
    @Test
    void a_class_is_judged_with_the_versions_of_its_supertypes_that_each_java_loads() throws Exception {
        Path marker = work.resolve("supertype-ran");
        Path base = TestJars.compile(work.resolve("supertype-base"), Map.of(
                "com/acme/Base.java", "package com.acme; public abstract class Base implements"
                        + " java.util.function.Supplier<String> { public String greet(String who) { return who; }"
                        + " protected Class<?> defineClass(String n, byte[] b, int o, int l) { return null; } }",
                "com/acme/Impl.java", "package com.acme; public class Impl extends Base { public String get() { return"
                        + " \"judged\"; } public Class<?> load(byte[] b) { return defineClass(null, b, 0, b.length); } }"),
                "--release", "17");
        Path versioned = TestJars.compile(work.resolve("supertype-versioned"), Map.of("com/acme/Base.java",
                "package com.acme; public abstract class Base extends ClassLoader {" + marking(marker)
                        + " public String get() { return \"rogue\"; } }"), "--release", "17");
        Path plugin = TestJars.jar(work.resolve("supertype.jar")).multiRelease().classes(base)
                .classes(versioned, "META-INF/versions/" + ABOVE + "/").build();
        SpyModel contract = Contracts.parse("""
                importspy: 1
                classes:
                  - name: com.acme.Impl
                    implements: [java.util.function.Supplier]
                    methods: [{name: greet, parameters: [String], returns: String}]
                references:
                  forbid: [java.lang.ClassLoader#defineClass]
                """, "plugin-contract.yml");

        String loads = " (on Java " + ABOVE + ", which loads META-INF/versions/" + ABOVE + "/com/acme/Base.class)";
        assertThat(Spy.validate(contract, ValidationOptions.defaults(), List.of(plugin)).targets().get(0).violations())
                .extracting(v -> v.message()).containsExactly(
                        "class com.acme.Impl does not implement java.util.function.Supplier" + loads,
                        "class com.acme.Impl lacks method greet(String)" + loads,
                        "com.acme.Impl#load(byte[]) (Impl.java:1) references java.lang.ClassLoader#defineClass(java.lang.String,"
                                + " byte[], int, int), which references.forbid excludes (java.lang.ClassLoader#defineClass)");
        // this Java loads the base entries, which meet the contract
        try (GuardedPlugin loaded = GuardedLoader.of(contract).load(plugin)) {
            Object impl = loaded.classLoader().loadClass("com.acme.Impl").getConstructor().newInstance();
            assertThat(((java.util.function.Supplier<?>) impl).get()).isEqualTo("judged");
        }
        assertThat(marker).doesNotExist();

        Optional<Path> newer = newerJava();
        if (newer.isPresent()) { // such a Java runs the versioned supertype: Impl is no Supplier there
            Path host = TestJars.compile(work.resolve("supertype-host"), Map.of("Host.java", "public class Host {"
                    + " public static void main(String[] a) throws Exception { System.out.println(Class.forName("
                    + "\"com.acme.Impl\").getConstructor().newInstance() instanceof java.util.function.Supplier); } }"),
                    "--release", "17");
            assertThat(run(newer.get(), "Host", "-cp", host + java.io.File.pathSeparator + plugin)).isEqualTo("false");
            assertThat(marker).exists();
        }
    }

    /** The same holds for a supertype from a multi-release JAR of the class path, which the class loader's parent serves. */
    @Test
    void a_class_is_judged_with_the_versions_of_its_class_path_supertypes_that_each_java_loads() throws Exception {
        Path apiBase = TestJars.compile(work.resolve("api-base"), Map.of("com/host/Base.java", "package com.host;"
                + " public abstract class Base implements java.util.function.Supplier<String> { }"), "--release", "17");
        Path apiVersioned = TestJars.compile(work.resolve("api-versioned"), Map.of("com/host/Base.java",
                "package com.host; public abstract class Base { }"), "--release", "17");
        Path api = TestJars.jar(work.resolve("api.jar")).multiRelease().classes(apiBase)
                .classes(apiVersioned, "META-INF/versions/" + ABOVE + "/").build();
        Path classes = TestJars.compile(work.resolve("api-plugin"), Map.of("com/acme/Impl.java", "package com.acme;"
                + " public class Impl extends com.host.Base { public String get() { return \"judged\"; } }"),
                "--release", "17", "-cp", apiBase.toString());
        Path plugin = TestJars.jar(work.resolve("api-plugin.jar")).classes(classes).build();
        SpyModel contract = Contracts.parse("""
                importspy: 1
                classes:
                  - name: com.acme.Impl
                    implements: [java.util.function.Supplier]
                """, "plugin-contract.yml");

        assertThat(Spy.validate(contract, ValidationOptions.defaults().withClasspath(List.of(api)), List.of(plugin))
                .targets().get(0).violations()).singleElement().satisfies(v -> assertThat(v.message()).isEqualTo(
                        "class com.acme.Impl does not implement java.util.function.Supplier (on Java " + ABOVE
                                + ", which loads " + api + "!META-INF/versions/" + ABOVE + "/com/host/Base.class)"));
    }

    /**
     * A module-info for a newer Java ({@code META-INF/versions/N/module-info.class}) is what that Java's module path
     * and layers read: for an unknown Java, one that declares other providers than the judged module-info is
     * refused, since its layer's {@code ServiceLoader} would give a provider nobody selected.
     */
    @Test
    void a_module_info_for_a_newer_java_that_provides_other_classes_is_refused() throws Exception {
        Path marker = work.resolve("module-info-ran");
        Map<String, String> classes = Map.of(
                "com/acme/Good.java", "package com.acme; public class Good implements java.util.function.Supplier<String>"
                        + " { public String greet(String who) { return who; } public String get() { return \"good\"; } }",
                "com/acme/Evil.java", "package com.acme; public class Evil implements java.util.function.Supplier<String>"
                        + " {" + marking(marker) + " public String get() { return \"evil\"; } }");
        Map<String, String> base = new java.util.HashMap<>(classes);
        base.put("module-info.java", "module com.acme { provides java.util.function.Supplier with com.acme.Good; }");
        Map<String, String> versioned = new java.util.HashMap<>(classes);
        versioned.put("module-info.java", "module com.acme { provides java.util.function.Supplier with com.acme.Evil; }");
        Path baseClasses = TestJars.compile(work.resolve("module-info-base"), base, "--release", "17");
        Path versionedClasses = TestJars.compile(work.resolve("module-info-versioned"), versioned, "--release", "17");
        Path plugin = TestJars.jar(work.resolve("module-info.jar")).multiRelease().classes(baseClasses)
                .entry("META-INF/versions/" + ABOVE + "/module-info.class",
                        Files.readAllBytes(versionedClasses.resolve("module-info.class")))
                .entry("META-INF/services/java.util.function.Supplier", "com.acme.Good\n").build();
        SpyModel contract = Contracts.parse("""
                importspy: 1
                classes:
                  - select: {provides: java.util.function.Supplier}
                    methods: [{name: greet, parameters: [String], returns: String}]
                """, "plugin-contract.yml");

        assertThatThrownBy(() -> Spy.validate(contract, ValidationOptions.defaults(), List.of(plugin)))
                .isInstanceOf(InspectionException.class).hasMessage(plugin + "!META-INF/versions/" + ABOVE
                        + "/module-info.class provides {java.util.function.Supplier=[com.acme.Evil]}, but " + plugin
                        + "!module-info.class, which was judged, provides {java.util.function.Supplier=[com.acme.Good]};"
                        + " another Java's module path and layers read this module-info instead, so every version of a"
                        + " multi-release JAR's module-info must declare the same module name, version and services");
        // this Java's layer reads the base module-info, whose provider meets the contract
        try (GuardedPlugin loaded = GuardedLoader.of(contract).load(plugin)) {
            assertThat(loaded.providers(java.util.function.Supplier.class)).singleElement()
                    .satisfies(s -> assertThat(s.get()).isEqualTo("good"));
        }
        assertThat(marker).doesNotExist();

        Optional<Path> newer = newerJava();
        if (newer.isPresent()) { // such a Java's module path reads the versioned module-info, whose provider is Evil
            Path host = TestJars.compile(work.resolve("module-info-host"), Map.of("Host.java", "public class Host {"
                    + " public static void main(String[] a) { java.util.ServiceLoader.load(java.util.function.Supplier"
                    + ".class).forEach(s -> System.out.println(s.get())); } }"), "--release", "17");
            assertThat(run(newer.get(), "Host", "-p", plugin.toString(), "--add-modules", "com.acme", "-cp",
                    host.toString())).isEqualTo("evil");
            assertThat(marker).exists();
        }
    }

    /**
     * A JarFile for Java 9 or later reads {@code META-INF/versions/8/} as a version directory, and Java 8 reads only
     * the base entry: for an unknown Java both are judged, so a base entry that Java 8 loads is no unjudged decoy.
     */
    @Test
    void a_version_directory_for_java_8_is_read_by_later_javas_and_the_base_entry_is_judged_too() throws Exception {
        Path marker = work.resolve("java8-ran");
        Path base = TestJars.compile(work.resolve("java8-base"), Map.of("com/acme/Impl.java", impl(marker, false)),
                "--release", "17");
        Path versioned = TestJars.compile(work.resolve("java8-versioned"), Map.of("com/acme/Impl.java",
                impl(marker, true)), "--release", "17");
        Path plugin = TestJars.jar(work.resolve("java8.jar")).multiRelease().classes(base)
                .classes(versioned, "META-INF/versions/8/").build();
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {plugin.toUri().toURL()},
                null)) {
            Object impl = loader.loadClass("com.acme.Impl").getConstructor().newInstance();
            assertThat(((java.util.function.Supplier<?>) impl).get()).as("this Java reads versions/8").isEqualTo("judged");
        }

        assertThat(Spy.validate(contract(), ValidationOptions.defaults(), List.of(plugin)).targets().get(0).violations())
                .singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("class com.acme.Impl lacks method"
                        + " greet(String) (in com/acme/Impl.class, the version of the class another Java loads)"));
        try (GuardedPlugin loaded = GuardedLoader.of(contract()).load(plugin)) {
            Object impl = loaded.classLoader().loadClass("com.acme.Impl").getConstructor().newInstance();
            assertThat(((java.util.function.Supplier<?>) impl).get()).isEqualTo("judged");
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void versions_that_differ_only_in_private_members_and_code_are_judged_once() {
        Path plugin = plugin("private-only", work.resolve("private-only-ran"), true);
        assertThat(Spy.validate(contract(), ValidationOptions.defaults(), List.of(plugin)).isCompliant()).isTrue();
    }

    @Test
    void versions_that_add_members_meet_a_contract_of_what_every_version_has() throws Exception {
        Map<String, String> base = new java.util.HashMap<>();
        Map<String, String> versioned = new java.util.HashMap<>();
        StringBuilder contract = new StringBuilder("importspy: 1\nclasses:\n");
        for (int i = 11; i >= 0; i--) {
            String name = "C%02d".formatted(i);
            base.put("c/" + name + ".java", "package c; public class " + name + " { }");
            versioned.put("c/" + name + ".java", "package c; public class " + name + " { public void added() { } }");
            contract.append("  - name: c.").append(name).append('\n');
        }
        Path baseClasses = TestJars.compile(work.resolve("order-base"), base, "--release", "17");
        Path versionedClasses = TestJars.compile(work.resolve("order-versioned"), versioned, "--release", "17");
        Path jar = TestJars.jar(work.resolve("order.jar")).multiRelease().classes(baseClasses)
                .classes(versionedClasses, "META-INF/versions/" + ABOVE + "/").build();

        // every version meets a contract that names the classes only: the methods a newer version adds are allowed
        assertThat(Spy.validate(Contracts.parse(contract.toString(), "order.yml"), ValidationOptions.defaults(),
                List.of(jar)).isCompliant()).isTrue();
        // and a contract written from the JAR requires only what every version has
        String written = Spy.startingContract(jar);
        assertThat(written).contains("name: c.C00").doesNotContain("added");
        assertThat(Spy.validate(Contracts.parse(written, "written.yml"), ValidationOptions.defaults(), List.of(jar))
                .isCompliant()).isTrue();
    }

    /** A JDK under /usr/lib/jvm whose Java is at least {@link #ABOVE}, when there is one. */
    static Optional<Path> newerJava() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> jdks = Files.list(jvms)) {
            return jdks.filter(jdk -> feature(jdk.resolve("release")) >= ABOVE).map(jdk -> jdk.resolve("bin/java"))
                    .filter(Files::isExecutable).findFirst();
        }
    }

    private static int feature(Path release) {
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
        return 0;
    }
}
