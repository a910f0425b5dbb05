package io.importspy.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --baseline} and {@code --write-baseline} on a plugin JAR compiled by javac. */
class BaselineCommandTest {
    static final String CONTRACT = """
            importspy: 1
            classes:
              - name: com.acme.Greeter
                methods:
                  - name: wave
                  - name: bow
            """;

    @TempDir
    static Path dir;
    static Path plugin;
    static Path contract;

    @BeforeAll
    static void build() throws IOException {
        plugin = TestPlugins.greeterJar(dir, "greeter-1.2.0.jar", TestPlugins.GREETER);
        contract = Files.writeString(dir.resolve("spymodel.yml"), CONTRACT);
    }

    private static MainTest.Outcome validate(Path contractFile, String... options) {
        return MainTest.validate(contractFile, plugin, options);
    }

    @Test
    void a_written_baseline_is_refused_until_justified_then_suppresses_across_moved_contract_lines() throws IOException {
        Path baseline = dir.resolve("baseline.yml");

        MainTest.Outcome written = validate(contract, "--write-baseline", baseline.toString());

        assertThat(written.exit()).isEqualTo(1);
        assertThat(written.err()).isEqualTo("baseline written to " + baseline + ": 2 entries, 2 without a justification "
                + "(write why each is accepted, then pass --baseline " + baseline + ")\n");
        MainTest.Outcome unjustified = validate(contract, "--baseline", baseline.toString());
        assertThat(unjustified.exit()).isEqualTo(2);
        assertThat(unjustified.out()).isEmpty();
        assertThat(unjustified.err().lines()).hasSize(2).allMatch(line -> line.startsWith("importspy: " + baseline + ":")
                && line.contains(": baseline entry has no justification"));

        Files.writeString(baseline, Files.readString(baseline).replace(
                "justification:            # required: why this violation is accepted", "justification: ships in 1.3"));
        Path moved = Files.writeString(dir.resolve("moved.yml"), "# a comment that moves every line\n\n" + CONTRACT);
        MainTest.Outcome suppressed = validate(moved, "--baseline", baseline.toString());

        assertThat(suppressed.exit()).isZero();
        assertThat(suppressed.err()).isEmpty();
        assertThat(suppressed.out()).contains("COMPLIANT", "- suppressed  missing: class com.acme.Greeter lacks method "
                + "wave  (" + moved + ":7:9)", "justification: ships in 1.3  (" + baseline + ":5:5)")
                .endsWith("1 target, 1 compliant, 0 violations, 0 unverified, 2 suppressed, 0 stale\n");
    }

    @Test
    void a_stale_entry_warns_and_fails_only_a_strict_run() throws IOException {
        Path baseline = Files.writeString(dir.resolve("stale.yml"), """
                importspy-baseline: 1
                violations:
                  - target: com.acme.greeter
                    category: missing
                    context: method
                    subject: "com.acme.Greeter#wave"
                    expected: method wave
                    justification: ships in 1.3
                  - target: com.acme.greeter
                    category: missing
                    context: method
                    subject: "com.acme.Greeter#bow"
                    expected: method bow
                    justification: ships in 1.3
                  - target: com.acme.greeter
                    category: missing
                    context: method
                    subject: "com.acme.Greeter#curtsy"
                    expected: method curtsy
                    justification: dropped from the contract since
                """);

        MainTest.Outcome lenient = validate(contract, "--baseline", baseline.toString());
        MainTest.Outcome strict = validate(contract, "--baseline", baseline.toString(), "--strict", "--format", "sarif");

        assertThat(lenient.exit()).isZero();
        assertThat(lenient.out()).contains("1 stale entry", "! stale  missing method com.acme.Greeter#curtsy of "
                + "com.acme.greeter matches no violation  (" + baseline + ":15:5)");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.out()).contains("\"ruleId\": \"importspy/stale-baseline\"", "\"level\": \"error\"",
                "\"kind\": \"external\"");
    }

    @Test
    void a_missing_or_invalid_baseline_is_bad_input_and_nothing_is_created() throws IOException {
        Path missing = dir.resolve("no-such-baseline.yml");
        Path invalid = Files.writeString(dir.resolve("invalid.yml"), "importspy-baseline: 1\nviolation: []\n");

        MainTest.Outcome absent = validate(contract, "--baseline", missing.toString());
        MainTest.Outcome wrong = validate(contract, "--baseline", invalid.toString());

        assertThat(absent.exit()).isEqualTo(2);
        assertThat(absent.err()).isEqualTo("importspy: baseline '" + missing + "' not found\n");
        assertThat(missing).doesNotExist();
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo("importspy: " + invalid + ":1:1: missing 'violations'; list the accepted "
                + "violations, or write 'violations: []'\nimportspy: " + invalid + ":2:1: unknown key 'violation' in the "
                + "baseline; did you mean 'violations'?\n");
    }

    @Test
    void the_baseline_is_written_to_a_file_of_its_own() {
        Path same = dir.resolve("same.json");

        MainTest.Outcome outcome = validate(contract, "--format", "json", "--output", same.toString(),
                "--write-baseline", same.toString());

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo("importspy: --write-baseline " + same + " names the file of an --output; "
                + "write the baseline to a file of its own\n");
        assertThat(same).doesNotExist();
    }
}
