package io.importspy.enforce;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.InspectionException;
import io.importspy.internal.contract.Contracts;
import io.importspy.testsupport.TestJars;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A plugin that passes its check but cannot be admitted leaves nothing behind. */
class GuardedAdmissionIT {
    @TempDir
    Path work;

    @Test
    void a_plugin_that_cannot_be_admitted_leaves_no_private_copy_behind() throws Exception {
        String name = "unresolvable-" + System.nanoTime() + ".jar";
        Path api = TestJars.project(Files.createDirectories(work.resolve("absent")))
                .source("module-info.java", "module absent.api { }")
                .jar("absent-api.jar"); // compiled against, never given to the loader
        Path plugin = TestJars.project(work).classpath(api)
                .source("module-info.java", "module unresolvable { requires absent.api; }")
                .source("com/acme/Hello.java", "package com.acme; public class Hello { }")
                .jar(name);
        SpyModel any = Contracts.parse("importspy: 1\nclasses: []\n", "any.yml");

        assertThatThrownBy(() -> GuardedLoader.of(any).load(plugin))
                .isInstanceOf(InspectionException.class)
                .hasMessageStartingWith("plugin '" + plugin + "' (module unresolvable) cannot be resolved in its parent layer");
        try (var temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(temporary.filter(d -> d.getFileName().toString().startsWith("importspy-guarded-"))
                    .filter(d -> Files.exists(d.resolve(name)))).as("copies of the refused plugin").isEmpty();
        }
    }
}
