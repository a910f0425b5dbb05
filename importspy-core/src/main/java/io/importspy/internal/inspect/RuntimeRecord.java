package io.importspy.internal.inspect;

import io.importspy.API;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.LibraryFacts;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.yaml.BoundedYaml;
import io.importspy.internal.yaml.JsonYamlSchema;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * A runtime recorded as YAML ({@code importspy inspect --runtime}) on one machine and read back on
 * another ({@code validate --runtime FILE}). The format:
 *
 * <pre>{@code
 * importspy-runtime: 1
 * os: linux
 * arch: x86_64
 * java: {version: 17.0.15+6, vendor: Eclipse Adoptium, implementation: HotSpot}
 * environment:
 *   variables: {MODE: production, LOG_DIR: null}
 *   secrets: {DB_PASSWORD: present}
 * properties: {file.encoding: UTF-8, app.profile: null}
 * libraries:
 *   - {names: [org.slf4j, org.slf4j:slf4j-api, slf4j-api], version: 2.0.16, source: lib/slf4j-api-2.0.16.jar}
 * facts: {container.memory.limit: '536870912'}
 * }</pre>
 *
 * Secret values are never written: only whether each secret is {@code present} or {@code absent}. A
 * variable or property recorded as {@code null} was looked for and not set ({@code LOG_DIR} above); one the
 * record does not name at all is unknown, so a check of it is unverified, not failed. A variable whose value
 * is the text {@code null} is written quoted, {@code 'null'}. {@code facts} are those the installed fact sources
 * gave (written only when there are some); a fact the record does not name is unknown.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class RuntimeRecord {
    /** The format version this class writes and reads. */
    public static final int FORMAT = 1;

    private RuntimeRecord() {
    }

    /** The YAML text of {@code runtime}, in the format above. */
    public static String toYaml(RuntimeFacts runtime) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("importspy-runtime", FORMAT);
        root.put("os", runtime.os());
        root.put("arch", runtime.arch());
        Map<String, Object> java = new LinkedHashMap<>();
        java.put("version", runtime.javaVersion());
        java.put("vendor", runtime.javaVendor());
        java.put("implementation", runtime.javaImplementation());
        root.put("java", java);
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("variables", withUnset(runtime.variables(), runtime.unsetVariables()));
        Map<String, String> secrets = new LinkedHashMap<>();
        runtime.secrets().forEach((name, present) -> secrets.put(name, present ? "present" : "absent"));
        environment.put("secrets", secrets);
        root.put("environment", environment);
        root.put("properties", withUnset(runtime.properties(), runtime.unsetProperties()));
        List<Object> libraries = new ArrayList<>();
        for (LibraryFacts library : runtime.libraries()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("names", new ArrayList<>(library.names()));
            library.version().ifPresent(version -> entry.put("version", version));
            entry.put("source", library.source());
            libraries.add(entry);
        }
        root.put("libraries", libraries);
        if (!runtime.facts().isEmpty()) {
            root.put("facts", new LinkedHashMap<>(runtime.facts()));
        }
        DumpSettings settings = DumpSettings.builder().setSchema(new JsonYamlSchema()) // SnakeYAML's default, without regular expressions
                .setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(4096).build();
        return new Dump(settings).dumpToString(root);
    }

    /** {@code values}, then each unset name with a null value. */
    private static Map<String, String> withUnset(Map<String, String> values, Set<String> unset) {
        Map<String, String> all = new LinkedHashMap<>(values);
        for (String name : unset) { // a loop: a stream's first lambda costs `inspect --runtime` milliseconds
            if (!values.containsKey(name)) {
                all.put(name, null);
            }
        }
        return all;
    }

    /**
     * Reads a recorded runtime.
     *
     * @throws InspectionException with {@code file:line:column: what is wrong} when the file is missing,
     *                             not YAML, or not in the format above
     */
    public static RuntimeFacts read(Path file) {
        String text;
        try {
            text = BoundedYaml.read(file, "recorded runtime");
        } catch (BoundedYaml.Refused refused) {
            throw new InspectionException(file + ":" + refused.line() + ":" + refused.column() + ": "
                    + refused.getMessage());
        } catch (IOException unreadable) {
            throw new InspectionException(file + ": recorded runtime cannot be read (" + describe(unreadable)
                    + "); record one with 'importspy inspect --runtime > runtime.yml'", unreadable);
        }
        return new RuntimeRecordReader(file.toString()).read(text);
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
