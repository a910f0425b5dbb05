package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.contract.SpyModel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
        Objects.requireNonNull(file, "file");
        return ContractReader.read(text(file, "contract"), file.toString());
    }

    /**
     * The UTF-8 text of {@code file} (a contract or a policy, named {@code what} in errors), without a BOM.
     *
     * @throws ContractException located at the file's start when it cannot be read, or where it stops being UTF-8
     */
    static String text(Path file, String what) {
        String name = file.toString();
        Location start = new Location(name, 1, 1);
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw Problems.fatal(start, "cannot read " + what + ": it is a directory, not a file");
            }
            YamlReader.checkSize(Files.size(file), name);
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw Problems.fatal(start, "cannot read " + what + ": no such file");
        } catch (AccessDeniedException e) {
            throw Problems.fatal(start, "cannot read " + what + ": permission denied");
        } catch (IOException e) {
            throw Problems.fatal(start, "cannot read " + what + ": " + e.getMessage());
        }
        YamlReader.checkSize(bytes.length, name);
        return decode(bytes, name, what);
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
        byte[] bytes;
        try (InputStream in = caller.getResourceAsStream(resource)) {
            if (in == null) {
                throw Problems.fatal(start, "cannot read contract: resource '" + resource + "' not found by "
                        + caller.getName() + "; put it in the protected module (a leading '/' means the root)"
                        + " or pass the contract as a Path");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw Problems.fatal(start, "cannot read contract: resource '" + resource + "': " + e.getMessage());
        }
        YamlReader.checkSize(bytes.length, name);
        return ContractReader.read(decode(bytes, name, "contract"), name);
    }

    /**
     * Parses contract text; {@code fileName} is used in locations.
     *
     * @throws ContractException listing every problem found
     */
    public static SpyModel parse(String yaml, String fileName) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(fileName, "fileName");
        YamlReader.checkSize(utf8Length(yaml), fileName);
        return ContractReader.read(yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml, fileName);
    }

    private static String decode(byte[] bytes, String name, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw Problems.fatal(new Location(name, line, in.position() - lineStart + 1),
                    "cannot read " + what + ": it is not UTF-8 text; save it as UTF-8");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
