package io.importspy.maven;

import io.importspy.RuntimeSource;
import io.importspy.Spy;
import io.importspy.ValidationOptions;
import io.importspy.contract.ContractError;
import io.importspy.contract.ContractException;
import io.importspy.contract.SpyModel;
import io.importspy.inspect.InspectionException;
import io.importspy.internal.contract.Baselines;
import io.importspy.internal.report.Baselining;
import io.importspy.report.TextReport;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks the project's artifact against an import contract, with the project's dependencies as the class
 * path; a violation fails the build with the text report in the log. Bound to {@code verify}.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>io.importspy</groupId>
 *   <artifactId>importspy-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>check</goal></goals></execution></executions>
 * </plugin>
 * }</pre>
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public final class CheckMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /**
     * The contract: a file (relative to the project's directory), {@code dependency:GROUP:ARTIFACT[:NAME]}
     * for a contract a dependency publishes at {@code META-INF/importspy/}, or unset for the one contract the
     * project's dependencies publish.
     */
    @Parameter(property = "importspy.contract")
    private String contract;

    /** Whether a violation fails the build; when false it is logged as a warning. */
    @Parameter(property = "importspy.failOnViolation", defaultValue = "true")
    private boolean failOnViolation;

    /** Whether unverified checks fail instead of being warnings. */
    @Parameter(property = "importspy.strict", defaultValue = "false")
    private boolean strict;

    /** Report files to write to {@link #outputDirectory}: text, json, sarif, junit (comma-separated as a property). */
    @Parameter(property = "importspy.formats", defaultValue = "text")
    private List<String> formats;

    /** Where the report files go. */
    @Parameter(property = "importspy.outputDirectory", defaultValue = "${project.build.directory}/importspy")
    private File outputDirectory;

    /** Skips the check. */
    @Parameter(property = "importspy.skip", defaultValue = "false")
    private boolean skip;

    /** The runtime deployments are checked against: current (the build's JVM), none, or a recorded file. */
    @Parameter(property = "importspy.runtime", defaultValue = "current")
    private String runtime;

    /**
     * A baseline file ({@code importspy-baseline: 1}, relative to the project's directory): the violations it lists,
     * each with a justification, are reported as suppressed and fail nothing; an entry that matches no violation
     * is stale, a warning (a failure when {@link #strict}). Write one with
     * {@code importspy validate --write-baseline FILE}.
     */
    @Parameter(property = "importspy.baseline")
    private String baseline;

    /** JARs or class directories to check instead of the project's artifact. */
    @Parameter
    private List<File> targets;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ImportSpy check skipped (importspy.skip)");
            return;
        }
        if ("pom".equals(project.getPackaging()) && (targets == null || targets.isEmpty())) {
            getLog().info("ImportSpy check: nothing to check in a project of packaging pom");
            return;
        }
        Set<ReportFormat> reportFormats = ReportFormat.parse(formats);
        Path basedir = project.getBasedir().toPath();
        ValidationOptions options = ValidationOptions.defaults()
                .withClasspath(classpath())
                .withRuntime(runtimeSource(basedir))
                .withStrictness(strict ? Strictness.STRICT : Strictness.LENIENT);
        List<Path> checked = checkedTargets();
        Baselines.File accepted = readBaseline(basedir);
        Report report;
        try {
            SpyModel model = new ContractResolver(basedir, dependencies(), getLog()).resolve(contract);
            report = Spy.validate(model, options, checked);
        } catch (ContractException e) {
            throw new MojoExecutionException(contractErrors("invalid ImportSpy contract:", e));
        } catch (InspectionException e) {
            throw new MojoExecutionException("ImportSpy cannot read its input: " + e.getMessage(), e);
        }
        if (accepted != null) {
            report = Baselining.apply(report, accepted);
        }
        List<Path> written = ReportFiles.write(report, reportFormats, outputDirectory.toPath());
        String text = TextReport.render(report);
        String summary = ReportFiles.summary(text);
        int stale = report.baseline().map(b -> b.stale().size()).orElse(0);
        if (stale > 0) {
            getLog().warn("ImportSpy: " + stale + (stale == 1 ? " baseline entry matches" : " baseline entries match")
                    + " no violation (stale); remove " + (stale == 1 ? "it" : "them") + " from " + baseline.trim()
                    + (strict ? "" : " (with strict, stale entries fail the build)"));
        }
        if (report.isCompliant()) {
            text.lines().forEach(getLog()::info);
        } else if (failOnViolation) {
            text.lines().forEach(getLog()::error);
            throw new MojoFailureException("ImportSpy: " + summary + " against " + report.contract()
                    + where(written));
        } else {
            text.lines().forEach(getLog()::warn);
            getLog().warn("ImportSpy: violations do not fail the build (failOnViolation is false)");
        }
    }

    private List<Path> checkedTargets() throws MojoExecutionException {
        List<Path> paths = new ArrayList<>();
        if (targets != null && !targets.isEmpty()) {
            for (File target : targets) {
                if (!target.exists()) {
                    throw new MojoExecutionException("<targets>: no such file or directory: " + target);
                }
                paths.add(target.toPath());
            }
            return paths;
        }
        File artifact = project.getArtifact().getFile();
        if (artifact == null || !artifact.exists()) {
            throw new MojoExecutionException("the project's artifact is not built yet: run the check in the verify "
                    + "phase (mvn verify), after package, or name what to check with <targets>");
        }
        paths.add(artifact.toPath());
        return paths;
    }

    /** Dependencies on the class path (compile, provided, system and runtime scope) that have a file. */
    private List<Artifact> dependencies() {
        List<Artifact> artifacts = new ArrayList<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (artifact.getFile() != null && artifact.getArtifactHandler().isAddedToClasspath()
                    && !Artifact.SCOPE_TEST.equals(artifact.getScope())) {
                artifacts.add(artifact);
            }
        }
        return artifacts;
    }

    private List<Path> classpath() {
        List<Path> paths = new ArrayList<>();
        for (Artifact artifact : dependencies()) {
            paths.add(artifact.getFile().toPath());
        }
        return paths;
    }

    private RuntimeSource runtimeSource(Path basedir) throws MojoExecutionException {
        String value = runtime == null ? "current" : runtime.trim();
        if (value.equals("current")) {
            return RuntimeSource.current();
        }
        if (value.equals("none")) {
            return RuntimeSource.none();
        }
        Path file = basedir.resolve(value);
        if (!file.toFile().isFile()) {
            throw new MojoExecutionException("<runtime>" + value + "</runtime> is neither current, none nor a "
                    + "runtime record file (no such file: " + file + ")");
        }
        return RuntimeSource.recorded(file);
    }

    /** The {@code <baseline>}, read, or {@code null} when none is configured. */
    private Baselines.File readBaseline(Path basedir) throws MojoExecutionException {
        if (baseline == null || baseline.isBlank()) {
            return null;
        }
        Path file = basedir.resolve(baseline.trim());
        if (!file.toFile().isFile()) {
            throw new MojoExecutionException("<baseline>" + baseline.trim() + "</baseline>: no such file: " + file);
        }
        try {
            return Baselines.read(file);
        } catch (ContractException e) {
            throw new MojoExecutionException(contractErrors("invalid ImportSpy baseline:", e));
        }
    }

    private static String contractErrors(String heading, ContractException e) {
        StringBuilder message = new StringBuilder(heading);
        for (ContractError error : e.errors()) {
            message.append("\n  ").append(error);
        }
        return message.toString();
    }

    private static String where(List<Path> written) {
        return written.isEmpty() ? "; the report is above" : "; the report is above and in " + written.get(0).getParent();
    }
}
