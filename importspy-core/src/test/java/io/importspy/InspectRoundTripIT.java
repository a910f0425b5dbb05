package io.importspy;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.contract.ClassSpec;
import io.importspy.internal.contract.Contracts;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.inspect.ClassSelection;
import io.importspy.internal.inspect.Inspector;
import io.importspy.internal.report.ContractWriter;
import io.importspy.validate.Category;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.importspy.RealJarsIT.jarOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property that ties the four stages together: for real JARs, the contract {@code importspy inspect}
 * writes (inspect → write) reads back (parse) into a contract that the same JAR satisfies (validate),
 * strictly: not one failure and not one unverified check.
 */
class InspectRoundTripIT {

    static Stream<Path> realJars() {
        return Stream.of(
                jarOf(org.postgresql.Driver.class),
                jarOf(org.apache.commons.lang3.StringUtils.class),
                jarOf(com.google.common.collect.ImmutableList.class),
                jarOf(org.objectweb.asm.ClassReader.class),
                jarOf(org.snakeyaml.engine.v2.api.Load.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realJars")
    void the_contract_inspect_writes_for_a_jar_is_satisfied_by_that_jar_strictly(Path jar) {
        ModuleFacts facts = Inspector.withClasspath(List.of()).inspect(jar, ClassSelection.all());
        String yaml = ContractWriter.toYaml(facts);

        SpyModel contract = Contracts.parse(yaml, "inspected.yml");
        Report report = Spy.validate(contract, ValidationOptions.defaults()
                .withRuntime(RuntimeSource.none()).withStrictness(Strictness.STRICT), List.of(jar));

        TargetReport target = report.targets().get(0);
        long unverified = target.violations().stream().filter(v -> v.category() == Category.UNVERIFIED).count();
        System.out.printf("round trip %s: %d classes, %d bytes of contract, %d violations, %d unverified%n",
                jar.getFileName(), Sections.classes(contract).size(), yaml.length(), target.violations().size(), unverified);
        assertThat(target.violations()).as("violations of %s against its own inspected contract", jar.getFileName())
                .extracting(Violation::toString).isEmpty();
        assertThat(report.isCompliant()).isTrue();
        assertThat(Sections.classes(contract)).as("the contract describes the JAR's public classes").isNotEmpty();
        assertThat(Sections.classes(contract).stream().mapToLong(c -> c.methods().size()).sum()).isPositive();
        assertThat(Sections.module(contract).name()).isPresent();
        assertThat(Sections.module(contract).version()).isPresent();
    }

    @Test
    void the_contract_of_one_jar_is_not_satisfied_by_another_so_the_round_trip_is_not_vacuous() {
        Path commonsLang3 = jarOf(org.apache.commons.lang3.StringUtils.class);
        Path postgresql = jarOf(org.postgresql.Driver.class);
        SpyModel contract = Contracts.parse(ContractWriter.toYaml(
                Inspector.withClasspath(List.of()).inspect(commonsLang3, ClassSelection.all())), "inspected.yml");

        Report report = Spy.validate(contract, ValidationOptions.defaults().withRuntime(RuntimeSource.none()),
                List.of(postgresql));

        List<Violation> violations = report.targets().get(0).violations();
        Set<String> missingClasses = violations.stream()
                .filter(v -> v.category() == Category.MISSING && v.subject().startsWith("org.apache"))
                .map(Violation::subject).collect(Collectors.toSet());
        assertThat(missingClasses).isEqualTo(Sections.classes(contract).stream().map(ClassSpec::name)
                .collect(Collectors.toSet()));
        assertThat(violations).extracting(Violation::subject)
                .contains("module", "module.version", "module.filename");
        assertThat(violations).hasSize(Sections.classes(contract).size() + 3);
    }
}
