package io.importspy.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An audit decides a target by the file it reads, as guarded loading and the agent do: a symbolic link is judged
 * where it leads and a {@code ..} after a link where the file system takes it, not by how the path is spelt.
 */
class AuditLinksTest {
    @TempDir
    static Path dir;
    static Path policy;
    static Path elsewhere;

    @BeforeAll
    static void build() throws Exception {
        Files.createDirectories(dir.resolve("plugins"));
        elsewhere = Files.createDirectories(dir.resolve("elsewhere/plugins"));
        Files.createDirectories(dir.resolve("elsewhere/lib"));
        TestPlugins.greeterJar(dir.resolve("elsewhere/lib"), "greeter.jar", TestPlugins.GREETER);
        TestPlugins.greeterJar(elsewhere, "greeter.jar", TestPlugins.GREETER);
        policy = Files.writeString(dir.resolve("policy.yml"), """
                importspy-policy: 1
                default: refuse
                rules:
                  - match: {path: "plugins/*.jar"}
                    mode: allow
                """);
    }

    static Map<String, Object> record(Path target) {
        MainTest.Outcome outcome = MainTest.run("audit", "--policy", policy.toString(), "--no-cache", "--quiet",
                target.toString());
        List<Map<String, Object>> records = AuditIT.records(outcome.out());
        assertThat(records).as(outcome.err()).hasSize(2);
        return records.get(0);
    }

    @Test
    void a_link_in_an_allowed_directory_is_judged_as_the_file_it_leads_to() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("plugins/linked.jar"), elsewhere.resolve("greeter.jar"));

        assertThat(record(link)).containsEntry("verdict", "non-compliant");
        assertThat(record(elsewhere.resolve("greeter.jar"))).containsEntry("verdict", "non-compliant");
    }

    @Test
    void a_dot_dot_after_a_link_is_judged_where_the_file_system_takes_it() throws Exception {
        Files.createSymbolicLink(dir.resolve("link"), elsewhere);
        // spelt plugins/greeter.jar once '..' drops 'link'; opened, it is elsewhere/lib/greeter.jar
        Path target = Path.of(dir + "/link/../plugins/greeter.jar");
        Files.copy(elsewhere.resolve("greeter.jar"), dir.resolve("plugins/greeter.jar"));

        assertThat(record(target)).containsEntry("verdict", "non-compliant"); // elsewhere/plugins: not the rule's
        assertThat(record(dir.resolve("plugins/greeter.jar"))).containsEntry("verdict", "allowed");
    }
}
