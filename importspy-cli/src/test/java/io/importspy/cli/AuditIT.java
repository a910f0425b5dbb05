package io.importspy.cli;

import io.importspy.testsupport.TestJars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code importspy audit}: many targets, JSON Lines records, shards, the verdict cache and the target sources. */
class AuditIT {
    @TempDir
    static Path dir;
    static Path plugins;
    static Path contract;
    static Path assertjJar;

    @BeforeAll
    static void build() throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        Path classes = TestJars.compile(dir.resolve("classes"), Map.of("com/acme/Greeter.java", TestPlugins.GREETER));
        for (int i = 0; i < 10; i++) { // ten JARs of different bytes: the cache is content-addressed
            TestJars.jar(plugins.resolve("greeter-" + i + ".jar")).manifest("Automatic-Module-Name", "com.acme.greeter")
                    .manifest("Implementation-Version", "1.2.0").manifest("Build", Integer.toString(i))
                    .classes(classes).build();
        }
        Files.createDirectories(plugins.resolve("nested"));
        TestPlugins.greeterJar(plugins.resolve("nested"), "rude-1.0.jar", TestPlugins.GREETER.replace("greet(", "hail("));
        contract = dir.resolve("greeter.yml");
        Files.writeString(contract, """
                importspy: 1
                classes:
                  - name: com.acme.Greeter
                    methods: [{name: greet, parameters: [String], returns: String}]
                """);
        assertjJar = TestJars.locationOf(org.assertj.core.api.Assertions.class);
    }

    static MainTest.Outcome audit(String... args) {
        return MainTest.run(prepend("audit", args));
    }

    static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> records(String out) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                records.add((Map<String, Object>) Json.parse(line));
            }
        }
        return records;
    }

    static Set<String> targetLines(String out) {
        Set<String> lines = new HashSet<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("{\"record\":\"target\"")) {
                lines.add(line);
            }
        }
        return lines;
    }

    static String sha256(Path file) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void writes_one_record_per_target_in_path_order_and_a_summary() throws Exception {
        MainTest.Outcome outcome = audit("-c", contract.toString(), "--dir", plugins.toString(), "--no-cache", "-j", "2");

        assertThat(outcome.exit()).as(outcome.err()).isEqualTo(1);
        List<Map<String, Object>> records = records(outcome.out());
        assertThat(records).hasSize(12);
        assertThat(records.get(0)).containsEntry("record", "target").containsEntry("target", "greeter-0.jar")
                .containsEntry("digest", sha256(plugins.resolve("greeter-0.jar")))
                .containsEntry("contract", contract.toString()).containsEntry("verdict", "compliant")
                .containsEntry("violations", List.of())
                .containsEntry("module", Map.of("name", "com.acme.greeter", "version", "1.2.0"));
        Map<String, Object> rude = records.get(10);
        assertThat(rude).containsEntry("target", "nested/rude-1.0.jar").containsEntry("verdict", "non-compliant");
        assertThat(((List<Map<String, Object>>) (List<?>) rude.get("violations")).get(0))
                .containsEntry("category", "missing").containsEntry("subject", "com.acme.Greeter#greet(String)")
                .containsEntry("location", Map.of("file", contract.toString(), "line", 4L, "column", 15L));
        assertThat(records.get(11)).containsEntry("record", "summary").containsEntry("shard", "0/1")
                .containsEntry("targets", 11L).containsEntry("compliant", 10L).containsEntry("non-compliant", 1L)
                .containsEntry("error", 0L).containsEntry("violations", 1L).containsEntry("cached", 0L);
        assertThat(outcome.err()).startsWith("11 targets (shard 0/1 of 11), 10 compliant, 1 non-compliant, 0 allowed, "
                + "0 errors, 0 cached, ");
    }

    @Test
    void one_job_and_two_jobs_write_the_same_records() {
        MainTest.Outcome one = audit("-c", contract.toString(), "--dir", plugins.toString(), "--no-cache", "-j", "1");
        MainTest.Outcome two = audit("-c", contract.toString(), "--dir", plugins.toString(), "--no-cache", "-j", "2");
        assertThat(two.out()).isEqualTo(one.out());
    }

    @Nested
    class Shards {
        @Test
        void two_shards_together_are_one_unsharded_run_and_share_nothing() {
            String all = audit("-c", contract.toString(), "--dir", plugins.toString(), "--no-cache").out();
            String first = audit("-c", contract.toString(), "--dir", plugins.toString(), "--no-cache",
                    "--shard", "0/2").out();
            String second = audit("-c", contract.toString(), "--dir", plugins.toString(), "--no-cache",
                    "--shard", "1/2").out();

            Set<String> union = new HashSet<>(targetLines(first));
            union.addAll(targetLines(second));
            assertThat(union).isEqualTo(targetLines(all)).hasSize(11);
            assertThat(targetLines(first)).doesNotContainAnyElementsOf(targetLines(second)).isNotEmpty();
            assertThat(targetLines(second)).isNotEmpty();
        }

        @Test
        void a_target_belongs_to_the_shard_of_its_name_whatever_the_list_order() throws Exception {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                names.add("greeter-" + i + ".jar");
            }
            Path forward = plugins.resolve("forward.txt");
            Files.write(forward, names);
            Path backward = plugins.resolve("backward.txt");
            List<String> reversed = new ArrayList<>(names);
            java.util.Collections.reverse(reversed);
            Files.write(backward, reversed);
            Set<String> fromForward = targetLines(audit("-c", contract.toString(), "--list", forward.toString(),
                    "--no-cache", "--shard", "1/3").out());
            Set<String> fromBackward = targetLines(audit("-c", contract.toString(), "--list", backward.toString(),
                    "--no-cache", "--shard", "1/3").out());
            assertThat(fromBackward).isEqualTo(fromForward);
            for (String name : names) {
                assertThat(fromForward.stream().anyMatch(l -> l.contains("\"target\":\"" + name + "\"")))
                        .isEqualTo(Long.remainderUnsigned(Shard.hash(name), 3) == 1);
            }
        }

        @Test
        void a_shard_out_of_range_is_bad_input() {
            MainTest.Outcome outcome = audit("-c", contract.toString(), "--dir", plugins.toString(), "--shard", "2/2");
            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err()).isEqualTo("importspy: --shard '2/2': the index is counted from 0, so it is at "
                    + "most 1 for 2 shards\n");
            assertThat(audit("-c", contract.toString(), "--dir", plugins.toString(), "--shard", "half").err())
                    .isEqualTo("importspy: --shard 'half' is not INDEX/COUNT, e.g. 0/4 (indexes count from 0)\n");
        }
    }

    @Nested
    class Cache {
        @TempDir
        Path cache;

        @Test
        void a_rerun_takes_every_verdict_from_the_cache_and_writes_the_same_records() {
            MainTest.Outcome first = audit("-c", contract.toString(), "--dir", plugins.toString(), "--cache", cache.toString());
            MainTest.Outcome second = audit("-c", contract.toString(), "--dir", plugins.toString(), "--cache", cache.toString());

            assertThat(targetLines(second.out())).isEqualTo(targetLines(first.out()));
            assertThat(second.exit()).isEqualTo(first.exit()).isEqualTo(1);
            assertThat(records(second.out()).get(11)).containsEntry("cached", 11L).containsEntry("non-compliant", 1L);
            assertThat(records(first.out()).get(11)).containsEntry("cached", 0L);
        }

        @Test
        void a_changed_contract_or_setting_misses_the_cache() throws Exception {
            Path other = cache.resolve("other.yml");
            Files.writeString(other, Files.readString(contract) + "\n# the same requirements, other bytes\n");
            audit("-c", contract.toString(), "--dir", plugins.toString(), "--cache", cache.toString());

            assertThat(records(audit("-c", other.toString(), "--dir", plugins.toString(), "--cache", cache.toString())
                    .out()).get(11)).containsEntry("cached", 0L);
            assertThat(records(audit("-c", contract.toString(), "--dir", plugins.toString(), "--cache", cache.toString(),
                    "--strict").out()).get(11)).containsEntry("cached", 0L);
            assertThat(records(audit("-c", contract.toString(), "--dir", plugins.toString(), "--cache", cache.toString())
                    .out()).get(11)).containsEntry("cached", 11L);
        }

        @Test
        void an_error_the_bytes_decide_is_cached_and_a_rerun_writes_the_same_records() throws Exception {
            Path garbage = Files.write(dir.resolve("garbage.jar"), "not a zip".getBytes(StandardCharsets.UTF_8));
            String[] args = {"-c", contract.toString(), garbage.toString(), plugins.resolve("greeter-1.jar").toString(),
                    "--cache", cache.toString()};
            MainTest.Outcome first = audit(args);
            MainTest.Outcome second = audit(args);

            assertThat(second.exit()).isEqualTo(first.exit()).isEqualTo(2);
            assertThat(second.out().lines().toList().subList(0, 2)).isEqualTo(first.out().lines().toList().subList(0, 2));
            assertThat(records(first.out()).get(0)).containsEntry("verdict", "error");
            assertThat(records(first.out()).get(2)).containsEntry("cached", 0L).containsEntry("error", 1L);
            assertThat(records(second.out()).get(2)).containsEntry("cached", 2L).containsEntry("error", 1L);
            assertThat(second.err().lines().findFirst()).isEqualTo(first.err().lines().findFirst());
            assertThat(second.err()).startsWith("importspy: " + garbage + ": not a readable JAR")
                    .contains("1 compliant, 0 non-compliant, 0 allowed, 1 errors, 2 cached");
        }

        @Test
        void a_cached_error_names_the_target_as_this_run_gives_it() throws Exception {
            Path garbage = Files.write(dir.resolve("garbage-2.jar"), "not a zip".getBytes(StandardCharsets.UTF_8));
            Path copy = Files.copy(garbage, Files.createDirectories(dir.resolve("elsewhere")).resolve("garbage-2.jar"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            audit("-c", contract.toString(), garbage.toString(), "--cache", cache.toString());

            MainTest.Outcome moved = audit("-c", contract.toString(), copy.toString(), "--cache", cache.toString());
            assertThat((String) records(moved.out()).get(0).get("error")).startsWith(copy.toString());
            assertThat(records(moved.out()).get(1)).containsEntry("cached", 0L);
        }

        /**
         * A verdict depends on the target's file name as well as its bytes: its stem is one of the module's names, and
         * a contract's {@code filename} judges it. The same bytes under another name are judged for that name.
         */
        @Test
        void the_same_bytes_under_another_file_name_miss_the_cache() throws Exception {
            Path named = Files.writeString(dir.resolve("named.yml"),
                    "importspy: 1\nmodule:\n  filename: \"greeter-*.jar\"\n");
            Path rogue = Files.copy(plugins.resolve("greeter-1.jar"),
                    Files.createDirectories(dir.resolve("renamed")).resolve("rogue.jar"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            MainTest.Outcome first = audit("-c", named.toString(), plugins.resolve("greeter-1.jar").toString(),
                    "--cache", cache.toString());
            MainTest.Outcome renamed = audit("-c", named.toString(), rogue.toString(), "--cache", cache.toString());

            assertThat(records(first.out()).get(0)).containsEntry("verdict", "compliant");
            assertThat(records(renamed.out()).get(0)).containsEntry("verdict", "non-compliant");
            assertThat(records(renamed.out()).get(1)).containsEntry("cached", 0L);
            assertThat(renamed.exit()).isEqualTo(1);
        }

        @Test
        void a_damaged_entry_is_a_miss_not_a_verdict() throws Exception {
            audit("-c", contract.toString(), plugins.resolve("nested/rude-1.0.jar").toString(), "--cache", cache.toString());
            try (var files = Files.walk(cache)) {
                for (Path entry : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    String text = Files.readString(entry);
                    Files.writeString(entry, text.replace("non-compliant", "compliant").substring(0, text.length() - 20));
                }
            }
            MainTest.Outcome again = audit("-c", contract.toString(), plugins.resolve("nested/rude-1.0.jar").toString(),
                    "--cache", cache.toString());
            assertThat(again.exit()).isEqualTo(1);
            assertThat(records(again.out()).get(1)).containsEntry("cached", 0L);
        }
    }

    @Nested
    class Manifests {
        @TempDir
        Path work;

        /** The real assertj-core JAR of the test class path, as the local repository that holds it lays it out. */
        Path repository() {
            return assertjJar.getParent().getParent().getParent().getParent().getParent();
        }

        String coordinates() {
            String version = assertjJar.getParent().getFileName().toString();
            return "org.assertj:assertj-core:" + version;
        }

        @Test
        void resolves_coordinates_from_the_local_repository_and_checks_their_digest() throws Exception {
            Path manifest = work.resolve("manifest.txt");
            Files.writeString(manifest, "# audited artifacts\n" + coordinates() + " " + sha256(assertjJar) + "\n");
            Path assertjContract = work.resolve("assertj.yml");
            Files.writeString(assertjContract, "importspy: 1\nmodule: {name: org.assertj.core}\n"
                    + "classes: [{name: org.assertj.core.api.Assertions}]\n");

            MainTest.Outcome outcome = audit("-c", assertjContract.toString(), "--manifest", manifest.toString(),
                    "--repository", repository().toString(), "--no-cache");
            assertThat(outcome.exit()).as(outcome.err()).isZero();
            assertThat(records(outcome.out()).get(0)).containsEntry("target", coordinates())
                    .containsEntry("digest", sha256(assertjJar)).containsEntry("verdict", "compliant");
        }

        @Test
        void a_digest_mismatch_is_an_error_even_when_the_jar_has_a_cached_verdict() throws Exception {
            Path cache = work.resolve("cache");
            Path right = work.resolve("right.txt");
            Files.writeString(right, coordinates() + " " + sha256(assertjJar) + "\n");
            Path wrongManifest = work.resolve("wrong.txt");
            String wrong = "sha256:" + "0".repeat(64);
            Files.writeString(wrongManifest, coordinates() + " " + wrong + "\n");
            MainTest.Outcome first = audit("-c", contract.toString(), "--manifest", right.toString(),
                    "--repository", repository().toString(), "--cache", cache.toString());
            MainTest.Outcome cached = audit("-c", contract.toString(), "--manifest", right.toString(),
                    "--repository", repository().toString(), "--cache", cache.toString());

            MainTest.Outcome pinnedWrong = audit("-c", contract.toString(), "--manifest", wrongManifest.toString(),
                    "--repository", repository().toString(), "--cache", cache.toString());

            assertThat(records(first.out()).get(1)).containsEntry("cached", 0L);
            assertThat(records(cached.out()).get(1)).containsEntry("cached", 1L);
            assertThat(pinnedWrong.exit()).isEqualTo(2);
            assertThat(records(pinnedWrong.out()).get(0)).containsEntry("verdict", "error");
            assertThat((String) records(pinnedWrong.out()).get(0).get("error")).endsWith("not the " + wrong
                    + " the manifest pins");
        }

        @Test
        void a_digest_mismatch_is_a_located_error_and_the_jar_is_not_judged() throws Exception {
            Path manifest = work.resolve("manifest.txt");
            String wrong = "sha256:" + "0".repeat(64);
            Files.writeString(manifest, "\n" + coordinates() + " " + wrong + "\n");
            MainTest.Outcome outcome = audit("-c", contract.toString(), "--manifest", manifest.toString(),
                    "--repository", repository().toString(), "--no-cache");

            assertThat(outcome.exit()).isEqualTo(2);
            String message = manifest + ":2:1: " + coordinates() + " (" + assertjJar + ") has " + sha256(assertjJar)
                    + ", not the " + wrong + " the manifest pins";
            assertThat(outcome.err()).startsWith("importspy: " + message + "\n");
            assertThat(records(outcome.out()).get(0)).containsEntry("verdict", "error").containsEntry("error", message)
                    .containsEntry("violations", List.of()).containsEntry("contract", null);
        }

        @Test
        void bad_lines_and_unknown_coordinates_are_located_before_any_work() throws Exception {
            Path manifest = work.resolve("manifest.txt");
            Files.writeString(manifest, "org.acme:nothing:1.0 sha256:" + "a".repeat(64) + "\njunk\n"
                    + "org.acme:short:1.0 sha256:abc\n");
            MainTest.Outcome outcome = audit("-c", contract.toString(), "--manifest", manifest.toString(),
                    "--repository", work.toString(), "--no-cache");

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err()).isEqualTo(
                    "importspy: " + manifest + ":1:1: org.acme:nothing:1.0 is not in the local repository " + work
                            + " (no " + work.resolve("org/acme/nothing/1.0/nothing-1.0.jar") + ")\n"
                    + "importspy: " + manifest + ":2:1: expected 'groupId:artifactId:version[:classifier] sha256:HEX', "
                            + "found 'junk'\n"
                    + "importspy: " + manifest + ":3:1: a sha256 digest has 64 hex digits, this one 3\n");
        }
    }

    @Nested
    class Bad_targets {
        @Test
        void a_missing_list_entry_is_located() throws Exception {
            Path list = dir.resolve("list.txt");
            Files.writeString(list, "plugins/greeter-1.jar\n# comment\nplugins/absent.jar\n");
            MainTest.Outcome outcome = audit("-c", contract.toString(), "--list", list.toString());
            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.out()).isEmpty();
            assertThat(outcome.err()).isEqualTo("importspy: " + list + ":3:1: target 'plugins/absent.jar' not found\n");
        }

        @Test
        void a_corrupt_jar_is_an_error_record_the_others_are_audited() throws Exception {
            Path corrupt = dir.resolve("corrupt.jar");
            Files.write(corrupt, "not a zip".getBytes(StandardCharsets.UTF_8));
            MainTest.Outcome outcome = audit("-c", contract.toString(), corrupt.toString(),
                    plugins.resolve("greeter-1.jar").toString(), "--no-cache");

            assertThat(outcome.exit()).isEqualTo(2);
            List<Map<String, Object>> records = records(outcome.out());
            assertThat(records.get(0)).containsEntry("verdict", "error").containsEntry("digest", sha256(corrupt));
            assertThat((String) records.get(0).get("error")).startsWith(corrupt.toString());
            assertThat(records.get(1)).containsEntry("verdict", "compliant");
            assertThat(outcome.err()).startsWith("importspy: " + corrupt).doesNotContain("Exception")
                    .contains("1 compliant, 0 non-compliant, 0 allowed, 1 errors");
        }

        @Test
        void no_target_a_directory_argument_and_bad_options_are_bad_input() {
            assertThat(audit("-c", contract.toString()).err())
                    .isEqualTo("importspy: no target: give JARs, --dir DIR, --list FILE or --manifest FILE"
                            + " (a directory given holds no *.jar file)\n");
            assertThat(audit("-c", contract.toString(), plugins.toString()).err())
                    .isEqualTo("importspy: target '" + plugins + "' is a directory; give its JARs with --dir\n");
            assertThat(audit("-c", contract.toString(), "-j", "0", plugins.toString()).err())
                    .isEqualTo("importspy: --jobs 0: give at least 1\n");
            MainTest.Outcome current = audit("-c", contract.toString(), "--runtime", "current", "--dir", plugins.toString());
            assertThat(current.exit()).isEqualTo(2);
            assertThat(current.err()).startsWith("importspy: --runtime current is not for audits");
        }
    }

    @Test
    void a_policy_decides_each_target_and_allowed_ones_are_recorded_so() throws Exception {
        Path policy = dir.resolve("policy.yml");
        Files.writeString(policy, """
                importspy-policy: 1
                default: refuse
                rules:
                  - match: {path: "plugins/greeter-1.jar"}
                    mode: allow
                  - match: {path: "plugins/**"}
                    contract: greeter.yml
                """);
        Path stray = TestPlugins.greeterJar(dir, "stray.jar", TestPlugins.GREETER);
        MainTest.Outcome outcome = audit("--policy", policy.toString(), "--no-cache",
                plugins.resolve("greeter-1.jar").toString(), plugins.resolve("greeter-2.jar").toString(),
                plugins.resolve("nested/rude-1.0.jar").toString(), stray.toString());

        assertThat(outcome.exit()).isEqualTo(1);
        List<Map<String, Object>> records = records(outcome.out());
        assertThat(records.get(0)).containsEntry("verdict", "allowed").containsEntry("contract", null);
        assertThat(records.get(1)).containsEntry("verdict", "compliant")
                .containsEntry("contract", dir.resolve("greeter.yml").toString());
        assertThat(records.get(2)).containsEntry("verdict", "non-compliant");
        assertThat(records.get(3)).containsEntry("verdict", "non-compliant").containsEntry("contract", null);
        assertThat(records.get(4)).containsEntry("allowed", 1L).containsEntry("compliant", 1L)
                .containsEntry("non-compliant", 2L);
    }

    @Nested
    class Policy_contracts {
        @TempDir
        Path work;

        Path policy(String rules) throws Exception {
            Files.writeString(work.resolve("greeter.yml"), Files.readString(contract));
            Files.writeString(work.resolve("rude.yml"), Files.readString(contract).replace("greet", "hail"));
            return Files.writeString(work.resolve("policy.yml"), "importspy-policy: 1\ndefault: refuse\nrules:\n" + rules);
        }

        @Test
        void a_contract_is_read_only_when_a_target_needs_it_and_a_bad_one_fails_only_its_targets() throws Exception {
            Files.writeString(work.resolve("broken.yml"), "importspy: 1\nclasses:\n  - nmae: com.acme.Greeter\n");
            Files.writeString(work.resolve("unused.yml"), "importspy: 1\nmodule: {nmae: x}\n");
            Path policy = policy("""
                      - match: {path: "%s/greeter-1.jar"}
                        contract: broken.yml
                      - match: {path: "%s/greeter-3.jar"}
                        contract: broken.yml
                      - match: {path: "/nowhere/**"}
                        contract: unused.yml
                      - match: {path: "%s/**"}
                        contract: greeter.yml
                    """.formatted(plugins, plugins, plugins));

            MainTest.Outcome outcome = audit("--policy", policy.toString(), "--dir", plugins.toString(), "--no-cache",
                    "-j", "2");

            assertThat(outcome.exit()).isEqualTo(2);
            List<Map<String, Object>> records = records(outcome.out());
            String error = work.resolve("broken.yml") + ":3:5: unknown key 'nmae' in class; did you mean 'name'?";
            assertThat(records.get(1)).containsEntry("verdict", "error")
                    .containsEntry("contract", work.resolve("broken.yml").toString());
            assertThat((String) records.get(1).get("error")).contains(error);
            assertThat(records.get(3).get("error")).isEqualTo(records.get(1).get("error"));
            assertThat(records.get(0)).containsEntry("verdict", "compliant");
            assertThat(records.get(11)).containsEntry("error", 2L).containsEntry("compliant", 8L);
            assertThat(outcome.err().lines().filter(l -> l.contains("nmae")).count())
                    .as("the contract's error once, not once per target").isEqualTo(1);
            assertThat(outcome.err()).as("a contract no target needs is not read").doesNotContain("unused.yml");
        }

        @Test
        void a_contract_error_is_cached_for_the_targets_it_decides(@TempDir Path cache) throws Exception {
            Files.writeString(work.resolve("broken.yml"), "importspy: 1\nclasses:\n  - nmae: com.acme.Greeter\n");
            Path policy = policy("""
                      - match: {path: "%s/nested/**"}
                        contract: broken.yml
                      - match: {path: "%s/**"}
                        contract: greeter.yml
                    """.formatted(plugins, plugins));
            String[] args = {"--policy", policy.toString(), "--dir", plugins.toString(), "--cache", cache.toString()};
            MainTest.Outcome first = audit(args);
            MainTest.Outcome second = audit(args);

            assertThat(second.exit()).isEqualTo(first.exit()).isEqualTo(2);
            assertThat(targetLines(second.out())).isEqualTo(targetLines(first.out()));
            assertThat(records(second.out()).get(10)).containsEntry("verdict", "error");
            assertThat(records(second.out()).get(11)).containsEntry("error", 1L).containsEntry("cached", 11L);
            assertThat(second.err()).contains(work.resolve("broken.yml") + ":3:5: unknown key 'nmae' in class");
        }

        @Test
        @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
        void a_contract_that_cannot_be_read_is_its_error_and_is_never_cached(@TempDir Path cache) throws Exception {
            Files.createSymbolicLink(work.resolve("unreadable.yml"), Path.of("/proc/self/mem")); // reads fail: EIO
            Path policy = policy("""
                      - match: {path: "%s/**"}
                        contract: unreadable.yml
                    """.formatted(plugins));
            String[] args = {"--policy", policy.toString(), plugins.resolve("greeter-1.jar").toString(),
                    "--cache", cache.toString()};
            audit(args);
            MainTest.Outcome second = audit(args);

            assertThat(second.exit()).isEqualTo(2);
            assertThat((String) records(second.out()).get(0).get("error"))
                    .startsWith(work.resolve("unreadable.yml") + ": cannot read contract: ");
            assertThat(records(second.out()).get(1)).containsEntry("cached", 0L);
        }

        @Test
        void a_changed_contract_misses_the_cache_only_for_the_targets_it_decides(@TempDir Path cache) throws Exception {
            Path policy = policy("""
                      - match: {path: "%s/nested/**"}
                        contract: rude.yml
                      - match: {path: "%s/**"}
                        contract: greeter.yml
                    """.formatted(plugins, plugins));
            MainTest.Outcome first = audit("--policy", policy.toString(), "--dir", plugins.toString(), "--cache",
                    cache.toString());
            Files.writeString(work.resolve("rude.yml"), Files.readString(work.resolve("rude.yml")) + "# other bytes\n");

            MainTest.Outcome second = audit("--policy", policy.toString(), "--dir", plugins.toString(), "--cache",
                    cache.toString());

            assertThat(first.exit()).isZero();
            assertThat(records(first.out()).get(11)).containsEntry("compliant", 11L).containsEntry("cached", 0L);
            assertThat(records(second.out()).get(11)).containsEntry("compliant", 11L).containsEntry("cached", 10L);
            assertThat(records(second.out()).get(10)).containsEntry("contract", work.resolve("rude.yml").toString());
            assertThat(targetLines(second.out())).isEqualTo(targetLines(first.out()));
        }
    }
}
