package io.importspy.internal.inspect;

import io.importspy.inspect.InspectionException;
import io.importspy.inspect.LibraryFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.java.Platforms;
import io.importspy.testsupport.TestJars;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuntimeInspectorTest {
    @TempDir
    Path tmp;

    @Nested
    class The_running_jvm {
        @Test
        void reports_canonical_platform_names_and_its_java() {
            RuntimeFacts runtime = RuntimeInspector.current();
            assertThat(Platforms.operatingSystems()).contains(runtime.os());
            assertThat(Platforms.architectures()).contains(runtime.arch());
            assertThat(runtime.os()).isEqualTo(Platforms.normalizeOs(System.getProperty("os.name")).orElseThrow());
            assertThat(runtime.javaVersion()).isEqualTo(Runtime.version().toString());
            assertThat(runtime.javaVendor()).isEqualTo(System.getProperty("java.vendor"));
            assertThat(runtime.javaImplementation()).isEqualTo("HotSpot");
            assertThat(runtime.variables()).isEqualTo(System.getenv());
            assertThat(runtime.properties()).containsEntry("java.version", System.getProperty("java.version"));
            assertThat(runtime.secrets()).isEmpty();
            assertThat(runtime.libraries()).isEmpty();
        }

        @Test
        void names_the_implementation_from_the_vm_name() {
            assertThat(RuntimeInspector.implementation("Eclipse OpenJ9 VM", "")).isEqualTo("OpenJ9");
            assertThat(RuntimeInspector.implementation("Substrate VM", "GraalVM CE 21")).isEqualTo("GraalVM");
            assertThat(RuntimeInspector.implementation("OpenJDK 64-Bit Server VM", "Oracle GraalVM 21.0.2+13.1"))
                    .isEqualTo("GraalVM");
            assertThat(RuntimeInspector.implementation("Java HotSpot(TM) 64-Bit Server VM", "")).isEqualTo("HotSpot");
            assertThat(RuntimeInspector.implementation("Dalvik", "")).isEqualTo("Dalvik");
        }

        @Test
        void describes_class_path_libraries_by_their_identity() {
            Path classes = TestJars.compile(tmp.resolve("classes"), Map.of("l/L.java", "package l; public class L { }"));
            Path jar = TestJars.jar(tmp.resolve("slf4j-api-2.0.16.jar")).manifest("Bundle-SymbolicName", "slf4j.api")
                    .manifest("Bundle-Version", "2.0.16").classes(classes).build();
            assertThat(RuntimeInspector.libraries(List.of(jar)))
                    .containsExactly(new LibraryFacts(List.of("slf4j.api", "slf4j-api"), Optional.of("2.0.16"), jar.toString()));
        }
    }

    @Nested
    class Recorded_runtimes {
        RuntimeFacts sample() {
            return RuntimeFacts.builder("linux", "aarch64", "21.0.5+11", "Eclipse Adoptium", "HotSpot")
                    .variables(Map.of("MODE", "production", "PORT", "8080"))
                    .properties(Map.of("file.encoding", "UTF-8"))
                    .secrets(Map.of("DB_PASSWORD", true, "API_TOKEN", false))
                    .libraries(List.of(
                            new LibraryFacts(List.of("org.slf4j", "slf4j-api"), Optional.of("2.0.16"), "lib/slf4j.jar"),
                            new LibraryFacts(List.of("tools"), Optional.empty(), "lib/tools")))
                    .recorded().unsetVariables(Set.of("LOG_DIR")).unsetProperties(Set.of("app.profile")).build();
        }

        RuntimeFacts recorded(RuntimeFacts live) {
            return live.toBuilder().recorded().build();
        }

        @Test
        void survive_a_round_trip_through_yaml() throws Exception {
            String yaml = RuntimeRecord.toYaml(sample());
            assertThat(yaml).startsWith("importspy-runtime: 1\n").contains("DB_PASSWORD: present", "API_TOKEN: absent",
                    "LOG_DIR: null", "app.profile: null");
            Path file = Files.writeString(tmp.resolve("runtime.yml"), yaml);
            assertThat(RuntimeRecord.read(file)).isEqualTo(sample());
        }

        @Test
        void the_running_jvm_survives_a_round_trip_too() throws Exception {
            RuntimeFacts current = RuntimeInspector.current();
            Path file = Files.writeString(tmp.resolve("current.yml"), RuntimeRecord.toYaml(current));
            assertThat(RuntimeRecord.read(file)).isEqualTo(recorded(current));
        }

        @Test
        void hand_written_scalars_are_read_as_text() throws Exception {
            Path file = Files.writeString(tmp.resolve("hand.yml"), """
                    importspy-runtime: 1
                    os: linux
                    arch: x86_64
                    java: {version: 17, vendor: Debian, implementation: HotSpot}
                    environment:
                      variables: {PORT: 8080, DEBUG: true}
                    """);
            RuntimeFacts runtime = RuntimeRecord.read(file);
            assertThat(runtime.javaVersion()).isEqualTo("17");
            assertThat(runtime.variables()).containsEntry("PORT", "8080").containsEntry("DEBUG", "true");
            assertThat(runtime.recorded()).isTrue();
            assertThat(runtime.secretPresent("DB_PASSWORD")).as("not recorded, so unknown").isEmpty();
        }

        @Test
        void tell_a_name_recorded_as_unset_from_a_name_not_recorded() throws Exception {
            Path file = Files.writeString(tmp.resolve("unset.yml"), """
                    importspy-runtime: 1
                    os: linux
                    arch: x86_64
                    java: {version: 17, vendor: Debian, implementation: HotSpot}
                    environment:
                      variables: {MODE: production, LOG_DIR: null, EMPTY: '', WORD: 'null', TOKEN: null}
                      secrets: {DB_PASSWORD: present}
                    properties: {file.encoding: UTF-8, app.profile: null}
                    """);
            RuntimeFacts runtime = RuntimeRecord.read(file);

            assertThat(runtime.variables()).containsExactly(Map.entry("MODE", "production"), Map.entry("EMPTY", ""),
                    Map.entry("WORD", "null"));
            assertThat(runtime.unsetVariables()).containsExactly("LOG_DIR", "TOKEN");
            assertThat(runtime.properties()).containsExactly(Map.entry("file.encoding", "UTF-8"));
            assertThat(runtime.unsetProperties()).containsExactly("app.profile");
            assertThat(runtime.knowsVariable("LOG_DIR")).isTrue();
            assertThat(runtime.knowsVariable("MODE")).isTrue();
            assertThat(runtime.knowsVariable("OTHER")).isFalse();
            assertThat(runtime.knowsProperty("app.profile")).isTrue();
            assertThat(runtime.knowsProperty("user.home")).isFalse();
            assertThat(runtime.secretPresent("TOKEN")).contains(false);
            assertThat(runtime.secretPresent("OTHER")).isEmpty();
        }

        @Test
        void a_live_runtime_knows_every_name() {
            RuntimeFacts live = RuntimeFacts.builder("linux", "x86_64", "17", "Debian", "HotSpot")
                    .variables(Map.of("MODE", "x")).build();

            assertThat(live.recorded()).isFalse();
            assertThat(live.knowsVariable("OTHER")).isTrue();
            assertThat(live.knowsProperty("other")).isTrue();
            assertThat(live.secretPresent("OTHER")).contains(false);
            assertThat(live.withLibraries(List.of())).isEqualTo(live);
        }

        @Test
        void an_error_about_a_secret_never_quotes_its_value() throws Exception {
            String head = "importspy-runtime: 1\nos: linux\narch: x86_64\n"
                    + "java: {version: 17, vendor: X, implementation: HotSpot}\nenvironment:\n  secrets:\n";
            Map<String, String> values = new LinkedHashMap<>();
            values.put("hunter2secret", "hunter2secret");
            values.put("!!binary aHVudGVyMnNlY3JldA==", "aHVudGVyMnNlY3JldA==");
            values.put("\"hunter2secret\"", "hunter2secret");
            values.put("[hunter2secret]", "hunter2secret");
            values.put("{value: hunter2secret}", "hunter2secret");
            for (Map.Entry<String, String> value : values.entrySet()) {
                Path file = Files.writeString(tmp.resolve("secret.yml"), head + "    DB_PASSWORD: " + value.getKey() + "\n");
                assertThatThrownBy(() -> RuntimeRecord.read(file)).as(value.getKey())
                        .isInstanceOf(InspectionException.class)
                        .hasMessageStartingWith(file + ":7:18: ")
                        .hasMessageContaining("DB_PASSWORD")
                        .hasMessageNotContaining(value.getValue())
                        .hasMessageNotContaining("hunter2");
            }
        }

        @Test
        void errors_point_at_file_line_and_column() throws Exception {
            Path unknown = Files.writeString(tmp.resolve("unknown.yml"),
                    "importspy-runtime: 1\nos: linux\narch: x86_64\njava: {version: 17, vendor: X, implementation: HotSpot}\nplatform: x\n");
            assertThatThrownBy(() -> RuntimeRecord.read(unknown)).isInstanceOf(InspectionException.class)
                    .hasMessage(unknown + ":5:1: unknown key 'platform' in the recorded runtime; expected one of "
                            + "arch, environment, facts, importspy-runtime, java, libraries, os, properties");
            Path secret = Files.writeString(tmp.resolve("secret.yml"),
                    "importspy-runtime: 1\nos: linux\narch: x86_64\njava: {version: 17, vendor: X, implementation: HotSpot}\n"
                            + "environment:\n  secrets:\n    DB_PASSWORD: hunter2\n");
            assertThatThrownBy(() -> RuntimeRecord.read(secret)).hasMessage(secret
                    + ":7:18: secret 'DB_PASSWORD' must be recorded as present or absent, not as a value");
            Path broken = Files.writeString(tmp.resolve("broken.yml"), "importspy-runtime: 1\nos: [linux\n");
            assertThatThrownBy(() -> RuntimeRecord.read(broken)).hasMessageStartingWith(broken + ":3:1: not valid YAML (");
            Path format = Files.writeString(tmp.resolve("format.yml"), "importspy-runtime: 2\n");
            assertThatThrownBy(() -> RuntimeRecord.read(format)).hasMessage(format
                    + ":1:20: unsupported 'importspy-runtime: 2'; this version of ImportSpy reads format 1");
            Path missing = tmp.resolve("absent.yml");
            assertThatThrownBy(() -> RuntimeRecord.read(missing)).hasMessage(missing
                    + ": recorded runtime cannot be read (no such file); record one with "
                    + "'importspy inspect --runtime > runtime.yml'");
        }

        @Test
        void a_recorded_runtime_is_read_within_the_limits_of_every_yaml_input() throws Exception {
            String head = "importspy-runtime: 1\nos: linux\narch: x86_64\njava: {version: 17, vendor: X, implementation: HotSpot}\n";
            Path longValue = Files.writeString(tmp.resolve("long-value.yml"), head + "properties:\n  big: "
                    + "x".repeat(70_000) + "\n");
            assertThatThrownBy(() -> RuntimeRecord.read(longValue)).isInstanceOf(InspectionException.class)
                    .hasMessage(longValue + ":6:8: a value of 70000 characters; the limit is 65536 (shorten it)");
            Path deep = Files.writeString(tmp.resolve("deep.yml"), head + "libraries: " + "[".repeat(70)
                    + "]".repeat(70) + "\n");
            assertThatThrownBy(() -> RuntimeRecord.read(deep))
                    .hasMessage(deep + ":5:75: recorded runtime is nested more than 64 levels deep; flatten it");
            StringBuilder bomb = new StringBuilder(head + "properties:\n  l0: &l0 [a, a, a, a, a, a, a, a, a]\n");
            for (int level = 1; level <= 9; level++) {
                bomb.append("  l").append(level).append(": &l").append(level).append(" [")
                        .append(String.join(", ", java.util.Collections.nCopies(9, "*l" + (level - 1)))).append("]\n");
            }
            Path aliases = Files.writeString(tmp.resolve("aliases.yml"), bomb);
            assertThatThrownBy(() -> RuntimeRecord.read(aliases)).hasMessage(aliases
                    + ":12:37: recorded runtime uses more than 50 aliases of lists or mappings; write the entries out instead");
            Path large = tmp.resolve("large.yml");
            Files.write(large, new byte[17 * 1024 * 1024]);
            assertThatThrownBy(() -> RuntimeRecord.read(large))
                    .hasMessage(large + ":1:1: recorded runtime is 17825792 bytes; the limit is 16 MiB");
            Path latin1 = Files.write(tmp.resolve("latin1.yml"), (head + "properties: {name: caf\u00e9}\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            assertThatThrownBy(() -> RuntimeRecord.read(latin1)).hasMessage(latin1
                    + ":5:23: cannot read recorded runtime: it is not UTF-8 text; save it as UTF-8");
        }
    }
}
