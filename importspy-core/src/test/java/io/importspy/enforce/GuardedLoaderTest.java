package io.importspy.enforce;

import io.importspy.contract.ContractException;
import io.importspy.contract.SpyModel;
import io.importspy.inspect.InspectionException;
import io.importspy.internal.contract.Contracts;
import io.importspy.testsupport.TestJars;
import io.importspy.validate.Report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Guarded loading: a plugin's bytes are validated before any class loader exists for it. */
class GuardedLoaderTest {
    static final String CONTRACT_TEXT = """
            importspy: 1
            module:
              services:
                java.util.function.Supplier: [com.acme.Hello]
            classes:
              - name: com.acme.Hello
                implements: [java.util.function.Supplier]
                methods:
                  - name: greet
                    parameters: [String]
                    returns: String
            """;
    static SpyModel CONTRACT;

    @TempDir
    static Path work;
    static Path good;
    static Path bad;
    static Path named;
    static Path goodMarker;
    static Path badMarker;

    static String hello(String marker, boolean withGreet) {
        return """
                package com.acme;
                public class Hello implements java.util.function.Supplier<String> {
                    static {
                        try { java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran"); }
                        catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                    }
                    public String get() { return "hello from " + getClass().getModule(); }
                    %s
                }""".formatted(marker.replace("\\", "\\\\"),
                withGreet ? "public String greet(String who) { return \"hello \" + who; }" : "");
    }

    @BeforeAll
    static void buildPlugins() {
        buildJars();
        CONTRACT = Contracts.parse(CONTRACT_TEXT, "plugin-contract.yml");
    }

    static void buildJars() {
        goodMarker = work.resolve("good-ran");
        badMarker = work.resolve("bad-ran");
        good = TestJars.project(work).source("com/acme/Hello.java", hello(goodMarker.toString(), true))
                .resource("META-INF/services/java.util.function.Supplier", "com.acme.Hello\n").jar("good.jar");
        bad = TestJars.project(work).source("com/acme/Hello.java", hello(badMarker.toString(), false))
                .resource("META-INF/services/java.util.function.Supplier", "com.acme.Hello\n").jar("bad.jar");
        named = TestJars.project(work).source("com/acme/Hello.java", hello(work.resolve("named-ran").toString(), true))
                .source("module-info.java", """
                        module com.acme.named {
                            provides java.util.function.Supplier with com.acme.Hello;
                        }""")
                .jar("named.jar");
    }

    @BeforeEach
    void noMarkers() throws Exception {
        Files.deleteIfExists(goodMarker);
        Files.deleteIfExists(badMarker);
    }

    @Nested
    class In_enforce_mode {
        @Test
        void a_compliant_plugin_is_loaded_and_its_providers_run() {
            try (GuardedPlugin plugin = GuardedLoader.of(CONTRACT).load(good)) {
                assertThat(plugin.isCompliant()).isTrue();
                assertThat(plugin.layer()).isEmpty();
                assertThat(plugin.providers(Supplier.class)).singleElement()
                        .satisfies(s -> assertThat(s.get()).asString().startsWith("hello from unnamed module"));
                assertThat(goodMarker).as("the admitted plugin's code ran").exists();
            }
        }

        @Test
        void a_non_compliant_plugin_is_refused_before_any_of_its_code_runs() {
            assertThatThrownBy(() -> GuardedLoader.of(CONTRACT).load(bad))
                    .isInstanceOf(ContractViolationException.class)
                    .hasMessageContaining("greet")
                    .hasMessageContaining("plugin-contract.yml:");
            assertThat(badMarker).as("the static initializer never ran").doesNotExist();
        }

        @Test
        void a_pinned_digest_admits_exactly_the_digested_bytes() throws Exception {
            String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(good)));
            SpyModel pinned = Contracts.parse(CONTRACT_TEXT.replace("module:\n", "module:\n  digest: \"sha256:"
                    + digest + "\"\n"), "plugin-contract.yml");
            Path swapped = work.resolve("pinned").resolve("plugin.jar");
            Files.createDirectories(swapped.getParent());
            Files.copy(good, swapped);
            try (GuardedPlugin plugin = GuardedLoader.of(pinned).load(swapped)) {
                Files.copy(bad, swapped, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // after the check
                assertThat(plugin.isCompliant()).isTrue();
                assertThat(plugin.loadClass("com.acme.Hello").getMethod("greet", String.class)).isNotNull();
            }
            assertThatThrownBy(() -> GuardedLoader.of(pinned).load(swapped))
                    .isInstanceOf(ContractViolationException.class).hasMessageContaining("module.digest");
            assertThat(badMarker).as("no code of the replacement ran").doesNotExist();
        }

        @Test
        void a_plugin_that_references_what_the_host_forbids_is_refused() {
            SpyModel forbidding = Contracts.parse(CONTRACT_TEXT + "references:\n  forbid: [java.nio.file.Files#writeString]\n",
                    "plugin-contract.yml");
            assertThatThrownBy(() -> GuardedLoader.of(forbidding).load(good))
                    .isInstanceOf(ContractViolationException.class)
                    .hasMessageContaining("com.acme.Hello#<clinit>()").hasMessageContaining("java.nio.file.Files#writeString");
        }

        @Test
        void a_plugin_replaced_on_disk_after_its_check_is_not_what_gets_loaded() throws Exception {
            Path swapped = work.resolve("swapped").resolve("plugin.jar");
            Files.createDirectories(swapped.getParent());
            Files.copy(good, swapped);
            try (GuardedPlugin plugin = GuardedLoader.of(CONTRACT).load(swapped)) {
                Files.copy(bad, swapped, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // after the check
                assertThat(plugin.path()).isEqualTo(swapped);
                assertThat(plugin.report().targets().get(0).target()).isEqualTo(swapped.toString());
                Class<?> hello = plugin.loadClass("com.acme.Hello");
                assertThat(hello.getMethod("greet", String.class)).as("the validated bytes were loaded").isNotNull();
                assertThat(badMarker).as("no code of the replacement ran").doesNotExist();
            }
        }

        @Test
        void a_check_inspects_the_plugin_once_from_its_private_copy() {
            List<String> inspected = new ArrayList<>();
            GuardedLoader.of(CONTRACT).withListener((target, live) -> inspected.add(target)).check(good, List.of());
            assertThat(inspected).singleElement().satisfies(target -> {
                assertThat(target).endsWith(good.getFileName().toString());
                assertThat(Path.of(target)).isNotEqualTo(good);
            });
        }

        @Test
        void checking_a_plugin_only_reports() {
            Report report = GuardedLoader.of(CONTRACT).check(bad, List.of());
            assertThat(report.isCompliant()).isFalse();
            assertThat(report.targets().get(0).violations()).anySatisfy(v -> assertThat(v.subject()).contains("greet"));
            assertThat(badMarker).doesNotExist();
        }

        @Test
        void a_named_module_plugin_gets_its_own_module_layer() throws Exception {
            try (GuardedPlugin plugin = GuardedLoader.of(CONTRACT).load(named)) {
                assertThat(plugin.layer()).isPresent();
                Class<?> hello = plugin.loadClass("com.acme.Hello");
                assertThat(hello.getModule().getName()).isEqualTo("com.acme.named");
                assertThat(hello.getModule().getLayer()).isSameAs(plugin.layer().get());
                assertThat(plugin.providers(Supplier.class)).singleElement()
                        .satisfies(s -> assertThat(s.get()).asString().isEqualTo("hello from module com.acme.named"));
            }
        }
    }

    @Nested
    class In_audit_mode {
        @Test
        void a_non_compliant_plugin_is_loaded_with_its_report_kept() {
            try (GuardedPlugin plugin = GuardedLoader.of(CONTRACT).withMode(EnforcementMode.AUDIT).load(bad)) {
                assertThat(plugin.isCompliant()).isFalse();
                assertThat(plugin.report().targets().get(0).violations())
                        .anySatisfy(v -> assertThat(v.subject()).contains("greet"));
                assertThat(plugin.providers(Supplier.class)).hasSize(1);
                assertThat(badMarker).exists();
            }
        }
    }

    @Nested
    class Guarded_services {
        @Test
        void skip_loads_the_compliant_plugins_and_reports_the_refused_ones() throws Exception {
            Path dir = Files.createDirectories(work.resolve("plugins-skip"));
            Files.copy(good, dir.resolve("a-good.jar"));
            Files.copy(bad, dir.resolve("b-bad.jar"));
            GuardedServices.Loaded<Supplier> loaded = GuardedServices.fromDirectory(Supplier.class, dir,
                    GuardedLoader.of(CONTRACT), GuardedServices.OnViolation.SKIP);
            assertThat(loaded.providers()).hasSize(1);
            assertThat(loaded.refused()).containsExactly(dir.resolve("b-bad.jar"));
            assertThat(loaded.reports()).containsOnlyKeys(dir.resolve("a-good.jar"), dir.resolve("b-bad.jar"));
            assertThat(loaded.reports().get(dir.resolve("b-bad.jar")).isCompliant()).isFalse();
            assertThat(badMarker).doesNotExist();
            loaded.plugins().forEach(GuardedPlugin::close);
        }

        @Test
        void fail_refuses_the_whole_set_before_any_plugin_is_loaded() throws Exception {
            assertThatThrownBy(() -> GuardedServices.load(Supplier.class, List.of(good, bad),
                    GuardedLoader.of(CONTRACT), GuardedServices.OnViolation.FAIL))
                    .isInstanceOf(ContractViolationException.class)
                    .satisfies(e -> assertThat(((ContractViolationException) e).report().targets())
                            .singleElement().satisfies(t -> assertThat(t.target()).contains("bad.jar")));
            assertThat(goodMarker).as("not even the compliant plugin ran").doesNotExist();
            assertThat(badMarker).doesNotExist();
        }

        @Test
        void a_plugin_directory_that_does_not_exist_is_an_inspection_error() {
            Path missing = work.resolve("no-such-plugins");
            assertThatThrownBy(() -> GuardedServices.fromDirectory(Supplier.class, missing, GuardedLoader.of(CONTRACT),
                    GuardedServices.OnViolation.SKIP))
                    .isInstanceOf(InspectionException.class)
                    .hasMessageStartingWith("plugin directory '" + missing + "' cannot be listed: ");
        }

        @Test
        void a_missing_contract_file_is_a_contract_error() {
            Path missing = work.resolve("no-such-contract.yml");
            assertThatThrownBy(() -> GuardedLoader.of(missing))
                    .isInstanceOf(ContractException.class)
                    .hasMessage(missing + ":1:1: cannot read contract: no such file");
        }
    }

    /** Enforcement logs through System.Logger "io.importspy" (here backed by java.util.logging). */
    @Nested
    class Logging {
        private final List<LogRecord> records = new ArrayList<>();
        private final Logger logger = Logger.getLogger("io.importspy");
        private final Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        private Level previous;

        @BeforeEach
        void capture() {
            previous = logger.getLevel();
            logger.setLevel(Level.ALL);
            logger.addHandler(handler);
        }

        @AfterEach
        void release() {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }

        private List<String> messages(Level level) {
            return records.stream().filter(r -> r.getLevel() == level)
                    .map(r -> java.text.MessageFormat.format(r.getMessage(), r.getParameters())).toList();
        }

        @Test
        void a_compliant_plugin_logs_one_debug_line_and_nothing_above() {
            GuardedLoader.of(CONTRACT).check(good, List.of());
            assertThat(messages(Level.FINE)).singleElement().asString()
                    .startsWith("importspy: plugin ").contains("good.jar").endsWith("plugin-contract.yml: compliant");
            assertThat(records).allMatch(r -> r.getLevel().intValue() < Level.INFO.intValue());
        }

        @Test
        void a_file_name_with_a_line_feed_or_an_escape_cannot_forge_a_log_line() throws Exception {
            Path forged = work.resolve("bad.jar\nimportspy: plugin good.jar compliant\u001b[2K.jar");
            java.nio.file.Files.copy(bad, forged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            GuardedLoader.of(CONTRACT).withMode(EnforcementMode.AUDIT).load(forged).close();
            assertThat(records).isNotEmpty();
            assertThat(records).extracting(r -> java.text.MessageFormat.format(r.getMessage(), r.getParameters()))
                    .allSatisfy(m -> assertThat(m).doesNotContain("\n", "\u001b"))
                    .anySatisfy(m -> assertThat(m).contains("bad.jar\\u000aimportspy: plugin good.jar compliant\\u001b[2K.jar"));
        }

        @Test
        void an_audited_plugin_logs_a_warning_per_violation() {
            GuardedLoader.of(CONTRACT).withMode(EnforcementMode.AUDIT).load(bad).close();
            assertThat(messages(Level.FINE)).singleElement().asString().contains("bad.jar").containsPattern(": \\d+ violations?$");
            assertThat(messages(Level.WARNING)).isNotEmpty()
                    .allSatisfy(m -> assertThat(m).startsWith("importspy audit: ").contains("plugin-contract.yml:"))
                    .anySatisfy(m -> assertThat(m).contains("greet"));
        }
}
}
