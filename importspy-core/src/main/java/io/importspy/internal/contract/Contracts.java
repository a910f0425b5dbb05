package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.contract.SpyModel;
import io.importspy.internal.spi.Extensions;
import io.importspy.contract.ContractException;
import io.importspy.internal.yaml.BoundedYaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

import static io.importspy.API.Status.INTERNAL;

/**
 * Reads import contracts (format 1) from YAML: the public entry of the parse stage.
 *
 * <p>YAML is read with YAML 1.2 safe loading (core schema; no tags that construct objects; at most
 * 16 MiB, 64 levels of nesting and 50 aliases of lists or mappings). Every problem in a file is
 * collected and reported together, each with its line and column:
 * <pre>{@code
 * try {
 *     SpyModel contract = Contracts.read(Path.of("spymodel.yml"));
 * } catch (ContractException e) {
 *     e.errors().forEach(System.err::println); // spymodel.yml:7:5: unknown key 'modifers' in method; ...
 * }
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Contracts {
    private Contracts() {
    }

    /**
     * Reads and checks the contract at {@code file}; locations name the file as {@code file.toString()}.
     *
     * @throws ContractException listing every problem found (unreadable file, YAML syntax, unknown keys, ...)
     */
    public static SpyModel read(Path file) {
        return read(file, Extensions.installed());
    }

    /**
     * As {@link #read(Path)}, with {@code extensions} owning the {@code x-} sections and giving the facts the
     * deployments require.
     *
     * @throws ContractException listing every problem found
     */
    public static SpyModel read(Path file, Extensions extensions) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(extensions, "extensions");
        return ContractReader.read(text(file, "contract"), file.toString(), extensions);
    }

    /**
     * The UTF-8 text of {@code file} (a contract or a policy, named {@code what} in errors), without a BOM.
     *
     * @throws ContractException located at the file's start when it cannot be read, or where it stops being UTF-8
     */
    static String text(Path file, String what) {
        String name = file.toString();
        Location start = new Location(name, 1, 1);
        try {
            if (Files.isDirectory(file)) {
                throw Problems.fatal(start, "cannot read " + what + ": it is a directory, not a file");
            }
            return BoundedYaml.read(file, what);
        } catch (NoSuchFileException e) {
            throw Problems.fatal(start, "cannot read " + what + ": no such file");
        } catch (AccessDeniedException e) {
            throw Problems.fatal(start, "cannot read " + what + ": permission denied");
        } catch (IOException e) {
            throw Problems.fatal(start, "cannot read " + what + ": " + e.getMessage());
        } catch (BoundedYaml.Refused e) {
            throw refused(name, e);
        }
    }

    /** {@code refused} as a fatal contract error at its place in {@code file}. */
    static ContractException refused(String file, BoundedYaml.Refused refused) {
        return Problems.fatal(new Location(file, refused.line(), refused.column()), refused.getMessage());
    }

    /**
     * Reads and checks the contract found as a resource of {@code caller} ({@link Class#getResourceAsStream}:
     * {@code "/spymodel.yml"} is absolute, {@code "spymodel.yml"} relative to the caller's package); locations
     * name the resource's file name.
     *
     * @throws ContractException when the resource does not exist or cannot be read, or lists every problem found
     */
    public static SpyModel readResource(Class<?> caller, String resource) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(resource, "resource");
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        Location start = new Location(name, 1, 1);
        try (InputStream in = caller.getResourceAsStream(resource)) {
            if (in == null) {
                throw Problems.fatal(start, "cannot read contract: resource '" + resource + "' not found by "
                        + caller.getName() + "; put it in the protected module (a leading '/' means the root)"
                        + " or pass the contract as a Path");
            }
            return read(in, name);
        } catch (IOException e) {
            throw Problems.fatal(start, "cannot read contract: resource '" + resource + "': " + e.getMessage());
        }
    }

    /**
     * Reads and checks the contract in {@code in} (opened and closed by the caller), never holding more of it
     * than the size limit; locations name {@code name}.
     *
     * @throws IOException       when the stream cannot be read
     * @throws ContractException when it is too large, not UTF-8, or lists every problem found
     */
    public static SpyModel read(InputStream in, String name) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        String text;
        try {
            text = BoundedYaml.read(in, "contract");
        } catch (BoundedYaml.Refused e) {
            throw refused(name, e);
        }
        return ContractReader.read(text, name);
    }

    /**
     * Parses contract text; {@code fileName} is used in locations.
     *
     * @throws ContractException listing every problem found
     */
    public static SpyModel parse(String yaml, String fileName) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(fileName, "fileName");
        return ContractReader.read(text(yaml, fileName, "contract"), fileName);
    }

    /** {@code yaml} without a BOM, when it is within the size limit. */
    static String text(String yaml, String fileName, String what) {
        try {
            return BoundedYaml.text(yaml, what);
        } catch (BoundedYaml.Refused e) {
            throw refused(fileName, e);
        }
    }
}
