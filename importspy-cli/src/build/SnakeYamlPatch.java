import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step of the command line: edits SnakeYAML Engine's published sources (unpacked under
 * {@code target/snakeyaml-sources}, compiled with the command line's release, then desugared as the rest of
 * {@code target/classes} is) where they compile regular expressions that no contract needs.
 *
 * <p>{@code java SnakeYamlPatch.java target/snakeyaml-sources}. Each edit replaces one exact piece of text of one
 * file; a file that holds neither that text nor the replacement (another SnakeYAML release) fails the build, so no
 * edit is lost silently on an upgrade. Running it again on edited sources changes nothing. Why: {@code java.util.regex}
 * implements character classes with lambdas, and on JDK 17-24 the first lambda a process links starts the JDK's
 * method-handle machinery (about 70 classes and a class spun at run time, several milliseconds of a run that lasts
 * about 90). Every regular expression on the path of reading a contract went through it:
 * <ul>
 * <li>{@code LoadSettingsBuilder} and {@code DumpSettingsBuilder} make their default schema, a {@code JsonSchema}
 * whose scalar resolver compiles five expressions, in {@code build()} when no schema was set, not in their
 * constructors: ImportSpy always sets one (its {@code CoreYamlSchema} to read, {@code JsonYamlSchema} to write, which
 * resolve scalars with plain code).</li>
 * <li>{@code PercentEscaper}, made by {@code Tag}'s first use, tells whether its safe characters hold a letter or a
 * digit with a loop, not with {@code matches(".*[0-9A-Za-z].*")}.</li>
 * <li>{@code ScannerImpl} tells whether an escape's digits are hexadecimal with a loop, not with a
 * {@code [^0-9A-Fa-f]} expression compiled when the class is initialized.</li>
 * <li>{@code StandardRepresenter} tells a multi-line scalar (a line feed or U+0085) and {@code Emitter} a tag
 * handle ({@code ^![-_\w]*!$}) with loops.</li>
 * <li>{@code Anchor} tells whether a name holds a space ({@code \s}: space, tab, line feed, vertical tab, form feed,
 * carriage return) with a loop.</li>
 * </ul>
 */
public final class SnakeYamlPatch {
    private static final String[][] EDITS = {
        {"org/snakeyaml/engine/v2/api/LoadSettingsBuilder.java",
         "    this.schema = new JsonSchema();\n  }",
         "    // this.schema: made in build() when none was set (SnakeYamlPatch)\n  }"},
        {"org/snakeyaml/engine/v2/api/LoadSettingsBuilder.java",
         "        codePointLimit, schema);",
         "        codePointLimit, schema != null ? schema : new JsonSchema()); // SnakeYamlPatch"},
        {"org/snakeyaml/engine/v2/api/DumpSettingsBuilder.java",
         "    this.schema = new JsonSchema();",
         "    // this.schema: made in build() when none was set (SnakeYamlPatch)"},
        {"org/snakeyaml/engine/v2/api/DumpSettingsBuilder.java",
         "        schema, dereferenceAliases,",
         "        schema != null ? schema : new JsonSchema(), dereferenceAliases, // SnakeYamlPatch"},
        {"org/snakeyaml/engine/external/com/google/gdata/util/common/base/PercentEscaper.java",
         "    if (safeChars.matches(\".*[0-9A-Za-z].*\")) {",
         "    if (hasAlphanumeric(safeChars)) { // SnakeYamlPatch"},
        {"org/snakeyaml/engine/external/com/google/gdata/util/common/base/PercentEscaper.java",
         "  public PercentEscaper(String safeChars, boolean plusForSpace) {",
         "  private static boolean hasAlphanumeric(String text) { // SnakeYamlPatch\n"
                 + "    for (int i = 0; i < text.length(); i++) {\n"
                 + "      char c = text.charAt(i);\n"
                 + "      if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {\n"
                 + "        return true;\n"
                 + "      }\n"
                 + "    }\n"
                 + "    return false;\n"
                 + "  }\n"
                 + "\n"
                 + "  public PercentEscaper(String safeChars, boolean plusForSpace) {"},
        {"org/snakeyaml/engine/v2/scanner/ScannerImpl.java",
         "  private static final Pattern NOT_HEXA = Pattern.compile(\"[^0-9A-Fa-f]\");",
         "  private static boolean notHexadecimal(String text) { // SnakeYamlPatch: was [^0-9A-Fa-f]\n"
                 + "    for (int i = 0; i < text.length(); i++) {\n"
                 + "      char c = text.charAt(i);\n"
                 + "      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f')) {\n"
                 + "        return true;\n"
                 + "      }\n"
                 + "    }\n"
                 + "    return false;\n"
                 + "  }"},
        {"org/snakeyaml/engine/v2/scanner/ScannerImpl.java",
         "          if (NOT_HEXA.matcher(hex).find()) {",
         "          if (notHexadecimal(hex)) { // SnakeYamlPatch"},
        {"org/snakeyaml/engine/v2/representer/StandardRepresenter.java",
         "  public static final Pattern MULTILINE_PATTERN = Pattern.compile(\"\\n|\\u0085\");",
         "  // MULTILINE_PATTERN (\\n|\\u0085): a loop below (SnakeYamlPatch)"},
        {"org/snakeyaml/engine/v2/representer/StandardRepresenter.java",
         "MULTILINE_PATTERN.matcher(value).find()",
         "(value.indexOf('\\n') >= 0 || value.indexOf('\\u0085') >= 0) /* SnakeYamlPatch */"},
        {"org/snakeyaml/engine/v2/emitter/Emitter.java",
         "  private static final Pattern HANDLE_FORMAT = Pattern.compile(\"^![-_\\\\w]*!$\");",
         "  private static boolean isTagHandle(String handle) { // SnakeYamlPatch: was ^![-_\\w]*!$\n"
                 + "    if (handle.length() < 2 || handle.charAt(0) != '!'\n"
                 + "        || handle.charAt(handle.length() - 1) != '!') {\n"
                 + "      return false;\n"
                 + "    }\n"
                 + "    for (int i = 1; i < handle.length() - 1; i++) {\n"
                 + "      char c = handle.charAt(i);\n"
                 + "      if (!(c == '-' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'\n"
                 + "          || c >= '0' && c <= '9')) {\n"
                 + "        return false;\n"
                 + "      }\n"
                 + "    }\n"
                 + "    return true;\n"
                 + "  }"},
        {"org/snakeyaml/engine/v2/emitter/Emitter.java",
         "!HANDLE_FORMAT.matcher(handle).matches()",
         "!isTagHandle(handle) /* SnakeYamlPatch */"},
        {"org/snakeyaml/engine/v2/common/Anchor.java",
         "  private static final Pattern SPACES_PATTERN = Pattern.compile(\"\\\\s\");",
         "  private static boolean hasSpace(String text) { // SnakeYamlPatch: was \\s\n"
                 + "    for (int i = 0; i < text.length(); i++) {\n"
                 + "      char c = text.charAt(i);\n"
                 + "      if (c == ' ' || c == '\\t' || c == '\\n' || c == 0x0B || c == '\\f' || c == '\\r') {\n"
                 + "        return true;\n"
                 + "      }\n"
                 + "    }\n"
                 + "    return false;\n"
                 + "  }"},
        {"org/snakeyaml/engine/v2/common/Anchor.java",
         "    Matcher matcher = SPACES_PATTERN.matcher(value);\n    if (matcher.find()) {",
         "    if (hasSpace(value)) { // SnakeYamlPatch"},
    };

    private SnakeYamlPatch() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java SnakeYamlPatch.java target/snakeyaml-sources");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int edited = 0;
        for (String[] edit : EDITS) {
            Path file = root.resolve(edit[0]);
            String source = Files.readString(file, StandardCharsets.UTF_8);
            if (count(source, edit[2]) == 1) {
                continue; // edited already (a replacement may hold the text it replaces)
            }
            int found = count(source, edit[1]);
            if (found != 1) {
                System.err.println("SnakeYamlPatch: " + file + " holds " + found + " copies of: " + edit[1]);
                System.exit(1);
            }
            Files.writeString(file, source.replace(edit[1], edit[2]), StandardCharsets.UTF_8);
            edited++;
        }
        System.out.println("SnakeYamlPatch: " + root + (edited == 0 ? " already edited" : ": " + edited + " edits"));
    }

    private static int count(String text, String piece) {
        int n = 0;
        for (int at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + piece.length())) {
            n++;
        }
        return n;
    }
}
