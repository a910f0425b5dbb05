package io.importspy.internal.contract;

import io.importspy.API;
import io.importspy.contract.Location;

import java.util.List;
import java.util.Objects;

import static io.importspy.API.Status.INTERNAL;

/**
 * A service the module must provide ({@code META-INF/services} or module-info {@code provides}).
 *
 * @param service   binary name of the service type
 * @param providers binary names of implementation classes that must be listed; empty: any provider
 * @param location  where the entry was written
 */
@API(status = INTERNAL, since = "0.1.0")
public record ServiceSpec(String service, List<String> providers, Location location) {
    public ServiceSpec {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(location, "location");
        providers = List.copyOf(providers);
    }
}
