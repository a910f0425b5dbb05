package io.importspy.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks the files named on the command line before any work starts, collecting every problem. */
final class InputFiles {
    private final List<String> problems = new ArrayList<>();

    /** Requires a readable regular file. */
    InputFiles file(Path file, String what) {
        if (!Files.exists(file)) {
            problems.add(what + " '" + file + "' not found");
        } else if (!Files.isRegularFile(file)) {
            problems.add(what + " '" + file + "' is not a file");
        } else if (!Files.isReadable(file)) {
            problems.add(what + " '" + file + "' is not readable");
        }
        return this;
    }

    /** Requires a readable file or directory. */
    InputFiles fileOrDirectory(Path path, String what) {
        if (!Files.exists(path)) {
            problems.add(what + " '" + path + "' not found");
        } else if (!Files.isReadable(path)) {
            problems.add(what + " '" + path + "' is not readable");
        }
        return this;
    }

    /**
     * Checks that class-path entry {@code path} is a readable directory or JAR (its central directory is read):
     * whether inspection needs it depends on where each supertype lives, a corrupt entry is an error either way.
     */
    InputFiles jarOrDirectory(Path path, String what) {
        int before = problems.size();
        fileOrDirectory(path, what);
        if (problems.size() == before && Files.isRegularFile(path)) {
            try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(path.toFile())) {
                jar.size();
            } catch (java.io.IOException | RuntimeException corrupt) {
                problems.add(path + ": not a readable JAR (" + corrupt.getMessage() + ")");
            }
        }
        return this;
    }

    /** Throws when any check failed. */
    void check() {
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
    }

    /** Splits {@code --classpath} values at the platform's path separator, dropping empty parts. */
    static List<Path> classpath(List<String> values) {
        List<Path> paths = new ArrayList<>();
        for (String value : values) {
            // ':' and ';' are not special in a regular expression, so String.split takes them without compiling one
            for (String part : value.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    try {
                        paths.add(Path.of(part));
                    } catch (InvalidPathException e) {
                        throw new BadInputException(List.of("class-path entry '" + part + "' is not a valid path: "
                                + e.getReason()));
                    }
                }
            }
        }
        return paths;
    }
}
