package com.acme.host;

import com.acme.host.api.Greeter;
import io.importspy.Spy;
import io.importspy.enforce.GuardedLoader;
import io.importspy.enforce.GuardedPlugin;
import io.importspy.enforce.GuardedServices;
import io.importspy.validate.Report;

import java.nio.file.Path;
import java.util.Map;

/**
 * A plugin host: loads every JAR of a directory through ImportSpy's guarded loading, runs the greeters
 * of the compliant plugins, and refuses the others before any of their code runs.
 */
public final class Host {
    private Host() {
    }

    /** {@code Host <contract.yml> <plugin directory>}. */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: Host <contract.yml> <plugin directory>");
            System.exit(2);
        }
        GuardedLoader guard = Spy.guardedLoader(Path.of(args[0])).withParent(Host.class.getClassLoader());
        GuardedServices.Loaded<Greeter> loaded = GuardedServices.fromDirectory(Greeter.class, Path.of(args[1]),
                guard, GuardedServices.OnViolation.SKIP);
        for (Map.Entry<Path, Report> entry : loaded.reports().entrySet()) {
            Report report = entry.getValue();
            System.out.println((report.isCompliant() ? "admitted " : "refused  ") + entry.getKey().getFileName());
            report.targets().forEach(t -> t.violations().forEach(v ->
                    System.out.println("    " + v.category().label() + " " + v.subject() + ": " + v.message()
                            + " (" + v.location() + ")")));
        }
        for (Greeter greeter : loaded.providers()) {
            System.out.println(greeter.getClass().getName() + " says: " + greeter.greet("host"));
        }
        loaded.plugins().forEach(GuardedPlugin::close);
    }
}
