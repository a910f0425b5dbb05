package io.importspy.spi;

import io.importspy.Spy;
import io.importspy.ValidationOptions;
import io.importspy.RuntimeSource;
import io.importspy.contract.ContractException;
import io.importspy.contract.SpyModel;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.inspect.RuntimeInspector;
import io.importspy.internal.inspect.RuntimeRecord;
import io.importspy.internal.spi.Calls;
import io.importspy.internal.spi.Extensions;
import io.importspy.testsupport.TestJars;
import io.importspy.validate.Category;
import io.importspy.validate.Report;
import io.importspy.validate.Violation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Extensions compiled by javac into their own JARs and found with {@code ServiceLoader}: an {@code x-} section
 * read from located nodes and checked like a built-in one, facts a deployment requires, and every way an
 * extension can be missing or broken.
 */
class ExtensionTest {
    @TempDir
    static Path work;
    static Path entriesJar;
    static Path brokenJar;
    static Path rivalJar;
    static Path target;

    /** A rule owning {@code x-entries}: the module must contain each listed entry. And a fact source {@code test}. */
    static final String ENTRIES_RULE = """
            package fx;
            import io.importspy.contract.Location;
            import io.importspy.spi.Extension;
            import io.importspy.validate.Context;
            import io.importspy.validate.Violation;
            import java.util.ArrayList;
            import java.util.List;
            public final class EntriesRule implements Extension.Section<EntriesRule.Required> {
                public record Entry(String name, Location location) { }
                public record Required(List<Entry> entries) { }
                public String key() { return "x-entries"; }
                public Class<Required> section() { return Required.class; }
                public Required read(Extension.Node value, Extension.Errors errors) {
                    List<Entry> entries = new ArrayList<>();
                    if (!(value instanceof Extension.Sequence list)) {
                        errors.add(value.location(), "'x-entries' must be a list of entry names");
                        return new Required(entries);
                    }
                    for (Extension.Node item : list.items()) {
                        if (item instanceof Extension.Scalar s && s.value() instanceof String name) {
                            entries.add(new Entry(name, s.location()));
                        } else {
                            errors.add(item.location(), "an entry name must be text");
                        }
                    }
                    return new Required(entries);
                }
                public void check(Required required, Facts facts, Sink sink) {
                    for (Entry entry : required.entries()) {
                        if (!facts.module().entries().contains(entry.name())) {
                            sink.report(Violation.missing(Context.of("entry"), entry.name()).expected(entry.name())
                                    .message("module lacks entry " + entry.name())
                                    .fix("add " + entry.name() + " to the module, or remove it from x-entries")
                                    .at(entry.location()));
                        }
                    }
                }
            }
            """;
    static final String FACTS = """
            package fx;
            import io.importspy.spi.Extension;
            import java.util.Map;
            public final class TestFacts implements Extension.FactSource {
                public String name() { return "test"; }
                public Map<String, String> facts() { return Map.of("answer", "42"); }
            }
            """;

    /** One extension per way of failing, each owning a key of its own. */
    static final String BROKEN = """
            package bx;
            import io.importspy.spi.Extension;
            public abstract class Broken implements Extension.Section<String> {
                public Class<String> section() { return String.class; }
                public String read(Extension.Node value, Extension.Errors errors) { return "read"; }
                public void check(String section, Facts facts, Sink sink) { }
                public static final class ThrowsOnRead extends Broken {
                    public String key() { return "x-throws-on-read"; }
                    public String read(Extension.Node value, Extension.Errors errors) {
                        throw new IllegalStateException("no licence table");
                    }
                }
                public static final class NullOnRead extends Broken {
                    public String key() { return "x-null-on-read"; }
                    public String read(Extension.Node value, Extension.Errors errors) { return null; }
                }
                public static final class ThrowsOnCheck extends Broken {
                    public String key() { return "x-throws-on-check"; }
                    public void check(String section, Facts facts, Sink sink) {
                        throw new NullPointerException("facts.module().manifest() was null");
                    }
                }
                public static final class ReportsNull extends Broken {
                    public String key() { return "x-reports-null"; }
                    public void check(String section, Facts facts, Sink sink) { sink.report(null); }
                }
                public static final class Hangs extends Broken {
                    public String key() { return "x-hangs"; }
                    public void check(String section, Facts facts, Sink sink) {
                        while (true) { Thread.onSpinWait(); }
                    }
                }
                public static final class BadKey extends Broken {
                    public String key() { return "acme-license"; }
                }
            }
            """;

    @BeforeAll
    static void build() throws IOException {
        Path spi = TestJars.locationOf(Extension.class);
        entriesJar = TestJars.project(work).classpath(spi)
                .source("fx/EntriesRule.java", ENTRIES_RULE)
                .source("fx/TestFacts.java", FACTS)
                .resource("META-INF/services/io.importspy.spi.Extension", "fx.EntriesRule\nfx.TestFacts\n")
                .jar("entries-extension.jar");
        brokenJar = TestJars.project(work).classpath(spi)
                .source("bx/Broken.java", BROKEN)
                .resource("META-INF/services/io.importspy.spi.Extension", """
                        bx.Broken$ThrowsOnRead
                        bx.Broken$NullOnRead
                        bx.Broken$ThrowsOnCheck
                        bx.Broken$ReportsNull
                        bx.Broken$Hangs
                        bx.Broken$BadKey
                        bx.DoesNotExist
                        """)
                .jar("broken-extension.jar");
        rivalJar = TestJars.project(work).classpath(spi)
                .source("rival/EntriesRule.java", ENTRIES_RULE.replace("package fx;", "package rival;"))
                .resource("META-INF/services/io.importspy.spi.Extension", "rival.EntriesRule\n")
                .jar("rival-extension.jar");
        target = TestJars.project(work).source("p/Plugin.java", "package p; public class Plugin { }")
                .resource("LICENSE.txt", "MIT").jar("plugin.jar");
    }

    @AfterEach
    void restore() {
        Extensions.install(Extensions.discover(Extensions.class.getClassLoader(), "the class path"));
        System.clearProperty(Calls.TIMEOUT_PROPERTY);
    }

    static void use(Path... jars) {
        URLClassLoader loader = TestJars.loader(ExtensionTest.class.getClassLoader(), jars);
        Extensions.install(Extensions.discover(loader, "the test's JARs"));
    }

    static Path contract(String name, String yaml) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    static Report validate(Path contract) {
        return Spy.validate(target, Spy.contract(contract));
    }

    static List<String> errors(Path contract) {
        try {
            Spy.contract(contract);
        } catch (ContractException e) {
            return e.errors().stream().map(Object::toString).toList();
        }
        throw new AssertionError("no contract error");
    }

    @Nested
    class A_section_extension {
        @Test
        void reports_violations_through_the_same_violation_type_located_where_the_contract_writes_them() throws IOException {
            use(entriesJar);
            Path file = contract("entries.yml", "importspy: 1\nx-entries:\n  - LICENSE.txt\n  - NOTICE.txt\n");
            Report report = validate(file);
            assertThat(report.isCompliant()).isFalse();
            Violation violation = report.targets().get(0).violations().get(0);
            assertThat(report.targets().get(0).violations()).hasSize(1);
            assertThat(violation.category()).isEqualTo(Category.MISSING);
            assertThat(violation.context().label()).isEqualTo("entry");
            assertThat(violation.message()).isEqualTo("module lacks entry NOTICE.txt");
            assertThat(violation.location().toString()).isEqualTo(file + ":4:5");
        }

        @Test
        void passes_a_module_that_satisfies_it() throws IOException {
            use(entriesJar);
            assertThat(validate(contract("passes.yml", "importspy: 1\nx-entries: [LICENSE.txt]\n")).isCompliant())
                    .isTrue();
        }

        @Test
        void reports_its_contract_errors_located_like_the_core_ones_and_with_them() throws IOException {
            use(entriesJar);
            Path file = contract("bad-entries.yml", "importspy: 1\nmodul: {}\nx-entries: [LICENSE.txt, [nested]]\n");
            assertThat(errors(file)).containsExactly(
                    file + ":2:1: unknown key 'modul' in the contract; did you mean 'module'?",
                    file + ":3:26: an entry name must be text");
        }

        @Test
        void an_x_key_no_extension_owns_is_one_located_contract_error_naming_it() throws IOException {
            use(entriesJar);
            Path file = contract("nobody.yml", "importspy: 1\nx-acme-license: [MIT]\n");
            List<String> errors = errors(file);
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).startsWith(file + ":2:1: no extension provides 'x-acme-license' (looked in the"
                    + " test's JARs); add the JAR of the extension that owns it");
        }
    }

    @Nested
    class A_broken_extension {
        @Test
        void two_that_claim_one_key_are_a_contract_error_naming_both() throws IOException {
            use(entriesJar, rivalJar);
            Path file = contract("rivals.yml", "importspy: 1\nx-entries: [LICENSE.txt]\n");
            assertThat(errors(file)).containsExactly(file + ":2:1: 'x-entries' is claimed by 2 extensions (extension"
                    + " fx.EntriesRule from entries-extension.jar, extension rival.EntriesRule from rival-extension.jar);"
                    + " install only one");
        }

        @Test
        void that_throws_while_reading_is_a_contract_error_naming_it() throws IOException {
            use(brokenJar);
            Path file = contract("throws.yml", "importspy: 1\nx-throws-on-read: yes\n");
            assertThat(errors(file)).containsExactly(file + ":2:1: extension bx.Broken$ThrowsOnRead from"
                    + " broken-extension.jar failed reading 'x-throws-on-read': threw java.lang.IllegalStateException:"
                    + " no licence table");
        }

        @Test
        void that_reads_null_is_a_contract_error_naming_it() throws IOException {
            use(brokenJar);
            Path file = contract("null.yml", "importspy: 1\nx-null-on-read: yes\n");
            assertThat(errors(file)).singleElement().asString()
                    .endsWith("failed reading 'x-null-on-read': returned null instead of its section");
        }

        @Test
        void that_throws_while_checking_is_never_a_pass() throws IOException {
            use(brokenJar);
            Path file = contract("check.yml", "importspy: 1\nx-throws-on-check: yes\n");
            assertThatThrownBy(() -> validate(file)).isInstanceOf(ContractException.class)
                    .hasMessage(file + ":2:1: extension bx.Broken$ThrowsOnCheck from broken-extension.jar failed"
                            + " checking 'x-throws-on-check': threw java.lang.NullPointerException:"
                            + " facts.module().manifest() was null");
        }

        @Test
        void that_reports_a_null_violation_is_never_a_pass() throws IOException {
            use(brokenJar);
            Path file = contract("reports-null.yml", "importspy: 1\nx-reports-null: yes\n");
            assertThatThrownBy(() -> validate(file)).isInstanceOf(ContractException.class)
                    .hasMessageEndingWith("failed checking 'x-reports-null': reported a null violation");
        }

        @Test
        void that_hangs_is_given_up_on_after_the_timeout() throws IOException {
            use(brokenJar);
            System.setProperty(Calls.TIMEOUT_PROPERTY, "0.5");
            Path file = contract("hangs.yml", "importspy: 1\nx-hangs: yes\n");
            assertThatThrownBy(() -> validate(file)).isInstanceOf(ContractException.class)
                    .hasMessageEndingWith("failed checking 'x-hangs': did not answer within 0 s (set"
                            + " -Dimportspy.extensions.timeout=SECONDS to wait longer)");
        }

        @Test
        void that_cannot_be_loaded_or_owns_a_bad_key_is_named_when_a_key_finds_no_owner() throws IOException {
            use(brokenJar);
            Path file = contract("unowned.yml", "importspy: 1\nx-acme-license: [MIT]\n");
            assertThat(errors(file)).singleElement().asString()
                    .contains("owns the key 'acme-license', which is not 'x-' then")
                    .contains("a provider could not be loaded: java.util.ServiceConfigurationError:"
                            + " io.importspy.spi.Extension: Provider bx.DoesNotExist not found");
        }
    }

    @Nested
    class Runtime_facts {
        @Test
        void a_deployment_requires_them_by_namespace_and_key_in_any_value_form() throws IOException {
            use(entriesJar);
            Path file = contract("facts.yml", """
                    importspy: 1
                    deployments:
                      - facts:
                          test.answer: "42"
                          test.question: {}
                      - facts:
                          test.answer: {min: 40, max: 50}
                    """);
            assertThat(validate(file).isCompliant()).isTrue();
        }

        @Test
        void a_fact_out_of_bounds_or_that_no_source_gives_is_a_runtime_violation() throws IOException {
            use(entriesJar);
            Path file = contract("facts-fail.yml", """
                    importspy: 1
                    deployments:
                      - facts:
                          test.answer: {min: 50}
                          container.memory.limit: {}
                    """);
            List<Violation> violations = validate(file).targets().get(0).violations();
            assertThat(violations).extracting(Violation::message).containsExactly(
                    "runtime fact test.answer is \"42\", not a number of at least 50",
                    "runtime fact container.memory.limit is not known: no installed fact source gives it");
            assertThat(violations).extracting(v -> v.location().line()).containsExactly(4, 5);
            assertThat(violations).extracting(v -> v.context().label()).containsOnly("runtime");
        }

        @Test
        void are_recorded_with_the_runtime_and_checked_from_the_record() throws IOException {
            use(entriesJar);
            RuntimeFacts live = RuntimeInspector.current().withFacts(Extensions.installed().facts());
            assertThat(live.facts()).containsEntry("test.answer", "42");
            Path record = work.resolve("runtime.yml");
            Files.writeString(record, RuntimeRecord.toYaml(live));
            assertThat(Files.readString(record)).contains("facts:\n  test.answer: '42'");
            Extensions.install(Extensions.none());
            Path file = contract("recorded.yml", """
                    importspy: 1
                    deployments:
                      - facts: {test.answer: "42", test.other: {}}
                    """);
            Report report = Spy.validate(Spy.contract(file),
                    ValidationOptions.defaults().withRuntime(RuntimeSource.recorded(record)), List.of(target));
            assertThat(report.targets().get(0).violations()).extracting(Violation::category, Violation::message)
                    .containsExactly(org.assertj.core.api.Assertions.tuple(Category.UNVERIFIED,
                            "runtime fact test.other cannot be checked: the recorded runtime does not record it"));
        }

        @Test
        void a_fact_without_a_namespace_is_a_contract_error() throws IOException {
            Path file = contract("no-namespace.yml", "importspy: 1\ndeployments:\n  - facts: {memory: {}}\n");
            assertThat(errors(file)).singleElement().asString().startsWith(file + ":3:13: fact 'memory' has no namespace");
        }
    }

    @Nested
    class Looking_for_extensions {
        @Test
        void never_happens_for_a_contract_without_x_keys_or_facts() throws IOException {
            AtomicInteger looks = new AtomicInteger();
            ClassLoader counting = new ClassLoader(ExtensionTest.class.getClassLoader()) {
                @Override
                public Enumeration<URL> getResources(String name) throws IOException {
                    if (name.startsWith("META-INF/services/")) {
                        looks.incrementAndGet();
                    }
                    return super.getResources(name);
                }
            };
            Extensions.install(Extensions.discover(counting, "a counting loader"));
            Path plain = contract("plain.yml", """
                    importspy: 1
                    module: {resources: [LICENSE.txt]}
                    deployments: [{environment: {variables: {PATH: {}}}}]
                    """);
            assertThat(validate(plain).isCompliant()).isTrue();
            assertThat(looks).hasValue(0);
            Path extended = contract("extended.yml", "importspy: 1\nx-entries: [LICENSE.txt]\n");
            assertThatThrownBy(() -> Spy.contract(extended)).isInstanceOf(ContractException.class);
            assertThat(looks).hasValue(1);
        }
    }

    @Test
    void the_sections_an_extension_reads_are_part_of_the_model() throws IOException {
        use(entriesJar);
        SpyModel model = Spy.contract(contract("model.yml", "importspy: 1\nx-entries: [LICENSE.txt]\n"));
        assertThat(model.sections()).extracting(s -> s.getClass().getSimpleName()).endsWith("Extended");
    }
}
