package io.importspy.enforce;

import io.importspy.testsupport.TestJars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direct importer is found however the protected module is reached. The framework fixture calls a
 * probe that the test installs; the probe runs the importer search, as {@code importspy(..)} would.
 */
class ImporterFinderTest {
    @TempDir
    static Path work;
    static Path framework;
    static Path plugin;

    @BeforeAll
    static void buildFixtures() {
        ImporterFinder.treatAsImportSpy(ImporterFinderTest.class); // its probe stands in for importspy(..)
        framework = TestJars.project(work)
                .source("fw/Probe.java", "package fw; public class Probe { public static java.util.function.Supplier<Object> probe; }")
                .source("fw/Framework.java", """
                        package fw;
                        public class Framework {
                            public static Object init() { return Helper.call(); }
                            public static Object initInOwnThread() throws Exception {
                                Object[] result = new Object[1];
                                Thread t = new Thread(() -> { try { result[0] = init(); } catch (RuntimeException e) { result[0] = e; } });
                                t.start(); t.join();
                                return result[0];
                            }
                        }""")
                .source("fw/Helper.java", "package fw; class Helper { static Object call() { return Probe.probe.get(); } }")
                .source("fw/Eager.java", "package fw; public class Eager { public static final Object IMPORTER = Probe.probe.get(); }")
                .jar("framework.jar");
        plugin = TestJars.project(work).classpath(framework)
                .source("pl/Direct.java", "package pl; public class Direct { public static Object run() { return fw.Framework.init(); } }")
                .source("pl/ViaStaticInit.java", "package pl; public class ViaStaticInit { public static Object run() { return fw.Eager.IMPORTER; } }")
                .source("pl/ViaLambda.java", """
                        package pl;
                        public class ViaLambda {
                            public static Object run() {
                                java.util.function.Supplier<Object> call = () -> fw.Framework.init();
                                return call.get();
                            }
                        }""")
                .source("pl/ViaReflection.java", """
                        package pl;
                        public class ViaReflection {
                            public static Object run() throws Exception {
                                return Class.forName("fw.Framework").getMethod("init").invoke(null);
                            }
                        }""")
                .source("sun/reflect/evil/Launcher.java", "package sun.reflect.evil; public class Launcher { public static Object run() { return fw.Framework.init(); } }")
                .source("jdk/internal/evil/Launcher.java", "package jdk.internal.evil; public class Launcher { public static Object run() { return fw.Framework.init(); } }")
                .source("io/importspy/evil/Plugin.java", "package io.importspy.evil; public class Plugin { public static Object run() { return fw.Framework.init(); } }")
                .source("pl/ViaThread.java", "package pl; public class ViaThread { public static Object run() throws Exception { return fw.Framework.initInOwnThread(); } }")
                .jar("plugin.jar");
    }

    private static Object run(ClassLoader loader, String className) throws Exception {
        Supplier<Object> probe = () -> {
            try {
                return ImporterFinder.find();
            } catch (IllegalStateException e) {
                return e;
            }
        };
        Class.forName("fw.Probe", true, loader).getField("probe").set(null, probe);
        try {
            return loader.loadClass(className).getMethod("run").invoke(null);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    private static ImporterFinder.Importer importerOf(ClassLoader loader, String className) throws Exception {
        Object result = run(loader, className);
        assertThat(result).isInstanceOf(ImporterFinder.Importer.class);
        return (ImporterFinder.Importer) result;
    }

    @Test
    void a_plugin_class_in_an_importspy_package_is_still_an_importer() throws Exception {
        try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), framework, plugin)) {
            ImporterFinder.Importer found = importerOf(loader, "io.importspy.evil.Plugin");
            assertThat(found.importer().getName()).as("not skipped as if it were ImportSpy")
                    .isEqualTo("io.importspy.evil.Plugin");
            assertThat(ImporterFinder.isImportSpy(found.importer())).isFalse();
        }
    }

    @Test
    void a_plugin_class_in_a_jdk_internal_or_reflection_package_is_still_an_importer() throws Exception {
        try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), framework, plugin)) {
            for (String name : new String[] {"sun.reflect.evil.Launcher", "jdk.internal.evil.Launcher"}) {
                assertThat(importerOf(loader, name).importer().getName()).as("not skipped as if it were the JDK's")
                        .isEqualTo(name);
            }
        }
    }

    @Test
    void a_direct_call_has_the_calling_class_of_the_other_module_as_importer() throws Exception {
        try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), framework, plugin)) {
            ImporterFinder.Importer found = importerOf(loader, "pl.Direct");
            assertThat(found.importer().getName()).isEqualTo("pl.Direct");
            assertThat(found.caller().getName()).as("the first frame outside ImportSpy").isEqualTo("fw.Helper");
            assertThat(found.onStack()).first().isEqualTo(found.importer());
        }
    }

    @Test
    void a_static_initializer_triggered_by_another_class_has_that_class_as_importer() throws Exception {
        try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), framework, plugin)) {
            ImporterFinder.Importer found = importerOf(loader, "pl.ViaStaticInit");
            assertThat(found.caller().getName()).isEqualTo("fw.Eager");
            assertThat(found.importer().getName()).isEqualTo("pl.ViaStaticInit");
        }
    }

    @Test
    void a_call_through_a_lambda_has_the_lambda_s_declaring_class_as_importer() throws Exception {
        try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), framework, plugin)) {
            assertThat(importerOf(loader, "pl.ViaLambda").importer().getName()).isEqualTo("pl.ViaLambda");
        }
    }

    @Test
    void a_reflective_call_skips_the_reflection_frames() throws Exception {
        try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), framework, plugin)) {
            assertThat(importerOf(loader, "pl.ViaReflection").importer().getName()).isEqualTo("pl.ViaReflection");
        }
    }

    @Test
    void an_importer_in_a_child_class_loader_is_found_with_its_own_loader() throws Exception {
        try (URLClassLoader parent = TestJars.loader(getClass().getClassLoader(), framework);
             URLClassLoader child = TestJars.loader(parent, plugin)) {
            ImporterFinder.Importer found = importerOf(child, "pl.Direct");
            assertThat(found.importer().getName()).isEqualTo("pl.Direct");
            assertThat(found.importer().getClassLoader()).isSameAs(child);
            assertThat(found.caller().getClassLoader()).isSameAs(parent);
        }
    }

    @Test
    void a_module_that_only_calls_itself_gets_a_clear_error() throws Exception {
        try (URLClassLoader loader = TestJars.loader(getClass().getClassLoader(), framework, plugin)) {
            Object result = run(loader, "pl.ViaThread");
            assertThat(result).isInstanceOf(IllegalStateException.class);
            assertThat(((Exception) result).getMessage()).isEqualTo("importspy(..) found no importer of fw.Helper: "
                    + "every frame belongs to its own module or to the JDK; call it from code that another module "
                    + "runs (e.g. an entry point or a static initializer of the protected module)");
        }
    }

    @Test
    void classes_of_importspy_are_never_the_importer_or_the_caller() {
        assertThat(ImporterFinder.isImportSpy(ImportGuard.class)).isTrue();
        assertThat(ImporterFinder.isImportSpy(String.class)).isFalse();
    }
}
