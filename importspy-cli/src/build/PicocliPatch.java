import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step of the command line: edits picocli's published sources (unpacked under {@code target/picocli-sources},
 * compiled with the command line's release) where their start-up cost is not picocli's behaviour.
 *
 * <p>{@code java PicocliPatch.java picocli/CommandLine.java}. Each edit replaces one exact piece of text; a source
 * that holds neither that text nor the replacement (another picocli release) fails the build, so no edit is lost
 * silently on an upgrade. Running it again on edited sources changes nothing.
 * <ul>
 * <li>A {@code CommandSpec} makes its negatable-option transformer when it is first asked for one, not when it is
 * created: the default transformer compiles four regular expressions with {@code \w}, which
 * {@code java.util.regex} implements with lambdas, so every {@code CommandSpec} compiled them and the first one
 * linked the JDK's method-handle machinery, whether or not an option is negatable (none of the command line's
 * is). The transformer made on first use is the default, as before.</li>
 * <li>Picocli's {@code format}, through which every heading, description and footer of a help text passes, returns a
 * text that holds no format specifier but {@code %n} and {@code %%} as {@code String.format} would make it (line
 * separators and percent signs), without a {@code java.util.Formatter}: on JDK 17 that compiles its specifier
 * expression on first use, linking the JDK's lambdas and loading about 90 classes; any other text is formatted by
 * {@code String.format}, as before.</li>
 * <li>Help tables wrap their cells at the line breaks of {@code picocli.LineBreaks} (src/picocli/java), which are those
 * of {@code BreakIterator.getLineInstance()}: found by the class itself for the characters of the command line's help
 * texts, by the JDK's line instance for any other text. The JDK's first line instance loads its locale providers, a
 * resource bundle and the rules' data from the run-time image, and links lambdas: about 190 classes on the path of
 * every {@code --help}.</li>
 * <li>The length of the synopsis heading's last line is found without splitting the heading with a regular expression
 * ({@code \\r?\\n|\\r|%n}, whose {@code ?} is a lambda in {@code java.util.regex}).</li>
 * <li>The expression of {@code picocli.converters.excludes} is compiled once, not once for each of the 19 converters
 * picocli registers by reflection in every {@code CommandLine}: {@code --help} makes seven of them.</li>
 * </ul>
 */
public final class PicocliPatch {
    private static final String[][] EDITS = {
        {"private INegatableOptionTransformer negatableOptionTransformer = RegexTransformer.createDefault();",
         "private INegatableOptionTransformer negatableOptionTransformer; // made on first use (PicocliPatch)"},
        {"public INegatableOptionTransformer negatableOptionTransformer() { return negatableOptionTransformer; }",
         "public INegatableOptionTransformer negatableOptionTransformer() { if (negatableOptionTransformer == null) {"
                 + " negatableOptionTransformer = RegexTransformer.createDefault(); } return negatableOptionTransformer; }"},
        {"    private static String format(String formatString, Object... params) {\n"
                 + "        try {\n"
                 + "            return formatString == null ? \"\" : String.format(formatString, params);\n",
         "    /** {@code text} as String.format makes it when it holds no specifier but %n and %%, else null (PicocliPatch). */\n"
                 + "    private static String withoutSpecifiers(String text) {\n"
                 + "        StringBuilder result = null;\n"
                 + "        for (int i = 0; i < text.length(); i++) {\n"
                 + "            char c = text.charAt(i);\n"
                 + "            if (c != '%') { if (result != null) { result.append(c); } continue; }\n"
                 + "            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;\n"
                 + "            if (next != 'n' && next != '%') { return null; }\n"
                 + "            if (result == null) { result = new StringBuilder(text.length()).append(text, 0, i); }\n"
                 + "            result.append(next == 'n' ? System.lineSeparator() : \"%\");\n"
                 + "            i++;\n"
                 + "        }\n"
                 + "        return result == null ? text : result.toString();\n"
                 + "    }\n"
                 + "    private static String format(String formatString, Object... params) {\n"
                 + "        try {\n"
                 + "            String plain = formatString == null ? \"\" : withoutSpecifiers(formatString);\n"
                 + "            return plain != null ? plain : String.format(formatString, params);\n"},
        {"? copy(BreakIterator.getLineInstance(), value, textAt(row, col), indent)",
         "? copy(new LineBreaks(), value, textAt(row, col), indent) // PicocliPatch"},
        {"BreakIterator lineBreakIterator = BreakIterator.getLineInstance();",
         "BreakIterator lineBreakIterator = new LineBreaks(); // PicocliPatch"},
        {"String[] lines = Ansi.OFF.new Text(commandSpec.usageMessage().synopsisHeading()).toString().split(\"\\\\r?\\\\n|\\\\r|%n\", -1);\n"
                 + "            return lines[lines.length - 1].length();",
         "String heading = Ansi.OFF.new Text(commandSpec.usageMessage().synopsisHeading()).toString(); // PicocliPatch\n"
                 + "            int percentN = heading.lastIndexOf(\"%n\");\n"
                 + "            int lastLine = Math.max(Math.max(heading.lastIndexOf('\\n'), heading.lastIndexOf('\\r')) + 1,"
                 + " percentN < 0 ? 0 : percentN + 2);\n"
                 + "            return heading.length() - lastLine;"},
        {"                if (fqcn.matches(regex)) {\n",
         "                if (excludePattern(regex).matcher(fqcn).matches()) { // PicocliPatch\n"},
        {"        static Set<String> traced = new HashSet<String>();\n",
         "        static Set<String> traced = new HashSet<String>(); // PicocliPatch: and the excludes, compiled once\n"
                 + "        private static String excludeRegex;\n"
                 + "        private static Pattern excludePattern;\n"
                 + "        private static synchronized Pattern excludePattern(String regex) {\n"
                 + "            if (!regex.equals(excludeRegex)) { excludePattern = Pattern.compile(regex); excludeRegex = regex; }\n"
                 + "            return excludePattern;\n"
                 + "        }\n"},
    };

    private PicocliPatch() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java PicocliPatch.java picocli/CommandLine.java");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String source = Files.readString(file, StandardCharsets.UTF_8);
        String edited = source;
        for (String[] edit : EDITS) {
            int found = count(edited, edit[0]);
            if (found == 1) {
                edited = edited.replace(edit[0], edit[1]);
            } else if (found != 0 || count(edited, edit[1]) != 1) {
                System.err.println("PicocliPatch: " + file + " holds " + found + " copies of: " + edit[0]);
                System.exit(1);
            }
        }
        if (!edited.equals(source)) {
            Files.writeString(file, edited, StandardCharsets.UTF_8);
        }
        System.out.println("PicocliPatch: " + file + (edited.equals(source) ? " already edited" : " edited"));
    }

    private static int count(String text, String piece) {
        int n = 0;
        for (int at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + piece.length())) {
            n++;
        }
        return n;
    }
}
