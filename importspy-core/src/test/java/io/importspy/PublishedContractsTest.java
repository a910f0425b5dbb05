package io.importspy;

import io.importspy.contract.ContractException;
import io.importspy.contract.SpyModel;
import io.importspy.testsupport.TestJars;
import io.importspy.validate.Report;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A host publishes its contract inside its API JAR, and a plugin is checked against it. */
class PublishedContractsTest {
    private static final String CONTRACT = """
            importspy: 1
            classes:
              - name: com.acme.spi.Greeter
                kind: interface
            """;

    @TempDir
    Path tmp;

    private Path apiJar() {
        Path classes = TestJars.compile(tmp.resolve("api-classes"),
                Map.of("com/acme/spi/Greeter.java", "package com.acme.spi; public interface Greeter { String greet(String who); }"));
        return TestJars.jar(tmp.resolve("greeter-api-1.0.jar"))
                .classes(classes)
                .entry("META-INF/importspy/greeter.yml", CONTRACT)
                .entry("META-INF/importspy/notes.txt", "not a contract")
                .entry("META-INF/importspy/nested/other.yml", CONTRACT)
                .entry("META-INF/importspy/legacy.yaml", CONTRACT)
                .build();
    }

    @Nested
    class Listing {
        @Test
        void lists_the_yaml_files_directly_under_meta_inf_importspy_in_name_order() {
            assertThat(Spy.publishedContracts(apiJar()))
                    .containsExactly("META-INF/importspy/greeter.yml", "META-INF/importspy/legacy.yaml");
        }

        @Test
        void a_jar_without_contracts_publishes_none() {
            Path jar = TestJars.jar(tmp.resolve("plain.jar")).entry("a.txt", "a").build();
            assertThat(Spy.publishedContracts(jar)).isEmpty();
        }

        @Test
        void a_class_directory_publishes_the_files_in_its_meta_inf_importspy() throws Exception {
            Path dir = Files.createDirectories(tmp.resolve("classes/META-INF/importspy"));
            Files.writeString(dir.resolve("greeter.yml"), CONTRACT);
            assertThat(Spy.publishedContracts(tmp.resolve("classes"))).containsExactly("META-INF/importspy/greeter.yml");
            assertThat(Spy.publishedContract(tmp.resolve("classes"), "META-INF/importspy/greeter.yml").file())
                    .isEqualTo("classes!/META-INF/importspy/greeter.yml");
        }

        @Test
        void a_missing_file_is_a_located_contract_error() {
            Path missing = tmp.resolve("nope.jar");
            assertThatThrownBy(() -> Spy.publishedContracts(missing))
                    .isInstanceOf(ContractException.class)
                    .hasMessage(missing + ":1:1: cannot read published contracts: no such file");
        }

        @Test
        void a_file_that_is_not_a_jar_is_a_located_contract_error() throws Exception {
            Path text = Files.writeString(tmp.resolve("api.jar"), "hello");
            assertThatThrownBy(() -> Spy.publishedContracts(text))
                    .isInstanceOf(ContractException.class)
                    .hasMessageStartingWith(text + ":1:1: cannot read published contracts: not a JAR");
        }
    }

    @Nested
    class Reading {
        @Test
        void the_published_contract_validates_a_plugin_with_locations_inside_the_jar() {
            Path api = apiJar();
            SpyModel model = Spy.publishedContract(api, "META-INF/importspy/greeter.yml");
            assertThat(model.file()).isEqualTo("greeter-api-1.0.jar!/META-INF/importspy/greeter.yml");
            Report report = Spy.validate(api, model);
            assertThat(report.isCompliant()).isTrue();
        }

        @Test
        void an_absent_entry_names_the_contracts_the_jar_does_publish() {
            Path api = apiJar();
            assertThatThrownBy(() -> Spy.publishedContract(api, "META-INF/importspy/gretter.yml"))
                    .isInstanceOf(ContractException.class)
                    .hasMessage("greeter-api-1.0.jar!/META-INF/importspy/gretter.yml:1:1: no entry "
                            + "'META-INF/importspy/gretter.yml' in greeter-api-1.0.jar; it publishes "
                            + "META-INF/importspy/greeter.yml, META-INF/importspy/legacy.yaml");
        }

        @Test
        void an_invalid_published_contract_points_into_the_jar() {
            Path jar = TestJars.jar(tmp.resolve("bad-api.jar"))
                    .entry("META-INF/importspy/bad.yml", "importspy: 1\nclases: []\n").build();
            assertThatThrownBy(() -> Spy.publishedContract(jar, "META-INF/importspy/bad.yml"))
                    .isInstanceOf(ContractException.class)
                    .hasMessageStartingWith("bad-api.jar!/META-INF/importspy/bad.yml:2:1: unknown key 'clases'");
        }

        @Test
        void a_published_contract_that_is_not_utf8_is_a_contract_error() {
            Path jar = TestJars.jar(tmp.resolve("latin1.jar"))
                    .entry("META-INF/importspy/c.yml", "importspy: 1 # caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))
                    .build();
            assertThatThrownBy(() -> Spy.publishedContract(jar, "META-INF/importspy/c.yml"))
                    .isInstanceOf(ContractException.class)
                    .hasMessage("latin1.jar!/META-INF/importspy/c.yml:1:19: cannot read contract: it is not UTF-8 text; "
                            + "save it as UTF-8");
        }
    }

    @Test
    void a_starting_contract_of_a_jar_reads_back_as_a_contract_it_satisfies() {
        Path api = apiJar();
        String yaml = Spy.startingContract(api);
        assertThat(yaml).contains("com.acme.spi.Greeter");
        SpyModel model = io.importspy.internal.contract.Contracts.parse(yaml, "start.yml");
        assertThat(Spy.validate(model, ValidationOptions.defaults().withRuntime(RuntimeSource.none()), List.of(api))
                .isCompliant()).isTrue();
    }
}
