package io.importspy.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code importspy validate --policy}: each target is checked against the contract its rule names. */
class PolicyValidationIT {
    @TempDir
    static Path dir;
    static Path greeter;
    static Path other;
    static Path stray;
    static Path policy;

    @BeforeAll
    static void build() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        greeter = TestPlugins.greeterJar(plugins, "greeter-1.2.0.jar", TestPlugins.GREETER);
        other = TestPlugins.greeterJar(plugins, "other-1.0.jar", TestPlugins.GREETER.replace("greet(", "hail("));
        stray = TestPlugins.greeterJar(dir, "stray-1.0.jar", TestPlugins.GREETER);
        Files.createDirectories(dir.resolve("contracts"));
        Files.writeString(dir.resolve("contracts/greeter.yml"), """
                importspy: 1
                classes:
                  - name: com.acme.Greeter
                    methods: [{name: greet, parameters: [String], returns: String}]
                """);
        policy = dir.resolve("policy.yml");
        Files.writeString(policy, """
                importspy-policy: 1
                default: refuse
                rules:
                  - match: {path: "plugins/other-*.jar"}
                    contract: contracts/greeter.yml
                  - match: {path: "plugins/greeter-*.jar"}
                    mode: allow
                """);
    }

    @Test
    void each_target_gets_the_contract_of_its_rule() {
        MainTest.Outcome allowed = MainTest.run("validate", "--policy", policy.toString(), greeter.toString());
        assertThat(allowed.exit()).as(allowed.out() + allowed.err()).isZero();

        MainTest.Outcome outcome = MainTest.run("validate", "--policy", policy.toString(), "--format", "json",
                greeter.toString(), other.toString(), stray.toString());
        assertThat(outcome.exit()).as(outcome.err()).isEqualTo(1);
        assertThat(outcome.out()).contains("com.acme.Greeter#greet(String)")
                .contains("no rule of policy " + policy + " matches com.acme.greeter (" + stray
                        + "), and the policy's default is refuse");
    }

    @Test
    void a_target_that_is_a_link_is_matched_as_the_file_it_leads_to_not_by_its_name_and_the_refusal_says_so() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("plugins/greeter-9.9.jar"), stray);
        try {
            MainTest.Outcome outcome = MainTest.run("validate", "--policy", policy.toString(), link.toString());
            assertThat(outcome.exit()).as(outcome.err()).isEqualTo(1);
            assertThat(outcome.out()).contains("no rule of policy " + policy + " matches com.acme.greeter (" + link
                            + ", a link to " + stray.toRealPath() + "), and the policy's default is refuse")
                    .contains("a path rule matches the file a link leads to, " + stray.toRealPath());
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void a_bad_policy_is_a_located_one_line_error_with_exit_2() throws Exception {
        Path bad = dir.resolve("bad-policy.yml");
        Files.writeString(bad, "importspy-policy: 1\ndefault: refuse\nrules:\n  - match: {path: x}\n    contrat: c.yml\n");
        MainTest.Outcome outcome = MainTest.run("validate", "--policy", bad.toString(), greeter.toString());
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).contains(bad + ":5:5: unknown key 'contrat' in rule; did you mean 'contract'?")
                .doesNotContain("Exception");
    }

    @Test
    void an_allow_by_a_claimed_module_name_is_warned_of_on_stderr_and_quiet_silences_it() throws Exception {
        Path byName = dir.resolve("by-name.yml");
        Files.writeString(byName, """
                importspy-policy: 1
                default: refuse
                rules:
                  - match: {module: com.acme.greeter}
                    mode: allow
                """);
        MainTest.Outcome outcome = MainTest.run("validate", "--policy", byName.toString(), stray.toString());
        assertThat(outcome.exit()).as(outcome.err()).isZero();
        assertThat(outcome.err()).startsWith("importspy: " + byName + ":4:5: warning: 'mode: allow' on "
                + "'module: com.acme.greeter' admits, unchecked, any JAR that claims that module name");

        MainTest.Outcome quiet = MainTest.run("validate", "--quiet", "--policy", byName.toString(), stray.toString());
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.err()).isEmpty();

        Path solo = Files.createDirectories(dir.resolve("solo"));
        Files.copy(stray, solo.resolve("stray-1.0.jar"));
        MainTest.Outcome audit = MainTest.run("audit", "--policy", byName.toString(), "--no-cache", "--output",
                dir.resolve("audit.jsonl").toString(), "--dir", solo.toString());
        assertThat(audit.err()).as("exit %s", audit.exit()).contains(byName + ":4:5: warning: 'mode: allow'");
    }

    @Test
    void a_contract_and_a_policy_together_are_bad_input() {
        MainTest.Outcome outcome = MainTest.run("validate", "--policy", policy.toString(), "-c", "c.yml",
                greeter.toString());
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo("importspy: give either -c or --policy, not both: a policy names the "
                + "contract of each target\n");
    }
}
