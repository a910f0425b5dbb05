package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;
import io.importspy.java.JavaType;
import io.importspy.java.Modifier;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * A constructor a class must declare.
 *
 * @param parameters exact parameter list; empty Optional: any constructor will do
 * @param throwsTypes exceptions that must be declared
 * @param modifiers  modifiers that must all be present
 * @param location   where the entry was written
 */
@API(status = INTERNAL, since = "0.1.0")
public record ConstructorSpec(Optional<List<ParameterSpec>> parameters, List<Located<JavaType>> throwsTypes,
                              Optional<Located<Set<Modifier>>> modifiers, Location location) {
    public ConstructorSpec {
        parameters = parameters.map(List::copyOf);
        throwsTypes = List.copyOf(throwsTypes);
        Objects.requireNonNull(modifiers, "modifiers");
        Objects.requireNonNull(location, "location");
    }
}
