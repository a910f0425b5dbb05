package io.importspy.enforce;

import io.importspy.inspect.InspectionException;
import io.importspy.inspect.ModuleFacts;
import io.importspy.validate.Report;
import io.importspy.validate.TargetReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A private copy of a plugin JAR, so that the bytes a class loader later reads are the bytes that were
 * validated: a JAR replaced on disk after its check is never loaded. The copy keeps the JAR's file name
 * (contracts may check it) in a fresh temporary directory. A plugin that is a class directory is used in
 * place: copying a tree is not worth it, and a host that loads exploded plugins controls that directory.
 */
final class Snapshot {
    private Snapshot() {
    }

    /** The bytes to validate and load for {@code plugin}: a private copy of a JAR, a directory itself. */
    static Path of(Path plugin) {
        if (!Files.isRegularFile(plugin)) {
            return plugin; // a directory, or missing: inspection reports it
        }
        try {
            Path directory = Files.createTempDirectory("importspy-guarded-");
            directory.toFile().deleteOnExit();
            Path copy = Files.copy(plugin, directory.resolve(plugin.getFileName().toString()));
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new InspectionException("plugin '" + plugin + "' cannot be copied before validation: "
                    + e.getMessage() + "; check the temporary directory (java.io.tmpdir)", e);
        }
    }

    /** Deletes the copy made for {@code original}, if one was made; a file still open stays until exit. */
    static void discard(Path bytes, Path original) {
        if (bytes.equals(original)) {
            return;
        }
        try {
            Files.deleteIfExists(bytes);
            Files.deleteIfExists(bytes.getParent());
        } catch (IOException | RuntimeException stillOpen) {
            // deleteOnExit was registered when the copy was made
        }
    }

    /** {@code facts} as if read from {@code original}: reports name the plugin the host gave. */
    static ModuleFacts relabel(ModuleFacts facts, Path original) {
        return new ModuleFacts(original.toString(), facts.identity(), facts.manifest(), facts.services(),
                facts.entries(), facts.classes(), facts.unresolved());
    }

    /** {@code report} with every target named as the host gave the plugin. */
    static Report relabel(Report report, Path original) {
        return new Report(report.contract(), report.targets().stream()
                .map(t -> new TargetReport(original.toString(), t.moduleName(), t.moduleVersion(), t.violations(),
                        t.deploymentsTried()))
                .toList(), report.strictness());
    }
}
