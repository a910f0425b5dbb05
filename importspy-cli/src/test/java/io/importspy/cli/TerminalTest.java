package io.importspy.cli;

import io.importspy.report.ColorMode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTest {
    @Test
    void colours_a_terminal() {
        assertThat(Terminal.colorMode(true, Map.of())).isEqualTo(ColorMode.ANSI);
    }

    @Test
    void never_colours_a_pipe_or_file() {
        assertThat(Terminal.colorMode(false, Map.of())).isEqualTo(ColorMode.PLAIN);
    }

    @Test
    void respects_no_color_when_it_has_a_value() {
        assertThat(Terminal.colorMode(true, Map.of("NO_COLOR", "1"))).isEqualTo(ColorMode.PLAIN);
        assertThat(Terminal.colorMode(true, Map.of("NO_COLOR", ""))).isEqualTo(ColorMode.ANSI);
    }
}
