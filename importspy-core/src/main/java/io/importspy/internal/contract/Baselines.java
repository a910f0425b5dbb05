package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.ContractException;
import io.importspy.contract.Location;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static io.importspy.API.Status.INTERNAL;

/**
 * Reads baselines (format 1) with the contract reader's YAML loading and located errors
 * ({@code baseline.yml:7:5: unknown key 'justfication' in baseline entry; did you mean 'justification'?}).
 *
 * <pre>
 * importspy-baseline: 1
 * violations:
 *   - target: com.acme.greeter          # the target's identity: its module name, else its file name
 *     category: missing
 *     context: method
 *     subject: com.acme.greeter.DefaultGreeter#greet(String, Locale)
 *     expected: method greet(String, Locale)
 *     justification: greet(Locale) ships in 1.3 (ACME-123)
 * </pre>
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Baselines {
    private Baselines() {
    }

    /**
     * A baseline file.
     *
     * @param file    the file, as given
     * @param entries its entries, in file order, no two with the same {@link Entry#key()}
     */
    @API(status = INTERNAL, since = "0.1.0")
    public record File(String file, List<Entry> entries) {
        public File {
            Objects.requireNonNull(file, "file");
            entries = List.copyOf(entries);
        }
    }

    /**
     * One accepted violation: what identifies it (never where the contract writes it, so that edits elsewhere
     * in the contract keep it matching), why it is accepted, and where the baseline lists it.
     */
    @API(status = INTERNAL, since = "0.1.0")
    public record Entry(String target, String category, String context, String subject, String expected,
                        String justification, Location location) {
        public Entry {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(justification, "justification");
            Objects.requireNonNull(location, "location");
        }

        /** What a violation must have for this entry to match it: target, category, context, subject, expected. */
        public List<String> key() {
            return List.of(target, category, context, subject, expected);
        }
    }

    /**
     * Reads the baseline at {@code file}.
     *
     * @throws ContractException listing every problem, each located in the baseline
     */
    public static File read(Path file) {
        Objects.requireNonNull(file, "file");
        return BaselineReader.read(Contracts.text(file, "baseline"), file.toString());
    }

    /**
     * Parses baseline text named {@code fileName} in locations.
     *
     * @throws ContractException listing every problem found
     */
    public static File parse(String yaml, String fileName) {
        Objects.requireNonNull(yaml, "yaml");
        return BaselineReader.read(Contracts.text(yaml, fileName, "baseline"), fileName);
    }
}
