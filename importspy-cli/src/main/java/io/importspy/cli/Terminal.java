package io.importspy.cli;

import io.importspy.report.ColorMode;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/** Whether the command's output goes to a terminal that wants colour. */
final class Terminal {
    private Terminal() {
    }

    /** ANSI when stdout is a terminal and {@code NO_COLOR} is unset or empty (see no-color.org). */
    static ColorMode colorMode(boolean stdoutIsTerminal, Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        boolean colorRefused = noColor != null && !noColor.isEmpty();
        return stdoutIsTerminal && !colorRefused ? ColorMode.ANSI : ColorMode.PLAIN;
    }

    /** The mode for this process's stdout. */
    static ColorMode colorMode() {
        return colorMode(stdoutIsTerminal(), System.getenv());
    }

    /**
     * Whether stdin and stdout are a terminal. Before Java 22 a console exists only then; from Java 22 a
     * console exists even when output is redirected, and {@code Console.isTerminal()} tells.
     */
    private static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException before22) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
