package io.importspy.maven;

import io.importspy.report.JUnitReport;
import io.importspy.report.JsonReport;
import io.importspy.report.SarifReport;
import io.importspy.report.TextReport;
import io.importspy.validate.Report;
import org.apache.maven.plugin.MojoExecutionException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A report file the {@code check} goal writes under its output directory, one per format asked for. */
enum ReportFormat {
    /** Plain text for people, as printed in the build log. */
    TEXT("importspy.txt"),
    /** The stable JSON report. */
    JSON("importspy.json"),
    /** SARIF 2.1.0 for code-scanning UIs. */
    SARIF("importspy.sarif"),
    /** JUnit XML, named as Surefire names its reports so that CI servers pick it up with them. */
    JUNIT("TEST-importspy.xml");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The file this format is written to. */
    String fileName() {
        return fileName;
    }

    /** The report in this format. */
    String render(Report report) {
        return switch (this) {
            case TEXT -> TextReport.render(report);
            case JSON -> JsonReport.render(report);
            case SARIF -> SarifReport.render(report);
            case JUNIT -> JUnitReport.render(report);
        };
    }

    /**
     * The formats named in {@code <formats>}, each trimmed and compared without case; blank entries are
     * ignored, so {@code -Dimportspy.formats=} asks for none.
     *
     * @throws MojoExecutionException naming an unknown format and the known ones
     */
    static Set<ReportFormat> parse(List<String> names) throws MojoExecutionException {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        List<String> unknown = new ArrayList<>();
        for (String name : names == null ? List.<String>of() : names) {
            for (String part : name.split(",")) {
                String trimmed = part.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                try {
                    formats.add(valueOf(trimmed.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    unknown.add(trimmed);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new MojoExecutionException("unknown report format '" + String.join("', '", unknown)
                    + "' in <formats>; use text, json, sarif or junit");
        }
        return formats;
    }
}
