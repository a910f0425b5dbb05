package io.importspy;

import io.importspy.contract.ContractException;
import io.importspy.contract.Policy;
import io.importspy.contract.SpyModel;
import io.importspy.enforce.ContractViolationException;
import io.importspy.enforce.GuardedPlugin;
import io.importspy.internal.spi.Extensions;
import io.importspy.spi.Extension;
import io.importspy.testsupport.TestJars;
import io.importspy.validate.Context;
import io.importspy.validate.Report;
import io.importspy.validate.Violation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A host's own extensions, given to {@link Spy#contract(Path, List)} and {@link Spy#policy(Path, List)}: they own
 * the contract's {@code x-} sections and give its facts wherever the contract is validated, and nothing else of
 * the process changes.
 */
class HostExtensionsTest {
    @TempDir
    static Path work;
    static Path plugin;

    /** Owns {@code x-tier}: the module's name must start with the tier given. */
    static final class TierRule implements Extension.Section<Extension.Scalar> {
        @Override
        public String key() {
            return "x-tier";
        }

        @Override
        public Class<Extension.Scalar> section() {
            return Extension.Scalar.class;
        }

        @Override
        public Extension.Scalar read(Extension.Node value, Extension.Errors errors) {
            if (!(value instanceof Extension.Scalar scalar)) {
                errors.add(value.location(), "'x-tier' must be a word such as gold");
                return new Extension.Scalar(null, "", value.location());
            }
            return scalar;
        }

        @Override
        public void check(Extension.Scalar tier, Facts facts, Sink sink) {
            String name = facts.module().identity().primaryName().orElse("");
            if (!name.startsWith(tier.text())) {
                sink.report(Violation.invalid(Context.of("tier"), name).expected(tier.text()).found(name)
                        .message("module " + name + " is not of tier " + tier.text())
                        .fix("rename it").at(tier.location()));
            }
        }
    }

    /** Gives {@code host.tier}. */
    static final class HostFacts implements Extension.FactSource {
        @Override
        public String name() {
            return "host";
        }

        @Override
        public Map<String, String> facts() {
            return Map.of("tier", "gold");
        }
    }

    @BeforeAll
    static void build() {
        plugin = TestJars.project(work).source("p/P.java", "package p; public class P { }")
                .manifest("Automatic-Module-Name", "silver.plugin").jar("plugin.jar");
    }

    @AfterEach
    void restore() {
        Extensions.install(Extensions.discover(Extensions.class.getClassLoader(), "the class path"));
    }

    static Path file(String name, String yaml) throws IOException {
        return Files.writeString(work.resolve(name), yaml);
    }

    @Test
    void the_extensions_given_own_the_contracts_x_sections() throws IOException {
        Extensions.install(Extensions.none()); // the process has none: the contract has its own

        SpyModel contract = Spy.contract(file("tier.yml", "importspy: 1\nx-tier: gold\n"), List.of(new TierRule()));
        Report report = Spy.validate(plugin, contract);

        assertThat(report.targets().get(0).violations()).extracting(Violation::message, v -> v.location().line())
                .containsExactly(org.assertj.core.api.Assertions.tuple("module silver.plugin is not of tier gold", 2));
    }

    @Test
    void the_facts_come_from_the_sources_given_on_whatever_thread_validates_later() throws Exception {
        Path file = file("facts.yml", "importspy: 1\ndeployments:\n  - facts: {host.tier: silver}\n");
        SpyModel contract = Spy.contract(file, List.of(new HostFacts()));
        Extensions.install(Extensions.none()); // installed after reading: the contract keeps its own

        Report report = CompletableFuture.supplyAsync(() -> Spy.validate(plugin, contract)).get();

        assertThat(report.targets().get(0).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("host.tier", "gold", "silver"));
    }

    @Test
    void exactly_those_given_no_extension_of_the_class_path_nor_the_process() throws IOException {
        Extensions.install(Extensions.of(List.of(new TierRule()))); // the process has one; the host gives none
        Path file = file("none.yml", "importspy: 1\nx-tier: gold\n");

        assertThatThrownBy(() -> Spy.contract(file, List.of())).isInstanceOfSatisfying(ContractException.class,
                e -> assertThat(e.errors()).singleElement().asString().isEqualTo(file + ":2:1: no extension provides "
                        + "'x-tier' (looked in the extensions given); give the extension that owns it with the others, "
                        + "or remove the section"));
        assertThat(Spy.contract(file).sections()).hasSize(4); // the process's own reading is unchanged
    }

    @Test
    void a_policy_reads_every_contract_it_names_with_the_extensions_given() throws Exception {
        file("gold.yml", "importspy: 1\nx-tier: gold\n");
        Path policyFile = file("policy.yml", """
                importspy-policy: 1
                default: refuse
                rules:
                  - match: {path: "**/*.jar"}
                    contract: gold.yml
                """);
        assertThatThrownBy(() -> Spy.policy(policyFile, List.of())).isInstanceOf(ContractException.class);

        Policy policy = Spy.policy(policyFile, List.of(new TierRule()));

        assertThatThrownBy(() -> {
            try (GuardedPlugin loaded = Spy.guardedLoader(policy).load(plugin)) {
                loaded.classLoader();
            }
        }).isInstanceOfSatisfying(ContractViolationException.class, e -> assertThat(e.report().targets().get(0)
                .violations()).extracting(Violation::message).containsExactly("module silver.plugin is not of tier gold"));
    }
}
