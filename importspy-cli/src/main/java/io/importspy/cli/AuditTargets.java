package io.importspy.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The targets of {@code importspy audit}, from its four sources: JARs named on the command line, every JAR under
 * a directory ({@code --dir}), the lines of a list file ({@code --list}) and the lines of a manifest of Maven
 * coordinates with digests ({@code --manifest}), resolved from a local Maven repository. Every problem of every
 * source is collected, each located ({@code manifest.txt:3:1: ...}), before any target is read.
 *
 * <p>A target's <em>identity</em> is what shards it and names it in records: the argument as given, the path
 * relative to the directory ({@code /} separators), the list line as written, or the coordinates. It does not
 * depend on the order of the sources or on where the machine keeps the files.
 */
final class AuditTargets {
    /**
     * {@code groupId:artifactId:version[:classifier] algorithm:hex}; compiled on first use, by a manifest: a run
     * without one compiles no regular expression (java.util.regex links lambdas, whose first link costs milliseconds)
     */
    private static final class ManifestLine {
        static final Pattern PATTERN = Pattern.compile(
                "([^:\\s]+):([^:\\s]+):([^:\\s]+)(?::([^:\\s]+))?\\s+(sha256|sha512):([0-9a-fA-F]+)");
    }

    /**
     * One target.
     *
     * @param identity what shards and names it
     * @param path     the file to read
     * @param pinned   the digest a manifest pins ({@code sha256:hex}, lower case), if any
     * @param where    where it is written, for errors: {@code manifest.txt:3:1}, or the identity
     */
    record Target(String identity, Path path, Optional<String> pinned, String where) {
    }

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Target> targets = new LinkedHashMap<>();

    /** JARs named on the command line: their identity is the argument as given. */
    AuditTargets arguments(List<Path> files) {
        for (Path file : files) {
            String where = "target '" + file + "'";
            if (jarFile(file, where)) {
                add(new Target(file.toString(), file, Optional.empty(), where));
            }
        }
        return this;
    }

    /** Every {@code *.jar} file under {@code directory}, at any depth, in path order. */
    AuditTargets directory(Path directory) {
        if (!Files.isDirectory(directory)) {
            problems.add("--dir '" + directory + "' " + (Files.exists(directory) ? "is not a directory" : "not found"));
            return this;
        }
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")) {
                    jars.add(path);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add("--dir '" + directory + "' cannot be listed: " + e.getMessage());
            return this;
        }
        jars.sort(null);
        for (Path jar : jars) {
            String identity = directory.relativize(jar).toString().replace('\\', '/');
            add(new Target(identity, jar, Optional.empty(), "'" + jar + "'"));
        }
        return this;
    }

    /**
     * The targets of a list file: one path a line, relative to the list file's directory; blank lines and lines
     * starting with {@code #} are skipped.
     */
    AuditTargets list(Path list) {
        List<String> lines = lines(list, "--list");
        Path base = base(list);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = list + ":" + (i + 1) + ":1";
            try {
                Path path = base.resolve(line);
                if (jarFile(path, where + ": target '" + line + "'")) {
                    add(new Target(line, path, Optional.empty(), where));
                }
            } catch (InvalidPathException e) {
                problems.add(where + ": '" + line + "' is not a valid path: " + e.getReason());
            }
        }
        return this;
    }

    /**
     * The targets of a manifest: {@code groupId:artifactId:version[:classifier] sha256:HEX} (or {@code sha512:})
     * a line, each the JAR {@code repository} holds for those coordinates.
     */
    AuditTargets manifest(Path manifest, Path repository) {
        List<String> lines = lines(manifest, "--manifest");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = manifest + ":" + (i + 1) + ":1";
            Matcher m = ManifestLine.PATTERN.matcher(line);
            if (!m.matches()) {
                problems.add(where + ": expected 'groupId:artifactId:version[:classifier] sha256:HEX', found '"
                        + line + "'");
                continue;
            }
            String hex = m.group(6).toLowerCase(Locale.ROOT);
            int expectedLength = m.group(5).equals("sha256") ? 64 : 128;
            if (hex.length() != expectedLength) {
                problems.add(where + ": a " + m.group(5) + " digest has " + expectedLength + " hex digits, this one "
                        + hex.length());
                continue;
            }
            String artifact = m.group(2);
            String version = m.group(3);
            String classifier = m.group(4);
            String coordinates = m.group(1) + ":" + artifact + ":" + version + (classifier == null ? "" : ":" + classifier);
            Path path = repository.resolve(m.group(1).replace('.', '/')).resolve(artifact).resolve(version)
                    .resolve(artifact + "-" + version + (classifier == null ? "" : "-" + classifier) + ".jar");
            if (!Files.isRegularFile(path)) {
                problems.add(where + ": " + coordinates + " is not in the local repository " + repository
                        + " (no " + path + ")");
                continue;
            }
            add(new Target(coordinates, path, Optional.of(m.group(5) + ":" + hex), where));
        }
        return this;
    }

    /** Every target, each identity once, in source order. */
    List<Target> targets() {
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        if (targets.isEmpty()) {
            throw new BadInputException(List.of("no target: give JARs, --dir DIR, --list FILE or --manifest FILE"
                    + " (a directory given holds no *.jar file)"));
        }
        return List.copyOf(targets.values());
    }

    private void add(Target target) {
        Target earlier = targets.putIfAbsent(target.identity(), target);
        if (earlier != null && !earlier.path().toAbsolutePath().normalize()
                .equals(target.path().toAbsolutePath().normalize())) {
            problems.add(target.where() + ": two targets are named '" + target.identity() + "' (" + earlier.path()
                    + " and " + target.path() + "); a target's name must be unique");
        }
    }

    private boolean jarFile(Path file, String where) {
        if (!Files.exists(file)) {
            problems.add(where + " not found");
        } else if (Files.isDirectory(file)) {
            problems.add(where + " is a directory; give its JARs with --dir");
        } else if (!Files.isReadable(file)) {
            problems.add(where + " is not readable");
        } else {
            return true;
        }
        return false;
    }

    private List<String> lines(Path file, String option) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            problems.add(option + " '" + file + "' not found");
        } catch (MalformedInputException e) {
            problems.add(option + " '" + file + "' is not UTF-8 text");
        } catch (IOException e) {
            problems.add(option + " '" + file + "' cannot be read: " + e.getMessage());
        }
        return List.of();
    }

    private static Path base(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("") : parent;
    }
}
