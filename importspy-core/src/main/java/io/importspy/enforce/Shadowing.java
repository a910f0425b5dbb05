package io.importspy.enforce;

import io.importspy.inspect.ClassFacts;
import io.importspy.inspect.InspectionException;
import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.Origin;
import io.importspy.internal.inspect.ClassNames;

/**
 * A plugin on a class path that ships a class whose binary name its parent loader (the host, or the JDK) already
 * serves: a class loader delegates to its parent first, so the plugin's copy never runs, and a contract that judged
 * that copy judged bytes the JVM will not use. Guarded loading refuses such a plugin with that reason, for every
 * class the contract judged as the plugin's own; a plugin that merely bundles a library the host also has, and
 * whose contract does not judge it, is left alone. A named module is exempt: a module layer loads the classes of
 * a module's packages from the module itself.
 */
final class Shadowing {
    private Shadowing() {
    }

    /**
     * Refuses the plugin whose judged facts are {@code facts} when a class they judged as its own is one that
     * {@code parent} serves.
     *
     * @param label how the host named the plugin
     * @throws InspectionException naming the plugin's entry and the class the host serves in its place
     */
    static void refuse(ModuleFacts facts, ClassLoader parent, String label) {
        if (facts.identity().names().stream().anyMatch(name -> name.source().equals("module-info"))) {
            return;
        }
        ClassLoader first = parent != null ? parent : ClassLoader.getPlatformClassLoader();
        for (ClassFacts judged : facts.classes().values()) {
            if (judged.origin() != Origin.TARGET) {
                continue;
            }
            String entry = ClassNames.entry(judged.name());
            if (first.getResource(entry) != null) {
                throw new InspectionException(label + "!" + entry + ": the contract judged this class, but the"
                        + " host's class loader serves " + judged.name() + " first, so this copy would never run;"
                        + " remove it from the plugin, or rename it");
            }
        }
    }
}
