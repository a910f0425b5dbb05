package io.importspy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The declared API: which types users may program against, what status each carries, and that nothing
 * internal leaks through an exported signature.
 */
class ApiBoundaryTest {
    /** The packages the core module exports; everything else is under {@code io.importspy.internal}. */
    static final Set<String> EXPORTED = Set.of("io.importspy", "io.importspy.contract", "io.importspy.inspect",
            "io.importspy.java", "io.importspy.validate", "io.importspy.report", "io.importspy.enforce",
            "io.importspy.spi");
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("importspy-test-support")) // the tests' own helpers
                .importPackages("io.importspy");
    }

    @Test
    void every_public_top_level_type_carries_an_api_status() {
        classes().that().arePublic().and().areTopLevelClasses().should().beAnnotatedWith(API.class)
                .check(production);
    }

    @Test
    void internal_types_are_internal_and_exported_types_are_not() {
        classes().that().arePublic().and().areTopLevelClasses().and().resideInAPackage("io.importspy.internal..")
                .should(haveStatus(true)).check(production);
        classes().that().arePublic().and().areTopLevelClasses().and().resideOutsideOfPackage("io.importspy.internal..")
                .should(haveStatus(false)).check(production);
    }

    @Test
    void only_the_exported_packages_hold_types_outside_internal() {
        Set<String> packages = new TreeSet<>();
        production.stream().filter(c -> !c.getPackageName().startsWith("io.importspy.internal"))
                .forEach(c -> packages.add(c.getPackageName()));
        assertThat(packages).containsExactlyInAnyOrderElementsOf(EXPORTED);
    }

    @Test
    void at_most_46_public_top_level_types_are_exported() {
        List<String> exported = production.stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC) && c.isTopLevelClass())
                .filter(c -> EXPORTED.contains(c.getPackageName()))
                .map(JavaClass::getName).sorted().toList();
        assertThat(exported).hasSizeLessThanOrEqualTo(46).contains("io.importspy.Spy", "io.importspy.contract.SpyModel");
    }

    @Test
    void exported_signatures_mention_no_internal_type() {
        classes().that().resideOutsideOfPackage("io.importspy.internal..").and(API_VISIBLE)
                .should(exposeOnlyExportedTypes()).check(production);
    }

    @Test
    void every_exported_package_states_its_promise() throws ClassNotFoundException {
        for (String name : EXPORTED) {
            Class<?> info = Class.forName(name + ".package-info");
            assertThat(info.getPackage().getAnnotation(API.class)).as(name).isNotNull();
        }
    }

    private static final com.tngtech.archunit.base.DescribedPredicate<JavaClass> API_VISIBLE =
            new com.tngtech.archunit.base.DescribedPredicate<>("visible to users") {
                @Override
                public boolean test(JavaClass type) {
                    for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
                        if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
                            return false;
                        }
                    }
                    return true;
                }
            };

    private static ArchCondition<JavaClass> haveStatus(boolean internal) {
        return new ArchCondition<>(internal ? "have status INTERNAL" : "have status STABLE or EXPERIMENTAL") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean isInternal = type.tryGetAnnotationOfType(API.class)
                        .map(api -> api.status() == API.Status.INTERNAL).orElse(!internal);
                if (isInternal != internal) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " has the wrong API status"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> exposeOnlyExportedTypes() {
        return new ArchCondition<>("mention only exported types in public signatures") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                List<String> leaks = new ArrayList<>();
                type.getRawSuperclass().ifPresent(s -> leaks(type.getName() + " extends", Set.of(s), leaks));
                leaks(type.getName() + " implements", Set.copyOf(type.getRawInterfaces()), leaks);
                for (JavaCodeUnit unit : type.getCodeUnits()) {
                    if (!visible(unit.getModifiers())) {
                        continue;
                    }
                    String where = unit.getFullName();
                    leaks(where, unit.getReturnType().getAllInvolvedRawTypes(), leaks);
                    for (JavaType parameter : unit.getParameterTypes()) {
                        leaks(where, parameter.getAllInvolvedRawTypes(), leaks);
                    }
                    for (JavaType thrown : unit.getExceptionTypes()) {
                        leaks(where, thrown.getAllInvolvedRawTypes(), leaks);
                    }
                }
                for (JavaField field : type.getFields()) {
                    if (visible(field.getModifiers())) {
                        leaks(field.getFullName(), field.getType().getAllInvolvedRawTypes(), leaks);
                    }
                }
                leaks.forEach(leak -> events.add(SimpleConditionEvent.violated(type, leak)));
            }
        };
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void leaks(String where, Set<JavaClass> types, List<String> leaks) {
        for (JavaClass type : types) {
            if (type.getPackageName().startsWith("io.importspy.internal")) {
                leaks.add(where + " mentions internal type " + type.getName());
            }
        }
    }
}
