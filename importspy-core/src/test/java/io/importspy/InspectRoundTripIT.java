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
import org.junit.jupiter.params.provider.Arguments;
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
 * strictly: not one failure and not one unverified check; for a whole JAR, nothing undeclared either. The JARs
 * are compiled from Java, Kotlin, Scala, Clojure and Groovy, and packaged in varied ways (multi-release with
 * module-info, OSGi bundles, signed).
 */
class InspectRoundTripIT {

    static Stream<Path> realJars() {
        return Stream.of(
                jarOf(org.postgresql.Driver.class),
                jarOf(org.apache.commons.lang3.StringUtils.class),
                jarOf(com.google.common.collect.ImmutableList.class),
                jarOf(org.objectweb.asm.ClassReader.class),
                jarOf(org.snakeyaml.engine.v2.api.Load.class),
                jarOf(kotlin.collections.CollectionsKt.class),
                jarOf(com.fasterxml.jackson.core.JsonFactory.class),
                jarOf(org.osgi.framework.Bundle.class),
                jarOf(org.slf4j.Logger.class));
    }

    /**
     * Classes of large JARs whose whole round trip takes too long for every build, chosen where the bytecode
     * of their language is unlike javac's: Scala's overloads that differ only in return type or generic
     * arguments, Kotlin's private and public methods of one signature, Clojure's and Groovy's runtimes, and
     * a signed JAR; Clojure's proxy classes, whose binary names have dots after a {@code $}. Their supertypes in the JAR are written and checked too.
     */
    static Stream<Arguments> classesOfLargeJars() {
        return Stream.of(
                Arguments.of(jarOf(scala.Predef.class), Set.of("scala.Function", "scala.collection.StringOps",
                        "scala.collection.StringOps$WithFilter", "scala.Enumeration$ValueSet",
                        "scala.collection.immutable.BitSet", "scala.collection.SortedMapOps$KeySortedSet",
                        "scala.collection.convert.JavaCollectionWrappers$JPropertiesWrapper", "scala.Option",
                        "scala.collection.immutable.List", "scala.collection.immutable.$colon$colon", "scala.Predef$",
                        "scala.collection.immutable.List$", "scala.Option$")),
                Arguments.of(jarOf(kotlin.reflect.full.KClasses.class), Set.of(
                        "kotlin.reflect.jvm.internal.impl.resolve.constants.IntegerLiteralTypeConstructor",
                        "kotlin.reflect.full.KClasses")),
                Arguments.of(jarOf(clojure.lang.RT.class), Set.of("clojure.lang.RT", "clojure.lang.PersistentVector",
                        "clojure.lang.PersistentHashMap", "clojure.lang.Keyword",
                        "clojure.core.proxy$java.io.Writer$ff19274a", "clojure.pprint.proxy$java.io.Writer$IDeref$e595a7c1")),
                Arguments.of(jarOf(groovy.lang.Closure.class), Set.of("groovy.lang.Closure", "groovy.lang.MetaClassImpl",
                        "groovy.lang.GroovyShell", "groovy.lang.Range")),
                Arguments.of(jarOf(org.bouncycastle.jce.provider.BouncyCastleProvider.class), Set.of(
                        "org.bouncycastle.jce.provider.BouncyCastleProvider", "org.bouncycastle.crypto.digests.SHA256Digest",
                        "org.bouncycastle.asn1.ASN1Sequence")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realJars")
    void the_contract_inspect_writes_for_a_jar_is_satisfied_by_that_jar_strictly_and_declares_all_of_it(Path jar) {
        roundTrip(jar, ClassSelection.all(), true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classesOfLargeJars")
    void the_contract_inspect_writes_for_classes_of_a_jar_is_satisfied_by_that_jar_strictly(Path jar,
                                                                                            Set<String> names) {
        SpyModel contract = roundTrip(jar, ClassSelection.named(names), false);
        assertThat(Sections.classes(contract)).extracting(ClassSpec::name).containsAll(names);
    }

    /** With {@code undeclared}, validation reports what the JAR has that the contract does not declare, too. */
    private static SpyModel roundTrip(Path jar, ClassSelection selection, boolean undeclared) {
        ModuleFacts facts = Inspector.withClasspath(List.of()).inspect(jar, selection);
        String yaml = ContractWriter.toYaml(facts);

        SpyModel contract = Contracts.parse(yaml, "inspected.yml");
        ValidationOptions options = ValidationOptions.defaults().withRuntime(RuntimeSource.none())
                .withStrictness(Strictness.STRICT);
        Report report = Spy.validate(contract, undeclared ? options.reportingUndeclared() : options, List.of(jar));

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
        return contract;
    }

    @Test
    void a_maven_version_constraint_holds_for_a_jar_whose_bundle_version_is_spelt_otherwise() {
        Path guava = jarOf(com.google.common.collect.ImmutableList.class);
        String contract = "importspy: 1\nmodule:\n  version: \"[33.4.8-jre,)\"\n";

        Report report = Spy.validate(Contracts.parse(contract, "spymodel.yml"), ValidationOptions.defaults()
                .withRuntime(RuntimeSource.none()).withStrictness(Strictness.STRICT), List.of(guava));

        assertThat(report.targets().get(0).violations()).isEmpty();
        assertThat(report.targets().get(0).moduleVersion()).contains("33.4.8-jre");
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
                .contains("module", "module.version").doesNotContain("module.filename"); // no file name is written
        assertThat(violations).hasSize(Sections.classes(contract).size() + 2);
    }
}
