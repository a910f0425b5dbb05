package io.importspy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The progress line of {@code importspy audit} on stderr, redrawn in place ({@code \r}) at most ten times a
 * second and cleared at the end; only when stderr is a terminal, so logs and pipes never see it.
 */
final class Progress {
    private static final long INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean shown;
    private final int total;
    private final long start = System.nanoTime();
    private long lastDrawn;
    private int width;

    Progress(PrintWriter err, boolean shown, int total) {
        this.err = err;
        this.shown = shown;
        this.total = total;
    }

    /** Whether this process's stderr is a terminal. */
    static boolean stderrIsTerminal() {
        try {
            Path stderr = Path.of("/proc/self/fd/2");
            if (Files.isSymbolicLink(stderr)) {
                return isTerminalDevice(Files.readSymbolicLink(stderr).toString());
            }
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        return System.console() != null; // no /proc (macOS, Windows): a console means stdin and stdout are terminals
    }

    /** Whether {@code device}, what {@code /proc/self/fd/2} links to, is a terminal. */
    static boolean isTerminalDevice(String device) {
        return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
    }

    /** The line for {@code done} targets so far. */
    static String line(int done, int total, int nonCompliant, int errors, int cached, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        return String.format(java.util.Locale.ROOT, "audit %d/%d (%d%%)  %d non-compliant  %d errors  %d cached  %.1f/s",
                done, total, total == 0 ? 100 : done * 100 / total, nonCompliant, errors, cached, rate);
    }

    void update(int done, int nonCompliant, int errors, int cached) {
        if (!shown) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDrawn < INTERVAL_NANOS) {
            return;
        }
        lastDrawn = now;
        String line = line(done, total, nonCompliant, errors, cached, (now - start) / 1e9);
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        width = line.length();
        err.flush();
    }

    /** Clears the line. */
    void done() {
        if (shown && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }
}
