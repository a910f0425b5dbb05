package io.importspy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The pipeline's stages depend on each other in one direction only, and third-party types stay inside. The
 * API-status annotation and the common exception base in {@code io.importspy} belong to every stage; the
 * facade is the rest of that package.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("importspy-test-support")) // the tests' own helpers
                .importPackages("io.importspy");
    }

    @Test
    void stages_depend_on_each_other_in_pipeline_order() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("Java").definedBy("io.importspy.java..", "io.importspy.internal.java..")
                .layer("Contract").definedBy("io.importspy.contract..", "io.importspy.internal.contract..")
                .layer("Inspect").definedBy("io.importspy.inspect..", "io.importspy.internal.inspect..")
                .layer("Validate").definedBy("io.importspy.validate..", "io.importspy.internal.validate..")
                .layer("Report").definedBy("io.importspy.report..", "io.importspy.internal.report..")
                .layer("Pipeline").definedBy("io.importspy.internal.pipeline..")
                .layer("Enforce").definedBy("io.importspy.enforce..")
                .layer("Spi").definedBy("io.importspy.spi..", "io.importspy.internal.spi..")
                .layer("Diff").definedBy("io.importspy.internal.diff..")
                .layer("Facade").definedBy(resideInAPackage("io.importspy").and(not(belongToAnyOf(API.class,
                        ImportSpyException.class))))
                .whereLayer("Facade").mayNotBeAccessedByAnyLayer()
                .whereLayer("Enforce").mayOnlyBeAccessedByLayers("Facade")
                .whereLayer("Diff").mayOnlyBeAccessedByLayers("Facade")
                .whereLayer("Pipeline").mayOnlyBeAccessedByLayers("Enforce", "Diff", "Facade")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Enforce", "Diff", "Facade")
                .whereLayer("Validate").mayOnlyBeAccessedByLayers("Spi", "Report", "Pipeline", "Enforce", "Diff", "Facade")
                .whereLayer("Contract").mayOnlyBeAccessedByLayers("Spi", "Validate", "Report", "Pipeline", "Enforce", "Diff", "Facade")
                .whereLayer("Inspect").mayOnlyBeAccessedByLayers("Validate", "Report", "Pipeline", "Enforce", "Diff", "Facade")
                .check(classes);
    }

    @Test
    void asm_stays_inside_the_inspect_stage() {
        noClasses().that().resideOutsideOfPackages("io.importspy.inspect..", "io.importspy.internal.inspect..")
                .should().dependOnClassesThat().resideInAPackage("org.objectweb.asm..")
                .check(classes);
    }

    @Test
    void snakeyaml_stays_inside_the_stages_that_read_yaml() {
        noClasses().that().resideOutsideOfPackages("io.importspy.internal.contract..", "io.importspy.internal.inspect..",
                        "io.importspy.internal.yaml..")
                .should().dependOnClassesThat().resideInAPackage("org.snakeyaml..")
                .check(classes);
    }
}
