package io.importspy.internal.contract;

import io.importspy.contract.ContractError;
import io.importspy.contract.ContractException;
import io.importspy.contract.Policy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Policies (DESIGN §6): rules by path, module and coordinates, contracts relative to the policy, located errors. */
class PoliciesTest {
    @TempDir
    Path work;
    Path policyFile;

    @BeforeEach
    void contracts() throws Exception {
        Files.createDirectories(work.resolve("contracts"));
        Files.writeString(work.resolve("contracts/greeter.yml"), "importspy: 1\nmodule:\n  name: com.acme.greeter\n");
        Files.writeString(work.resolve("contracts/jdbc.yml"), "importspy: 1\nclasses:\n  - name: org.postgresql.Driver\n");
        policyFile = work.resolve("policy.yml");
    }

    Policy read(String text) throws Exception {
        Files.writeString(policyFile, text);
        return Policies.read(policyFile);
    }

    List<String> errors(String text) throws Exception {
        Files.writeString(policyFile, text);
        try {
            Policies.read(policyFile);
        } catch (ContractException e) {
            return e.errors().stream().map(ContractError::toString).toList();
        }
        throw new AssertionError("the policy was accepted");
    }

    static final String POLICY = """
            importspy-policy: 1
            default: refuse
            rules:
              - match: {path: "plugins/*.jar"}
                contract: contracts/greeter.yml
                mode: enforce
              - match: {module: org.postgresql.jdbc}
                contract: contracts/jdbc.yml
                mode: audit
              - match: {coordinates: "org.slf4j:*"}
                mode: allow
              - match: {path: "**/lib/**"}
                mode: allow
            """;

    @Nested
    class Warnings {
        @Test
        void an_allow_by_a_claimed_name_is_a_located_warning_and_an_allow_by_path_is_not() throws Exception {
            String text = POLICY + """
                  - match: {module: com.acme.trusted}
                    mode: allow
                """;
            List<String> given = new java.util.ArrayList<>();
            Files.writeString(policyFile, text);
            Policy policy = Policies.read(policyFile, given::add);

            assertThat(given).isEqualTo(policy.warnings()).hasSize(2);
            assertThat(given.get(0)).startsWith(policyFile + ":10:5: warning: 'mode: allow' on 'coordinates: org.slf4j:*' "
                    + "admits, unchecked, any JAR that claims those coordinates (in its pom.properties)");
            assertThat(given.get(1)).startsWith(policyFile + ":14:5: warning: 'mode: allow' on 'module: com.acme.trusted'")
                    .contains("module-info").endsWith("hold it to a contract that pins its 'digest' or 'signers'");
            assertThat(Policies.plan(policyFile).warnings()).isEqualTo(given);
        }

        @Test
        void rules_with_a_contract_and_allow_by_path_warn_of_nothing() throws Exception {
            Policy policy = read("""
                    importspy-policy: 1
                    default: allow
                    rules:
                      - match: {module: org.postgresql.jdbc}
                        contract: contracts/jdbc.yml
                      - match: {coordinates: "org.slf4j:*"}
                        contract: contracts/greeter.yml
                        mode: audit
                      - match: {path: "lib/*.jar"}
                        mode: allow
                    """);
            assertThat(policy.warnings()).isEmpty();
        }
    }

    @Nested
    class Reading {
        @Test
        void reads_rules_in_order_with_their_contracts_resolved_against_the_policy() throws Exception {
            Policy policy = read(POLICY);
            assertThat(policy.defaultMode()).isEqualTo(Policy.Mode.ENFORCE);
            assertThat(policy.defaultLocation().toString()).isEqualTo(policyFile + ":2:10");
            assertThat(policy.rules()).extracting(Policy.Rule::mode)
                    .containsExactly(Policy.Mode.ENFORCE, Policy.Mode.AUDIT, Policy.Mode.ALLOW, Policy.Mode.ALLOW);
            assertThat(policy.rules().get(0).contract()).get()
                    .satisfies(c -> assertThat(c.file()).isEqualTo(work.resolve("contracts/greeter.yml").toString()));
            assertThat(policy.rules().get(1).location().line()).isEqualTo(7);
            assertThat(policy.contracts()).hasSize(2);
        }

        @Test
        void a_rule_without_mode_enforces_its_contract() throws Exception {
            Policy policy = read("importspy-policy: 1\ndefault: allow\nrules:\n"
                    + "  - {match: {module: a}, contract: contracts/greeter.yml}\n");
            assertThat(policy.rules()).singleElement().extracting(Policy.Rule::mode).isEqualTo(Policy.Mode.ENFORCE);
            assertThat(policy.defaultMode()).isEqualTo(Policy.Mode.ALLOW);
        }
    }

    @Nested
    class Deciding {
        @Test
        void the_first_matching_rule_decides() throws Exception {
            Policy policy = read(POLICY);
            Policy.Decision plugin = policy.decide(work.resolve("plugins/greeter-1.0.jar"), List.of("org.postgresql.jdbc"));
            assertThat(plugin.mode()).isEqualTo(Policy.Mode.ENFORCE);
            assertThat(plugin.contract()).get().satisfies(c -> assertThat(c.file()).endsWith("greeter.yml"));
            assertThat(plugin.location().line()).isEqualTo(4);
        }

        @Test
        void a_path_glob_stays_within_one_directory_level_unless_it_says_double_star() throws Exception {
            Policy policy = read(POLICY);
            assertThat(policy.decide(work.resolve("plugins/sub/x.jar"), List.of()).refusedOutright()).isTrue();
            assertThat(policy.decide(work.resolve("app/lib/deep/x.jar"), List.of()).mode()).isEqualTo(Policy.Mode.ALLOW);
            assertThat(policy.decide(Path.of("/elsewhere/plugins/x.jar"), List.of()).refusedOutright()).isTrue();
        }

        @Test
        void modules_match_by_any_name_and_coordinates_by_glob() throws Exception {
            Policy policy = read(POLICY);
            Policy.Decision jdbc = policy.decide(Path.of("/m2/postgresql.jar"),
                    List.of("org.postgresql.jdbc", "org.postgresql:postgresql"));
            assertThat(jdbc.mode()).isEqualTo(Policy.Mode.AUDIT);
            assertThat(jdbc.contract()).get().satisfies(c -> assertThat(c.file()).endsWith("jdbc.yml"));
            Policy.Decision slf4j = policy.decide(Path.of("/m2/slf4j-api.jar"), List.of("org.slf4j", "org.slf4j:slf4j-api"));
            assertThat(slf4j.mode()).isEqualTo(Policy.Mode.ALLOW);
            assertThat(slf4j.contract()).isEmpty();
            assertThat(slf4j.refusedOutright()).isFalse();
            assertThat(policy.decide(Path.of("/m2/other.jar"), List.of("org.slf4jx")).refusedOutright()).isTrue();
        }

        @Test
        void a_path_is_judged_as_the_file_it_reaches_never_as_it_is_spelled() throws Exception {
            Path trusted = Files.createDirectories(work.resolve("trusted"));
            Path outside = Files.createDirectories(work.resolve("outside/sub"));
            Path evil = Files.writeString(work.resolve("outside/evil.jar"), "not a plugin");
            Files.createSymbolicLink(trusted.resolve("link"), outside);
            Files.createSymbolicLink(trusted.resolve("linked.jar"), evil);
            Path good = Files.writeString(trusted.resolve("good.jar"), "a plugin");
            Policy policy = read("importspy-policy: 1\ndefault: refuse\nrules:\n"
                    + "  - match: {path: \"trusted/*.jar\"}\n    mode: allow\n");

            assertThat(policy.decide(trusted.resolve("link/../evil.jar"), List.of()).refusedOutright())
                    .as("a '..' through a link reaches outside/evil.jar").isTrue();
            assertThat(policy.decide(trusted.resolve("linked.jar"), List.of()).refusedOutright())
                    .as("a link to outside/evil.jar").isTrue();
            assertThat(policy.decide(good, List.of()).mode()).isEqualTo(Policy.Mode.ALLOW);
            assertThat(policy.decide(work.resolve("outside/../trusted/good.jar"), List.of()).mode())
                    .isEqualTo(Policy.Mode.ALLOW);
            Path alias = Files.createSymbolicLink(work.resolve("alias"), trusted);
            assertThat(policy.decide(alias.resolve("good.jar"), List.of()).mode()).isEqualTo(Policy.Mode.ALLOW);
            assertThat(policy.decideResolved(alias.resolve("good.jar"), List.of()).refusedOutright())
                    .as("a path already resolved by its caller is not resolved again").isTrue();
        }

        @Test
        void a_code_source_of_the_running_jdk_is_admitted_by_every_policy() throws Exception {
            Policy policy = read("importspy-policy: 1\ndefault: refuse\nrules: []\n");
            assertThat(policy.decide(Path.of(System.getProperty("java.home"), "lib", "jrt-fs.jar"), List.of()).mode())
                    .isEqualTo(Policy.Mode.ALLOW);
            assertThat(policy.decide(Path.of(System.getProperty("java.home"), "..", "evil.jar"), List.of())
                    .refusedOutright()).as("beside the JDK is not in it").isTrue();
        }

        @Test
        void coordinates_globs_do_not_cross_the_colon() {
            Policy.Match match = Policy.Match.OnCoordinates.of("org.*:*");
            assertThat(match.matches("/x.jar", List.of("org.acme:core"))).isTrue();
            assertThat(match.matches("/x.jar", List.of("org.acme"))).as("a module name is no coordinate").isFalse();
            assertThat(Policy.Match.OnCoordinates.of("*:core").matches("/x", List.of("org.acme:core-extra"))).isFalse();
        }

        @Test
        void a_single_contract_policy_applies_the_contract_everywhere() throws Exception {
            Policy policy = read(POLICY);
            Policy single = Policy.single(policy.contracts().get(0), Policy.Mode.AUDIT);
            assertThat(single.decide(Path.of("/any/where.jar"), List.of()).contract()).contains(policy.contracts().get(0));
        }
    }

    @Nested
    class Errors {
        @Test
        void unknown_keys_are_located_with_a_suggestion() throws Exception {
            assertThat(errors("importspy-policy: 1\ndefualt: refuse\nrules:\n  - match: {pathh: x}\n    mod: allow\n"))
                    .containsExactly(
                            policyFile + ":1:1: missing 'default'; say what happens to code no rule matches: "
                                    + "'default: refuse', 'default: audit' or 'default: allow'",
                            policyFile + ":2:1: unknown key 'defualt' in the policy; did you mean 'default'?",
                            policyFile + ":4:5: rule in mode enforce needs a 'contract'; name one, or write "
                                    + "'mode: allow' to admit without a contract",
                            policyFile + ":4:13: unknown key 'pathh' in match; did you mean 'path'?",
                            policyFile + ":5:5: unknown key 'mod' in rule; did you mean 'mode'?");
        }

        @Test
        void modes_and_defaults_are_words_from_a_list() throws Exception {
            assertThat(errors("importspy-policy: 1\ndefault: enforce\nrules:\n"
                    + "  - {match: {module: a}, contract: contracts/greeter.yml, mode: audti}\n"))
                    .containsExactly(
                            policyFile + ":2:10: unknown default 'enforce'; write one of refuse, audit, allow",
                            policyFile + ":4:65: unknown mode 'audti'; did you mean 'audit'?");
        }

        @Test
        void a_missing_contract_is_located_in_the_policy() throws Exception {
            assertThat(errors("importspy-policy: 1\ndefault: refuse\nrules:\n"
                    + "  - {match: {module: a}, contract: contracts/nope.yml}\n"))
                    .singleElement().asString()
                    .startsWith(policyFile + ":4:36: contract 'contracts/nope.yml' does not exist (resolved against "
                            + "the policy's directory to ");
        }

        @Test
        void a_broken_contract_reports_its_own_errors_in_its_own_file() throws Exception {
            Files.writeString(work.resolve("contracts/broken.yml"), "importspy: 1\nmodule:\n  nmae: x\n");
            assertThat(errors("importspy-policy: 1\ndefault: refuse\nrules:\n"
                    + "  - {match: {module: a}, contract: contracts/broken.yml}\n"))
                    .containsExactly(work.resolve("contracts/broken.yml")
                            + ":3:3: unknown key 'nmae' in module; did you mean 'name'?");
        }

        @Test
        void a_rule_needs_a_contract_unless_it_allows_and_one_match() throws Exception {
            assertThat(errors("importspy-policy: 1\ndefault: refuse\nrules:\n"
                    + "  - {match: {module: a}, mode: audit}\n"
                    + "  - {match: {module: a}, mode: allow, contract: contracts/greeter.yml}\n"
                    + "  - {match: {module: a, path: b}, mode: allow}\n"
                    + "  - {mode: allow}\n"
                    + "  - {match: {coordinates: slf4j}, mode: allow}\n"))
                    .containsExactly(
                            policyFile + ":4:5: rule in mode audit needs a 'contract'; name one, or write "
                                    + "'mode: allow' to admit without a contract",
                            policyFile + ":5:49: a rule in mode allow checks no contract; remove 'contract' or write "
                                    + "'mode: enforce' or 'mode: audit'",
                            policyFile + ":6:13: 'match' takes exactly one of path, module, coordinates; write one "
                                    + "rule per way of matching",
                            policyFile + ":7:5: rule needs a 'match', such as {path: \"plugins/*.jar\"}",
                            policyFile + ":8:27: coordinates 'slf4j' are not groupId:artifactId; write them as "
                                    + "org.slf4j:slf4j-api or with globs, as \"org.slf4j:*\"");
        }

        @Test
        void the_format_line_is_required_and_checked() throws Exception {
            assertThat(errors("importspy-policy: 2\ndefault: allow\n")).containsExactly(policyFile
                    + ":1:19: unsupported policy format the number 2; this version of ImportSpy reads 'importspy-policy: 1'");
            assertThat(errors("")).containsExactly(policyFile + ":1:1: policy is empty; start with 'importspy-policy: 1'");
            assertThatThrownBy(() -> Policies.read(work.resolve("absent.yml"))).isInstanceOf(ContractException.class)
                    .hasMessage(work.resolve("absent.yml") + ":1:1: cannot read policy: no such file");
        }
    }

    @Test
    void matches_of_the_same_glob_are_equal_values() {
        assertThat(Policy.Match.OnPath.of("plugins/*.jar", "/opt/host")).isEqualTo(Policy.Match.OnPath.of("plugins/*.jar", "/opt/host"))
                .hasSameHashCodeAs(Policy.Match.OnPath.of("plugins/*.jar", "/opt/host"))
                .isNotEqualTo(Policy.Match.OnPath.of("plugins/*.jar", "/opt/other"));
        assertThat(Policy.Match.OnCoordinates.of("org.slf4j:*")).isEqualTo(Policy.Match.OnCoordinates.of("org.slf4j:*"))
                .hasSameHashCodeAs(Policy.Match.OnCoordinates.of("org.slf4j:*"))
                .isNotEqualTo(Policy.Match.OnCoordinates.of("org.slf4j:slf4j-api"));
    }

    @Nested
    class Planning {
        @Test
        void a_plan_names_each_rules_contract_file_without_reading_it_and_decides_as_the_policy_does() throws Exception {
            Files.writeString(work.resolve("contracts/jdbc.yml"), "importspy: 1\nclasses: [{nmae: x}]\n");
            Files.writeString(policyFile, POLICY);

            PolicyPlan plan = Policies.plan(policyFile);

            assertThat(plan.contracts()).containsExactly(work.resolve("contracts/greeter.yml"),
                    work.resolve("contracts/jdbc.yml"));
            assertThat(plan.decide(work.resolve("plugins/a.jar"), List.of()).orElseThrow().contract())
                    .contains(work.resolve("contracts/greeter.yml"));
            assertThat(plan.decide(work.resolve("x.jar"), List.of("org.slf4j:slf4j-api")).orElseThrow().mode())
                    .isEqualTo(Policy.Mode.ALLOW);
            assertThat(plan.decide(work.resolve("x.jar"), List.of("other"))).isEmpty();
            assertThatThrownBy(() -> Policies.read(policyFile)).isInstanceOf(ContractException.class)
                    .hasMessageContaining("jdbc.yml:2:12: unknown key 'nmae'");
        }

        @Test
        void a_plan_still_refuses_a_contract_that_is_not_a_file() throws Exception {
            Files.writeString(policyFile, POLICY.replace("contracts/jdbc.yml", "contracts/none.yml"));

            assertThatThrownBy(() -> Policies.plan(policyFile)).isInstanceOf(ContractException.class)
                    .hasMessageContaining("contract 'contracts/none.yml' does not exist");
        }
    }
}
