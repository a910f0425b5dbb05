package io.importspy.enforce;

import io.importspy.testsupport.TestJars;
import io.importspy.contract.Policy;
import io.importspy.internal.contract.Policies;
import io.importspy.validate.Report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Guarded loading under a policy: each plugin gets the contract and mode of the rule that matches it. */
class GuardedPolicyTest {
    @TempDir
    static Path work;
    static Path plugins;
    static Path good;
    static Path bad;
    static Path audited;
    static Path allowed;
    static Path stray;
    static Policy policy;

    @BeforeAll
    static void build() throws Exception {
        plugins = Files.createDirectories(work.resolve("plugins"));
        Path built = Files.createDirectories(work.resolve("built"));
        good = jar(built, "good.jar", true, "good");
        bad = jar(built, "bad.jar", false, "bad");
        audited = jar(built, "audited.jar", false, "audited");
        allowed = jar(built, "allowed.jar", false, "allowed");
        stray = jar(built, "stray.jar", true, "stray");
        Files.writeString(work.resolve("plugin-contract.yml"), GuardedLoaderTest.CONTRACT_TEXT);
        Files.writeString(work.resolve("policy.yml"), """
                importspy-policy: 1
                default: refuse
                rules:
                  - match: {path: "plugins/audited.jar"}
                    contract: plugin-contract.yml
                    mode: audit
                  - match: {module: allowed}
                    mode: allow
                  - match: {path: "plugins/*.jar"}
                    contract: plugin-contract.yml
                """);
        policy = Policies.read(work.resolve("policy.yml"));
    }

    static Path jar(Path dir, String name, boolean compliant, String marker) throws Exception {
        Path built = TestJars.project(Files.createDirectories(dir.resolve(marker)))
                .source("com/acme/Hello.java", GuardedLoaderTest.hello(work.resolve(marker + "-ran").toString(), compliant))
                .resource("META-INF/services/java.util.function.Supplier", "com.acme.Hello\n").jar(name);
        Path target = name.equals("stray.jar") ? work.resolve(name) : plugins.resolve(name);
        return Files.copy(built, target);
    }

    @BeforeEach
    void noMarkers() throws Exception {
        for (String marker : List.of("good", "bad", "audited", "allowed", "stray")) {
            Files.deleteIfExists(work.resolve(marker + "-ran"));
        }
    }

    @Test
    void each_plugin_gets_its_rule_and_only_compliant_or_admitted_code_runs() {
        GuardedServices.Loaded<Supplier> loaded = GuardedServices.load(Supplier.class,
                List.of(good, bad, audited, allowed, stray), GuardedLoader.of(policy), GuardedServices.OnViolation.SKIP);
        try {
            assertThat(loaded.plugins()).extracting(GuardedPlugin::path).containsExactly(good, audited, allowed);
            assertThat(loaded.refused()).containsExactly(bad, stray);
            assertThat(loaded.providers()).hasSize(3);
            assertThat(loaded.reports().get(bad).contract()).endsWith("plugin-contract.yml");
            assertThat(loaded.reports().get(audited).isCompliant()).as("audited, with its findings").isFalse();
            assertThat(loaded.reports().get(allowed).isCompliant()).isTrue();
            assertThat(loaded.reports().get(stray).targets().get(0).violations()).singleElement()
                    .satisfies(v -> assertThat(v.toString()).contains("no rule of policy " + work.resolve("policy.yml")
                            + " matches stray (" + stray + "), and the policy's default is refuse")
                            .contains(work.resolve("policy.yml") + ":2:10"));
            assertThat(work.resolve("bad-ran")).doesNotExist();
            assertThat(work.resolve("stray-ran")).doesNotExist();
        } finally {
            loaded.plugins().forEach(GuardedPlugin::close);
        }
    }

    @Test
    void a_plugin_no_rule_matches_is_refused_by_the_default_before_any_code_runs() {
        assertThatThrownBy(() -> GuardedLoader.of(policy).load(stray))
                .isInstanceOf(ContractViolationException.class).hasMessageContaining("default is refuse");
        assertThat(work.resolve("stray-ran")).doesNotExist();
        assertThatThrownBy(() -> GuardedLoader.of(policy).contract()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("policy.yml, not one contract");
    }

    @Test
    void audit_mode_turns_the_policy_into_a_dry_run() {
        Report report;
        try (GuardedPlugin plugin = GuardedLoader.of(policy).withMode(EnforcementMode.AUDIT).load(bad)) {
            report = plugin.report();
        }
        assertThat(report.isCompliant()).isFalse();
        assertThat(work.resolve("bad-ran")).doesNotExist(); // loaded, but no class was initialized
    }
}
