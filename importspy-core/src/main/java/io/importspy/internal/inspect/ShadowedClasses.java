package io.importspy.internal.inspect;

import io.importspy.API;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static io.importspy.API.Status.INTERNAL;

/**
 * The section of a module's facts that lists the classes read from the module by name (named by a contract, or
 * selected) whose binary names the class path serves as well ({@link Inspector#tellingShadowed}): a plugin's class
 * loader asks the host's first, so the module's copy of such a class would never run, and what was judged of it says
 * nothing of the class the plugin really gets.
 *
 * @param byName each such class, by binary name, in reading order
 */
@API(status = INTERNAL, since = "0.1.0")
public record ShadowedClasses(Map<String, Shadowed> byName) {
    /** The section, its map copied. */
    public ShadowedClasses {
        byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /**
     * One class both hold.
     *
     * @param copy        the module's entry ({@code plugin.jar!com/x/Api.class})
     * @param servedFirst the class path's entry that a class loader serves in its place ({@code host.jar!com/x/Api.class})
     */
    public record Shadowed(String copy, String servedFirst) {
        /** Both named. */
        public Shadowed {
            Objects.requireNonNull(copy, "copy");
            Objects.requireNonNull(servedFirst, "servedFirst");
        }
    }
}
