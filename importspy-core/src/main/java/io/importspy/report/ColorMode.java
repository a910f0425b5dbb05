package io.importspy.report;

import io.importspy.API;

import static io.importspy.API.Status.STABLE;

/** Whether a text report is coloured with ANSI escape codes (for terminals) or plain (for files and pipes). */
@API(status = STABLE, since = "0.1.0")
public enum ColorMode {
    /** No escape codes; ASCII markers ({@code x}, {@code !}) so that any encoding shows them. */
    PLAIN,
    /** ANSI colours and Unicode markers ({@code ✗}, {@code !}, {@code ✓}), for a terminal. */
    ANSI
}
