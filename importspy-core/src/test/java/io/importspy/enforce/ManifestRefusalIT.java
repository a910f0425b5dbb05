package io.importspy.enforce;

import io.importspy.Spy;
import io.importspy.contract.Policy;
import io.importspy.inspect.InspectionException;
import io.importspy.internal.contract.Contracts;
import io.importspy.testsupport.TestJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A manifest that adds code is refused before anything else is decided: a policy rule that allows the JAR
 * unchecked, audit mode, and every spelling of {@code Class-Path} the JDK's class loader follows (any case, a
 * value continued over several lines) still refuse it, so the JAR it names never runs.
 */
class ManifestRefusalIT {
    @TempDir
    static Path work;

    static Path rogue(Path marker) {
        Path classes = TestJars.compile(work.resolve("rogue-classes"), Map.of("com/evil/Rogue.java", """
                package com.evil;
                public class Rogue implements java.util.function.Supplier<String> {
                    static {
                        try { java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran"); }
                        catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }
                    }
                    public String get() { return "rogue"; }
                }""".formatted(marker.toString().replace("\\", "\\\\"))), "--release", "17");
        return TestJars.jar(work.resolve("lib/rogue.jar")).classes(classes)
                .entry("META-INF/services/java.util.function.Supplier", "com.evil.Rogue\n").build();
    }

    /** A JAR whose raw manifest is {@code manifest}, declaring com.evil.Rogue as its provider. */
    static Path plugin(String name, String manifest) throws Exception {
        return TestJars.jar(work.resolve("plugins/" + name + ".jar")).withoutManifest()
                .entry("META-INF/MANIFEST.MF", manifest)
                .entry("META-INF/services/java.util.function.Supplier", "com.evil.Rogue\n").build();
    }

    @Test
    void allowed_by_policy_or_audited_a_plugin_that_adds_code_is_still_refused() throws Exception {
        Path marker = work.resolve("rogue-ran");
        Path rogue = rogue(marker);
        String uri = rogue.toUri().toString();
        List<Path> plugins = List.of(
                plugin("plain", "Manifest-Version: 1.0\r\nClass-Path: " + uri + "\r\n\r\n"),
                plugin("lower-case", "Manifest-Version: 1.0\r\nclass-path: " + uri + "\r\n\r\n"),
                plugin("continued", "Manifest-Version: 1.0\r\nClass-Path: " + uri.substring(0, 10) + "\r\n "
                        + uri.substring(10) + "\r\n\r\n"));
        Path policyFile = Files.writeString(work.resolve("policy.yml"), """
                importspy-policy: 1
                default: refuse
                rules:
                  - match: {path: "plugins/*.jar"}
                    mode: allow
                """);
        Policy policy = Spy.policy(policyFile);
        GuardedLoader audit = GuardedLoader.of(Contracts.parse("importspy: 1\n", "empty.yml"))
                .withMode(EnforcementMode.AUDIT);

        for (Path plugin : plugins) {
            for (GuardedLoader loader : List.of(GuardedLoader.of(policy), audit)) {
                assertThatThrownBy(() -> loader.load(plugin)).isInstanceOf(InspectionException.class)
                        .hasMessage(plugin + "!META-INF/MANIFEST.MF: Class-Path adds '" + uri + "' to the class path;"
                                + " guarded loading never loads code it has not validated: give those JARs as the"
                                + " plugin's libraries, or remove Class-Path");
            }
        }
        try (GuardedServices.Loaded<Supplier> loaded = GuardedServices.load(Supplier.class, plugins,
                GuardedLoader.of(policy), GuardedServices.OnViolation.SKIP)) {
            assertThat(loaded.providers()).isEmpty();
            assertThat(loaded.errors()).containsOnlyKeys(plugins);
        }
        assertThat(marker).as("the JAR the manifests name never ran").doesNotExist();
    }
}
