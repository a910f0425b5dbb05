package io.importspy.maven;

import io.importspy.contract.ContractException;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the check goal's {@code <contract>} parameter finds a contract among files and dependencies. */
class ContractResolverTest {
    private static final String CONTRACT = "importspy: 1\nclasses:\n  - name: com.acme.Plugin\n";

    @TempDir
    Path tmp;

    private Artifact dependency(String artifactId, Map<String, String> entries) throws IOException {
        Path jar = tmp.resolve(artifactId + "-1.0.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new JarEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        DefaultArtifact artifact = new DefaultArtifact("com.acme", artifactId, "1.0", Artifact.SCOPE_PROVIDED, "jar",
                null, new DefaultArtifactHandler("jar"));
        artifact.setFile(jar.toFile());
        return artifact;
    }

    private ContractResolver resolver(Artifact... dependencies) {
        return new ContractResolver(tmp, List.of(dependencies), new SystemStreamLog());
    }

    @Nested
    class Unset {
        @Test
        void takes_the_one_contract_the_dependencies_publish() throws Exception {
            Artifact api = dependency("greeter-api", Map.of("META-INF/importspy/greeter.yml", CONTRACT));
            Artifact other = dependency("commons", Map.of("a.txt", "a"));
            assertThat(resolver(other, api).resolve(null).file()).isEqualTo("greeter-api-1.0.jar!/META-INF/importspy/greeter.yml");
        }

        @Test
        void without_any_published_contract_says_how_to_name_one() throws Exception {
            Artifact other = dependency("commons", Map.of("a.txt", "a"));
            assertThatThrownBy(() -> resolver(other).resolve(" "))
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("no contract to check against: none of the project's dependencies publishes one at "
                            + "META-INF/importspy/*.yml; set <contract> to a file or to dependency:GROUP:ARTIFACT");
        }

        @Test
        void with_several_published_contracts_lists_them_to_choose_from() throws Exception {
            Artifact a = dependency("a-api", Map.of("META-INF/importspy/a.yml", CONTRACT));
            Artifact b = dependency("b-api", Map.of("META-INF/importspy/b.yml", CONTRACT));
            assertThatThrownBy(() -> resolver(a, b).resolve(null))
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("the project's dependencies publish 2 contracts; choose one with <contract>: "
                            + "dependency:com.acme:a-api:a.yml, dependency:com.acme:b-api:b.yml");
        }
    }

    @Nested
    class FromADependency {
        @Test
        void names_the_dependency_and_optionally_the_contract() throws Exception {
            Artifact api = dependency("greeter-api", Map.of("META-INF/importspy/greeter.yml", CONTRACT,
                    "META-INF/importspy/admin.yml", CONTRACT));
            assertThat(resolver(api).resolve("dependency:com.acme:greeter-api:admin.yml").file())
                    .isEqualTo("greeter-api-1.0.jar!/META-INF/importspy/admin.yml");
            assertThatThrownBy(() -> resolver(api).resolve("dependency:com.acme:greeter-api"))
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("<contract>dependency:com.acme:greeter-api</contract>: com.acme:greeter-api:1.0 "
                            + "publishes 2 contracts; name one, e.g. dependency:com.acme:greeter-api:admin.yml");
        }

        @Test
        void a_dependency_the_project_lacks_is_named() throws Exception {
            Artifact api = dependency("greeter-api", Map.of("META-INF/importspy/greeter.yml", CONTRACT));
            assertThatThrownBy(() -> resolver(api).resolve("dependency:com.acme:gretter-api"))
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("<contract>dependency:com.acme:gretter-api</contract>: the project has no dependency "
                            + "com.acme:gretter-api (of scope compile, provided, system or runtime)");
        }

        @Test
        void a_malformed_reference_shows_the_forms() {
            assertThatThrownBy(() -> resolver().resolve("dependency:com.acme"))
                    .isInstanceOf(MojoExecutionException.class)
                    .hasMessage("<contract>dependency:com.acme</contract> is not of the form dependency:GROUP:ARTIFACT "
                            + "or dependency:GROUP:ARTIFACT:NAME");
        }

        @Test
        void a_contract_name_the_dependency_lacks_lists_those_it_has() throws Exception {
            Artifact api = dependency("greeter-api", Map.of("META-INF/importspy/greeter.yml", CONTRACT));
            assertThatThrownBy(() -> resolver(api).resolve("dependency:com.acme:greeter-api:gretter.yml"))
                    .isInstanceOf(ContractException.class)
                    .hasMessageEndingWith("it publishes META-INF/importspy/greeter.yml");
        }
    }

    @Test
    void a_file_is_read_relative_to_the_project_directory() throws Exception {
        Files.writeString(tmp.resolve("spymodel.yml"), CONTRACT);
        assertThat(resolver().resolve("spymodel.yml").file()).isEqualTo(tmp.resolve("spymodel.yml").toString());
        assertThatThrownBy(() -> resolver().resolve("missing.yml"))
                .isInstanceOf(ContractException.class)
                .hasMessage(tmp.resolve("missing.yml") + ":1:1: cannot read contract: no such file");
    }

    @Test
    void report_formats_are_named_without_case_and_unknown_ones_are_refused() throws Exception {
        assertThat(ReportFormat.parse(List.of("TEXT", " sarif,junit", ""))).containsExactly(
                ReportFormat.TEXT, ReportFormat.SARIF, ReportFormat.JUNIT);
        assertThatThrownBy(() -> ReportFormat.parse(List.of("text", "html")))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("unknown report format 'html' in <formats>; use text, json, sarif or junit");
    }
}
