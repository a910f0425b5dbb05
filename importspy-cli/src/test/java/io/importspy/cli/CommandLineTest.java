package io.importspy.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command line is read by one parser, picocli, from the model {@link Commands} builds: the help texts
 * are pinned under {@code help/} (those of {@code validate} and {@code inspect} as the annotated commands
 * printed them, plus the options added since), and the command lines a hand-written fast path once left to
 * picocli mean what they meant.
 */
class CommandLineTest {
    @TempDir
    static Path dir;
    static Path plugin;
    static Path compliant;

    @BeforeAll
    static void build() throws IOException {
        plugin = TestPlugins.greeterJar(dir, "greeter-1.2.0.jar", TestPlugins.GREETER);
        compliant = Files.writeString(dir.resolve("ok.yml"), """
                importspy: 1
                classes:
                  - name: com.acme.Greeter
                    methods:
                      - name: greet
                        parameters: [String]
                        returns: String
                """);
    }

    @Nested
    class Help_texts {
        @ParameterizedTest
        @CsvSource({"importspy.txt, --help", "validate.txt, validate --help", "audit.txt, audit --help", "diff.txt, diff --help", "inspect.txt, inspect --help", "schema.txt, schema --help",
                "validate.txt, validate -h"})
        void are_the_pinned_ones(String expected, String commandLine) throws IOException {
            MainTest.Outcome outcome = MainTest.run(commandLine.split(" "));

            assertThat(outcome.exit()).isZero();
            assertThat(outcome.err()).isEmpty();
            assertThat(outcome.out()).isEqualTo(pinned(expected));
        }

        @Test
    void building_the_command_line_leaves_the_system_properties_as_they_were() {
        System.clearProperty("picocli.converters.excludes");
        assertThat(Commands.commandLine().getCommandName()).isEqualTo("importspy");
        assertThat(System.getProperty("picocli.converters.excludes")).isNull();
        System.setProperty("picocli.converters.excludes", "java\\.time\\..*");
        try {
            Commands.commandLine();
            assertThat(System.getProperty("picocli.converters.excludes")).isEqualTo("java\\.time\\..*");
        } finally {
            System.clearProperty("picocli.converters.excludes");
        }
    }

    @Test
        void version_is_the_same_from_every_command() {
            MainTest.Outcome root = MainTest.run("-V");

            assertThat(root.exit()).isZero();
            assertThat(MainTest.run("validate", "--version")).isEqualTo(root);
            assertThat(MainTest.run("inspect", "-V")).isEqualTo(root);
        }

        @Test
        void version_is_what_picocli_prints_for_it() {
            for (String vendor : new String[] {System.getProperty("java.vendor"), "Acme 100%", "@|bold Acme|@"}) {
                String before = System.getProperty("java.vendor");
                System.setProperty("java.vendor", vendor);
                try {
                    StringWriter picocli = new StringWriter();
                    Commands.commandLine().printVersionHelp(new PrintWriter(picocli), CommandLine.Help.Ansi.OFF);

                    MainTest.Outcome outcome = MainTest.run("--version");

                    assertThat(outcome.exit()).as(vendor).isZero();
                    assertThat(outcome.out()).as(vendor).isEqualTo(picocli.toString()).contains("Java ");
                } finally {
                    System.setProperty("java.vendor", before);
                }
            }
        }

        private String pinned(String name) throws IOException {
            try (InputStream in = CommandLineTest.class.getResourceAsStream("help/" + name)) {
                assertThat(in).as("help/" + name).isNotNull();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("separated by ':'", "separated by '" + File.pathSeparator + "'");
            }
        }
    }

    @Nested
    class Reads {
        @Test
        void a_value_attached_to_a_short_option() {
            MainTest.Outcome outcome = MainTest.run("validate", "-c" + compliant, "--runtime", "none",
                    plugin.toString());

            assertThat(outcome.exit()).isZero();
            assertThat(outcome.err()).isEmpty();
        }

        @Test
        void the_end_of_options_marker_and_an_equals_sign() {
            MainTest.Outcome outcome = MainTest.run("validate", "--contract=" + compliant, "--runtime=none",
                    "--format=JSON", "--", plugin.toString());

            assertThat(outcome.exit()).isZero();
            assertThat(outcome.out()).startsWith("{").contains("\"compliant\": true");
        }

        @Test
        void an_argument_file() throws IOException {
            Path arguments = Files.writeString(dir.resolve("args.txt"),
                    "--runtime none\n-c " + compliant + "\n" + plugin + "\n");

            MainTest.Outcome outcome = MainTest.run("validate", "@" + arguments);

            assertThat(outcome.exit()).isZero();
            assertThat(outcome.err()).isEmpty();
        }

        @Test
        void a_flag_given_twice_as_a_bad_option() {
            MainTest.Outcome outcome = MainTest.run("validate", "-c", compliant.toString(), "--strict", "--strict",
                    plugin.toString());

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.err()).isEqualTo(
                    "importspy: option '--strict' should be specified only once; see 'importspy validate --help'\n");
        }

        @Test
        void an_option_before_the_command_as_not_the_commands() {
            MainTest.Outcome outcome = MainTest.run("-c", "c.yml", "validate", "a.jar");

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.err()).isEqualTo("importspy: Unknown options: '-c', 'c.yml'; see 'importspy --help'\n");
        }

        @Test
        void an_option_without_its_value_as_a_bad_option() {
            MainTest.Outcome outcome = MainTest.run("validate", "-c", compliant.toString(), "a.jar", "--output");

            assertThat(outcome.exit()).isEqualTo(2);
            assertThat(outcome.err()).isEqualTo("importspy: Missing required parameter for option '--output' (FILE); "
                    + "see 'importspy validate --help'\n");
        }
    }

    @Test
    void the_converters_picocli_registers_by_reflection_are_all_left_out() throws IOException {
        String source = Files.readString(Path.of("target/picocli-sources/picocli/CommandLine.java"));
        Matcher excluded = Pattern.compile("excl\\(\"([^\"]+)\"\\)").matcher(source);
        int names = 0;
        while (excluded.find()) {
            names++;
            assertThat(excluded.group(1)).matches(Commands.REFLECTIVE_CONVERTERS);
        }
        assertThat(names).as("converters picocli registers by reflection").isEqualTo(19);
    }

    @Test
    void picocli_is_compiled_for_this_release_so_that_start_up_archives_can_hold_it() throws IOException {
        try (InputStream in = picocli.CommandLine.class.getResourceAsStream("CommandLine.class")) {
            assertThat(in).isNotNull();
            byte[] header = in.readNBytes(8);
            int major = ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            assertThat(major).as("class-file major version of picocli.CommandLine").isGreaterThanOrEqualTo(61);
        }
    }
}
