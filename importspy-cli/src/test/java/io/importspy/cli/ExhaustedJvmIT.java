package io.importspy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM that runs out of heap or stack ends the command with one line and the exit code of an internal error
 * (3), never with a stack trace and the exit code of a violation (1).
 */
class ExhaustedJvmIT {
    @TempDir
    Path dir;

    @Test
    void out_of_memory_is_one_line_and_exit_3() throws Exception {
        Path jar = RuntimeAndReportsIT.FAT_JAR;
        assertThat(jar).as("the fat JAR built by the package phase").isRegularFile();
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx5m", "-jar", jar.toString(), "inspect", jar.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("stderr: %s", lines).isEqualTo(3);
        assertThat(lines).singleElement().asString().startsWith("importspy: internal error: out of memory (Java heap"
                + " space): the inputs need more heap than this JVM has (").endsWith(" MiB); raise it with"
                + " IMPORTSPY_JAVA_OPTS=-Xmx2g, or check the inputs' size (run with --verbose for details)");
    }

    @Test
    void a_stack_overflow_is_one_line_and_exit_3_with_the_trace_only_when_verbose() {
        StringWriter text = new StringWriter();
        int code = Main.onExhausted(new StackOverflowError(), new PrintWriter(text), false);
        assertThat(code).isEqualTo(3);
        assertThat(text.toString()).isEqualTo("importspy: internal error: ran out of stack: an input is nested too"
                + " deeply for this JVM's stack; raise it with IMPORTSPY_JAVA_OPTS=-Xss8m, or report it (run with"
                + " --verbose for details)" + System.lineSeparator());
        StringWriter verbose = new StringWriter();
        Main.onExhausted(new StackOverflowError(), new PrintWriter(verbose), true);
        assertThat(verbose.toString()).contains("java.lang.StackOverflowError").contains("\tat ");
    }
}
