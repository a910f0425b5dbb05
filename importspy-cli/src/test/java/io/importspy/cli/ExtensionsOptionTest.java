package io.importspy.cli;

import io.importspy.internal.spi.Extensions;
import io.importspy.spi.Extension;
import io.importspy.testsupport.TestJars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --extensions}: where the command line finds extensions, and what it says when it cannot. */
class ExtensionsOptionTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Extensions.install(Extensions.discover(Extensions.class.getClassLoader(), "the class path"));
    }

    private Path contract() throws IOException {
        return Files.writeString(dir.resolve("spymodel.yml"), "importspy: 1\nx-greeting: hello\n");
    }

    private Path target() {
        return TestJars.project(dir).source("p/P.java", "package p; public class P { }").jar("p.jar");
    }

    @Test
    void a_missing_extension_jar_is_bad_input_named_on_one_line() throws IOException {
        MainTest.Outcome outcome = MainTest.run("validate", "-c", contract().toString(), "--extensions",
                dir.resolve("nope.jar").toString(), target().toString());
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).isEqualTo("importspy: extension '" + dir.resolve("nope.jar") + "' not found\n");
    }

    @Test
    void an_x_key_without_its_extension_is_a_located_contract_error() throws IOException {
        Path contract = contract();
        MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), target().toString());
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("importspy: " + contract + ":2:1: no extension provides 'x-greeting'"
                + " (looked in the class path)").doesNotContain("\tat ");
    }

    /** An extension owning {@code x-greeting} that reports a violation carrying {@code message}, as its own JAR. */
    private Path greeting(String jarName, String message) throws IOException {
        return TestJars.project(Files.createDirectories(dir.resolve(jarName + "-build"))).classpath(TestJars.locationOf(Extension.class))
                .source("gx/Greeting.java", """
                        package gx;
                        import io.importspy.spi.Extension;
                        import io.importspy.validate.Context;
                        import io.importspy.validate.Violation;
                        public final class Greeting implements Extension.Section<Extension.Scalar> {
                            public String key() { return "x-greeting"; }
                            public Class<Extension.Scalar> section() { return Extension.Scalar.class; }
                            public Extension.Scalar read(Extension.Node value, Extension.Errors errors) {
                                return (Extension.Scalar) value;
                            }
                            public void check(Extension.Scalar greeting, Facts facts, Sink sink) {
                                sink.report(Violation.invalid(Context.of("greeting"), greeting.text())
                                        .expected("no greeting").found(greeting.text())
                                        .message("MESSAGE " + greeting.text())
                                        .fix("greet it not").at(greeting.location()));
                            }
                        }
                        """.replace("MESSAGE", message))
                .resource("META-INF/services/io.importspy.spi.Extension", "gx.Greeting\n")
                .jar(jarName);
    }

    @Test
    void the_extensions_given_own_their_keys_and_check_them() throws IOException {
        Path extension = greeting("greeting.jar", "module is greeted with");
        Path contract = contract();
        MainTest.Outcome outcome = MainTest.run("validate", "-c", contract.toString(), "--extensions",
                extension.toString(), "--format", "json", target().toString());
        assertThat(outcome.exit()).as(outcome.err()).isEqualTo(1);
        assertThat(outcome.out()).contains("\"context\": \"greeting\"", "\"message\": \"module is greeted with hello\"",
                "\"line\": 2", "\"column\": 13");
    }

    @Test
    void an_audit_checks_x_sections_with_the_extensions_given() throws IOException {
        Path extension = greeting("greeting.jar", "module is greeted with");
        MainTest.Outcome outcome = MainTest.run("audit", "-c", contract().toString(), "--extensions",
                extension.toString(), "--no-cache", "--quiet", target().toString());
        assertThat(outcome.exit()).as(outcome.err()).isEqualTo(1);
        assertThat(outcome.out()).contains("\"verdict\":\"non-compliant\"", "module is greeted with hello");
    }

    @Test
    void an_audit_without_the_extension_is_a_located_contract_error() throws IOException {
        Path contract = contract();
        MainTest.Outcome outcome = MainTest.run("audit", "-c", contract.toString(), "--no-cache", "--quiet",
                target().toString());
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("importspy: " + contract + ":2:1: no extension provides 'x-greeting'")
                .doesNotContain("\tat ");
    }

    @Test
    void an_audit_verdict_cached_with_one_build_of_an_extension_is_not_reused_with_another() throws IOException {
        Path cache = dir.resolve("cache");
        Path contract = contract();
        Path target = target();
        Path first = greeting("greeting-1.jar", "first build:");
        Path second = greeting("greeting-2.jar", "second build:");

        MainTest.Outcome before = MainTest.run("audit", "-c", contract.toString(), "--extensions", first.toString(),
                "--cache", cache.toString(), "--quiet", target.toString());
        MainTest.Outcome after = MainTest.run("audit", "-c", contract.toString(), "--extensions", second.toString(),
                "--cache", cache.toString(), "--quiet", target.toString());

        assertThat(before.out()).as(before.err()).contains("first build: hello");
        assertThat(after.out()).as(after.err()).contains("second build: hello").doesNotContain("first build")
                .contains("\"cached\":0");
    }
}
