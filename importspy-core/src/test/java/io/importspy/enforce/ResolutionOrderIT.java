package io.importspy.enforce;

import io.importspy.Spy;
import io.importspy.ValidationOptions;
import io.importspy.contract.SpyModel;
import io.importspy.internal.contract.Contracts;
import io.importspy.testsupport.TestJars;
import io.importspy.validate.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A plugin that ships its own copy of a host or JDK class is judged with the class its loader will really
 * define (the parent's, the JDK's), never with its copy: with real JARs and a host whose admission of the rogue
 * plugin would write a marker file.
 */
class ResolutionOrderIT {
    @TempDir
    static Path work;
    static Path api;

    @BeforeAll
    static void hostApi() {
        Path classes = TestJars.compile(work.resolve("api-classes"), Map.of(
                "com/acme/api/SafeBase.java", "package com.acme.api; public abstract class SafeBase"
                        + " implements java.util.function.Supplier<String> { public final String get() { return \"safe\"; } }",
                "com/acme/api/Plain.java", "package com.acme.api; public abstract class Plain"
                        + " implements java.util.function.Supplier<String> { }"), "--release", "17");
        api = TestJars.jar(work.resolve("api.jar")).classes(classes).build();
    }

    static String rogue(String superclass, Path marker) {
        return "package com.evil; public class Impl extends " + superclass + " {"
                + " static { try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + marker.toString().replace("\\", "\\\\") + "\"), \"ran\"); }"
                + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); } }"
                + (superclass.endsWith("Base") ? " public String get() { return \"rogue\"; }" : "") + " }";
    }

    static SpyModel contract(String extendsOrImplements) {
        return Contracts.parse("""
                importspy: 1
                module:
                  services:
                    java.util.function.Supplier: [com.evil.Impl]
                classes:
                  - name: com.evil.Impl
                    %s
                """.formatted(extendsOrImplements), "plugin-contract.yml");
    }

    static Path marker(String name) throws Exception {
        Path marker = work.resolve(name + "-ran");
        Files.deleteIfExists(marker);
        return marker;
    }

    @Test
    void a_plugin_copy_of_a_host_class_is_not_what_its_supertypes_are_judged_by() throws Exception {
        Path marker = marker("host-shadow");
        Path classes = TestJars.compile(work.resolve("host-shadow-classes"), Map.of(
                "com/acme/api/Plain.java", "package com.acme.api; public abstract class Plain extends SafeBase { }",
                "com/evil/Impl.java", rogue("com.acme.api.Plain", marker)), "--release", "17", "-cp", api.toString());
        Path plugin = TestJars.jar(work.resolve("host-shadow.jar")).classes(classes)
                .entry("META-INF/services/java.util.function.Supplier", "com.evil.Impl\n").build();
        SpyModel contract = contract("extends: com.acme.api.SafeBase");

        try (URLClassLoader host = TestJars.loader(ClassLoader.getSystemClassLoader(), api)) {
            assertThatThrownBy(() -> GuardedServices.load(Supplier.class, List.of(plugin),
                    GuardedLoader.of(contract).withParent(host), GuardedServices.OnViolation.FAIL))
                    .isInstanceOf(ContractViolationException.class)
                    .hasMessageContaining("com.evil.Impl");
        }
        assertThat(marker).as("the rogue static initializer never ran").doesNotExist();

        Report external = Spy.validate(contract, ValidationOptions.defaults().withClasspath(List.of(api)), List.of(plugin));
        assertThat(external.isCompliant()).as("the host's Plain, on the class path, is the one a host loads").isFalse();
        assertThat(external.targets().get(0).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("com.acme.api.SafeBase"));
    }

    @Test
    void a_plugin_copy_of_a_jdk_class_is_never_read() throws Exception {
        Path marker = marker("jdk-shadow");
        // javac compiles no java.util class from a plain source file: a same-length package name is patched in
        Path fakeSource = TestJars.compile(work.resolve("jdk-shadow-fake"), Map.of("fake/util/Observable.java",
                "package fake.util; public class Observable implements java.util.function.Supplier<String> {"
                        + " public String get() { return \"fake\"; } }"), "--release", "17");
        byte[] fake = new String(Files.readAllBytes(fakeSource.resolve("fake/util/Observable.class")),
                java.nio.charset.StandardCharsets.ISO_8859_1).replace("fake/util/", "java/util/")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path classes = TestJars.compile(work.resolve("jdk-shadow-classes"), Map.of("com/evil/Impl.java",
                rogue("java.util.Observable", marker)), "--release", "17");
        Path plugin = TestJars.jar(work.resolve("jdk-shadow.jar")).classes(classes)
                .entry("java/util/Observable.class", fake)
                .entry("META-INF/services/java.util.function.Supplier", "com.evil.Impl\n").build();
        SpyModel contract = contract("implements: [java.util.function.Supplier]");

        assertThatThrownBy(() -> GuardedLoader.of(contract).load(plugin))
                .isInstanceOf(ContractViolationException.class).hasMessageContaining("java.util.function.Supplier");
        assertThat(marker).as("the rogue static initializer never ran").doesNotExist();
        assertThat(Spy.validate(contract, ValidationOptions.defaults(), List.of(plugin)).isCompliant()).isFalse();
    }

    @Test
    void a_plugin_class_wins_over_its_own_library_copy_as_in_its_loader() throws Exception {
        Path marker = marker("library-shadow");
        Path library = TestJars.jar(work.resolve("library-shadow-lib.jar")).classes(TestJars.compile(
                work.resolve("library-shadow-lib"), Map.of("com/evil/Base.java",
                        "package com.evil; public abstract class Base extends com.acme.api.SafeBase { }"),
                "--release", "17", "-cp", api.toString())).build();
        Path own = TestJars.compile(work.resolve("library-shadow-own"), Map.of("com/evil/Base.java",
                "package com.evil; public abstract class Base extends com.acme.api.Plain { }"),
                "--release", "17", "-cp", api.toString());
        Path classes = TestJars.compile(work.resolve("library-shadow-classes"), Map.of("com/evil/Impl.java",
                rogue("com.evil.Base", marker)),
                "--release", "17", "-cp", api + java.io.File.pathSeparator + own);
        Path plugin = TestJars.jar(work.resolve("library-shadow.jar")).classes(classes).classes(own)
                .entry("META-INF/services/java.util.function.Supplier", "com.evil.Impl\n").build();

        try (URLClassLoader host = TestJars.loader(ClassLoader.getSystemClassLoader(), api)) {
            assertThatThrownBy(() -> GuardedLoader.of(contract("extends: com.acme.api.SafeBase")).withParent(host)
                    .load(plugin, List.of(library)))
                    .isInstanceOf(ContractViolationException.class);
        }
        assertThat(marker).as("the rogue static initializer never ran").doesNotExist();
    }

    /** A contract that names {@code supertype} (a selection that may be empty), so that its class is read as named. */
    static SpyModel naming(String requirement, String supertype) {
        return Contracts.parse("""
                importspy: 1
                classes:
                  - name: com.evil.Impl
                    %s
                  - select: {extends: %s}
                    count: {min: 0}
                """.formatted(requirement, supertype), "plugin-contract.yml");
    }

    @Test
    void a_plugin_copy_of_a_host_class_the_contract_names_is_not_what_its_subclasses_are_judged_by() throws Exception {
        Path marker = marker("named-shadow");
        Path classes = TestJars.compile(work.resolve("named-shadow-classes"), Map.of(
                "com/acme/api/Plain.java", "package com.acme.api; public abstract class Plain extends SafeBase { }",
                "com/evil/Impl.java", rogue("com.acme.api.Plain", marker)), "--release", "17", "-cp", api.toString());
        Path plugin = TestJars.jar(work.resolve("named-shadow.jar")).classes(classes)
                .entry("META-INF/services/java.util.function.Supplier", "com.evil.Impl\n").build();
        SpyModel contract = naming("extends: com.acme.api.SafeBase", "com.acme.api.Plain");

        Report external = Spy.validate(contract, ValidationOptions.defaults().withClasspath(List.of(api)), List.of(plugin));
        assertThat(external.isCompliant()).as("the host's Plain, on the class path, is the one a host loads").isFalse();
        assertThat(external.targets().get(0).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("com.acme.api.SafeBase"));
        try (URLClassLoader host = TestJars.loader(ClassLoader.getSystemClassLoader(), api)) {
            assertThatThrownBy(() -> GuardedServices.load(Supplier.class, List.of(plugin),
                    GuardedLoader.of(contract).withParent(host), GuardedServices.OnViolation.FAIL))
                    .isInstanceOf(ContractViolationException.class).hasMessageContaining("com.acme.api.SafeBase");
        }
        assertThat(marker).as("the rogue static initializer never ran").doesNotExist();
    }

    @Test
    void a_plugin_copy_of_a_jdk_class_the_contract_names_is_not_what_its_subclasses_are_judged_by() throws Exception {
        Path marker = marker("named-jdk-shadow");
        Path fakeSource = TestJars.compile(work.resolve("named-jdk-shadow-fake"), Map.of("fake/util/Observable.java",
                "package fake.util; public class Observable implements java.util.function.Supplier<String> {"
                        + " public String get() { return \"fake\"; } }"), "--release", "17");
        byte[] fake = new String(Files.readAllBytes(fakeSource.resolve("fake/util/Observable.class")),
                java.nio.charset.StandardCharsets.ISO_8859_1).replace("fake/util/", "java/util/")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path classes = TestJars.compile(work.resolve("named-jdk-shadow-classes"), Map.of("com/evil/Impl.java",
                rogue("java.util.Observable", marker)), "--release", "17");
        Path plugin = TestJars.jar(work.resolve("named-jdk-shadow.jar")).classes(classes)
                .entry("java/util/Observable.class", fake)
                .entry("META-INF/services/java.util.function.Supplier", "com.evil.Impl\n").build();
        SpyModel contract = naming("implements: [java.util.function.Supplier]", "java.util.Observable");

        assertThat(Spy.validate(contract, ValidationOptions.defaults(), List.of(plugin)).isCompliant())
                .as("the JDK's Observable is no Supplier").isFalse();
        assertThatThrownBy(() -> GuardedLoader.of(contract).load(plugin)).isInstanceOf(RuntimeException.class);
        assertThat(marker).as("the rogue static initializer never ran").doesNotExist();
    }

    @Test
    void a_library_copy_of_a_jdk_class_the_contract_names_is_never_read() throws Exception {
        Path marker = marker("library-jdk-shadow");
        // javac compiles no java.util interface from a plain source file: a same-length package name is patched in
        Path fakeSource = TestJars.compile(work.resolve("library-jdk-shadow-fake"), Map.of("fake/util/RandomAccess.java",
                "package fake.util; public interface RandomAccess extends java.util.function.Supplier<String> {"
                        + " default String get() { return \"fake\"; } }"), "--release", "17");
        byte[] fake = new String(Files.readAllBytes(fakeSource.resolve("fake/util/RandomAccess.class")),
                java.nio.charset.StandardCharsets.ISO_8859_1).replace("fake/util/", "java/util/")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path library = TestJars.jar(work.resolve("library-jdk-shadow-lib.jar"))
                .entry("java/util/RandomAccess.class", fake).build();
        Path classes = TestJars.compile(work.resolve("library-jdk-shadow-classes"), Map.of("com/evil/Impl.java",
                "package com.evil; public class Impl implements java.util.RandomAccess { static {"
                        + " try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                        + marker.toString().replace("\\", "\\\\") + "\"), \"ran\"); }"
                        + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); } } }"),
                "--release", "17");
        Path plugin = TestJars.jar(work.resolve("library-jdk-shadow.jar")).classes(classes).build();
        SpyModel contract = Contracts.parse("""
                importspy: 1
                classes:
                  - name: com.evil.Impl
                    implements: [java.util.function.Supplier, java.util.RandomAccess]
                """, "plugin-contract.yml");

        assertThatThrownBy(() -> GuardedLoader.of(contract).load(plugin, List.of(library)))
                .isInstanceOf(ContractViolationException.class).hasMessageContaining("java.util.function.Supplier");
        assertThat(marker).as("the rogue static initializer never ran").doesNotExist();
        assertThat(Spy.validate(contract, ValidationOptions.defaults().withClasspath(List.of(library)), List.of(plugin))
                .isCompliant()).as("the JDK's RandomAccess, never a class path's copy, is no Supplier").isFalse();
    }

    @Test
    void a_forbidden_member_inherited_through_the_plugins_own_library_is_a_violation() throws Exception {
        Path libraryClasses = TestJars.compile(work.resolve("inherited-forbidden-lib"), Map.of("com/evil/lib/Worker.java",
                "package com.evil.lib; public class Worker extends Thread { }"), "--release", "17");
        Path library = TestJars.jar(work.resolve("inherited-forbidden-lib.jar")).classes(libraryClasses).build();
        Path classes = TestJars.compile(work.resolve("inherited-forbidden-classes"), Map.of("com/evil/Impl.java",
                "package com.evil; public class Impl extends com.evil.lib.Worker {"
                        + " @SuppressWarnings(\"removal\") public void halt() { stop(); } }"),
                "--release", "17", "-cp", libraryClasses.toString());
        Path plugin = TestJars.jar(work.resolve("inherited-forbidden.jar")).classes(classes).build();
        SpyModel contract = Contracts.parse("""
                importspy: 1
                references:
                  forbid: [java.lang.Thread#stop]
                """, "plugin-contract.yml");

        assertThatThrownBy(() -> GuardedLoader.of(contract).load(plugin, List.of(library)))
                .isInstanceOf(ContractViolationException.class).hasMessageContaining("java.lang.Thread#stop");
    }

    @Test
    void a_class_whose_supertype_is_in_the_plugins_own_library_is_selected_by_it() throws Exception {
        Path libraryClasses = TestJars.compile(work.resolve("library-selected-lib"), Map.of("com/evil/lib/Base.java",
                "package com.evil.lib; public abstract class Base implements java.util.function.Supplier<String> { }"),
                "--release", "17");
        Path library = TestJars.jar(work.resolve("library-selected-lib.jar")).classes(libraryClasses).build();
        Path classes = TestJars.compile(work.resolve("library-selected-classes"), Map.of("com/evil/Impl.java",
                "package com.evil; public class Impl extends com.evil.lib.Base { public String get() { return \"x\"; } }"),
                "--release", "17", "-cp", libraryClasses.toString());
        Path plugin = TestJars.jar(work.resolve("library-selected.jar")).classes(classes).build();
        SpyModel contract = Contracts.parse("""
                importspy: 1
                classes:
                  - select: {implements: java.util.function.Supplier}
                    modifiers: [final]
                """, "plugin-contract.yml");

        assertThatThrownBy(() -> GuardedLoader.of(contract).load(plugin, List.of(library)))
                .isInstanceOf(ContractViolationException.class).hasMessageContaining("com.evil.Impl")
                .hasMessageContaining("final").hasMessageNotContaining("unresolved");
    }

    @Test
    void a_class_the_contract_names_that_the_class_path_serves_first_is_a_violation_in_external_mode() throws Exception {
        // the plugin's copy of the host's Plain meets the contract; the host's own Plain, which a plugin's loader
        // asks for first, does not
        Path classes = TestJars.compile(work.resolve("named-copy-classes"), Map.of(
                "com/acme/api/Plain.java", "package com.acme.api; public abstract class Plain extends SafeBase"
                        + " { public static final String MODE = \"strict\"; }"), "--release", "17", "-cp", api.toString());
        Path plugin = TestJars.jar(work.resolve("named-copy.jar")).classes(classes).build();
        SpyModel named = Contracts.parse("""
                importspy: 1
                classes:
                  - name: com.acme.api.Plain
                    extends: com.acme.api.SafeBase
                """, "plugin-contract.yml");
        SpyModel selected = Contracts.parse("""
                importspy: 1
                classes:
                  - select: {name: "com.acme.**"}
                    extends: com.acme.api.SafeBase
                """, "plugin-contract.yml");

        assertThat(Spy.validate(named, ValidationOptions.defaults(), List.of(plugin)).isCompliant())
                .as("alone, the plugin's copy is what runs").isTrue();
        for (SpyModel contract : List.of(named, selected)) {
            Report external = Spy.validate(contract, ValidationOptions.defaults().withClasspath(List.of(api)),
                    List.of(plugin));
            assertThat(external.targets().get(0).violations()).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(io.importspy.validate.Category.INVALID);
                assertThat(v.subject()).isEqualTo("com.acme.api.Plain");
                assertThat(v.message()).contains("named-copy.jar!com/acme/api/Plain.class would never run")
                        .contains("api.jar!com/acme/api/Plain.class");
                assertThat(v.location().line()).isEqualTo(3);
            });
        }
        try (URLClassLoader host = TestJars.loader(ClassLoader.getSystemClassLoader(), api)) {
            assertThatThrownBy(() -> GuardedLoader.of(named).withParent(host).load(plugin))
                    .hasMessageContaining("com/acme/api/Plain.class");
        }
    }
}
