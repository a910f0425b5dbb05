package io.importspy.cli;

import io.importspy.internal.spi.Extensions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --extensions JARS}: JARs or class directories whose {@code io.importspy.spi.Extension} providers the
 * command uses, beside any on ImportSpy's own class path. Only a class loader is made here; it is searched on the
 * first {@code x-} key or required fact, so a run that needs no extension never reads these files' services.
 */
final class ExtensionsOption {
    static final String NAME = "--extensions";

    private ExtensionsOption() {
    }

    /** Adds the option to {@code spec}. */
    static void addTo(CommandSpec spec, String when) {
        spec.addOption(OptionSpec.builder(NAME).type(String[].class).paramLabel("JARS")
                .description(when + "JARs or class directories of extensions (x- contract sections, runtime facts), "
                        + "separated by '${sys:path.separator}'; repeatable. Extensions on ImportSpy's own class path "
                        + "are used too.").build());
    }

    /**
     * Makes the extensions of {@code command}'s {@code --extensions} the ones this run uses; nothing when the option
     * is not given.
     *
     * @throws BadInputException naming every path that is not a readable JAR or directory
     */
    static void install(ParseResult command) {
        if (command.hasMatchedOption(NAME)) {
            Given.install(command); // apart, so that a run without the option loads none of its classes
        }
    }

    /** The option as given. */
    private static final class Given {
        private Given() {
        }

        static void install(ParseResult command) {
            List<String> values = List.of(command.matchedOptionValue(NAME, new String[0]));
            List<Path> paths = InputFiles.classpath(values);
            InputFiles files = new InputFiles();
            paths.forEach(path -> files.jarOrDirectory(path, "extension"));
            files.check();
            URL[] urls = new URL[paths.size()];
            for (int i = 0; i < urls.length; i++) {
                try {
                    urls[i] = paths.get(i).toAbsolutePath().toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new BadInputException("extension '" + paths.get(i) + "' cannot be named as a URL", e);
                }
            }
            ClassLoader loader = new URLClassLoader("importspy-extensions", urls,
                    ExtensionsOption.class.getClassLoader());
            Extensions.install(Extensions.discover(loader, NAME + " " + String.join(File.pathSeparator, values)
                    + " and the class path"));
        }
    }
}
