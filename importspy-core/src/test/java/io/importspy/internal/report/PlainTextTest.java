package io.importspy.internal.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Text from a module or a file name, made safe for a terminal or a log. */
class PlainTextTest {
    @Test
    void control_characters_and_direction_controls_are_shown_as_escapes() {
        assertThat(PlainText.visible("a.jar\nimportspy: ok\r\u001b[2K\u0007\u0085\u2028\u202eraj.exe\u2066x\u200f"))
                .isEqualTo("a.jar\\u000aimportspy: ok\\u000d\\u001b[2K\\u0007\\u0085\\u2028\\u202eraj.exe\\u2066x\\u200f");
    }

    @Test
    void printable_text_is_returned_as_it_is() {
        String text = "com.acme.Greeter ~ 日本語 é";
        assertThat(PlainText.visible(text)).isSameAs(text);
    }
}
