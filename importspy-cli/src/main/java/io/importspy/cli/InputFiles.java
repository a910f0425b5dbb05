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
            for (String part : value.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
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
