package io.importspy.enforce;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.contract.ReferencesSpec;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.pipeline.InspectionListener;
import io.importspy.internal.pipeline.Pipeline;
import io.importspy.validate.TargetReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code references: forbid} rules of a plugin's contract, applied to the plugin's own libraries too: a
 * library runs in the plugin's loader as the plugin's classes do, so a forbidden call moved into a library the
 * plugin brings is still a violation of the plugin's contract, reported on the library's target. An
 * {@code allow} list stays the plugin's own (a library's references to its own dependencies are not the plugin's
 * choice); the other sections judge the plugin, not its libraries.
 */
final class LibraryReferences {
    private LibraryReferences() {
    }

    /**
     * One report per library, in the order given, when the contract forbids references; none otherwise.
     *
     * @param copies the private copies of the libraries, named in reports as {@code labels} says
     */
    static List<TargetReport> check(SpyModel contract, List<Path> hosts, List<Path> copies, Map<Path, String> labels,
                                    InspectionListener listener) {
        Optional<ReferencesSpec> references = Sections.references(contract);
        if (copies.isEmpty() || references.isEmpty() || references.get().forbid().isEmpty()) {
            return List.of();
        }
        ReferencesSpec forbid = new ReferencesSpec(references.get().forbid(), Optional.empty(),
                references.get().location());
        Pipeline pipeline = Pipeline.of(SpyModel.of(contract.format(), contract.location(), List.of(forbid)), hosts,
                listener).withLibraries(copies);
        List<TargetReport> reports = new ArrayList<>();
        for (Path copy : copies) {
            ModuleFacts facts = pipeline.inspect(copy, labels);
            reports.add(pipeline.validate(facts, Optional.empty()));
        }
        return reports;
    }
}
