package io.importspy.internal.inspect;

import io.importspy.API;

import java.util.List;

import static io.importspy.API.Status.INTERNAL;

/**
 * The section of a module's facts that lists the binary names of its classes as inspection found them, when it
 * listed them ({@code select} by name alone): every class {@link Archive#classFiles()} gives, those under
 * {@code META-INF/versions/} that declare their own path included, which no list made from entry names alone has.
 *
 * @param names the binary names, sorted, each once
 */
@API(status = INTERNAL, since = "0.1.0")
public record ClassNameList(List<String> names) {
    public ClassNameList {
        names = List.copyOf(names);
    }
}
