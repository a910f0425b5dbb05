package io.importspy.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.importspy.cli.TestPlugins.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --contract jar:PATH[!/ENTRY]}: a contract that a host's API JAR publishes at META-INF/importspy/. */
class PublishedContractIT {
    private static final String CONTRACT = """
            importspy: 1
            classes:
              - name: com.acme.Greeter
                methods:
                  - name: greet
                    parameters: [String]
                    returns: String
            """;
    private static final String STRICTER = CONTRACT + "      - name: farewell\n";

    @TempDir
    static Path dir;
    static Path plugin;
    static Path api;
    static Path twoContracts;

    @BeforeAll
    static void build() {
        plugin = TestPlugins.greeterJar(dir, "greeter-1.2.0.jar", TestPlugins.GREETER);
        api = TestPlugins.jarWithEntries(dir.resolve("greeter-api-1.0.jar"),
                Map.of("META-INF/importspy/greeter.yml", bytes(CONTRACT)));
        twoContracts = TestPlugins.jarWithEntries(dir.resolve("two-api.jar"),
                Map.of("META-INF/importspy/greeter.yml", bytes(CONTRACT),
                        "META-INF/importspy/strict.yml", bytes(STRICTER)));
    }

    @Test
    void the_only_contract_a_jar_publishes_is_found_with_jar_path() {
        MainTest.Outcome outcome = MainTest.run("validate", "-c", "jar:" + api, "--runtime", "none", plugin.toString());
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.out()).contains("greeter-1.2.0.jar (com.acme.greeter 1.2.0): COMPLIANT");
        assertThat(outcome.exit()).isZero();
    }

    @Test
    void a_named_entry_is_read_and_violations_point_into_the_jar() {
        MainTest.Outcome outcome = MainTest.run("validate", "--contract",
                "jar:" + twoContracts + "!/META-INF/importspy/strict.yml", "--runtime", "none", plugin.toString());
        assertThat(outcome.out()).contains("(two-api.jar!/META-INF/importspy/strict.yml:8:9)");
        assertThat(outcome.exit()).isEqualTo(1);
    }

    @Test
    void a_jar_with_several_contracts_and_none_named_lists_the_choices() {
        BadInputIT.assertBadInput(MainTest.run("validate", "-c", "jar:" + twoContracts, plugin.toString()),
                "contract JAR '" + twoContracts + "' publishes 2 contracts; name one: jar:" + twoContracts
                        + "!/META-INF/importspy/greeter.yml, jar:" + twoContracts + "!/META-INF/importspy/strict.yml");
    }

    @Test
    void a_jar_without_contracts_and_a_missing_jar_are_bad_input() {
        BadInputIT.assertBadInput(MainTest.run("validate", "-c", "jar:" + plugin, plugin.toString()),
                "contract JAR '" + plugin + "' publishes no contract at META-INF/importspy/*.yml");
        Path missing = dir.resolve("missing-api.jar");
        BadInputIT.assertBadInput(MainTest.run("validate", "-c", "jar:" + missing, plugin.toString()),
                "contract JAR '" + missing + "' not found");
    }

    @Test
    void an_absent_entry_is_a_located_contract_error() {
        MainTest.Outcome outcome = MainTest.run("validate", "-c", "jar:" + api + "!/META-INF/importspy/gretter.yml",
                plugin.toString());
        BadInputIT.assertOneLine(outcome, "greeter-api-1.0.jar!/META-INF/importspy/gretter.yml:1:1: no entry",
                "it publishes META-INF/importspy/greeter.yml");
    }

    @Test
    void the_value_is_read_as_written_not_as_a_path_that_normalization_changes() {
        // as a path, "jar:X!/" loses its trailing slash and reads as a JAR named "X!"
        for (String command : new String[] {"validate", "audit"}) {
            BadInputIT.assertBadInput(MainTest.run(command, "-c", "jar:" + api + "!/", plugin.toString()),
                    "contract 'jar:" + api + "!/' is neither a file nor of the form jar:PATH or"
                            + " jar:PATH!/META-INF/importspy/NAME.yml");
        }
        BadInputIT.assertBadInput(MainTest.run("inspect", "--runtime", "-c", "jar:" + api + "!/"),
                "contract 'jar:" + api + "!/' is neither a file nor of the form jar:PATH or"
                        + " jar:PATH!/META-INF/importspy/NAME.yml");
    }

    @Test
    void inspect_runtime_reads_a_published_contract_too() {
        MainTest.Outcome outcome = MainTest.run("inspect", "--runtime", "-c", "jar:" + api);
        assertThat(outcome.err()).isEmpty();
        assertThat(outcome.exit()).isZero();
        assertThat(outcome.out()).contains("java:");
    }
}
