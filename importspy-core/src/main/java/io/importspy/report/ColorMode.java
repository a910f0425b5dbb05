package io.importspy.report;

/** Whether a text report is coloured with ANSI escape codes (for terminals) or plain (for files and pipes). */
public enum ColorMode {
    /** No escape codes; ASCII markers ({@code x}, {@code !}) so that any encoding shows them. */
    PLAIN,
    /** ANSI colours and Unicode markers ({@code ✗}, {@code !}, {@code ✓}), for a terminal. */
    ANSI
}
