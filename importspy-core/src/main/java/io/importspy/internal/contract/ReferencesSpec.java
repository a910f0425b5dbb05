package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.internal.java.ReferencePattern;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;

/**
 * The {@code references:} section: what the module's bytecode may name.
 *
 * @param forbid   patterns none of which may be referenced
 * @param allow    when present, the only patterns that may be referenced (besides the module itself and
 *                 {@code java.lang.Object}), with where {@code allow:} was written
 * @param location where {@code references:} was written
 */
@API(status = INTERNAL, since = "0.1.0")
public record ReferencesSpec(List<Located<ReferencePattern>> forbid,
                             Optional<Located<List<Located<ReferencePattern>>>> allow, Location location) {
    public ReferencesSpec {
        forbid = List.copyOf(forbid);
        Objects.requireNonNull(allow, "allow");
        Objects.requireNonNull(location, "location");
    }
}
