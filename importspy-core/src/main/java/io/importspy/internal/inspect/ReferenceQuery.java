package io.importspy.internal.inspect;

import io.importspy.API;
import io.importspy.internal.java.ReferencePattern;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.importspy.API.Status.INTERNAL;

/**
 * Which references of a module inspection reports: those that match a {@code forbid} pattern, and, when
 * {@code allow} is given, those outside every {@code allow} pattern, the module itself and
 * {@code java.lang.Object}.
 *
 * @param forbid patterns none of which may be referenced
 * @param allow  when present, the only patterns that may be referenced
 */
@API(status = INTERNAL, since = "0.1.0")
public record ReferenceQuery(List<ReferencePattern> forbid, Optional<List<ReferencePattern>> allow) {
    public ReferenceQuery {
        forbid = List.copyOf(forbid);
        allow = allow.map(List::copyOf);
    }
}
