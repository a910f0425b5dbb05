package io.importspy.cli;

import io.importspy.testsupport.TestJars;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale-out examples of {@code examples/audit/}: each is read as the YAML its engine reads, and its
 * {@code importspy audit} command is run here for each of its two shards; the shards' records together must
 * be those of one unsharded run. Paths the engine mounts are mapped to this repository, the local Maven
 * repository of this build and temporary directories.
 */
class AuditExamplesIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path EXAMPLE = ROOT.resolve("examples/audit");

    @TempDir
    Path work;

    /**
     * The local repository of this build (where it resolved AssertJ from: org/assertj/assertj-core/VERSION/JAR),
     * where the manifest's artifacts are.
     */
    private static Path repository() {
        return TestJars.locationOf(Assertions.class).getParent().getParent().getParent().getParent().getParent();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(
                Files.readString(EXAMPLE.resolve(file)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_kubernetes_indexed_job_audits_each_artifact_once_over_its_completions() throws IOException {
        Map<String, Object> job = yaml("kubernetes-indexed-job.yml");
        assertThat(job).containsEntry("apiVersion", "batch/v1").containsEntry("kind", "Job");
        Map<String, Object> spec = (Map<String, Object>) job.get("spec");
        assertThat(spec).containsEntry("completionMode", "Indexed").containsEntry("completions", 2);
        Map<String, Object> container = ((List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
                spec.get("template")).get("spec")).get("containers")).get(0);
        List<String> args = (List<String>) container.get("args");
        assertThat(args).contains("$(JOB_COMPLETION_INDEX)/2");

        Map<String, String> mounts = Map.of("/audit", EXAMPLE.toString(), "/m2/repository", repository().toString(),
                "/cache", work.resolve("cache").toString(), "/results", work.toString());
        List<Set<String>> shards = new ArrayList<>();
        for (int index = 0; index < 2; index++) {
            List<String> local = new ArrayList<>();
            for (String arg : args) {
                String mapped = arg.replace("$(JOB_COMPLETION_INDEX)", Integer.toString(index));
                for (Map.Entry<String, String> mount : mounts.entrySet()) {
                    if (mapped.startsWith(mount.getKey() + "/") || mapped.equals(mount.getKey())) {
                        mapped = mount.getValue() + mapped.substring(mount.getKey().length());
                    }
                }
                local.add(mapped);
            }
            MainTest.Outcome outcome = MainTest.run(local.toArray(new String[0]));
            assertThat(outcome.exit()).as(outcome.err()).isIn(0, 1);
            shards.add(AuditIT.targetLines(Files.readString(work.resolve("audit-" + index + ".jsonl"))));
        }
        assertShardsMakeOneRun(shards, "--policy", EXAMPLE.resolve("policy.yml").toString(), "--manifest",
                EXAMPLE.resolve("manifest.txt").toString(), "--repository", repository().toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_github_actions_matrix_audits_each_artifact_once_over_its_shards() throws IOException {
        Map<String, Object> workflow = yaml("github-actions-matrix.yml");
        Map<String, Object> audit = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("audit");
        List<Object> matrix = (List<Object>) ((Map<String, Object>) ((Map<String, Object>) audit.get("strategy"))
                .get("matrix")).get("shard");
        assertThat(matrix).containsExactly(0, 1);
        String line = null;
        for (Map<String, Object> step : (List<Map<String, Object>>) audit.get("steps")) {
            if (step.get("run") instanceof String run && run.startsWith("./importspy audit ")) {
                line = run;
            }
        }
        assertThat(line).as("an './importspy audit' step").isNotNull().contains("--shard ${{ matrix.shard }}/2");

        List<Set<String>> shards = new ArrayList<>();
        for (Object shard : matrix) {
            List<String> local = new ArrayList<>();
            for (String word : line.replace("${{ matrix.shard }}", shard.toString()).substring("./importspy ".length())
                    .split("\\s+")) {
                local.add(word.startsWith("examples/") ? ROOT.resolve(word).toString()
                        : word.endsWith(".jsonl") ? work.resolve(word).toString() : word);
            }
            local.addAll(List.of("--repository", repository().toString(), "--cache", work.resolve("cache").toString()));
            MainTest.Outcome outcome = MainTest.run(local.toArray(new String[0]));
            assertThat(outcome.exit()).as(outcome.err()).isIn(0, 1);
            shards.add(AuditIT.targetLines(Files.readString(work.resolve("audit-" + shard + ".jsonl"))));
        }
        assertShardsMakeOneRun(shards, "--policy", ROOT.resolve("examples/audit/policy.yml").toString(), "--manifest",
                ROOT.resolve("examples/audit/manifest.txt").toString(), "--repository", repository().toString());
    }

    private static void assertShardsMakeOneRun(List<Set<String>> shards, String... audit) {
        MainTest.Outcome whole = MainTest.run(AuditIT.prepend("audit", AuditIT.prepend("--no-cache", audit)));
        assertThat(whole.exit()).as(whole.err()).isEqualTo(1);
        Set<String> union = new HashSet<>();
        for (Set<String> shard : shards) {
            assertThat(union).doesNotContainAnyElementsOf(shard);
            union.addAll(shard);
        }
        assertThat(union).isEqualTo(AuditIT.targetLines(whole.out())).hasSize(3);
        assertThat(whole.out()).contains("\"target\":\"com.fasterxml.jackson.core:jackson-core:2.18.1\"")
                .contains("\"verdict\":\"non-compliant\"").contains("\"verdict\":\"compliant\"")
                .as("nothing is admitted for the name it claims").doesNotContain("\"verdict\":\"allowed\"");
    }
}
