package io.importspy.enforce;

import io.importspy.Spy;
import io.importspy.contract.SpyModel;
import io.importspy.inspect.InspectionException;
import io.importspy.internal.contract.Contracts;
import io.importspy.testsupport.TestJars;
import io.importspy.validate.Category;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ways around the gate that an outside campaign found, each with real JARs and a host (the guarded
 * loaders, as a host calls them) whose admission of rogue code would write a marker file.
 */
class GateBypassIT {
    @TempDir
    static Path work;

    static String supplier(String pkg, String declaration, String marker, boolean withGreet) {
        return """
                package %s;
                %s implements java.util.function.Supplier<String> {
                    static {
                        try { java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran"); }
                        catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                    }
                    public String get() { return "%s"; }
                    %s
                }""".formatted(pkg, declaration, marker.replace("\\", "\\\\"), pkg,
                withGreet ? "public String greet(String who) { return \"hello \" + who; }" : "");
    }

    static Path compile(String name, Map<String, String> sources) {
        return TestJars.compile(work.resolve(name), sources, "--release", "17");
    }

    static SpyModel contract(String service, String className) {
        return Contracts.parse("""
                importspy: 1
                module:
                  services:
                    java.util.function.Supplier: [%s]
                classes:
                  - name: %s
                    methods: [{name: greet, parameters: [String], returns: String}]
                """.formatted(service, className), "plugin-contract.yml");
    }

    static Path marker(String name) throws Exception {
        Path marker = work.resolve(name + "-ran");
        Files.deleteIfExists(marker);
        return marker;
    }

    static Path goodPlugin(String name, Path marker) {
        Path classes = compile(name + "-classes", Map.of("com/acme/Hello.java",
                supplier("com.acme", "public class Hello", marker.toString(), true)));
        return TestJars.jar(work.resolve(name + ".jar")).classes(classes)
                .entry("META-INF/services/java.util.function.Supplier", "com.acme.Hello\n").build();
    }

    static SpyModel helloContract() {
        return contract("com.acme.Hello", "com.acme.Hello");
    }

    @Nested
    class A_class_name_resolves_to_the_entry_the_JVM_loads {
        @Test
        void a_decoy_entry_declaring_another_name_is_an_error_and_the_rogue_class_never_runs() throws Exception {
            Path marker = marker("decoy");
            String nested = "public class Outer { public static class Inner implements java.util.function.Supplier<String> {"
                    + " static { try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                    + marker.toString().replace("\\", "\\\\") + "\"), \"ran\"); }"
                    + " catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); } }"
                    + " public String get() { return \"rogue\"; } %s } }";
            Path real = compile("decoy-real", Map.of("com/x/Outer.java", "package com.x; " + nested.formatted("")));
            Path compliant = compile("decoy-compliant", Map.of("com/x/Outer.java", "package com.x; "
                    + nested.formatted("public String greet(String who) { return who; }")));
            Path jar = TestJars.jar(work.resolve("decoy.jar")).classes(real)
                    .entry("com/x/Outer/Inner.class", Files.readAllBytes(compliant.resolve("com/x/Outer$Inner.class")))
                    .entry("META-INF/services/java.util.function.Supplier", "com.x.Outer$Inner\n").build();
            Path good = TestJars.jar(work.resolve("decoy-neighbour.jar")).classes(compliant)
                    .entry("META-INF/services/java.util.function.Supplier", "com.x.Outer$Inner\n").build();

            GuardedServices.Loaded<Supplier> loaded = GuardedServices.load(Supplier.class, List.of(jar, good),
                    GuardedLoader.of(contract("com.x.Outer$Inner", "com.x.Outer.Inner")),
                    GuardedServices.OnViolation.SKIP);
            try (loaded) {
                assertThat(loaded.errors()).containsOnlyKeys(jar);
                assertThat(loaded.errors().get(jar)).startsWith(jar + "!com/x/Outer/Inner.class declares"
                        + " com.x.Outer$Inner; a class loader never loads it under the name of its path");
                assertThat(loaded.refused()).containsExactly(jar);
                assertThat(loaded.providers()).as("the compliant neighbour loads").hasSize(1);
                assertThat(marker).as("only the neighbour's initializer ran, once").hasContent("ran");
            }
            Files.delete(marker);
            assertThatThrownBy(() -> GuardedLoader.of(contract("com.x.Outer$Inner", "com.x.Outer.Inner")).load(jar))
                    .isInstanceOf(InspectionException.class).hasMessageContaining("declares com.x.Outer$Inner");
            assertThat(marker).as("the rogue static initializer never ran").doesNotExist();
        }

        @Test
        void a_dotted_name_that_denotes_a_package_class_and_a_nested_class_is_reported_ambiguous() throws Exception {
            Path marker = marker("ambiguous");
            Path nestedClasses = compile("ambiguous-nested", Map.of("com/x/Outer.java", "package com.x;"
                    + " public class Outer { public static class Inner { public String get() { return \"n\"; } } }"));
            Path packageClasses = compile("ambiguous-package", Map.of("com/x/Outer/Inner.java",
                    supplier("com.x.Outer", "public class Inner", marker.toString(), true)));
            Path jar = TestJars.jar(work.resolve("ambiguous.jar")).classes(nestedClasses).classes(packageClasses)
                    .entry("META-INF/services/java.util.function.Supplier", "com.x.Outer.Inner\n").build();

            assertThatThrownBy(() -> GuardedLoader.of(contract("com.x.Outer.Inner", "com.x.Outer.Inner")).load(jar))
                    .isInstanceOf(ContractViolationException.class)
                    .satisfies(e -> assertThat(((ContractViolationException) e).report().targets().get(0).violations())
                            .singleElement().satisfies(v -> {
                                assertThat(v.category()).isEqualTo(Category.INVALID);
                                assertThat(v.message()).isEqualTo("class name com.x.Outer.Inner is ambiguous: the"
                                        + " module holds com.x.Outer.Inner and com.x.Outer$Inner");
                            }));
            assertThat(marker).doesNotExist();
        }
        @Test
        void a_binary_name_with_dots_after_a_dollar_is_the_class_of_that_entry() throws Exception {
            Path marker = marker("dotted-binary");
            Path classes = compile("dotted-binary", Map.of("p/proxy$java/io/Writer$ab.java",
                    supplier("p.proxy$java.io", "public class Writer$ab", marker.toString(), true)));
            Path jar = TestJars.jar(work.resolve("dotted-binary.jar")).classes(classes)
                    .entry("META-INF/services/java.util.function.Supplier", "p.proxy$java.io.Writer$ab\n").build();

            try (GuardedPlugin plugin = GuardedLoader.of(contract("p.proxy$java.io.Writer$ab", "p.proxy$java.io.Writer$ab"))
                    .load(jar)) {
                assertThat(plugin.classLoader().loadClass("p.proxy$java.io.Writer$ab").getPackageName())
                        .isEqualTo("p.proxy$java.io");
            }
        }

        @Test
        void a_binary_name_with_dots_after_a_dollar_that_also_denotes_a_nested_class_is_reported_ambiguous()
                throws Exception {
            Path marker = marker("dotted-ambiguous");
            Path packageClasses = compile("dotted-ambiguous-package", Map.of("p/proxy$java/io/Writer$ab.java",
                    supplier("p.proxy$java.io", "public class Writer$ab", marker.toString(), true)));
            Path nestedClasses = compile("dotted-ambiguous-nested", Map.of("p/proxy$java/io$Writer$ab.java",
                    supplier("p.proxy$java", "public class io$Writer$ab", marker.toString(), true)));
            Path jar = TestJars.jar(work.resolve("dotted-ambiguous.jar")).classes(packageClasses).classes(nestedClasses)
                    .entry("META-INF/services/java.util.function.Supplier", "p.proxy$java.io.Writer$ab\n").build();

            assertThatThrownBy(() -> GuardedLoader.of(contract("p.proxy$java.io.Writer$ab", "p.proxy$java.io.Writer$ab"))
                    .load(jar))
                    .isInstanceOf(ContractViolationException.class)
                    .satisfies(e -> assertThat(((ContractViolationException) e).report().targets().get(0).violations())
                            .singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("class name"
                                    + " p.proxy$java.io.Writer$ab is ambiguous: the module holds p.proxy$java.io.Writer$ab"
                                    + " and p.proxy$java.io$Writer$ab")));
            assertThat(marker).doesNotExist();
        }
    }

    @Nested
    class A_supertype_name_is_not_met_by_a_look_alike {
        @Test
        void a_dotted_supertype_name_that_the_host_and_the_plugin_both_answer_is_reported_ambiguous() throws Exception {
            Path host = TestJars.jar(work.resolve("look-alike-host.jar")).classes(compile("look-alike-host",
                    Map.of("com/host/Api.java", "package com.host; public class Api { public interface Listener { } }")))
                    .build();
            Path classes = TestJars.compile(work.resolve("look-alike-plugin"), Map.of(
                    "com/host/Api/Listener.java", "package com.host.Api; public interface Listener { }",
                    "com/acme/Plugin.java", "package com.acme; public class Plugin implements com.host.Api.Listener { }"),
                    "--release", "17");
            Path plugin = TestJars.jar(work.resolve("look-alike.jar")).classes(classes).build();
            SpyModel model = Contracts.parse("""
                    importspy: 1
                    classes:
                      - name: com.acme.Plugin
                        implements: [com.host.Api.Listener]
                    """, "plugin-contract.yml");

            assertThat(io.importspy.Spy.validate(model, io.importspy.ValidationOptions.defaults()
                    .withClasspath(List.of(host)), List.of(plugin)).targets().get(0).violations())
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.INVALID);
                        assertThat(v.message()).isEqualTo("supertype name com.host.Api.Listener of class"
                                + " com.acme.Plugin is ambiguous: com.host.Api.Listener and com.host.Api$Listener"
                                + " both exist");
                    });
        }
    }

    @Nested
    class A_selector_name_is_not_met_by_a_look_alike {
        /**
         * The host's {@code com.host.Api$Listener} and the plugin's {@code com.host.Api.Listener} both answer
         * {@code com.host.Api.Listener}: a selection by it, or by the annotation or superclass written so, selects
         * no class and says why, rather than judge the classes of either reading.
         */
        @Test
        void a_dotted_name_in_implements_extends_or_annotated_that_two_classes_answer_is_reported_ambiguous()
                throws Exception {
            Path host = TestJars.jar(work.resolve("selector-host.jar")).classes(compile("selector-host", Map.of(
                    "com/host/Api.java", "package com.host; public class Api { public interface Listener { }"
                            + " public static class Base { } public @interface Tag { } }"))).build();
            Path classes = TestJars.compile(work.resolve("selector-plugin"), Map.of(
                    "com/host/Api/Listener.java", "package com.host.Api; public interface Listener { }",
                    "com/host/Api/Base.java", "package com.host.Api; public class Base { }",
                    "com/host/Api/Tag.java", "package com.host.Api; public @interface Tag { }",
                    "com/acme/Plugin.java", "package com.acme; @com.host.Api.Tag public class Plugin"
                            + " extends com.host.Api.Base implements com.host.Api.Listener { }"), "--release", "17");
            Path plugin = TestJars.jar(work.resolve("selector.jar")).classes(classes).build();
            for (String key : List.of("implements", "extends", "annotated")) {
                String name = "com.host.Api." + Map.of("implements", "Listener", "extends", "Base", "annotated", "Tag")
                        .get(key);
                SpyModel model = Contracts.parse("importspy: 1\nclasses:\n  - select: {" + key + ": " + name
                        + "}\n    modifiers: [public, final]\n", "selector-contract.yml");

                assertThat(io.importspy.Spy.validate(model, io.importspy.ValidationOptions.defaults()
                        .withClasspath(List.of(host)), List.of(plugin)).targets().get(0).violations())
                        .as(key).singleElement().satisfies(v -> {
                            assertThat(v.category()).isEqualTo(Category.INVALID);
                            assertThat(v.message()).startsWith("class name " + name + " in " + key + " of select ")
                                    .endsWith(" is ambiguous: " + name + " and " + name.replace("Api.", "Api$")
                                            + " both exist, so the selection selects no class");
                            assertThat(v.location().line()).isEqualTo(3);
                        });
            }
        }
    }

    @Nested
    class A_reference_pattern_is_not_met_by_a_look_alike {
        @Test
        void a_dotted_class_name_in_forbid_or_allow_that_two_classes_answer_is_reported_ambiguous() throws Exception {
            Path host = TestJars.jar(work.resolve("pattern-host.jar")).classes(compile("pattern-host", Map.of(
                    "com/host/Api.java", "package com.host; public class Api { public interface Listener { } }")))
                    .build();
            Path classes = TestJars.compile(work.resolve("pattern-plugin"), Map.of(
                    "com/host/Api/Listener.java", "package com.host.Api; public interface Listener { }",
                    "com/acme/Plugin.java", "package com.acme; public class Plugin implements com.host.Api.Listener"
                            + " { }"), "--release", "17");
            Path plugin = TestJars.jar(work.resolve("pattern.jar")).classes(classes).build();
            for (String references : List.of("{forbid: [com.host.Api.Listener]}",
                    "{allow: [\"java.**\", \"com.acme.**\", com.host.Api.Listener]}")) {
                SpyModel model = Contracts.parse("importspy: 1\nreferences: " + references + "\n",
                        "pattern-contract.yml");

                assertThat(io.importspy.Spy.validate(model, io.importspy.ValidationOptions.defaults()
                        .withClasspath(List.of(host)), List.of(plugin)).targets().get(0).violations())
                        .as(references).singleElement().satisfies(v -> {
                            assertThat(v.category()).isEqualTo(Category.INVALID);
                            assertThat(v.message()).isEqualTo("class name com.host.Api.Listener in reference pattern"
                                    + " com.host.Api.Listener is ambiguous: com.host.Api.Listener and"
                                    + " com.host.Api$Listener both exist, so no reference is judged by the patterns");
                            assertThat(v.location().line()).isEqualTo(2);
                        });
            }
        }
    }

    @Nested
    class A_named_module_is_judged_by_what_its_layer_uses {
        @Test
        void its_services_are_its_provides_never_a_services_file_the_layer_ignores() throws Exception {
            Path rogueMarker = marker("provides-rogue");
            Path helloMarker = marker("provides-hello");
            Path jar = TestJars.project(work)
                    .source("module-info.java", """
                            module com.acme.decoy {
                                provides java.util.function.Supplier with com.acme.Rogue;
                            }""")
                    .source("com/acme/Hello.java", supplier("com.acme", "public class Hello", helloMarker.toString(), true))
                    .source("com/acme/Rogue.java", supplier("com.acme", "public class Rogue", rogueMarker.toString(), false))
                    .resource("META-INF/services/java.util.function.Supplier", "com.acme.Hello\n")
                    .jar("provides-decoy.jar");

            try (GuardedServices.Loaded<Supplier> loaded = GuardedServices.load(Supplier.class, List.of(jar),
                    GuardedLoader.of(helloContract()), GuardedServices.OnViolation.SKIP)) {
                assertThat(loaded.providers()).isEmpty();
                assertThat(loaded.refused()).as("its provides names no com.acme.Hello").containsExactly(jar);
            }
            assertThat(rogueMarker).as("the provider the layer uses never ran").doesNotExist();
            assertThat(helloMarker).doesNotExist();
        }

        /**
         * In a named module ServiceLoader takes a provider's instance from its {@code public static provider()}:
         * one that returns another class than the judged provider is refused; one that returns the provider's own
         * class passes (the instance is a Hello, whose API was judged).
         */
        @Test
        void a_provider_method_that_returns_another_class_than_the_judged_provider_is_refused() throws Exception {
            Path rogueMarker = marker("provider-method-rogue");
            Path helloMarker = marker("provider-method-hello");
            SpyModel model = Contracts.parse("""
                    importspy: 1
                    classes:
                      - select: {provides: java.util.function.Supplier}
                        methods: [{name: greet, parameters: [String], returns: String}]
                    """, "provider-method-contract.yml");
            for (String returned : List.of("java.util.function.Supplier<String>", "Hello")) {
                String hello = supplier("com.acme", "public class Hello", helloMarker.toString(), true)
                        .replace("public String get()", "public static " + returned + " provider() { return "
                                + (returned.equals("Hello") ? "new Hello()" : "new Rogue()") + "; } public String get()");
                Path jar = TestJars.project(work)
                        .source("module-info.java", """
                                module com.acme.method {
                                    provides java.util.function.Supplier with com.acme.Hello;
                                }""")
                        .source("com/acme/Hello.java", hello)
                        .source("com/acme/Rogue.java", supplier("com.acme", "public class Rogue", rogueMarker.toString(),
                                false))
                        .resource("META-INF/services/java.util.function.Supplier", "com.acme.Hello\n")
                        .jar("provider-method-" + (returned.equals("Hello") ? "own" : "other") + ".jar");

                List<String> messages = io.importspy.Spy.validate(jar, model).targets().get(0).violations().stream()
                        .map(v -> v.message() + " @" + v.location().line()).toList();
                if (returned.equals("Hello")) {
                    assertThat(messages).isEmpty();
                } else {
                    assertThat(messages).containsExactly("in this named module ServiceLoader calls com.acme.Hello.provider(),"
                            + " which returns java.util.function.Supplier (or a subtype of it), not the com.acme.Hello"
                            + " that select {provides: java.util.function.Supplier} judged @3");
                    try (GuardedServices.Loaded<Supplier> loaded = GuardedServices.load(Supplier.class, List.of(jar),
                            GuardedLoader.of(model), GuardedServices.OnViolation.SKIP)) {
                        assertThat(loaded.providers()).isEmpty();
                        assertThat(loaded.refused()).containsExactly(jar);
                    }
                }
                assertThat(rogueMarker).doesNotExist();
                assertThat(helloMarker).doesNotExist();
            }
        }
    }

    @Nested
    class A_class_the_contract_judged_is_the_one_that_runs {
        @Test
        void a_plugin_whose_judged_class_the_host_serves_first_is_refused_with_the_reason() throws Exception {
            Path host = TestJars.jar(work.resolve("shadowed-host.jar")).classes(compile("shadowed-host",
                    Map.of("com/host/Api.java", "package com.host; public class Api { }"))).build();
            Path marker = marker("shadowing");
            Path plugin = TestJars.jar(work.resolve("shadowing.jar")).classes(compile("shadowing-classes", Map.of(
                    "com/host/Api.java", supplier("com.host", "public class Api", marker.toString(), true))))
                    .entry("META-INF/services/java.util.function.Supplier", "com.host.Api\n").build();
            SpyModel model = contract("com.host.Api", "com.host.Api");

            try (URLClassLoader parent = TestJars.loader(getClass().getClassLoader(), host);
                 GuardedServices.Loaded<Supplier> loaded = GuardedServices.load(Supplier.class, List.of(plugin),
                         GuardedLoader.of(model).withParent(parent), GuardedServices.OnViolation.SKIP)) {
                assertThat(loaded.providers()).isEmpty();
                assertThat(loaded.errors().get(plugin)).isEqualTo(plugin + "!com/host/Api.class: the contract judged"
                        + " this class, but the host's class loader serves com.host.Api first, so this copy would"
                        + " never run; remove it from the plugin, or rename it");
            }
            assertThat(marker).doesNotExist();
        }
    }

    @Nested
    class A_forbidden_reference_does_not_hide_in_a_library {
        @Test
        void a_forbidden_call_moved_into_the_plugins_own_library_is_a_violation_and_never_runs() throws Exception {
            Path marker = marker("library-reference");
            Path libraryClasses = compile("hidden-call-library", Map.of("com/lib/Helper.java", """
                    package com.lib;
                    public final class Helper {
                        public static void mark() {
                            try { java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran"); }
                            catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                        }
                    }""".formatted(marker.toString().replace("\\", "\\\\"))));
            Path library = TestJars.jar(work.resolve("hidden-call-library.jar")).classes(libraryClasses).build();
            Path pluginClasses = TestJars.compile(work.resolve("hidden-call-plugin"), Map.of("com/acme/Hello.java", """
                    package com.acme;
                    public class Hello implements java.util.function.Supplier<String> {
                        static { com.lib.Helper.mark(); }
                        public String get() { return "hello"; }
                    }"""), "--release", "17", "-cp", libraryClasses.toString());
            Path plugin = TestJars.jar(work.resolve("hidden-call.jar")).classes(pluginClasses)
                    .entry("META-INF/services/java.util.function.Supplier", "com.acme.Hello\n").build();
            SpyModel forbidding = Contracts.parse("""
                    importspy: 1
                    references:
                      forbid: [java.nio.file.Files#writeString]
                    """, "plugin-contract.yml");

            try (GuardedServices.Loaded<Supplier> loaded = GuardedServices.loadPlugins(Supplier.class,
                    List.of(new GuardedServices.Plugin(plugin, List.of(library))), GuardedLoader.of(forbidding),
                    GuardedServices.OnViolation.SKIP)) {
                assertThat(loaded.providers()).isEmpty();
                assertThat(loaded.refused()).containsExactly(plugin);
            }
            assertThatThrownBy(() -> GuardedLoader.of(forbidding).load(plugin, List.of(library)))
                    .isInstanceOf(ContractViolationException.class)
                    .satisfies(e -> assertThat(((ContractViolationException) e).report().targets())
                            .extracting(t -> t.target()).containsExactly(plugin.toString(), library.toString()))
                    .hasMessageContaining("com.lib.Helper#mark()").hasMessageContaining("java.nio.file.Files#writeString");
            assertThat(marker).as("the library's forbidden call never ran").doesNotExist();
        }
    }

    @Nested
    class Manifests_never_add_unvalidated_code {
        @Test
        void a_plugin_whose_class_path_names_another_jar_is_refused_with_the_reason() throws Exception {
            Path rogueMarker = marker("class-path-rogue");
            Path rogueClasses = compile("rogue-classes", Map.of("com/evil/Rogue.java",
                    supplier("com.evil", "public class Rogue", rogueMarker.toString(), true)));
            Path rogue = TestJars.jar(work.resolve("rogue.jar")).classes(rogueClasses)
                    .entry("META-INF/services/java.util.function.Supplier", "com.evil.Rogue\n").build();
            Path classes = compile("class-path-classes", Map.of("com/acme/Hello.java",
                    supplier("com.acme", "public class Hello", marker("class-path").toString(), true)));
            Path plugin = TestJars.jar(work.resolve("class-path.jar")).classes(classes)
                    .manifest("Class-Path", rogue.toUri().toString())
                    .entry("META-INF/services/java.util.function.Supplier", "com.acme.Hello\n").build();

            try (GuardedServices.Loaded<Supplier> loaded = GuardedServices.load(Supplier.class, List.of(plugin),
                    GuardedLoader.of(helloContract()), GuardedServices.OnViolation.SKIP)) {
                assertThat(loaded.providers()).isEmpty();
                assertThat(loaded.errors().get(plugin)).isEqualTo(plugin + "!META-INF/MANIFEST.MF: Class-Path adds '"
                        + rogue.toUri() + "' to the class path; guarded loading never loads code it has not validated:"
                        + " give those JARs as the plugin's libraries, or remove Class-Path");
            }
            assertThat(rogueMarker).as("the JAR the manifest names never ran").doesNotExist();
        }

        @Test
        void a_launcher_agent_is_refused_too() throws Exception {
            Path classes = compile("agent-classes", Map.of("com/acme/Hello.java",
                    supplier("com.acme", "public class Hello", marker("agent").toString(), true)));
            Path plugin = TestJars.jar(work.resolve("agent.jar")).classes(classes)
                    .manifest("Launcher-Agent-Class", "com.acme.Hello")
                    .entry("META-INF/services/java.util.function.Supplier", "com.acme.Hello\n").build();
            assertThatThrownBy(() -> GuardedLoader.of(helloContract()).load(plugin))
                    .isInstanceOf(InspectionException.class).hasMessageContaining("Launcher-Agent-Class 'com.acme.Hello'");
        }

        @Test
        void a_plugin_brings_its_own_libraries_whose_providers_are_never_instantiated() throws Exception {
            Path rogueMarker = marker("library-rogue");
            Path rogueClasses = compile("library-classes", Map.of("com/evil/Rogue.java",
                    supplier("com.evil", "public class Rogue", rogueMarker.toString(), true)));
            Path library = TestJars.jar(work.resolve("library.jar")).classes(rogueClasses)
                    .entry("META-INF/services/java.util.function.Supplier", "com.evil.Rogue\n").build();
            Path pluginMarker = marker("with-library");
            Path plugin = goodPlugin("with-library", pluginMarker);

            try (GuardedServices.Loaded<Supplier> loaded = GuardedServices.loadPlugins(Supplier.class,
                    List.of(new GuardedServices.Plugin(plugin, List.of(library))), GuardedLoader.of(helloContract()),
                    GuardedServices.OnViolation.SKIP)) {
                assertThat(loaded.providers()).singleElement().satisfies(s -> assertThat(s.get()).isEqualTo("com.acme"));
                assertThat(loaded.plugins().get(0).loadClass("com.evil.Rogue")).as("the library is on the plugin's loader")
                        .isNotNull();
            }
            assertThat(pluginMarker).exists();
            assertThat(rogueMarker).as("only the providers the plugin declares run").doesNotExist();
        }
    }

    @Nested
    class One_bad_jar_does_not_take_the_others_down {
        @Test
        void under_skip_a_corrupt_jar_is_refused_with_its_reason_naming_the_users_path() throws Exception {
            Path directory = Files.createDirectories(work.resolve("plugins"));
            Path good = Files.copy(goodPlugin("dir-good", marker("dir-good")), directory.resolve("a-good.jar"));
            Path corrupt = Files.writeString(directory.resolve("b-corrupt.jar"), "not a zip file");
            Path libraries = Files.createDirectories(directory.resolve("a-good.lib"));
            Files.copy(goodPlugin("dir-lib", marker("dir-lib")), libraries.resolve("lib.jar"));

            try (GuardedServices.Loaded<Supplier> loaded = GuardedServices.fromDirectory(Supplier.class, directory,
                    GuardedLoader.of(helloContract()), GuardedServices.OnViolation.SKIP)) {
                assertThat(loaded.plugins()).extracting(GuardedPlugin::path).containsExactly(good);
                assertThat(loaded.providers()).hasSize(1);
                assertThat(loaded.errors()).containsOnlyKeys(corrupt);
                assertThat(loaded.errors().get(corrupt)).startsWith(corrupt + ": not a readable JAR")
                        .doesNotContain("importspy-guarded-");
            }
            assertThatThrownBy(() -> GuardedServices.fromDirectory(Supplier.class, directory,
                    GuardedLoader.of(helloContract()), GuardedServices.OnViolation.FAIL))
                    .isInstanceOf(InspectionException.class).hasMessageStartingWith(corrupt + ": not a readable JAR");
        }
    }

    @Nested
    class Embedded_mode_does_not_trust_a_protection_domain {
        @Test
        void a_class_defined_with_a_code_source_naming_a_compliant_jar_is_not_read_from_that_jar() throws Exception {
            Path compliant = goodPlugin("embedded-compliant", marker("embedded-compliant"));
            Path forgedClasses = compile("forged-classes", Map.of("com/evil/Forged.java",
                    "package com.evil; public class Forged { }"));
            byte[] bytes = Files.readAllBytes(forgedClasses.resolve("com/evil/Forged.class"));
            ProtectionDomain claimed = new ProtectionDomain(new CodeSource(compliant.toUri().toURL(),
                    (Certificate[]) null), null);
            Class<?> forged = new ClassLoader(getClass().getClassLoader()) {
                Class<?> define() {
                    return defineClass("com.evil.Forged", bytes, 0, bytes.length, claimed);
                }
            }.define();
            assertThat(CodeSources.location(forged)).contains(compliant.toUri().toURL());
            assertThat(CodeSources.path(forged)).as("its loader does not serve it from the JAR").isEmpty();

            try (URLClassLoader real = new URLClassLoader(new URL[] {compliant.toUri().toURL()}, null)) {
                Class<?> hello = Class.forName("com.acme.Hello", false, real);
                assertThat(CodeSources.path(hello)).contains(compliant);
            }
        }
    }

    @Nested
    class Selections_and_references_read_the_class_the_JVM_loads {
        @Test
        void a_decoy_entry_is_an_error_for_a_selection_and_for_references_too() throws Exception {
            Path classes = compile("sections-decoy-classes", Map.of("com/acme/Hello.java",
                    supplier("com.acme", "public class Hello", marker("sections-decoy").toString(), true)));
            Path jar = TestJars.jar(work.resolve("sections-decoy.jar")).classes(classes)
                    .entry("com/acme/Other.class", Files.readAllBytes(classes.resolve("com/acme/Hello.class"))).build();
            for (String section : List.of("classes:\n  - select: {implements: java.util.function.Supplier}\n",
                    "classes:\n  - select: {name: \"com.acme.*\", kind: class}\n",
                    "references:\n  forbid: [java.lang.System#exit]\n")) {
                SpyModel model = Contracts.parse("importspy: 1\n" + section, "plugin-contract.yml");
                assertThatThrownBy(() -> GuardedLoader.of(model).load(jar)).as(section)
                        .isInstanceOf(InspectionException.class)
                        .hasMessageStartingWith(jar + "!com/acme/Other.class declares com.acme.Hello; a class loader"
                                + " never loads it under the name of its path");
            }
            assertThat(marker("sections-decoy")).doesNotExist();
        }

        @Test
        void a_multi_release_jar_is_selected_and_checked_as_the_running_JVM_loads_it() throws Exception {
            Path marker = marker("sections-versioned");
            Path base = compile("sections-base", Map.of("com/acme/Hello.java", "package com.acme; public final class"
                    + " Hello implements java.util.function.Supplier<String> { public String get() { return \"hi\"; } }"));
            Path versioned = compile("sections-versioned", Map.of("com/acme/Hello.java",
                    supplier("com.acme", "public class Hello", marker.toString(), true)));
            Path jar = TestJars.jar(work.resolve("sections-versioned.jar")).multiRelease().classes(base)
                    .classes(versioned, "META-INF/versions/17/")
                    .entry("META-INF/services/java.util.function.Supplier", "com.acme.Hello\n").build();

            SpyModel forbidding = Contracts.parse("importspy: 1\nreferences:\n  forbid: [java.nio.file.Files#writeString]\n",
                    "plugin-contract.yml");
            assertThatThrownBy(() -> GuardedLoader.of(forbidding).load(jar))
                    .isInstanceOf(ContractViolationException.class)
                    .hasMessageContaining("com.acme.Hello#<clinit>()").hasMessageContaining("java.nio.file.Files#writeString");
            SpyModel finalOnly = Contracts.parse("""
                    importspy: 1
                    classes:
                      - select: {implements: java.util.function.Supplier, modifiers: [final]}
                    """, "plugin-contract.yml");
            assertThatThrownBy(() -> GuardedLoader.of(finalOnly).load(jar)).as("this Java loads the non-final version")
                    .isInstanceOf(ContractViolationException.class)
                    .hasMessageContaining("no class matches select {implements: java.util.function.Supplier, modifiers: [final]}");
            assertThatThrownBy(() -> Spy.validate(jar, finalOnly)).as("for every Java, the versions' headers differ")
                    .isInstanceOf(InspectionException.class)
                    .hasMessageStartingWith(jar + "!com/acme/Hello.class: another Java version loads this class instead"
                            + " of META-INF/versions/17/com/acme/Hello.class, which was judged, and its header differs");
            assertThat(marker).as("the versioned class never ran").doesNotExist();
        }
    }

    /** Findings of the second outside campaign: what some JVM or loader reads that inspection did not. */
    @Nested
    class Every_class_file_some_JVM_loads_is_read {
        static final SpyModel FORBIDDING = Contracts.parse(
                "importspy: 1\nreferences:\n  forbid: [java.nio.file.Files#writeString]\n", "plugin-contract.yml");

        static Path clean(String name) {
            return compile(name, Map.of("com/acme/Hello.java", "package com.acme; public class Hello implements"
                    + " java.util.function.Supplier<String> { public String get() { return \"hi\"; } }"));
        }

        @Test
        void a_version_for_a_newer_java_than_the_checking_one_is_scanned_for_references() throws Exception {
            Path marker = marker("newer-version");
            Path rogue = compile("newer-version-rogue", Map.of("com/acme/Hello.java",
                    supplier("com.acme", "public class Hello", marker.toString(), false)));
            Path jar = TestJars.jar(work.resolve("newer-version.jar")).multiRelease().classes(clean("newer-version-base"))
                    .classes(rogue, "META-INF/versions/99/").build();

            assertThat(Spy.validate(jar, FORBIDDING).targets().get(0).violations()).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("com.acme.Hello#<clinit>()")
                            .contains("java.nio.file.Files#writeString"));
            // a host loads its plugins in this Java, which never loads the version for Java 99: it is not judged
            try (GuardedPlugin loaded = GuardedLoader.of(FORBIDDING).load(jar)) {
                Object hello = loaded.classLoader().loadClass("com.acme.Hello").getConstructor().newInstance();
                assertThat(((java.util.function.Supplier<?>) hello).get()).isEqualTo("hi");
            }
            assertThat(marker).doesNotExist();
        }

        /**
         * A class file under {@code META-INF/versions/} that declares its own path as its name is no version of
         * another class: a class loader asked for {@code META-INF.versions.21.a.X} defines it from that entry (a name
         * under {@code META-INF/} is never versioned), in a multi-release JAR, a plain JAR or a class directory alike.
         * The plugin's judged class calls it, so its code runs on every Java and must be read like any other class.
         */
        @Test
        void a_class_under_a_version_directory_that_declares_its_own_path_is_read_and_never_runs() throws Exception {
            Path marker = marker("versions-path");
            // javac takes no package named META-INF; names of the same length are compiled and then renamed
            Path classes = compile("versions-path", Map.of(
                    "com/acme/Hello.java", "package com.acme; public class Hello implements java.util.function.Supplier<String>"
                            + " { public String get() { return METAZINF.versions.V1.a.X.run(); } }",
                    "METAZINF/versions/V1/a/X.java", "package METAZINF.versions.V1.a; public class X { public static String"
                            + " run() { try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                            + marker.toString().replace("\\", "\\\\") + "\"), \"ran\"); } catch (java.io.IOException e)"
                            + " { throw new java.io.UncheckedIOException(e); } return \"rogue\"; } }"));
            byte[] hello = renamed(Files.readAllBytes(classes.resolve("com/acme/Hello.class")));
            byte[] x = renamed(Files.readAllBytes(classes.resolve("METAZINF/versions/V1/a/X.class")));
            Path directory = Files.createDirectories(work.resolve("versions-path-dir/META-INF/versions/21/a")).getParent()
                    .getParent().getParent().getParent();
            Files.createDirectories(directory.resolve("com/acme"));
            Files.write(directory.resolve("com/acme/Hello.class"), hello);
            Files.write(directory.resolve("META-INF/versions/21/a/X.class"), x);
            Files.createDirectories(directory.resolve("META-INF/services"));
            Files.writeString(directory.resolve("META-INF/services/java.util.function.Supplier"), "com.acme.Hello\n");
            Path plain = TestJars.jar(work.resolve("versions-path.jar")).entry("com/acme/Hello.class", hello)
                    .entry("META-INF/versions/21/a/X.class", x)
                    .entry("META-INF/services/java.util.function.Supplier", "com.acme.Hello\n").build();
            Path multiRelease = TestJars.jar(work.resolve("versions-path-mr.jar")).multiRelease()
                    .entry("com/acme/Hello.class", hello).entry("META-INF/versions/21/a/X.class", x)
                    .entry("META-INF/services/java.util.function.Supplier", "com.acme.Hello\n").build();

            for (Path target : List.of(plain, directory, multiRelease)) {
                try (URLClassLoader loader = new URLClassLoader(new URL[] {target.toUri().toURL()}, null)) {
                    assertThat(loader.loadClass("META-INF.versions.21.a.X").getName()).as("a class loader defines it")
                            .isEqualTo("META-INF.versions.21.a.X");
                }
            }
            // in a multi-release JAR the entry is also what Java 21 and later read for class a.X, which it does not declare
            assertThatThrownBy(() -> GuardedLoader.of(FORBIDDING).load(multiRelease))
                    .isInstanceOf(InspectionException.class).hasMessageStartingWith(multiRelease
                            + "!META-INF/versions/21/a/X.class declares META-INF.versions.21.a.X; a class loader never loads it");
            for (Path target : List.of(plain, directory)) {
                assertThat(Spy.validate(target, FORBIDDING).targets().get(0).violations()).as(target.toString())
                        .singleElement().satisfies(v -> assertThat(v.message())
                                .startsWith("META-INF.versions.21.a.X#run() (X.java:1) references java.nio.file.Files#writeString"));
                assertThatThrownBy(() -> GuardedLoader.of(FORBIDDING).load(target)).as(target.toString())
                        .isInstanceOf(ContractViolationException.class)
                        .hasMessageContaining("META-INF.versions.21.a.X#run()");
                SpyModel one = Contracts.parse("importspy: 1\nclasses:\n  - select: {name: \"**\"}\n"
                        + "    count: 1\n", "plugin-contract.yml");
                assertThat(Spy.validate(target, one).targets().get(0).violations()).as(target.toString())
                        .singleElement().satisfies(v -> assertThat(v.message()).contains("META-INF.versions.21.a.X"));
            }
            assertThat(marker).as("the class under META-INF/versions/ never ran").doesNotExist();
        }

        /** {@code bytes} with the placeholder package {@code METAZINF/versions/V1/a} named {@code META-INF/versions/21/a}. */
        static byte[] renamed(byte[] bytes) {
            byte[] from = "METAZINF/versions/V1/a/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] to = "META-INF/versions/21/a/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] out = bytes.clone();
            for (int i = 0; i + from.length <= out.length; i++) {
                if (java.util.Arrays.equals(out, i, i + from.length, from, 0, from.length)) {
                    System.arraycopy(to, 0, out, i, to.length);
                }
            }
            return out;
        }

        @Test
        void a_class_only_a_newer_java_loads_is_selected_by_name() throws Exception {
            Path sneaky = compile("newer-only", Map.of("com/acme/host/Sneaky.java",
                    "package com.acme.host; public class Sneaky { }"));
            Path jar = TestJars.jar(work.resolve("newer-only.jar")).multiRelease().classes(clean("newer-only-base"))
                    .classes(sneaky, "META-INF/versions/99/").build();
            SpyModel none = Contracts.parse("""
                    importspy: 1
                    classes:
                      - select: {name: "com.acme.host.**"}
                        count: 0
                    """, "plugin-contract.yml");

            assertThat(Spy.validate(jar, none).targets().get(0).violations()).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("com.acme.host.Sneaky"));
        }

        @Test
        void a_modular_jar_whose_services_file_and_provides_differ_is_refused() throws Exception {
            Path marker = marker("services-differ");
            Path jar = TestJars.project(work)
                    .source("module-info.java", """
                            module com.acme.both {
                                provides java.util.function.Supplier with com.acme.Hello;
                            }""")
                    .source("com/acme/Hello.java", supplier("com.acme", "public class Hello", marker("unused").toString(), true))
                    .source("com/acme/Rogue.java", supplier("com.acme", "public class Rogue", marker.toString(), false))
                    .resource("META-INF/services/java.util.function.Supplier", "com.acme.Rogue\n")
                    .jar("services-differ.jar");

            assertThatThrownBy(() -> Spy.validate(jar, helloContract())).isInstanceOf(InspectionException.class)
                    .hasMessage(jar + "!module-info.class: provides java.util.function.Supplier with [com.acme.Hello], but"
                            + " META-INF/services/java.util.function.Supplier lists [com.acme.Rogue]; the JVM uses the one"
                            + " or the other as the JAR is loaded from the module path or the class path, so they must name"
                            + " the same providers");
            assertThat(marker).doesNotExist();
        }

        @Test
        void classes_named_like_package_info_or_under_meta_inf_are_scanned() throws Exception {
            Path marker = marker("odd-names");
            Path rogue = compile("odd-names-rogue", Map.of("com/acme/Helper.java",
                    supplier("com.acme", "public class Helper", marker.toString(), false)));
            byte[] helper = Files.readAllBytes(rogue.resolve("com/acme/Helper.class"));
            for (String name : List.of("com/acme/Helperpackage-info", "META-INF/Helper", "com/acme/package-info",
                    "com/acme/module-info")) {
                Path jar = TestJars.jar(work.resolve(name.replace('/', '_') + ".jar")).classes(clean("odd-" + name.hashCode()))
                        .entry(name + ".class", renamed(helper, "com/acme/Helper", name)).build();
                assertThat(Spy.validate(jar, FORBIDDING).targets().get(0).violations()).as(name).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("java.nio.file.Files#writeString"));
            }
            assertThat(marker).doesNotExist();
        }

        @Test
        void a_directory_entry_holding_a_class_is_refused() throws Exception {
            Path marker = marker("directory-entry");
            Path rogue = compile("directory-entry-rogue", Map.of("com/acme/Helper.java",
                    supplier("com.acme", "public class Helper", marker.toString(), false)));
            Path jar = TestJars.jar(work.resolve("directory-entry.jar")).classes(clean("directory-entry-base"))
                    .entry("com/acme/Helper.class/", Files.readAllBytes(rogue.resolve("com/acme/Helper.class"))).build();

            assertThatThrownBy(() -> Spy.validate(jar, FORBIDDING)).isInstanceOf(InspectionException.class)
                    .hasMessageStartingWith(jar + "!com/acme/Helper.class/: a directory entry holds ")
                    .hasMessageEndingWith("bytes of data, which the JVM reads as the entry com/acme/Helper.class; the"
                            + " JAR is corrupt or crafted");
            assertThatThrownBy(() -> GuardedLoader.of(FORBIDDING).load(jar)).isInstanceOf(InspectionException.class);
            assertThat(marker).doesNotExist();
        }

        @Test
        void a_signature_nested_past_the_limit_is_a_located_error_not_a_stack_overflow() throws Exception {
            org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(0);
            writer.visit(org.objectweb.asm.Opcodes.V17, org.objectweb.asm.Opcodes.ACC_PUBLIC, "p/S", null,
                    "java/lang/Object", null);
            String deep = "La<".repeat(12_000) + "La;" + ">;".repeat(12_000); // 60,003 bytes: one constant holds it
            writer.visitField(org.objectweb.asm.Opcodes.ACC_PUBLIC, "f", "Lp/S;", deep, null).visitEnd();
            writer.visitEnd();
            Path jar = TestJars.jar(work.resolve("deep-signature.jar")).entry("p/S.class", writer.toByteArray()).build();
            SpyModel named = Contracts.parse("importspy: 1\nclasses:\n  - name: p.S\n", "plugin-contract.yml");

            assertThatThrownBy(() -> Spy.validate(jar, FORBIDDING)).isInstanceOf(InspectionException.class)
                    .hasMessageStartingWith(jar + "!p/S.class: ").hasMessageContaining("nested more than 255 deep");
            // the facts of a field take its erasure when its signature is past reading, as for a malformed one
            assertThat(Spy.validate(jar, named).isCompliant()).isTrue();
        }

        @Test
        void a_class_directory_reached_through_a_linked_package_directory_is_scanned() throws Exception {
            Path marker = marker("linked-package");
            Path rogue = compile("linked-package-rogue", Map.of("com/acme/impl/Helper.java",
                    supplier("com.acme.impl", "public class Helper", marker.toString(), false)));
            Path plugin = clean("linked-package-plugin");
            Path hidden = Files.createDirectories(work.resolve("linked-package-outside"));
            Files.copy(rogue.resolve("com/acme/impl/Helper.class"), hidden.resolve("Helper.class"));
            Files.createSymbolicLink(plugin.resolve("com/acme/impl"), hidden);

            assertThat(Spy.validate(plugin, FORBIDDING).targets().get(0).violations()).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("com.acme.impl.Helper"));
            Files.createSymbolicLink(hidden.resolve("loop"), hidden);
            assertThatThrownBy(() -> Spy.validate(plugin, FORBIDDING)).isInstanceOf(InspectionException.class)
                    .hasMessageStartingWith(plugin + ": directory cannot be read");
        }

        @Test
        void a_module_info_the_jvm_refuses_is_never_loaded_as_an_unnamed_plugin() throws Exception {
            Path marker = marker("refused-module-info");
            org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(0);
            writer.visit(org.objectweb.asm.Opcodes.V17, org.objectweb.asm.Opcodes.ACC_MODULE, "module-info", null, null,
                    null);
            org.objectweb.asm.ModuleVisitor module = writer.visitModule("com.acme.broken", 0, null);
            module.visitProvide("java/util/function/Supplier", "com/acme/Hello"); // and no 'requires java.base'
            module.visitEnd();
            writer.visitEnd();
            Path classes = compile("refused-module-info", Map.of("com/acme/Hello.java",
                    supplier("com.acme", "public class Hello", marker.toString(), true)));
            Path jar = TestJars.jar(work.resolve("refused-module-info.jar")).classes(classes)
                    .entry("module-info.class", writer.toByteArray())
                    .entry("META-INF/services/java.util.function.Supplier", "com.acme.Hello\n").build();

            assertThatThrownBy(() -> GuardedLoader.of(helloContract()).load(jar)).isInstanceOf(InspectionException.class)
                    .hasMessageStartingWith("plugin '" + jar + "' has a module-info that the JVM refuses (");
            assertThat(marker).doesNotExist();
        }

        @Test
        void annotations_and_signatures_of_a_class_file_older_than_java_5_are_ignored_as_the_jvm_ignores_them()
                throws Exception {
            org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(0);
            writer.visit(org.objectweb.asm.Opcodes.V1_4, org.objectweb.asm.Opcodes.ACC_PUBLIC
                    | org.objectweb.asm.Opcodes.ACC_SUPER, "p/Old", null, "java/lang/Object", null);
            writer.visitAnnotation("Ljava/lang/Deprecated;", true).visitEnd();
            writer.visitField(org.objectweb.asm.Opcodes.ACC_PUBLIC, "names", "Ljava/util/List;",
                    "Ljava/util/List<Ljava/lang/String;>;", null).visitEnd();
            writer.visitEnd();
            Path jar = TestJars.jar(work.resolve("old-class-file.jar")).entry("p/Old.class", writer.toByteArray()).build();
            SpyModel model = Contracts.parse("""
                    importspy: 1
                    classes:
                      - name: p.Old
                        annotations: [java.lang.Deprecated]
                        fields: [{name: names, type: "java.util.List<String>"}]
                      - select: {annotated: java.lang.Deprecated}
                        count: {min: 1}
                    """, "plugin-contract.yml");

            assertThat(Spy.validate(jar, model).targets().get(0).violations()).hasSize(3);
        }

        @Test
        void a_constant_its_class_may_assign_or_that_the_jvm_ignores_is_no_compiled_constant() throws Exception {
            org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(org.objectweb.asm.ClassWriter.COMPUTE_MAXS);
            writer.visit(org.objectweb.asm.Opcodes.V17, org.objectweb.asm.Opcodes.ACC_PUBLIC
                    | org.objectweb.asm.Opcodes.ACC_SUPER, "p/Consts", null, "java/lang/Object", null);
            int constant = org.objectweb.asm.Opcodes.ACC_PUBLIC | org.objectweb.asm.Opcodes.ACC_STATIC
                    | org.objectweb.asm.Opcodes.ACC_FINAL;
            writer.visitField(constant, "NAME", "Ljava/lang/String;", null, "greeter").visitEnd();
            writer.visitField(constant, "KEPT", "Ljava/lang/String;", null, "kept").visitEnd();
            writer.visitField(org.objectweb.asm.Opcodes.ACC_PUBLIC | org.objectweb.asm.Opcodes.ACC_FINAL, "ID",
                    "Ljava/lang/String;", null, "good").visitEnd();
            org.objectweb.asm.MethodVisitor clinit = writer.visitMethod(org.objectweb.asm.Opcodes.ACC_STATIC, "<clinit>",
                    "()V", null, null);
            clinit.visitCode();
            clinit.visitLdcInsn("evil");
            clinit.visitFieldInsn(org.objectweb.asm.Opcodes.PUTSTATIC, "p/Consts", "NAME", "Ljava/lang/String;");
            clinit.visitInsn(org.objectweb.asm.Opcodes.RETURN);
            clinit.visitMaxs(0, 0);
            clinit.visitEnd();
            writer.visitEnd();
            Path jar = TestJars.jar(work.resolve("assigned-constant.jar")).entry("p/Consts.class", writer.toByteArray())
                    .build();
            SpyModel model = Contracts.parse("""
                    importspy: 1
                    classes:
                      - name: p.Consts
                        fields:
                          - {name: NAME, value: greeter}
                          - {name: ID, value: good}
                          - {name: KEPT, value: kept}
                    """, "plugin-contract.yml");

            assertThat(Spy.validate(jar, model).targets().get(0).violations())
                    .extracting(v -> v.category())
                    .containsExactly(Category.UNVERIFIED, Category.UNVERIFIED);
        }

        /** The class file {@code bytes} declaring itself {@code to} (the class never names itself otherwise). */
        static byte[] renamed(byte[] bytes, String from, String to) {
            org.objectweb.asm.ClassReader reader = new org.objectweb.asm.ClassReader(bytes);
            org.objectweb.asm.ClassWriter writer = new org.objectweb.asm.ClassWriter(0);
            reader.accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9, writer) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName,
                                  String[] interfaces) {
                    super.visit(version, access, from.equals(name) ? to : name, signature, superName, interfaces);
                }
            }, 0);
            return writer.toByteArray();
        }
    }

    /** Findings of the third outside campaign. */
    @Nested
    class Every_class_a_loader_defines_is_judged {
        static final SpyModel FORBIDDING = Contracts.parse(
                "importspy: 1\nreferences:\n  forbid: [java.nio.file.Files#writeString]\n", "plugin-contract.yml");

        /** {@code bytes} with every occurrence of the ASCII text {@code from} replaced by {@code to}, of the same length. */
        static byte[] replaced(byte[] bytes, String from, String to) {
            byte[] a = from.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] b = to.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] out = bytes.clone();
            for (int i = 0; i + a.length <= out.length; i++) {
                if (java.util.Arrays.equals(out, i, i + a.length, a, 0, a.length)) {
                    System.arraycopy(b, 0, out, i, b.length);
                }
            }
            return out;
        }

        /**
         * A root {@code module-info.class} that is no module descriptor (no {@code ACC_MODULE}) but a class named
         * {@code module-info}: no module system reads it, and a class loader asked for class {@code module-info}
         * defines it, so a plugin class that calls it runs its code, which a whole-module scan took for the
         * module's descriptor and never read.
         */
        @Test
        void a_module_info_entry_that_is_a_class_is_refused_and_never_runs() throws Exception {
            Path marker = marker("module-info-class");
            // javac compiles no class named module-info: a name of the same length is compiled and then renamed
            Path classes = compile("module-info-class", Map.of(
                    "Hello.java", "public class Hello implements java.util.function.Supplier<String>"
                            + " { public String get() { return moduleXinfo.run(); } }",
                    "moduleXinfo.java", "public class moduleXinfo { public static String run() { try {"
                            + " java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                            + marker.toString().replace("\\", "\\\\") + "\"), \"ran\"); } catch (java.io.IOException e)"
                            + " { throw new java.io.UncheckedIOException(e); } return \"rogue\"; } }"));
            byte[] hello = replaced(Files.readAllBytes(classes.resolve("Hello.class")), "moduleXinfo", "module-info");
            byte[] info = replaced(Files.readAllBytes(classes.resolve("moduleXinfo.class")), "moduleXinfo", "module-info");
            Path jar = TestJars.jar(work.resolve("module-info-class.jar")).entry("Hello.class", hello)
                    .entry("module-info.class", info)
                    .entry("META-INF/services/java.util.function.Supplier", "Hello\n").build();
            Path directory = Files.createDirectories(work.resolve("module-info-class-dir/META-INF/services"))
                    .getParent().getParent();
            Files.write(directory.resolve("Hello.class"), hello);
            Files.write(directory.resolve("module-info.class"), info);
            Files.writeString(directory.resolve("META-INF/services/java.util.function.Supplier"), "Hello\n");

            for (Path target : List.of(jar, directory)) {
                try (URLClassLoader loader = new URLClassLoader(new URL[] {target.toUri().toURL()}, null)) {
                    assertThat(Class.forName("module-info", false, loader).getName()).as("a class loader defines it")
                            .isEqualTo("module-info");
                }
                assertThatThrownBy(() -> Spy.validate(target, FORBIDDING)).as(target.toString())
                        .isInstanceOf(InspectionException.class).hasMessage(target + (target == jar ? "!" : "/")
                                + "module-info.class: not a module descriptor (its access flags lack ACC_MODULE), so no"
                                + " module system reads it, and a class loader asked for class module-info defines it as"
                                + " a class; the module is corrupt or crafted");
                assertThatThrownBy(() -> GuardedLoader.of(FORBIDDING).load(target)).as(target.toString())
                        .isInstanceOf(InspectionException.class);
            }
            assertThat(marker).as("the class named module-info never ran").doesNotExist();
        }
    }
}
