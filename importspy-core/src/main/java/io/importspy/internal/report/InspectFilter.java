package io.importspy.internal.report;

import io.importspy.API;
import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.java.Glob;
import io.importspy.java.Modifier;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.importspy.API.Status.INTERNAL;

/**
 * What a written contract keeps of a module ({@code importspy inspect --package, --class, --service,
 * --public-api-only}): classes in the given packages (and their subpackages), classes whose binary name matches
 * one of the globs ({@code *} any run of characters), the providers of the given services (and only those
 * services); each filter given must hold. By default public and protected classes and members are written;
 * {@link #publicOnly} keeps only public ones, the API a user of the module calls.
 *
 * @param packages   packages to keep, with their subpackages; empty: all
 * @param classes    globs on binary names to keep; empty: all
 * @param services   service types whose providers (and whose {@code services} entries) to keep; empty: all
 * @param publicOnly whether protected classes and members are left out
 */
@API(status = INTERNAL, since = "0.1.0")
public record InspectFilter(List<String> packages, List<Glob> classes, List<String> services, boolean publicOnly) {
    public InspectFilter {
        packages = List.copyOf(packages);
        classes = List.copyOf(classes);
        services = List.copyOf(services);
    }

    /** Everything public or protected. */
    public static InspectFilter all() {
        return new InspectFilter(List.of(), List.of(), List.of(), false);
    }

    /** Whether a member or class with {@code modifiers} is written. */
    boolean visible(Set<Modifier> modifiers) {
        return modifiers.contains(Modifier.PUBLIC) || !publicOnly && modifiers.contains(Modifier.PROTECTED);
    }

    /** Whether the service {@code type} is written. */
    boolean keepsService(String type) {
        return services.isEmpty() || services.contains(type);
    }

    /** Whether {@code type} passes the package, class and service filters. */
    boolean keeps(ClassFacts type, ModuleFacts module) {
        String name = type.name();
        int dot = name.lastIndexOf('.');
        String pkg = dot < 0 ? "" : name.substring(0, dot);
        if (!packages.isEmpty() && packages.stream().noneMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."))) {
            return false;
        }
        if (!classes.isEmpty() && classes.stream().noneMatch(g -> g.matches(name) || g.matches(name.replace('$', '.')))) {
            return false;
        }
        if (services.isEmpty()) {
            return true;
        }
        for (Map.Entry<String, List<String>> service : module.services().entrySet()) {
            if (services.contains(service.getKey()) && service.getValue().contains(name)) {
                return true;
            }
        }
        return false;
    }
}
