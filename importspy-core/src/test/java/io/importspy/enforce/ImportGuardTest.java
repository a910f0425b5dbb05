package io.importspy.enforce;

import io.importspy.ImportSpyException;
import io.importspy.contract.ContractException;
import io.importspy.inspect.Origin;
import io.importspy.internal.pipeline.InspectionListener;
import io.importspy.testsupport.TestJars;
import io.importspy.validate.Category;
import io.importspy.validate.Violation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Embedded mode end to end: a framework JAR protects itself from the plugin JAR that imports it. */
class ImportGuardTest {
    static final String CONTRACT = """
            importspy: 1
            classes:
              - name: pl.Direct
                fields:
                  - name: API_LEVEL
                    type: int
                    value: 2
            """;
    static final String LIVE_CONTRACT = """
            importspy: 1
            classes:
              - name: pl.Direct
                fields:
                  - name: MODE
                    type: String
                    value: prod
              - name: pl.Lazy
                fields:
                  - name: MODE
                    type: String
                    value: prod
            """;

    /** Every inspection embedded mode makes, counted by the listener the tests inject. */
    static final AtomicLong INSPECTIONS = new AtomicLong();

    @TempDir
    static Path work;
    static Path framework;
    static Path marker;

    @BeforeAll
    static void countInspections() {
        ImportGuard.listen((target, live) -> INSPECTIONS.incrementAndGet());
    }

    @AfterAll
    static void stopCounting() {
        ImportGuard.listen(InspectionListener.NONE);
    }

    @BeforeAll
    static void buildFramework() {
        marker = work.resolve("lazy-initialized");
        framework = TestJars.project(work)
                .source("fw/Framework.java", """
                        package fw;
                        import io.importspy.Spy;
                        import io.importspy.enforce.EnforcementMode;
                        public class Framework {
                            public static Object init() { return Spy.importspy("/spymodel.yml"); }
                            public static Object initOther() { return Spy.importspy("/other.yml"); }
                            public static Object initLive() { return Spy.importspy("/live.yml"); }
                            public static Object audit() { return Spy.importspy("/spymodel.yml", EnforcementMode.AUDIT); }
                            public static Object initMissing() { return Spy.importspy("/missing.yml"); }
                            public static Object initBroken() { return Spy.importspy("/broken.yml"); }
                        }""")
                .resource("spymodel.yml", CONTRACT)
                .resource("other.yml", CONTRACT)
                .resource("live.yml", LIVE_CONTRACT)
                .resource("broken.yml", "importspy: 1\nclases: []\n")
                .jar("framework.jar");
    }

    static Path plugin(String jarName, int apiLevel) {
        return TestJars.project(work).classpath(framework)
                .source("pl/Direct.java", """
                        package pl;
                        public class Direct {
                            public static final int API_LEVEL = %d;
                            public static final String MODE = String.valueOf("prod");
                            public static Object run(String entry) throws Exception {
                                return fw.Framework.class.getMethod(entry).invoke(null);
                            }
                        }""".formatted(apiLevel))
                .source("pl/Lazy.java", """
                        package pl;
                        public class Lazy {
                            public static final String MODE = mark();
                            static String mark() {
                                try { java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran"); }
                                catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                                return "prod";
                            }
                        }""".formatted(marker.toString().replace("\\", "\\\\")))
                .jar(jarName);
    }

    static Object call(ClassLoader loader, String entry) throws Throwable {
        try {
            return loader.loadClass("pl.Direct").getMethod("run", String.class).invoke(null, entry);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof InvocationTargetException ? cause.getCause() : cause;
        }
    }

    @Nested
    class A_compliant_importer {
        @Test
        void gets_a_handle_on_its_own_module_and_class_loader() throws Throwable {
            Path plugin = plugin("good-handle.jar", 2);
            try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), framework, plugin)) {
                ImporterHandle handle = (ImporterHandle) call(loader, "init");
                assertThat(handle.isCompliant()).isTrue();
                assertThat(handle.importer().getName()).isEqualTo("pl.Direct");
                assertThat(handle.location()).contains(plugin);
                assertThat(handle.classLoader()).isSameAs(loader);
                assertThat(handle.module().moduleClass("pl.Direct")).isPresent();
                assertThat(handle.loadClass("pl.Direct")).isSameAs(loader.loadClass("pl.Direct"));
                assertThat(handle.newInstance("pl.Direct", Object.class).getClass().getName()).isEqualTo("pl.Direct");
            }
        }

        @Test
        void is_validated_once_then_served_from_the_cache() throws Throwable {
            Path plugin = plugin("good-cache.jar", 2);
            try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), framework, plugin)) {
                long before = INSPECTIONS.get();
                call(loader, "init");
                assertThat(INSPECTIONS.get()).isEqualTo(before + 1);
                ImporterHandle again = (ImporterHandle) call(loader, "init");
                assertThat(INSPECTIONS.get()).as("the second call inspects nothing").isEqualTo(before + 1);
                assertThat(again.isCompliant()).isTrue();

                call(loader, "initOther");
                assertThat(INSPECTIONS.get()).as("another contract is validated afresh").isEqualTo(before + 2);
            }
            Path other = plugin("good-other-importer.jar", 2);
            try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), framework, other)) {
                long before = INSPECTIONS.get();
                call(loader, "init");
                assertThat(INSPECTIONS.get()).as("another importer is validated afresh").isEqualTo(before + 1);
            }
        }

        @Test
        void has_non_constant_statics_checked_from_its_running_class_only() throws Throwable {
            Files.deleteIfExists(marker);
            Path plugin = plugin("good-live.jar", 2);
            try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), framework, plugin)) {
                ImporterHandle handle = (ImporterHandle) call(loader, "initLive");
                assertThat(handle.module().moduleClass("pl.Direct").orElseThrow().fields())
                        .filteredOn(f -> f.name().equals("MODE")).singleElement()
                        .satisfies(f -> assertThat(f.constant()).contains("prod"));
                assertThat(handle.report().targets().get(0).violations())
                        .as("pl.Lazy is not running: its value stays unverified").singleElement()
                        .satisfies(v -> {
                            assertThat(v.category()).isEqualTo(Category.UNVERIFIED);
                            assertThat(v.subject()).contains("pl.Lazy");
                        });
                assertThat(marker).as("pl.Lazy was never initialized").doesNotExist();
            }
        }
    }

    @Nested
    class A_non_compliant_importer {
        @Test
        void is_stopped_with_the_full_report() throws Throwable {
            Path plugin = plugin("bad.jar", 1);
            try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), framework, plugin)) {
                assertThatThrownBy(() -> call(loader, "init"))
                        .isInstanceOf(ContractViolationException.class)
                        .hasMessageContaining("API_LEVEL")
                        .hasMessageContaining("spymodel.yml:")
                        .satisfies(e -> {
                            Violation v = ((ContractViolationException) e).report().targets().get(0).violations().get(0);
                            assertThat(v.category()).isEqualTo(Category.MISMATCH);
                            assertThat(v.expected()).contains("2");
                            assertThat(v.found()).contains("1");
                        });
                assertThatThrownBy(() -> call(loader, "init")).as("the cached verdict still refuses")
                        .isInstanceOf(ContractViolationException.class);
            }
        }

        @Test
        void runs_in_audit_mode_with_the_report_on_the_handle() throws Throwable {
            Path plugin = plugin("bad-audit.jar", 1);
            try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), framework, plugin)) {
                ImporterHandle handle = (ImporterHandle) call(loader, "audit");
                assertThat(handle.isCompliant()).isFalse();
                assertThat(handle.report().targets().get(0).violations()).extracting(Violation::subject)
                        .anySatisfy(subject -> assertThat(subject).contains("API_LEVEL"));
            }
        }
    }

    /**
     * Code already running in the JVM defines a non-compliant {@code pl.Direct} whose code source names a JAR the
     * framework admitted: neither the cached verdict of that JAR nor that JAR's bytes stand in for the forged
     * class, which is judged as it runs (by reflection) and refused before its code after the import runs.
     */
    @Nested
    class A_class_that_names_an_admitted_jar_as_its_code_source {
        @Test
        void never_gets_that_jars_verdict_and_its_code_after_the_import_never_runs() throws Throwable {
            Path admitted = plugin("admitted.jar", 2);
            Path ran = work.resolve("forged-ran");
            Path forgedJar = TestJars.project(work).classpath(framework).source("pl/Direct.java", """
                    package pl;
                    public class Direct {
                        public static final int API_LEVEL = 1;
                        public static Object run(String entry) throws Exception {
                            Object handle = fw.Framework.class.getMethod(entry).invoke(null);
                            java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
                            return handle;
                        }
                    }""".formatted(ran.toString().replace("\\", "\\\\"))).jar("forged.jar");
            byte[] bytes;
            try (JarFile jar = new JarFile(forgedJar.toFile());
                 InputStream in = jar.getInputStream(jar.getEntry("pl/Direct.class"))) {
                bytes = in.readAllBytes();
            }
            ProtectionDomain claimed = new ProtectionDomain(new CodeSource(admitted.toUri().toURL(),
                    (Certificate[]) null), null);
            try (URLClassLoader host = TestJars.loader(getClass().getClassLoader(), framework, admitted);
                 URLClassLoader frameworkOnly = TestJars.loader(getClass().getClassLoader(), framework)) {
                assertThat(((ImporterHandle) call(host, "init")).isCompliant()).as("the admitted JAR").isTrue();
                // a loader beside the host's, and a child of the host's loader (which serves pl/Direct.class
                // from the admitted JAR, though not the class its child defines)
                for (ClassLoader parent : List.of(frameworkOnly, host)) {
                    Class<?> forged = new ClassLoader("forger", parent) {
                        Class<?> define() {
                            return defineClass("pl.Direct", bytes, 0, bytes.length, claimed);
                        }
                    }.define();
                    assertThat(CodeSources.location(forged)).contains(admitted.toUri().toURL());
                    assertThatThrownBy(() -> {
                        try {
                            forged.getMethod("run", String.class).invoke(null, "init");
                        } catch (InvocationTargetException e) {
                            throw e.getCause() instanceof InvocationTargetException i ? i.getCause() : e.getCause();
                        }
                    }).as(parent == host ? "forged in a child of the host's loader" : "forged beside the host's loader").isInstanceOf(ContractViolationException.class)
                            .hasMessageContaining("API_LEVEL");
                }
            }
            assertThat(ran).as("the forged class's code after the import never ran").doesNotExist();
        }
    }

    @Nested
    class A_bad_contract {
        @Test
        void that_is_missing_is_a_contract_error_naming_the_resource_and_the_caller() throws Throwable {
            Path plugin = plugin("missing-contract.jar", 2);
            try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), framework, plugin)) {
                assertThatThrownBy(() -> call(loader, "initMissing"))
                        .isInstanceOf(ContractException.class).isInstanceOf(ImportSpyException.class)
                        .hasMessage("missing.yml:1:1: cannot read contract: resource '/missing.yml' not found by"
                                + " fw.Framework; put it in the protected module (a leading '/' means the root) or"
                                + " pass the contract as a Path");
            }
        }

        @Test
        void that_is_invalid_is_a_contract_error_at_its_line() throws Throwable {
            Path plugin = plugin("broken-contract.jar", 2);
            try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), framework, plugin)) {
                assertThatThrownBy(() -> call(loader, "initBroken"))
                        .isInstanceOf(ContractException.class)
                        .hasMessageStartingWith("broken.yml:2:1: unknown key 'clases' in the contract");
            }
        }
    }

    @Test
    void an_importer_with_no_bytes_on_disk_is_inspected_through_reflection() throws Throwable {
        Path plugin = plugin("bytes-only.jar", 2);
        byte[] bytes;
        try (JarFile jar = new JarFile(plugin.toFile()); InputStream in = jar.getInputStream(jar.getEntry("pl/Direct.class"))) {
            bytes = in.readAllBytes();
        }
        try (URLClassLoader parent = TestJars.loader(getClass().getClassLoader(), framework)) {
            ClassLoader noCodeSource = new ClassLoader("no-code-source", parent) {
                @Override
                protected Class<?> findClass(String name) throws ClassNotFoundException {
                    if (name.equals("pl.Direct")) {
                        return defineClass(name, bytes, 0, bytes.length);
                    }
                    throw new ClassNotFoundException(name);
                }
            };
            long before = INSPECTIONS.get();
            ImporterHandle handle = (ImporterHandle) call(noCodeSource, "init");
            assertThat(INSPECTIONS.get()).isEqualTo(before + 1);
            assertThat(handle.location()).isEmpty();
            assertThat(handle.isCompliant()).isTrue();
            assertThat(handle.module().classes().get("pl.Direct").origin()).isEqualTo(Origin.LIVE);
        }
    }
}
