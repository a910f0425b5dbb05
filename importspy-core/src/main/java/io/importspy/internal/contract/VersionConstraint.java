package io.importspy.internal.contract;

import io.importspy.API;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;

/**
 * A version constraint: a version prefix ({@code 17} matches 17 and 17.0.15; {@code 3.12} matches
 * 3.12.9 but not 3.120) or a Maven range ({@code [1.2,2.0)}, {@code [17,)}, {@code (,1.0]},
 * {@code [1.0]}, unions {@code (,1.0],[1.2,)}), ordered as Maven orders versions.
 *
 * <p>Build metadata after {@code +} is ignored when comparing, so {@code 17.0.15+6} is in {@code [17,17.0.15]}.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class VersionConstraint {

    private final String text;
    private final List<Range> ranges; // empty: a prefix constraint
    private final List<String> prefix;

    private VersionConstraint(String text, List<Range> ranges, List<String> prefix) {
        this.text = text;
        this.ranges = List.copyOf(ranges);
        this.prefix = List.copyOf(prefix);
    }

    /**
     * Parses a constraint.
     *
     * @throws IllegalArgumentException with a one-line message saying what is wrong and how to write it
     */
    public static VersionConstraint parse(String text) {
        String spec = text == null ? "" : text.trim();
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("a version constraint is empty; write a version prefix such as \"17\""
                    + " or a Maven range such as \"[1.2,2.0)\"");
        }
        char first = spec.charAt(0);
        if (first == '[' || first == '(') {
            return new VersionConstraint(spec, parseRanges(spec), List.of());
        }
        if (!isVersion(spec)) {
            throw new IllegalArgumentException("'" + spec + "' is not a version or a version range; write a version"
                    + " prefix such as \"1.2\" or a Maven range such as \"[1.2,2.0)\"");
        }
        return new VersionConstraint(spec, List.of(), tokens(spec));
    }

    /** Whether {@code version} satisfies this constraint. */
    public boolean test(String version) {
        String candidate = version.trim();
        if (ranges.isEmpty()) {
            return matchesPrefix(tokens(candidate));
        }
        MavenVersion parsed = MavenVersion.of(candidate);
        for (Range range : ranges) {
            if (range.contains(parsed)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this constraint is a Maven range (as opposed to a version prefix). */
    public boolean isRange() {
        return !ranges.isEmpty();
    }

    /** The constraint as written. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionConstraint constraint && constraint.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    private boolean matchesPrefix(List<String> version) {
        for (int i = 0; i < prefix.size(); i++) {
            String wanted = prefix.get(i);
            String actual = i < version.size() ? version.get(i) : "0";
            if (!sameToken(wanted, actual)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameToken(String a, String b) {
        if (isNumber(a) && isNumber(b)) {
            return new BigInteger(a).equals(new BigInteger(b));
        }
        return a.equalsIgnoreCase(b);
    }

    private static boolean isNumber(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return false;
            }
        }
        return !token.isEmpty();
    }

    static List<String> tokens(String version) {
        String lower = version.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < lower.length(); i++) { // split at every '.', '+' and '-', empty tokens kept
            if (isSeparator(lower.charAt(i))) {
                tokens.add(lower.substring(start, i));
                start = i + 1;
            }
        }
        tokens.add(lower.substring(start));
        return tokens;
    }

    /**
     * Whether {@code text} is {@code [A-Za-z0-9][A-Za-z0-9._+-]*}. Checked by hand, as the tokens are split: a
     * character class is a lambda in {@code java.util.regex}, and the first lambda a run links starts the JDK's
     * method-handle machinery; versions are read on the start path of every command that reads a contract.
     */
    static boolean isVersion(String text) {
        if (text.isEmpty() || !isLetterOrDigit(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isLetterOrDigit(c) && c != '_' && !isSeparator(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '+' || c == '-';
    }

    private static List<Range> parseRanges(String spec) {
        List<Range> ranges = new ArrayList<>();
        int pos = 0;
        while (pos < spec.length()) {
            char open = spec.charAt(pos);
            if (open != '[' && open != '(') {
                throw invalid(spec, "expected '[' or '(' at position " + (pos + 1));
            }
            int close = indexOfAny(spec, pos + 1);
            if (close < 0) {
                throw invalid(spec, "a range opened with '" + open + "' is never closed with ']' or ')'");
            }
            ranges.add(Range.parse(spec, spec.substring(pos, close + 1)));
            pos = close + 1;
            while (pos < spec.length() && Character.isWhitespace(spec.charAt(pos))) {
                pos++;
            }
            if (pos < spec.length()) {
                if (spec.charAt(pos) != ',') {
                    throw invalid(spec, "ranges must be separated by ',' (position " + (pos + 1) + ")");
                }
                pos++;
                while (pos < spec.length() && Character.isWhitespace(spec.charAt(pos))) {
                    pos++;
                }
                if (pos == spec.length()) {
                    throw invalid(spec, "a range is missing after the last ','");
                }
            }
        }
        return ranges;
    }

    private static int indexOfAny(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == ']' || text.charAt(i) == ')') {
                return i;
            }
        }
        return -1;
    }

    static IllegalArgumentException invalid(String spec, String what) {
        return new IllegalArgumentException("invalid version range '" + spec + "': " + what
                + "; write it as in Maven, e.g. \"[1.2,2.0)\", \"[17,)\" or \"(,1.0],[1.2,)\"");
    }

    /** One interval of a Maven range; an absent bound is unbounded. */
    private record Range(Optional<MavenVersion> lower, boolean lowerInclusive,
                         Optional<MavenVersion> upper, boolean upperInclusive) {

        static Range parse(String spec, String part) {
            boolean lowerInclusive = part.charAt(0) == '[';
            boolean upperInclusive = part.charAt(part.length() - 1) == ']';
            String body = part.substring(1, part.length() - 1).trim();
            int comma = body.indexOf(',');
            if (comma < 0) {
                if (!lowerInclusive || !upperInclusive || body.isEmpty()) {
                    throw invalid(spec, "a single version must be written as [version], e.g. \"[1.0]\"");
                }
                MavenVersion exact = version(spec, body);
                return new Range(Optional.of(exact), true, Optional.of(exact), true);
            }
            if (body.indexOf(',', comma + 1) >= 0) {
                throw invalid(spec, "'" + part + "' has more than two bounds");
            }
            String low = body.substring(0, comma).trim();
            String high = body.substring(comma + 1).trim();
            if (low.isEmpty() && high.isEmpty()) {
                throw invalid(spec, "'" + part + "' has neither a lower nor an upper bound");
            }
            Optional<MavenVersion> lower = low.isEmpty() ? Optional.empty() : Optional.of(version(spec, low));
            Optional<MavenVersion> upper = high.isEmpty() ? Optional.empty() : Optional.of(version(spec, high));
            if (lower.isEmpty() && lowerInclusive || upper.isEmpty() && upperInclusive) {
                throw invalid(spec, "an unbounded side must use '(' or ')', as in \"[1.0,)\"");
            }
            if (lower.isPresent() && upper.isPresent()) {
                int order = lower.get().compareTo(upper.get());
                if (order > 0 || order == 0 && !(lowerInclusive && upperInclusive)) {
                    throw invalid(spec, "'" + part + "' is empty: its lower bound is not below its upper bound");
                }
            }
            return new Range(lower, lowerInclusive, upper, upperInclusive);
        }

        private static MavenVersion version(String spec, String text) {
            if (!isVersion(text)) {
                throw invalid(spec, "'" + text + "' is not a version");
            }
            return MavenVersion.of(text);
        }

        boolean contains(MavenVersion version) {
            if (lower.isPresent()) {
                int order = version.compareTo(lower.get());
                if (order < 0 || order == 0 && !lowerInclusive) {
                    return false;
                }
            }
            if (upper.isPresent()) {
                int order = version.compareTo(upper.get());
                return order < 0 || order == 0 && upperInclusive;
            }
            return true;
        }
    }
}
