package io.importspy.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoldenFilesTest {
    @TempDir
    Path tmp;

    @AfterEach
    void stopUpdating() {
        System.clearProperty(GoldenFiles.UPDATE_PROPERTY);
    }

    @Test
    void passes_when_the_output_equals_the_file_whatever_its_line_ends() throws Exception {
        Path golden = Files.writeString(tmp.resolve("report.txt"), "a\nb\n");
        assertThatCode(() -> GoldenFiles.assertMatches(golden, "a\r\nb\r\n")).doesNotThrowAnyException();
    }

    @Test
    void names_the_first_line_that_differs_and_how_to_regenerate() throws Exception {
        Path golden = Files.writeString(tmp.resolve("report.txt"), "same\nexpected line\nmore\n");
        assertThatThrownBy(() -> GoldenFiles.assertMatches(golden, "same\nfound line\nmore\n"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(golden + ":2: output differs from the golden file")
                .hasMessageContaining("-Dimportspy.golden.update=true")
                .hasMessageContaining("  expected: expected line\n  found:    found line\n");
    }

    @Test
    void a_missing_line_and_a_missing_final_line_end_are_differences() throws Exception {
        Path golden = Files.writeString(tmp.resolve("report.txt"), "a\nb\n");
        assertThatThrownBy(() -> GoldenFiles.assertMatches(golden, "a\n"))
                .hasMessageContaining(":2: ").hasMessageContaining("found:    <end of output>");
        assertThatThrownBy(() -> GoldenFiles.assertMatches(golden, "a\nb"))
                .hasMessageContaining("different final line end");
    }

    @Test
    void a_missing_golden_file_fails_and_shows_the_output() {
        Path golden = tmp.resolve("absent.txt");
        assertThatThrownBy(() -> GoldenFiles.assertMatches(golden, "output\n"))
                .hasMessageContaining("no golden file " + golden).hasMessageEndingWith("output\n");
    }

    @Test
    void regenerating_writes_the_output_instead_of_comparing() throws Exception {
        Path changed = Files.writeString(tmp.resolve("changed.txt"), "old\n");
        Path created = tmp.resolve("new/dir/created.txt");
        System.setProperty(GoldenFiles.UPDATE_PROPERTY, "true");
        GoldenFiles.assertMatches(changed, "new\r\n");
        GoldenFiles.assertMatches(created, "created\n");
        assertThat(changed).hasContent("new\n");
        assertThat(created).hasContent("created\n");
    }
}
