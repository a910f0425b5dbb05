package io.importspy.cli;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitHub Actions workflow shipped in {@code examples/ci/}: a YAML that GitHub reads as a workflow, whose
 * {@code importspy} command lines this command line accepts, and whose SARIF report is the file the
 * upload step sends even when validation fails.
 */
class CiWorkflowTest {
    private static final Path WORKFLOW = Path.of("").toAbsolutePath().resolveSibling("examples/ci/importspy.yml");

    @Test
    @SuppressWarnings("unchecked")
    void validates_on_push_and_uploads_the_sarif_report_it_writes() throws IOException {
        Map<String, Object> workflow = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(WORKFLOW));

        assertThat((Map<String, Object>) workflow.get("on")).containsKeys("push", "pull_request");
        assertThat((Map<String, Object>) workflow.get("permissions")).containsEntry("security-events", "write");
        Map<String, String> env = (Map<String, String>) workflow.get("env");
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("validate");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");

        List<List<String>> commandLines = new ArrayList<>();
        String sarifOutput = null;
        Map<String, Object> upload = null;
        for (Map<String, Object> step : steps) {
            Object run = step.get("run");
            if (run instanceof String line && line.startsWith("./importspy ")) {
                List<String> args = arguments(line.substring("./importspy ".length()), env);
                commandLines.add(args);
                if (args.contains("sarif")) {
                    List<String> afterSarif = args.subList(args.indexOf("sarif"), args.size());
                    sarifOutput = afterSarif.get(afterSarif.indexOf("--output") + 1);
                }
            }
            if (String.valueOf(step.get("uses")).startsWith("github/codeql-action/upload-sarif@")) {
                upload = step;
            }
        }
        assertThat(commandLines).hasSize(1);
        for (List<String> args : commandLines) {
            CommandLine.ParseResult parsed = Commands.commandLine().parseArgs(args.toArray(new String[0]));
            assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("validate");
            ReportOutputs outputs = ReportOutputs.of(parsed.subcommand());
            assertThat(outputs.files()).extracting(ReportOutputs.Output::format)
                    .containsExactly(ValidateCommand.Format.SARIF, ValidateCommand.Format.JUNIT);
            assertThat(outputs.stdout()).map(ReportOutputs.Output::format).contains(ValidateCommand.Format.TEXT);
        }
        assertThat(upload).as("an upload-sarif step").isNotNull().containsEntry("if", "always()");
        assertThat((Map<String, Object>) upload.get("with")).containsEntry("sarif_file", sarifOutput);
        assertThat(WORKFLOW.getParent().getParent().getParent().resolve(env.get("CONTRACT"))).isRegularFile();
    }

    /** The words of a shell command line with {@code "$NAME"} and {@code $NAME} taken from {@code env}. */
    private static List<String> arguments(String line, Map<String, String> env) {
        List<String> words = new ArrayList<>();
        for (String word : line.trim().split("\\s+")) {
            String unquoted = word.startsWith("\"") && word.endsWith("\"") ? word.substring(1, word.length() - 1) : word;
            words.add(unquoted.startsWith("$") ? env.get(unquoted.substring(1)) : unquoted);
        }
        return words;
    }
}
