package io.importspy.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Pinned expected outputs ("golden files"): a test compares what a command printed with a file kept in
 * the source tree, whole, so that any change of wording, order or count fails the test and shows in the
 * diff of the commit that makes it.
 *
 * <p>To regenerate them after an intended change, run the tests with {@code -Dimportspy.golden.update=true}
 * (for example {@code mvn -B verify -Dimportspy.golden.update=true}): each compared file is then written
 * with what the test saw, and the test passes; review the changed files with {@code git diff} before
 * committing them. Line ends are compared as {@code \n}.
 */
public final class GoldenFiles {
    /** The system property that turns comparison into regeneration. */
    public static final String UPDATE_PROPERTY = "importspy.golden.update";

    private GoldenFiles() {
    }

    /**
     * Asserts that {@code actual} equals the content of {@code golden} (or, when regenerating, writes it).
     *
     * @throws AssertionError naming the first line that differs, the file, and how to regenerate it
     */
    public static void assertMatches(Path golden, String actual) {
        String normalized = actual.replace("\r\n", "\n");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            write(golden, normalized);
            return;
        }
        if (!Files.isRegularFile(golden)) {
            throw new AssertionError("no golden file " + golden + "; create it with -D" + UPDATE_PROPERTY
                    + "=true and review it. The output was:\n" + normalized);
        }
        String expected = read(golden);
        if (!expected.equals(normalized)) {
            throw new AssertionError(difference(golden, expected, normalized));
        }
    }

    private static String difference(Path golden, String expected, String actual) {
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        int line = 0;
        while (line < want.size() && line < got.size() && want.get(line).equals(got.get(line))) {
            line++;
        }
        String wanted = line < want.size() ? want.get(line) : "<end of file>";
        String found = line < got.size() ? got.get(line) : "<end of output>";
        if (want.size() == got.size() && line == want.size()) {
            wanted = "(the same lines, but a different final line end)";
            found = "";
        }
        return golden + ":" + (line + 1) + ": output differs from the golden file (regenerate with -D"
                + UPDATE_PROPERTY + "=true if the change is intended)\n"
                + "  expected: " + wanted + "\n"
                + "  found:    " + found + "\n"
                + "whole output:\n" + actual;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
