package io.importspy.cli;

import io.importspy.contract.Location;
import io.importspy.contract.SpyModel;
import io.importspy.inspect.LibraryFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.contract.DeploymentSpec;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.ModuleSpec;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.contract.ValueMatcher;
import io.importspy.internal.contract.ValueSpec;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeSelectionTest {
    private static final Location AT = new Location("spymodel.yml", 1, 1);

    private final RuntimeFacts all = RuntimeFacts.builder("linux", "x86_64", "17.0.15+6", "Debian", "HotSpot")
            .variables(Map.of("MODE", "production", "DB_PASSWORD", "hunter2", "AWS_SECRET_ACCESS_KEY", "xyz",
                    "EMPTY", ""))
            .properties(properties())
            .libraries(List.of(new LibraryFacts(List.of("org.slf4j:slf4j-api"), Optional.of("2.0.16"), "slf4j.jar")))
            .build();

    @Test
    void without_a_contract_records_no_environment_variable() {
        RuntimeFacts recorded = RuntimeSelection.withoutEnvironment(all);

        assertThat(recorded.variables()).isEmpty();
        assertThat(recorded.secrets()).isEmpty();
        assertThat(recorded.properties()).containsOnlyKeys("file.encoding", "user.home", "sun.java.launcher",
                "db.url");
        assertThat(recorded.libraries()).isEqualTo(all.libraries());
        assertThat(recorded.os() + recorded.arch() + recorded.javaVersion()).isEqualTo("linuxx86_6417.0.15+6");
    }

    @Test
    void without_a_contract_omits_properties_that_may_hold_a_credential_or_a_command_line() {
        assertThat(RuntimeSelection.omittedProperties(all)).containsExactlyInAnyOrder("sun.java.command",
                "db.password", "DB_PASSWD", "app.client-secret", "github.token", "aws.credentials.file",
                "service.api.key", "service.apiKey", "service.api_key", "tls.private-key", "jdbc.url");
        assertThat(RuntimeSelection.withoutEnvironment(all).toString()).doesNotContain("hunter2");
    }

    @Test
    void with_a_contract_records_a_named_property_even_when_it_looks_like_a_credential() {
        DeploymentSpec deployment = new DeploymentSpec(Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), List.of(), List.of(variable("db.password"), variable("sun.java.command")), List.of(), AT);
        SpyModel model = Sections.model(ModuleSpec.empty(AT), List.of(), List.of(deployment), AT);

        assertThat(RuntimeSelection.forContract(all, model).properties()).containsExactly(
                Map.entry("db.password", "hunter2"), Map.entry("sun.java.command", "app.jar --password hunter2"));
    }

    private static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("file.encoding", "UTF-8");
        properties.put("user.home", "/root");
        properties.put("sun.java.launcher", "SUN_STANDARD");
        properties.put("db.url", "jdbc:postgresql://db:5432/app");
        properties.put("sun.java.command", "app.jar --password hunter2");
        properties.put("db.password", "hunter2");
        properties.put("DB_PASSWD", "hunter2");
        properties.put("app.client-secret", "hunter2");
        properties.put("github.token", "hunter2");
        properties.put("aws.credentials.file", "/root/.aws/hunter2");
        properties.put("service.api.key", "hunter2");
        properties.put("service.apiKey", "hunter2");
        properties.put("service.api_key", "hunter2");
        properties.put("tls.private-key", "hunter2");
        properties.put("jdbc.url", "jdbc:postgresql://app:hunter2@db:5432/app");
        return properties;
    }

    @Test
    void with_a_contract_records_named_variables_and_secret_presence_only() {
        DeploymentSpec deployment = new DeploymentSpec(Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(variable("MODE"), variable("ABSENT"), variable("DB_PASSWORD")),
                List.of(new Located<>("DB_PASSWORD", AT), new Located<>("EMPTY", AT), new Located<>("MISSING", AT)),
                List.of(variable("file.encoding"), variable("app.profile")), List.of(), AT);
        SpyModel model = Sections.model(ModuleSpec.empty(AT), List.of(), List.of(deployment), AT);

        RuntimeFacts recorded = RuntimeSelection.forContract(all, model);

        assertThat(recorded.variables()).containsExactly(Map.entry("MODE", "production"));
        assertThat(recorded.unsetVariables()).containsExactly("ABSENT");
        assertThat(recorded.unsetProperties()).containsExactly("app.profile");
        assertThat(recorded.recorded()).isTrue();
        assertThat(recorded.knowsVariable("ABSENT")).isTrue();
        assertThat(recorded.knowsVariable("user.home")).isFalse();
        assertThat(recorded.knowsProperty("user.home")).isFalse();
        assertThat(recorded.secrets()).containsExactly(Map.entry("DB_PASSWORD", true), Map.entry("EMPTY", false),
                Map.entry("MISSING", false));
        assertThat(recorded.properties()).containsExactly(Map.entry("file.encoding", "UTF-8"));
        assertThat(recorded.toString()).doesNotContain("hunter2").doesNotContain("xyz");
        assertThat(recorded.libraries()).isEqualTo(all.libraries());
    }

    private static ValueSpec variable(String name) {
        return new ValueSpec(name, new ValueMatcher.Present(), AT);
    }

    @Test
    void tells_credentials_as_the_regular_expressions_do_on_random_names_and_values() {
        Pattern urlWithPassword = Pattern.compile("://[^/\\s@:]*:[^/\\s@]*@");
        List<String> credentialWords = List.of("password", "passwd", "secret", "token", "credential", "apikey",
                "privatekey");
        List<String> commandLineParts = List.of("command", "commandline", "cmdline", "args", "arguments", "argv");
        String[] pieces = {"a", ":", "/", "@", "://", " ", "\t", ".", "_", "-", "pass", "word", "Token", "cmd",
            "line", "args", "x", "\u000B", "secret", "api", "key"};
        Random random = new Random(20261203);
        int credentials = 0;
        for (int n = 0; n < 100_000; n++) {
            StringBuilder name = new StringBuilder();
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(6); i > 0; i--) {
                name.append(pieces[random.nextInt(pieces.length)]);
            }
            for (int i = random.nextInt(8); i > 0; i--) {
                value.append(pieces[random.nextInt(pieces.length)]);
            }
            String lower = name.toString().toLowerCase(java.util.Locale.ROOT);
            String joined = lower.replaceAll("[._-]", "");
            boolean expected = credentialWords.stream().anyMatch(joined::contains)
                    || Arrays.stream(lower.split("[._-]")).anyMatch(commandLineParts::contains)
                    || urlWithPassword.matcher(value).find();
            credentials += expected ? 1 : 0;
            assertThat(RuntimeSelection.mayHoldCredential(name.toString(), value.toString()))
                    .as("'%s' = '%s'", name, value).isEqualTo(expected);
        }
        assertThat(credentials).isBetween(5_000, 95_000);
    }
}
