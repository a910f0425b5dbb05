package io.importspy;

import io.importspy.internal.contract.Contracts;
import io.importspy.testsupport.TestJars;
import io.importspy.validate.Category;
import io.importspy.validate.Strictness;
import io.importspy.validate.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code select:} entries over a plugin compiled by javac, whose service interface, abstract base and
 * {@code @Inherited} annotation live in a separate API JAR given on the class path.
 */
class SelectIT {
    @TempDir
    static Path tmp;
    static Path api;
    static Path plugin;

    @BeforeAll
    static void build() {
        Path apiClasses = TestJars.compile(tmp.resolve("api-classes"), Map.of(
                "com/acme/spi/Greeter.java", "package com.acme.spi; public interface Greeter { String greet(String who); }",
                "com/acme/spi/AbstractGreeter.java", "package com.acme.spi; public abstract class AbstractGreeter "
                        + "implements Greeter { }",
                "com/acme/spi/Extension.java", "package com.acme.spi; import java.lang.annotation.*; @Inherited "
                        + "@Retention(RetentionPolicy.RUNTIME) public @interface Extension { }"));
        api = TestJars.jar(tmp.resolve("spi-1.0.jar")).classes(apiClasses).build();
        Path classes = TestJars.compile(tmp.resolve("plugin-classes"), Map.of(
                "com/example/Polite.java", "package com.example; public final class Polite implements "
                        + "com.acme.spi.Greeter { public String greet(String who) { return \"Hello \" + who; } }",
                "com/example/Rude.java", "package com.example; public class Rude extends com.acme.spi.AbstractGreeter {"
                        + " public Rude(int mood) { } public String greet(String who) { return who; } }",
                "com/example/Base.java", "package com.example; @com.acme.spi.Extension public abstract class Base { }",
                "com/example/Derived.java", "package com.example; public class Derived extends Base { }",
                "com/example/api/Api.java", "package com.example.api; public interface Api { }",
                "com/example/api/Hidden.java", "package com.example.api; interface Hidden { }",
                "com/acme/host/Sneaky.java", "package com.acme.host; public class Sneaky { }"),
                "-classpath", apiClasses.toString());
        plugin = TestJars.jar(tmp.resolve("plugin-1.0.jar")).classes(classes)
                .entry("META-INF/services/com.acme.spi.Greeter", "com.example.Polite\ncom.example.Rude\n").build();
    }

    static List<Violation> violations(String classes, List<Path> classpath) {
        return Spy.validate(Contracts.parse("importspy: 1\nclasses:\n" + classes, "spymodel.yml"),
                ValidationOptions.defaults().withRuntime(RuntimeSource.none()).withStrictness(Strictness.STRICT)
                        .withClasspath(classpath), List.of(plugin)).targets().get(0).violations();
    }

    @Test
    void every_provider_meets_every_requirement_and_a_failure_names_the_provider() {
        List<Violation> found = violations("""
                  - select: {provides: com.acme.spi.Greeter}
                    modifiers: [public]
                    constructors: [{parameters: []}]
                    methods: [{name: greet, parameters: [String], returns: String}]
                """, List.of(api));
        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.subject()).startsWith("com.example.Rude");
            assertThat(v.message()).contains("com.example.Rude");
            assertThat(v.location().line()).isEqualTo(5);
        });
    }

    @Test
    void implements_reaches_the_interface_through_a_superclass_on_the_class_path() {
        List<Violation> found = violations("""
                  - select: {implements: com.acme.spi.Greeter}
                    count: {min: 1, max: 1}
                """, List.of(api));
        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.category()).isEqualTo(Category.MISMATCH);
            assertThat(v.message()).isEqualTo("select {implements: com.acme.spi.Greeter} selects 2 classes "
                    + "(com.example.Polite, com.example.Rude), not exactly 1");
            assertThat(v.location().line()).isEqualTo(4);
        });
    }

    @Test
    void without_the_class_path_the_selection_is_unverified_not_a_silent_pass() {
        List<Violation> found = violations("""
                  - select: {implements: com.acme.spi.Greeter}
                    count: {min: 2}
                """, List.of());
        assertThat(found).extracting(Violation::category).contains(Category.UNVERIFIED);
        assertThat(found).filteredOn(v -> v.category() == Category.UNVERIFIED).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("com.example.Rude").contains("could not be read"));
    }

    @Test
    void an_inherited_annotation_selects_the_subclasses() {
        assertThat(violations("""
                  - select: {annotated: com.acme.spi.Extension}
                    count: 2
                    modifiers: [public]
                """, List.of(api))).isEmpty();
        assertThat(violations("""
                  - select: {annotated: com.acme.spi.Extension, kind: class}
                    modifiers: [abstract]
                """, List.of(api))).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("class com.example.Derived lacks modifier abstract"));
    }

    @Test
    void count_zero_refuses_every_class_in_the_hosts_packages() {
        assertThat(violations("""
                  - select: {name: "com.acme.host.**"}
                    count: 0
                """, List.of())).singleElement().satisfies(v -> {
            assertThat(v.category()).isEqualTo(Category.INVALID);
            assertThat(v.message()).isEqualTo("class com.acme.host.Sneaky must not exist: it matches "
                    + "select {name: com.acme.host.**}");
        });
    }

    @Test
    void kind_and_modifiers_narrow_a_package_glob() {
        assertThat(violations("""
                  - select: {name: "com.example.api.*", kind: interface, modifiers: [public]}
                    count: 1
                """, List.of())).isEmpty();
    }

    @Test
    void the_report_says_what_each_entry_selected() {
        io.importspy.validate.Report report = Spy.validate(Contracts.parse("importspy: 1\nclasses:\n"
                        + "  - select: {provides: com.acme.spi.Greeter}\n", "spymodel.yml"),
                ValidationOptions.defaults().withRuntime(RuntimeSource.none()), List.of(plugin));
        assertThat(report.targets().get(0).selections()).singleElement().satisfies(s -> {
            assertThat(s.selector()).isEqualTo("select {provides: com.acme.spi.Greeter}");
            assertThat(s.classes()).containsExactly("com.example.Polite", "com.example.Rude");
        });
        assertThat(io.importspy.report.TextReport.render(report, io.importspy.report.ColorMode.PLAIN)).contains(
                "select {provides: com.acme.spi.Greeter} selected 2 classes: com.example.Polite, com.example.Rude "
                        + "(spymodel.yml:3:13)");
        assertThat(io.importspy.report.JsonReport.render(report)).contains("\"selections\": [",
                "\"selector\": \"select {provides: com.acme.spi.Greeter}\"", "\"count\": 2");
    }

    @Test
    void an_empty_selection_is_one_missing_violation() {
        assertThat(violations("""
                  - select: {provides: com.acme.spi.Missing}
                """, List.of())).singleElement().satisfies(v -> {
            assertThat(v.category()).isEqualTo(Category.MISSING);
            assertThat(v.message()).isEqualTo("no class provides com.acme.spi.Missing");
            assertThat(v.location().line()).isEqualTo(3);
        });
    }

    @Test
    void a_missing_class_gets_a_did_you_mean() {
        assertThat(violations("  - name: com.example.Polit\n", List.of())).singleElement().satisfies(v ->
                assertThat(v.message()).isEqualTo("module lacks class com.example.Polit; did you mean com.example.Polite?"));
        assertThat(violations("  - name: com.other.Polite\n", List.of())).singleElement().satisfies(v ->
                assertThat(v.message()).endsWith("; did you mean com.example.Polite?"));
    }
}
