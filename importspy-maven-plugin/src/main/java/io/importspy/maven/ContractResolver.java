package io.importspy.maven;

import io.importspy.Spy;
import io.importspy.contract.SpyModel;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finds the contract the {@code check} goal validates against, from its {@code <contract>} parameter:
 * <ul>
 *   <li>a file path, relative to the project's directory: {@code src/importspy/spymodel.yml};</li>
 *   <li>{@code dependency:GROUP:ARTIFACT}: the one contract that dependency publishes at
 *       {@code META-INF/importspy/*.yml}, or {@code dependency:GROUP:ARTIFACT:NAME} for the one named
 *       {@code META-INF/importspy/NAME};</li>
 *   <li>unset: the one contract that the project's dependencies publish, among all of them.</li>
 * </ul>
 */
final class ContractResolver {
    /** The prefix of a contract published by a dependency. */
    static final String DEPENDENCY = "dependency:";
    private static final String DIRECTORY = "META-INF/importspy/";

    private final Path basedir;
    private final Collection<Artifact> dependencies;
    private final Log log;

    ContractResolver(Path basedir, Collection<Artifact> dependencies, Log log) {
        this.basedir = basedir;
        this.dependencies = List.copyOf(dependencies);
        this.log = log;
    }

    /**
     * The contract {@code reference} names (see the class comment).
     *
     * @throws MojoExecutionException when it names nothing, or several contracts fit
     * @throws io.importspy.contract.ContractException when the contract is unreadable or invalid
     */
    SpyModel resolve(String reference) throws MojoExecutionException {
        if (reference == null || reference.isBlank()) {
            return discover();
        }
        String trimmed = reference.trim();
        if (trimmed.startsWith(DEPENDENCY)) {
            return fromDependency(trimmed);
        }
        return Spy.contract(basedir.resolve(trimmed));
    }

    private SpyModel discover() throws MojoExecutionException {
        List<String> found = new ArrayList<>();
        Artifact only = null;
        String onlyEntry = null;
        for (Artifact artifact : dependencies) {
            for (String entry : Spy.publishedContracts(artifact.getFile().toPath())) {
                found.add(DEPENDENCY + artifact.getGroupId() + ":" + artifact.getArtifactId() + ":"
                        + entry.substring(DIRECTORY.length()));
                only = artifact;
                onlyEntry = entry;
            }
        }
        if (found.isEmpty()) {
            throw new MojoExecutionException("no contract to check against: none of the project's dependencies "
                    + "publishes one at " + DIRECTORY + "*.yml; set <contract> to a file or to "
                    + "dependency:GROUP:ARTIFACT");
        }
        if (found.size() > 1) {
            throw new MojoExecutionException("the project's dependencies publish " + found.size()
                    + " contracts; choose one with <contract>: " + String.join(", ", found));
        }
        return read(only, onlyEntry);
    }

    private SpyModel fromDependency(String reference) throws MojoExecutionException {
        String[] parts = reference.substring(DEPENDENCY.length()).split(":", -1);
        if (parts.length < 2 || parts.length > 3 || List.of(parts).contains("")) {
            throw new MojoExecutionException("<contract>" + reference + "</contract> is not of the form "
                    + "dependency:GROUP:ARTIFACT or dependency:GROUP:ARTIFACT:NAME");
        }
        Artifact artifact = dependencies.stream()
                .filter(a -> a.getGroupId().equals(parts[0]) && a.getArtifactId().equals(parts[1]))
                .findFirst()
                .orElseThrow(() -> new MojoExecutionException("<contract>" + reference + "</contract>: the project "
                        + "has no dependency " + parts[0] + ":" + parts[1] + " (of scope compile, provided, "
                        + "system or runtime)"));
        List<String> published = Spy.publishedContracts(artifact.getFile().toPath());
        if (parts.length == 3) {
            return read(artifact, parts[2].startsWith(DIRECTORY) ? parts[2] : DIRECTORY + parts[2]);
        }
        if (published.size() != 1) {
            throw new MojoExecutionException("<contract>" + reference + "</contract>: " + coordinates(artifact)
                    + (published.isEmpty() ? " publishes no contract at " + DIRECTORY + "*.yml"
                    : " publishes " + published.size() + " contracts; name one, e.g. " + reference + ":"
                    + published.get(0).substring(DIRECTORY.length())));
        }
        return read(artifact, published.get(0));
    }

    private SpyModel read(Artifact artifact, String entry) {
        File file = artifact.getFile();
        SpyModel model = Spy.publishedContract(file.toPath(), entry);
        log.info("ImportSpy contract: " + entry + " of " + coordinates(artifact));
        return model;
    }

    private static String coordinates(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion();
    }
}
