package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.spi.Extension;

import java.util.Objects;

import static io.importspy.API.Status.INTERNAL;

/**
 * One {@code x-} section of a contract, as its extension read it: the extension and what it read, so that the
 * extension's own rule checks it (see {@code io.importspy.validate.ExtensionRules}).
 *
 * @param key       the {@code x-} key
 * @param extension the extension that owns the key
 * @param value     what the extension read, of its {@code section()} type
 * @param location  where the key is written
 */
@API(status = INTERNAL, since = "0.1.0")
public record ExtensionSection(String key, Extension.Section<?> extension, Object value, Location location) {
    public ExtensionSection {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}
