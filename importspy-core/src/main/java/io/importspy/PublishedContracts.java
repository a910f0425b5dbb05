package io.importspy;

import io.importspy.contract.ContractError;
import io.importspy.contract.ContractException;
import io.importspy.contract.Location;
import io.importspy.contract.SpyModel;
import io.importspy.internal.contract.Contracts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The contracts a host publishes with its API: YAML files at {@code META-INF/importspy/*.yml} (or
 * {@code .yaml}) of its JAR, or of its class directory while it is being built.
 */
final class PublishedContracts {
    /** Where a JAR keeps the contracts it publishes. */
    static final String DIRECTORY = "META-INF/importspy/";

    private PublishedContracts() {
    }

    /** The entry names under {@link #DIRECTORY} that end in {@code .yml} or {@code .yaml}, in name order. */
    static List<String> list(Path jar) {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(jar)) {
            Path directory = jar.resolve(DIRECTORY);
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.list(directory)) {
                    files.filter(Files::isRegularFile)
                            .map(file -> DIRECTORY + file.getFileName())
                            .filter(PublishedContracts::isContract)
                            .forEach(names::add);
                } catch (IOException e) {
                    throw error(jar.toString(), "cannot list published contracts: " + e.getMessage());
                }
            }
        } else {
            try (ZipFile zip = open(jar)) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                    ZipEntry entry = entries.nextElement();
                    if (!entry.isDirectory() && isContract(entry.getName())) {
                        names.add(entry.getName());
                    }
                }
            } catch (IOException e) {
                throw error(jar.toString(), "cannot read published contracts: " + e.getMessage());
            }
        }
        names.sort(null);
        return List.copyOf(names);
    }

    /** Reads {@code entry} of {@code jar}; contract locations name it {@code jar-file-name!/entry}. */
    static SpyModel read(Path jar, String entry) {
        String name = jar.getFileName() + "!/" + entry;
        if (Files.isDirectory(jar)) {
            Path file = jar.resolve(entry);
            if (!Files.isRegularFile(file)) {
                throw missing(jar, entry, name);
            }
            return read(name, () -> Files.newInputStream(file));
        }
        try (ZipFile zip = open(jar)) {
            ZipEntry found = zip.getEntry(entry);
            if (found == null || found.isDirectory()) {
                throw missing(jar, entry, name);
            }
            return read(name, () -> zip.getInputStream(found));
        } catch (IOException e) {
            throw error(name, "cannot read contract: " + e.getMessage());
        }
    }

    private static ContractException missing(Path jar, String entry, String name) {
        List<String> published = list(jar);
        return error(name, "no entry '" + entry + "' in " + jar.getFileName() + "; "
                + (published.isEmpty() ? "it publishes no contract under " + DIRECTORY
                : "it publishes " + String.join(", ", published)));
    }

    private static boolean isContract(String name) {
        return name.startsWith(DIRECTORY) && name.indexOf('/', DIRECTORY.length()) < 0
                && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }

    private static ZipFile open(Path jar) {
        try {
            return new ZipFile(jar.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw error(jar.toString(), "cannot read published contracts: no such file");
        } catch (ZipException e) {
            throw error(jar.toString(), "cannot read published contracts: not a JAR (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw error(jar.toString(), "cannot read published contracts: " + e.getMessage());
        }
    }

    /** Opens a stream; an {@link IOException} becomes a contract error. */
    private interface Source {
        InputStream open() throws IOException;
    }

    private static SpyModel read(String name, Source source) {
        try (InputStream in = source.open()) {
            return Contracts.read(in, name);
        } catch (IOException e) {
            throw error(name, "cannot read contract: " + e.getMessage());
        }
    }

    private static ContractException error(String file, String message) {
        return new ContractException(List.of(new ContractError(new Location(file, 1, 1), message)));
    }
}
