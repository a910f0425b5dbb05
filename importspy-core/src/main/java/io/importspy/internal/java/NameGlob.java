package io.importspy.internal.java;

import io.importspy.API;
import java.util.Objects;
import java.util.regex.Pattern;

import static io.importspy.API.Status.INTERNAL;

/**
 * A glob on binary class names: {@code *} any run of characters within one package segment, {@code **} any
 * run across segments, {@code ?} one character other than a dot. {@code com.acme.**} is every class of
 * {@code com.acme} and its subpackages; {@code com.acme.*} every class of {@code com.acme} alone (nested
 * classes included: {@code $} is no segment separator). A nested class matches when written with {@code $}
 * or with a dot.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class NameGlob {
    private final String glob;
    private final Pattern pattern;

    private NameGlob(String glob) {
        this.glob = glob;
        this.pattern = compile(glob);
    }

    /**
     * The glob {@code glob}.
     *
     * @throws IllegalArgumentException when it is empty, or has characters no class name has
     */
    public static NameGlob of(String glob) {
        Objects.requireNonNull(glob, "glob");
        if (glob.isEmpty()) {
            throw new IllegalArgumentException("empty name pattern; write a class name or a glob such as com.acme.**");
        }
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*' && c != '?' && c != '.' && c != '$' && !Character.isJavaIdentifierPart(c)) {
                throw new IllegalArgumentException("'" + glob + "' is not a class-name pattern: '" + c
                        + "' cannot appear in a class name; use * within a package, ** across packages");
            }
        }
        if (glob.contains("***")) {
            throw new IllegalArgumentException("'" + glob + "' is not a class-name pattern: write * or **, not ***");
        }
        if (glob.startsWith(".") || glob.endsWith(".") || glob.contains("..")) {
            throw new IllegalArgumentException("'" + glob + "' is not a class-name pattern: empty package segment");
        }
        return new NameGlob(glob);
    }

    /** Whether {@code binaryName} ({@code a.b.Outer$Inner}) matches. */
    public boolean matches(String binaryName) {
        return pattern.matcher(binaryName).matches()
                || binaryName.indexOf('$') >= 0 && pattern.matcher(binaryName.replace('$', '.')).matches();
    }

    /** Whether the glob has no wildcard: it names one class. */
    public boolean isLiteral() {
        return glob.indexOf('*') < 0 && glob.indexOf('?') < 0;
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else {
                    regex.append("[^.]*");
                }
            } else if (c == '?') {
                regex.append("[^.]");
            } else if (c == '.' || c == '$') {
                regex.append('\\').append(c);
            } else {
                regex.append(c);
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NameGlob that && glob.equals(that.glob);
    }

    @Override
    public int hashCode() {
        return glob.hashCode();
    }

    /** The glob as written. */
    @Override
    public String toString() {
        return glob;
    }
}
