package io.importspy.enforce;

import io.importspy.API;
import io.importspy.inspect.InspectionException;
import io.importspy.validate.Report;
import io.importspy.validate.TargetReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.stream.Stream;

import static io.importspy.API.Status.STABLE;

/**
 * Loads {@link java.util.ServiceLoader} providers from a set of plugin JARs, each one guarded by a
 * {@link GuardedLoader}: every plugin is validated before any plugin's class loader is created.
 *
 * <pre>{@code
 * try (GuardedServices.Loaded<Greeter> loaded = GuardedServices.fromDirectory(Greeter.class, Path.of("plugins"),
 *         GuardedLoader.of(contract), GuardedServices.OnViolation.SKIP)) {
 *     loaded.providers().forEach(Greeter::greet);
 *     loaded.refusals().forEach((jar, reason) -> log.warn(jar + ": " + reason));
 * }
 * }</pre>
 *
 * <p>Thread-safe: it holds no state between calls; a {@code Loaded} result is immutable apart from the class
 * loaders it owns.
 */
@API(status = STABLE, since = "0.1.0")
public final class GuardedServices {
    private GuardedServices() {
    }

    /** What to do with a non-compliant, corrupt or unreadable plugin when the loader enforces its contract. */
    public enum OnViolation {
        /** Leave it out (no loader, no class), keep its report or its error, and load the others. */
        SKIP,
        /** Refuse the whole set: throw before any plugin's loader is created. */
        FAIL
    }

    /**
     * One plugin: its JAR (or class directory) and the libraries it brings, loaded by the plugin's own class
     * loader behind it. The libraries are copied and pinned with the plugin; they are not held to the contract.
     */
    public record Plugin(Path jar, List<Path> libraries) {
        public Plugin {
            Objects.requireNonNull(jar, "jar");
            libraries = List.copyOf(libraries);
        }

        /** A plugin without libraries. */
        public static Plugin of(Path jar) {
            return new Plugin(jar, List.of());
        }
    }

    /**
     * The outcome of a guarded service load; closing it closes every admitted plugin.
     *
     * @param providers the providers of the admitted plugins, plugin by plugin, in plugin order
     * @param plugins   the admitted plugins
     * @param reports   the report of every plugin that could be validated, admitted or not, in plugin order
     * @param errors    why each plugin that could not be validated (corrupt, unreadable, adding unvalidated
     *                  code) or whose providers could not be instantiated was refused, in plugin order; each
     *                  message names the plugin as the host gave it
     */
    public record Loaded<S>(List<S> providers, List<GuardedPlugin> plugins, Map<Path, Report> reports,
                            Map<Path, String> errors) implements AutoCloseable {
        public Loaded {
            providers = List.copyOf(providers);
            plugins = List.copyOf(plugins);
            reports = Collections.unmodifiableMap(new LinkedHashMap<>(reports));
            errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        }

        /** The plugins that were refused: non-compliant in enforce mode, or in {@link #errors()}. */
        public List<Path> refused() {
            java.util.Set<Path> refused = new java.util.LinkedHashSet<>();
            reports.keySet().stream().filter(p -> plugins.stream().noneMatch(g -> g.path().equals(p)))
                    .forEach(refused::add);
            refused.addAll(errors.keySet());
            return List.copyOf(refused);
        }

        /** Closes every admitted plugin (its class loader and private copies); the first failure is rethrown. */
        @Override
        public void close() {
            RuntimeException first = null;
            for (GuardedPlugin plugin : plugins) {
                try {
                    plugin.close();
                } catch (RuntimeException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    /**
     * Loads the providers of {@code service} from {@code plugins}, one guarded class loader per plugin.
     * In audit mode every readable plugin is admitted; in enforce mode {@code onViolation} decides. A loader
     * given a policy ({@link GuardedLoader#of(io.importspy.contract.Policy)}) applies to each plugin the mode of
     * the rule that matches it.
     *
     * @throws ContractViolationException with every non-compliant plugin's report, under
     *                                    {@link OnViolation#FAIL} in enforce mode; nothing was loaded
     * @throws InspectionException        under {@link OnViolation#FAIL}, for the first plugin that cannot be
     *                                    validated; nothing was loaded
     * @throws java.util.ServiceConfigurationError under {@link OnViolation#FAIL}, for the first admitted plugin
     *                                    whose providers cannot be instantiated; every plugin admitted is closed
     */
    public static <S> Loaded<S> load(Class<S> service, List<Path> plugins, GuardedLoader loader,
                                     OnViolation onViolation) {
        return loadPlugins(service, plugins.stream().map(Plugin::of).toList(), loader, onViolation);
    }

    /** As {@link #load}, for plugins that bring their own libraries. */
    public static <S> Loaded<S> loadPlugins(Class<S> service, List<Plugin> plugins, GuardedLoader loader,
                                            OnViolation onViolation) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(onViolation, "onViolation");
        boolean enforce = loader.mode() == EnforcementMode.ENFORCE;
        List<GuardedLoader.Checked> checked = new ArrayList<>();
        Map<Path, Report> reports = new LinkedHashMap<>();
        Map<Path, String> errors = new LinkedHashMap<>();
        for (Plugin plugin : plugins) {
            try {
                GuardedLoader.Checked one = loader.inspect(plugin.jar(), plugin.libraries());
                checked.add(one);
                reports.put(plugin.jar(), one.report());
            } catch (InspectionException | UncheckedIOException unusable) {
                if (onViolation == OnViolation.FAIL) {
                    checked.forEach(GuardedLoader::discard);
                    throw unusable;
                }
                errors.put(plugin.jar(), unusable.getMessage());
                Log.refused(plugin.jar(), unusable.getMessage());
            }
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
        for (int i = 0; i < checked.size(); i++) {
            GuardedLoader.Checked one = checked.get(i);
            if (one.mode() == EnforcementMode.ENFORCE && !one.report().isCompliant()) {
                GuardedLoader.discard(one);
                continue;
            }
            GuardedPlugin plugin = null;
            try {
                plugin = loader.admit(one);
                providers.addAll(plugin.providers(service));
                admitted.add(plugin);
            } catch (InspectionException | ServiceConfigurationError | LinkageError failed) {
                if (plugin != null) {
                    plugin.close();
                } else {
                    GuardedLoader.discard(one);
                }
                if (onViolation == OnViolation.FAIL) {
                    admitted.forEach(GuardedPlugin::close);
                    checked.subList(i + 1, checked.size()).forEach(GuardedLoader::discard);
                    throw failed;
                }
                errors.put(one.plugin(), failed.getMessage());
                Log.refused(one.plugin(), failed.getMessage());
            }
        }
        return new Loaded<>(providers, admitted, reports, errors);
    }

    /**
     * As {@link #load}, for every {@code *.jar} directly in {@code directory}, in file-name order. A plugin
     * {@code name.jar} brings as its own libraries the {@code *.jar} files of the directory {@code name.lib}
     * beside it, when there is one.
     *
     * @throws io.importspy.inspect.InspectionException when the directory cannot be listed
     */
    public static <S> Loaded<S> fromDirectory(Class<S> service, Path directory, GuardedLoader loader,
                                              OnViolation onViolation) {
        List<Plugin> plugins = new ArrayList<>();
        for (Path jar : jars(directory)) {
            String name = jar.getFileName().toString();
            Path libraries = directory.resolve(name.substring(0, name.length() - ".jar".length()) + ".lib");
            plugins.add(new Plugin(jar, Files.isDirectory(libraries) ? jars(libraries) : List.of()));
        }
        return loadPlugins(service, plugins, loader, onViolation);
    }

    private static List<Path> jars(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InspectionException("plugin directory '" + directory + "' cannot be listed: " + e.getMessage()
                    + "; check that it exists and is readable", e);
        }
    }
}
