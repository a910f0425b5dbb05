package io.importspy.maven;

import io.importspy.Spy;
import io.importspy.inspect.InspectionException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a starting contract of the project's artifact (its identity, services, public classes and members)
 * to {@code target/importspy/spymodel.yml}: what a host cuts down to the contract its plugins must meet.
 * Run it after {@code package}: {@code mvn package io.importspy:importspy-maven-plugin:inspect}.
 */
@Mojo(name = "inspect", threadSafe = true)
public final class InspectMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** The JAR or class directory to inspect; by default the project's artifact, else its class directory. */
    @Parameter(property = "importspy.target")
    private File target;

    /** Where the contract is written. */
    @Parameter(property = "importspy.output", defaultValue = "${project.build.directory}/importspy/spymodel.yml")
    private File output;

    @Override
    public void execute() throws MojoExecutionException {
        Path inspected = inspected();
        String yaml;
        try {
            yaml = Spy.startingContract(inspected);
        } catch (InspectionException e) {
            throw new MojoExecutionException("ImportSpy cannot read " + inspected + ": " + e.getMessage(), e);
        }
        try {
            Path file = output.toPath();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the contract to " + output + ": " + e, e);
        }
        getLog().info("ImportSpy: wrote a contract that " + inspected.getFileName() + " satisfies to " + output);
    }

    private Path inspected() throws MojoExecutionException {
        if (target != null) {
            if (!target.exists()) {
                throw new MojoExecutionException("<target>: no such file or directory: " + target);
            }
            return target.toPath();
        }
        File artifact = project.getArtifact().getFile();
        if (artifact != null && artifact.isFile()) {
            return artifact.toPath();
        }
        File classes = new File(project.getBuild().getOutputDirectory());
        if (classes.isDirectory()) {
            return classes.toPath();
        }
        throw new MojoExecutionException("nothing to inspect: the project has neither an artifact nor "
                + classes + "; run 'mvn package' first, or name a JAR with -Dimportspy.target=FILE");
    }
}
