package io.importspy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code inspect --runtime} in a real JVM started with credentials in its system properties and command line:
 * without a contract they are left out and named in the header; with one, what it names is printed.
 */
class RuntimeRecordingIT {
    private static final String PASSWORD = "hunter2secret";

    @TempDir
    Path dir;

    @Test
    void without_a_contract_omits_credential_properties_and_the_command_line_and_says_so() throws Exception {
        RuntimeAndReportsIT.Run run = fatJar(List.of("-Ddb.password=" + PASSWORD, "-Dapi.token=" + PASSWORD,
                "-Dapp.mode=production"), "inspect", "--runtime");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain(PASSWORD).doesNotContain("sun.java.command:")
                .doesNotContain("db.password:").doesNotContain("api.token:")
                .contains("  app.mode: production\n", "  java.vm.specification.version: ");
        String header = run.out().substring(0, run.out().indexOf("importspy-runtime: 1\n"));
        assertThat(header).startsWith("# Recorded without a contract:")
                .contains("sun.java.command", "db.password", "api.token")
                .contains("importspy inspect --runtime -c FILE");
        assertThat(header.lines()).allMatch(line -> line.startsWith("# "));
        Path recorded = Files.writeString(dir.resolve("runtime.yml"), run.out());
        Path contract = Files.writeString(dir.resolve("c.yml"),
                "importspy: 1\ndeployments:\n  - environment: {properties: {app.mode: production}}\n");
        assertThat(fatJar(List.of(), "validate", "-c", contract.toString(), "--runtime", recorded.toString(),
                RuntimeAndReportsIT.FAT_JAR.toString()).exit()).as("the commented record reads back").isZero();
    }

    @Test
    void with_a_contract_prints_a_named_property_even_when_it_looks_like_a_credential() throws Exception {
        Path contract = Files.writeString(dir.resolve("c.yml"),
                "importspy: 1\ndeployments:\n  - environment: {properties: {db.password: {}}}\n");

        RuntimeAndReportsIT.Run run = fatJar(List.of("-Ddb.password=" + PASSWORD, "-Dapi.token=" + PASSWORD),
                "inspect", "--runtime", "-c", contract.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("importspy-runtime: 1\n").contains("  db.password: " + PASSWORD + "\n")
                .doesNotContain("api.token").doesNotContain("sun.java.command");
    }

    @Test
    void help_says_what_is_omitted() throws Exception {
        MainTest.Outcome help = MainTest.run("inspect", "--help");

        assertThat(help.out().replaceAll("\\s+", " "))
                .contains("except those that may hold a credential or a command line: sun.java.command");
    }

    private RuntimeAndReportsIT.Run fatJar(List<String> jvmOptions, String... args) throws Exception {
        assertThat(RuntimeAndReportsIT.FAT_JAR).as("the fat JAR built by the package phase").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", RuntimeAndReportsIT.FAT_JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finishes", command).isTrue();
        return new RuntimeAndReportsIT.Run(List.of(args), process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
