package io.importspy.enforce;

import io.importspy.API;
import io.importspy.inspect.InspectionException;
import io.importspy.validate.Report;
import io.importspy.validate.TargetReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static io.importspy.API.Status.STABLE;

/**
 * Loads {@link java.util.ServiceLoader} providers from a set of plugin JARs, each one guarded by a
 * {@link GuardedLoader}: every plugin is validated before any plugin's class loader is created.
 *
 * <pre>{@code
 * GuardedServices.Loaded<Greeter> loaded = GuardedServices.fromDirectory(Greeter.class, Path.of("plugins"),
 *         GuardedLoader.of(contract), GuardedServices.OnViolation.SKIP);
 * loaded.providers().forEach(Greeter::greet);
 * loaded.reports().forEach((jar, report) -> ...);
 * }</pre>
 *
 * <p>Thread-safe: it holds no state between calls; a {@code Loaded} result is immutable apart from the class
 * loaders it owns.
 */
@API(status = STABLE, since = "0.1.0")
public final class GuardedServices {
    private GuardedServices() {
    }

    /** What to do with a non-compliant plugin when the loader enforces its contract. */
    public enum OnViolation {
        /** Leave it out (no loader, no class) and keep its report; load the others. */
        SKIP,
        /** Refuse the whole set: throw before any plugin's loader is created. */
        FAIL
    }

    /**
     * The outcome of a guarded service load.
     *
     * @param providers the providers of the admitted plugins, plugin by plugin, in plugin order
     * @param plugins   the admitted plugins (close them to close their loaders)
     * @param reports   the report of every plugin, admitted or not, in plugin order
     */
    public record Loaded<S>(List<S> providers, List<GuardedPlugin> plugins, Map<Path, Report> reports) {
        public Loaded {
            providers = List.copyOf(providers);
            plugins = List.copyOf(plugins);
            reports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reports));
        }

        /** The plugins that were refused (non-compliant in enforce mode). */
        public List<Path> refused() {
            return reports.keySet().stream().filter(p -> plugins.stream().noneMatch(g -> g.path().equals(p))).toList();
        }
    }

    /**
     * Loads the providers of {@code service} from {@code plugins}, one guarded class loader per plugin.
     * In audit mode every plugin is admitted; in enforce mode {@code onViolation} decides. A loader given a
     * policy ({@link GuardedLoader#of(io.importspy.contract.Policy)}) applies to each plugin the mode of the
     * rule that matches it.
     *
     * @throws ContractViolationException with every non-compliant plugin's report, under
     *                                    {@link OnViolation#FAIL} in enforce mode; nothing was loaded
     */
    public static <S> Loaded<S> load(Class<S> service, List<Path> plugins, GuardedLoader loader,
                                     OnViolation onViolation) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(onViolation, "onViolation");
        List<GuardedLoader.Checked> checked = new ArrayList<>();
        Map<Path, Report> reports = new LinkedHashMap<>();
        for (Path plugin : plugins) {
            GuardedLoader.Checked one = loader.inspect(plugin, List.of());
            checked.add(one);
            reports.put(plugin, one.report());
        }
        List<TargetReport> failing = checked.stream()
                .filter(c -> c.mode() == EnforcementMode.ENFORCE && !c.report().isCompliant())
                .flatMap(c -> c.report().targets().stream()).toList();
        if (onViolation == OnViolation.FAIL && !failing.isEmpty()) {
            checked.forEach(GuardedLoader::discard);
            Report first = checked.get(0).report();
            throw ContractViolationException.of(new Report(first.contract(), failing, first.strictness()));
        }
        List<GuardedPlugin> admitted = new ArrayList<>();
        List<S> providers = new ArrayList<>();
        for (GuardedLoader.Checked one : checked) {
            if (one.mode() == EnforcementMode.ENFORCE && !one.report().isCompliant()) {
                GuardedLoader.discard(one);
                continue;
            }
            GuardedPlugin plugin = loader.admit(one, List.of());
            admitted.add(plugin);
            providers.addAll(plugin.providers(service));
        }
        return new Loaded<>(providers, admitted, reports);
    }

    /**
     * As {@link #load}, for every {@code *.jar} directly in {@code directory}, in file-name order.
     *
     * @throws io.importspy.inspect.InspectionException when the directory cannot be listed
     */
    public static <S> Loaded<S> fromDirectory(Class<S> service, Path directory, GuardedLoader loader,
                                              OnViolation onViolation) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList();
            return load(service, jars, loader, onViolation);
        } catch (IOException e) {
            throw new InspectionException("plugin directory '" + directory + "' cannot be listed: " + e.getMessage()
                    + "; check that it exists and is readable", e);
        }
    }
}
