package io.importspy.maven;

import io.importspy.validate.Report;
import org.apache.maven.plugin.MojoExecutionException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes a report in each format asked for, one file each, under the goal's output directory. */
final class ReportFiles {
    private ReportFiles() {
    }

    /** Writes {@code report} in every one of {@code formats} into {@code directory}; returns the files. */
    static List<Path> write(Report report, Set<ReportFormat> formats, Path directory) throws MojoExecutionException {
        List<Path> written = new ArrayList<>();
        if (formats.isEmpty()) {
            return written;
        }
        try {
            Files.createDirectories(directory);
            for (ReportFormat format : formats) {
                Path file = directory.resolve(format.fileName());
                Files.writeString(file, format.render(report), StandardCharsets.UTF_8);
                written.add(file);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the ImportSpy report to " + directory + ": " + e, e);
        }
        return written;
    }

    /** The text report's summary line: its last line. */
    static String summary(String text) {
        String trimmed = text.strip();
        return trimmed.substring(trimmed.lastIndexOf('\n') + 1);
    }
}
