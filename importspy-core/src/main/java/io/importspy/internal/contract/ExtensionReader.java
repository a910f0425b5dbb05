package io.importspy.internal.contract;

import io.importspy.contract.Location;
import io.importspy.internal.spi.Calls;
import io.importspy.internal.spi.ExtensionFailure;
import io.importspy.internal.spi.Extensions;
import io.importspy.spi.Extension;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads a contract's {@code x-} sections: finds the extension that owns each key and hands it the key's value as
 * located nodes. What the extension reports, and any way it fails, becomes a contract error located in the file.
 */
final class ExtensionReader {
    private final Problems problems;
    private final Extensions extensions;

    ExtensionReader(Problems problems, Extensions extensions) {
        this.problems = problems;
        this.extensions = extensions;
    }

    /** The sections of {@code entries} (the contract's {@code x-} keys, in file order); none when there are none. */
    List<ExtensionSection> read(List<YamlNode.Entry> entries) {
        if (entries.isEmpty()) {
            return List.of(); // no extension is looked for: a contract without x- keys costs nothing here
        }
        List<ExtensionSection> sections = new ArrayList<>();
        for (YamlNode.Entry entry : entries) {
            Location at = entry.key().location();
            try {
                Extension.Section<?> owner = extensions.section(entry.name());
                read(owner, entry, at).ifPresent(sections::add);
            } catch (ExtensionFailure failure) {
                problems.add(at, failure.getMessage());
            }
        }
        return sections;
    }

    private Optional<ExtensionSection> read(Extension.Section<?> owner, YamlNode.Entry entry, Location at) {
        String doing = "reading '" + entry.name() + "'";
        Extension.Node node = node(entry.value());
        List<Object[]> reported = Collections.synchronizedList(new ArrayList<>());
        Object value = Calls.call(owner, doing, () -> owner.read(node,
                (location, message) -> reported.add(new Object[] {location, message})));
        Class<?> type = owner.section();
        if (value == null) {
            throw Calls.failed(owner, doing, "returned null instead of its section");
        }
        if (!type.isInstance(value)) {
            throw Calls.failed(owner, doing, "returned a " + value.getClass().getName() + ", not the "
                    + type.getName() + " its section() names");
        }
        List<Object[]> errors;
        synchronized (reported) {
            errors = List.copyOf(reported);
        }
        for (Object[] error : errors) {
            Location location = error[0] instanceof Location l ? l : at;
            String message = error[1] instanceof String m && !m.isBlank() ? m.strip().lines().findFirst().orElse(m)
                    : Calls.failed(owner, doing, "reported a problem without a message").getMessage();
            problems.add(location, message);
        }
        return errors.isEmpty() ? Optional.of(new ExtensionSection(entry.name(), owner, value, at))
                : Optional.empty();
    }

    /** {@code yaml} as the public node type extensions read. */
    static Extension.Node node(YamlNode yaml) {
        if (yaml instanceof YamlNode.Scalar scalar) {
            return scalar(scalar);
        }
        if (yaml instanceof YamlNode.Sequence sequence) {
            return new Extension.Sequence(sequence.items().stream().map(ExtensionReader::node).toList(),
                    sequence.location());
        }
        YamlNode.Mapping mapping = (YamlNode.Mapping) yaml;
        return new Extension.Mapping(mapping.entries().stream()
                .map(e -> new Extension.Entry(scalar(e.key()), node(e.value()))).toList(), mapping.location());
    }

    private static Extension.Scalar scalar(YamlNode.Scalar scalar) {
        return new Extension.Scalar(scalar.value(), scalar.text(), scalar.location());
    }
}
