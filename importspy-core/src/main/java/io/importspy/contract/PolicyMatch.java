package io.importspy.contract;

import io.importspy.API;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import static io.importspy.API.Status.EXPERIMENTAL;

/**
 * What code sources a policy rule applies to: a glob on the file path, a module name, or Maven coordinates.
 * Globs use {@code *} within a path segment (or a coordinate part), {@code **} across segments and {@code ?}
 * for one character.
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public sealed interface PolicyMatch {

    /**
     * Whether a code source at {@code path} (absolute, with {@code /} separators) whose module has the names
     * {@code names} (every name the module declares, §2 {@code module.name}, {@code groupId:artifactId}
     * among them) matches.
     */
    boolean matches(String path, List<String> names);

    /** How the match is written in the policy, for reports: {@code path: plugins/*.jar}. */
    String describe();

    /**
     * A glob on the code source's absolute path; a relative glob is resolved against the policy's directory.
     *
     * @param glob     as written in the policy
     * @param resolved the absolute glob it was resolved to
     */
    record OnPath(String glob, String resolved, Pattern pattern) implements PolicyMatch {
        public OnPath {
            Objects.requireNonNull(glob, "glob");
            Objects.requireNonNull(resolved, "resolved");
            Objects.requireNonNull(pattern, "pattern");
        }

        /** A match of {@code glob}, relative globs taken from {@code directory} (absolute, {@code /} separators). */
        public static OnPath of(String glob, String directory) {
            String slashed = glob.replace('\\', '/');
            boolean absolute = slashed.startsWith("/") || slashed.startsWith("**") || slashed.matches("[A-Za-z]:/.*");
            String resolved = absolute ? slashed : (directory.endsWith("/") ? directory : directory + "/") + slashed;
            return new OnPath(glob, resolved, toPattern(resolved, '/'));
        }

        @Override
        public boolean matches(String path, List<String> names) {
            return pattern.matcher(path).matches();
        }

        @Override
        public String describe() {
            return "path: " + glob;
        }
    }

    /** Any name the module has equals {@code name}. */
    record OnModule(String name) implements PolicyMatch {
        public OnModule {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean matches(String path, List<String> names) {
            return names.contains(name);
        }

        @Override
        public String describe() {
            return "module: " + name;
        }
    }

    /** A glob on {@code groupId:artifactId}, as the module's {@code pom.properties} declares it. */
    record OnCoordinates(String glob, Pattern pattern) implements PolicyMatch {
        public OnCoordinates {
            Objects.requireNonNull(glob, "glob");
            Objects.requireNonNull(pattern, "pattern");
        }

        /** A match of the coordinates glob {@code glob}. */
        public static OnCoordinates of(String glob) {
            return new OnCoordinates(glob, toPattern(glob, ':'));
        }

        @Override
        public boolean matches(String path, List<String> names) {
            for (String name : names) {
                if (name.indexOf(':') > 0 && pattern.matcher(name).matches()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "coordinates: " + glob;
        }
    }

    /** The regular expression of a glob whose segments are separated by {@code separator}. */
    private static Pattern toPattern(String glob, char separator) {
        String notSeparator = "[^" + Pattern.quote(String.valueOf(separator)) + "]";
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean segment = i + 2 < glob.length() && glob.charAt(i + 2) == separator;
                regex.append(segment ? "(?:.*" + Pattern.quote(String.valueOf(separator)) + ")?" : ".*");
                i += segment ? 2 : 1;
            } else if (c == '*') {
                regex.append(notSeparator).append('*');
            } else if (c == '?') {
                regex.append(notSeparator);
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
