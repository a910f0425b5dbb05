package io.importspy.enforce;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.ModuleIdentity;
import io.importspy.internal.contract.Contracts;
import io.importspy.testsupport.TestJars;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.ref.WeakReference;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cached verdicts never keep an importer's classes, loader or layer alive: once the host drops a plugin, its
 * entries can be collected (the garbage collector is asked until it has, within a bound).
 */
class VerdictCacheTest {
    private static final SpyModel CONTRACT = Contracts.parse("importspy: 1\nclasses: []\n", "c.yml");

    @TempDir
    Path work;

    private static VerdictCache.Verdict verdict(String target) {
        ModuleFacts facts = new ModuleFacts(target, new ModuleIdentity(List.of(), List.of(), target), Map.of(),
                Map.of(), Set.of(), Map.of(), Set.of());
        return new VerdictCache.Verdict(facts, new Report("c.yml", List.of(), Strictness.LENIENT), Optional.empty());
    }

    @Test
    void a_layer_whose_module_has_a_verdict_is_collected_once_dropped() throws Exception {
        Path jar = TestJars.project(work).source("module-info.java", "module plug { exports plug; }")
                .source("plug/Importer.java", "package plug; public class Importer { }").jar("plug.jar");
        VerdictCache cache = new VerdictCache();
        WeakReference<Module> module = cacheVerdictInLayer(cache, jar);

        assertThat(collected(module)).as("the layer's module was collected").isTrue();
    }

    @Test
    void a_class_loader_whose_importer_has_a_verdict_by_location_is_collected_once_closed() throws Exception {
        Path jar = TestJars.project(work).source("pl/Importer.java", "package pl; public class Importer { }")
                .jar("pl.jar");
        VerdictCache cache = new VerdictCache();
        WeakReference<ClassLoader> loader = cacheVerdictByLocation(cache, jar);

        assertThat(collected(loader)).as("the importer's loader was collected").isTrue();
    }

    private static WeakReference<Module> cacheVerdictInLayer(VerdictCache cache, Path jar) throws Exception {
        ModuleFinder finder = ModuleFinder.of(jar);
        Configuration configuration = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), Set.of("plug"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
        Class<?> importer = layer.findLoader("plug").loadClass("plug.Importer");
        Object key = CodeSources.moduleKey(importer);
        assertThat(key).isInstanceOf(Module.class);
        cache.put(key, CONTRACT, verdict("plug.jar")).handle(importer);
        assertThat(cache.get(key, CONTRACT)).isNotNull();
        return new WeakReference<>(importer.getModule());
    }

    private static WeakReference<ClassLoader> cacheVerdictByLocation(VerdictCache cache, Path jar) throws Exception {
        URLClassLoader loader = TestJars.loader(ClassLoader.getPlatformClassLoader(), jar);
        Class<?> importer = loader.loadClass("pl.Importer");
        Object key = CodeSources.moduleKey(importer);
        assertThat(key).isInstanceOf(CodeSources.Served.class);
        cache.put(key, CONTRACT, verdict("pl.jar")).handle(importer);
        loader.close();
        return new WeakReference<>(loader);
    }

    private static boolean collected(WeakReference<?> reference) throws InterruptedException {
        for (int i = 0; i < 50 && reference.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return reference.get() == null;
    }
}
