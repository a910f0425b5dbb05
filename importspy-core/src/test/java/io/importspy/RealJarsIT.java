package io.importspy;

import io.importspy.internal.contract.Contracts;
import io.importspy.validate.Category;
import io.importspy.validate.Context;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.Violation;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.importspy.validate.Category.INVALID;
import static io.importspy.validate.Category.MISMATCH;
import static io.importspy.validate.Category.MISSING;
import static io.importspy.validate.Context.CLASS;
import static io.importspy.validate.Context.FIELD;
import static io.importspy.validate.Context.JAVA;
import static io.importspy.validate.Context.METHOD;
import static io.importspy.validate.Context.MODULE;
import static io.importspy.validate.Context.RUNTIME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-written contracts of the real public API of two JARs from Maven Central (the PostgreSQL JDBC driver
 * and commons-lang3): the contract as written is compliant, and each single edit of it gives exactly the
 * one violation it should.
 */
class RealJarsIT {
    static final Path POSTGRESQL = jarOf(org.postgresql.Driver.class);
    static final Path COMMONS_LANG3 = jarOf(org.apache.commons.lang3.StringUtils.class);
    static final String POSTGRESQL_CONTRACT = resource("realjars/postgresql.yml");
    static final String COMMONS_LANG3_CONTRACT = resource("realjars/commons-lang3.yml");

    @Nested
    class The_postgresql_driver {
        @Test
        void satisfies_its_contract_with_no_violation_at_all_in_the_running_jvm() {
            Report report = validate(POSTGRESQL_CONTRACT, POSTGRESQL, RuntimeSource.current());

            assertThat(report.targets()).singleElement().satisfies(target -> {
                assertThat(target.violations()).isEmpty();
                assertThat(target.moduleName()).contains("org.postgresql.jdbc");
                assertThat(target.moduleVersion()).contains("42.7.13");
                assertThat(target.deploymentsTried()).isEqualTo(1);
            });
            assertThat(report.isCompliant()).isTrue();
        }

        @Test
        void satisfies_its_contract_strictly_without_a_runtime() {
            Report report = validate(POSTGRESQL_CONTRACT, POSTGRESQL, RuntimeSource.none(), Strictness.STRICT);

            assertThat(report.targets().get(0).violations()).isEmpty();
            assertThat(report.targets().get(0).deploymentsTried()).isZero();
            assertThat(report.isCompliant()).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.importspy.RealJarsIT#postgresqlMutations")
        void reports_exactly_one_violation_for(Mutation mutation) {
            mutation.check(POSTGRESQL_CONTRACT, POSTGRESQL);
        }
    }

    static Stream<Mutation> postgresqlMutations() {
        String connect = "org.postgresql.Driver#connect(String, java.util.Properties)";
        return Stream.of(
                new Mutation("a wrong return type", "returns: java.sql.Connection", "returns: java.sql.Statement",
                        MISMATCH, METHOD, connect, "java.sql.Connection", "returns: java.sql.Statement"),
                new Mutation("a missing method", "- name: acceptsURL", "- name: acceptsUrl",
                        MISSING, METHOD, "org.postgresql.Driver#acceptsUrl(String)", "<absent>", "- name: acceptsUrl"),
                new Mutation("a wrong parameter type", "parameters: [String, java.util.Properties]",
                        "parameters: [String, java.util.Map]", MISMATCH, METHOD,
                        "org.postgresql.Driver#connect(String, java.util.Map)",
                        "connect(java.lang.String, java.util.Properties)", "- name: connect"),
                new Mutation("a wrong exception", "Connection\n        throws: [java.sql.SQLException]",
                        "Connection\n        throws: [java.io.IOException]", MISMATCH, METHOD, connect,
                        "throws java.sql.SQLException", "throws: [java.io.IOException]"),
                new Mutation("a wrong constant value", "value: 42", "value: 41",
                        MISMATCH, FIELD, "org.postgresql.util.DriverInfo.MAJOR_VERSION", "42", "value: 41"),
                new Mutation("a wrong string constant", "value: PostgreSQL JDBC Driver", "value: PgJDBC",
                        MISMATCH, FIELD, "org.postgresql.util.DriverInfo.DRIVER_NAME", "\"PostgreSQL JDBC Driver\"",
                        "value: PgJDBC"),
                new Mutation("a wrong superclass", "extends: java.sql.SQLException", "extends: java.io.IOException",
                        MISMATCH, CLASS, "org.postgresql.util.PSQLException",
                        "extends java.sql.SQLException > java.lang.Exception > java.lang.Throwable > java.lang.Object",
                        "extends: java.io.IOException"),
                new Mutation("an interface it lacks", "implements: [java.sql.Driver]",
                        "implements: [java.sql.Driver, java.lang.AutoCloseable]", MISMATCH, CLASS,
                        "org.postgresql.Driver", "implements java.sql.Driver",
                        "implements: [java.sql.Driver, java.lang.AutoCloseable]"),
                new Mutation("a wrong kind", "kind: interface", "kind: class",
                        MISMATCH, CLASS, "org.postgresql.PGConnection", "interface", "name: org.postgresql.PGConnection",
                        1),
                new Mutation("a modifier it lacks", "modifiers: [public]\n    implements",
                        "modifiers: [public, final]\n    implements", MISMATCH, CLASS, "org.postgresql.Driver", "public",
                        "modifiers: [public, final]\n    implements"),
                new Mutation("a missing class", "name: org.postgresql.util.DriverInfo",
                        "name: org.postgresql.util.DriverInformation", MISSING, CLASS,
                        "org.postgresql.util.DriverInformation", "<absent>", "name: org.postgresql.util.DriverInformation"),
                new Mutation("a missing service provider", "java.sql.Driver: [org.postgresql.Driver]",
                        "java.sql.Driver: [org.postgresql.ds.PGSimpleDataSource]", MISSING, MODULE,
                        "service java.sql.Driver", "org.postgresql.Driver", "java.sql.Driver: [org.postgresql.ds"),
                new Mutation("a service it does not provide", "java.sql.Driver: [org.postgresql.Driver]",
                        "javax.sql.DataSource: [org.postgresql.ds.PGSimpleDataSource]", MISSING, MODULE,
                        "service javax.sql.DataSource", "<absent>", "javax.sql.DataSource:"),
                new Mutation("a module version outside the range", "version: \"[42.7,43)\"", "version: \"[43,)\"",
                        MISMATCH, MODULE, "module.version", "42.7.13 (Bundle-Version, Implementation-Version)", "version: \"[43,)\""),
                new Mutation("another module name", "name: org.postgresql.jdbc", "name: org.postgresql",
                        MISMATCH, MODULE, "module", "org.postgresql.jdbc, postgresql", "name: org.postgresql\n"),
                new Mutation("an unmet Java version", "version: \"[17,)\"", "version: \"[99,)\"",
                        MISMATCH, JAVA, "java.version", Runtime.version().toString(), "version: \"[99,)\""),
                new Mutation("an unmet operating system", "os: [linux, macos, windows, freebsd]", "os: [aix]",
                        INVALID, RUNTIME, "os", null, "os: [aix]"));
    }

    @Nested
    class Commons_lang3 {
        @Test
        void satisfies_its_contract_with_no_violation_at_all_in_the_running_jvm() {
            Report report = validate(COMMONS_LANG3_CONTRACT, COMMONS_LANG3, RuntimeSource.current());

            assertThat(report.targets()).singleElement().satisfies(target -> {
                assertThat(target.violations()).isEmpty();
                assertThat(target.moduleName()).contains("org.apache.commons.lang3");
                assertThat(target.moduleVersion()).contains("3.17.0");
            });
            assertThat(report.isCompliant()).isTrue();
        }

        @Test
        void satisfies_its_contract_strictly_without_a_runtime() {
            Report report = validate(COMMONS_LANG3_CONTRACT, COMMONS_LANG3, RuntimeSource.none(), Strictness.STRICT);

            assertThat(report.targets().get(0).violations()).isEmpty();
            assertThat(report.isCompliant()).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.importspy.RealJarsIT#commonsLang3Mutations")
        void reports_exactly_one_violation_for(Mutation mutation) {
            mutation.check(COMMONS_LANG3_CONTRACT, COMMONS_LANG3);
        }
    }

    static Stream<Mutation> commonsLang3Mutations() {
        String isBlank = "org.apache.commons.lang3.StringUtils#isBlank(CharSequence)";
        return Stream.of(
                new Mutation("a wrong return type", "returns: boolean\n        modifiers: [public, static]",
                        "returns: Boolean\n        modifiers: [public, static]", MISMATCH, METHOD, isBlank,
                        "boolean", "returns: Boolean"),
                new Mutation("a modifier a static method lacks", "returns: boolean\n        modifiers: [public, static]",
                        "returns: boolean\n        modifiers: [public, static, final]", MISMATCH, METHOD, isBlank,
                        "public static", "returns: boolean\n        modifiers: [public, static, final]", 1),
                new Mutation("a missing method", "name: firstNonBlank", "name: firstNonBlankOf",
                        MISSING, METHOD, "org.apache.commons.lang3.StringUtils#firstNonBlankOf(T...)", "<absent>",
                        "name: firstNonBlankOf"),
                new Mutation("a missing inherited method", "name: getKey", "name: getKeys",
                        MISSING, METHOD, "org.apache.commons.lang3.tuple.ImmutablePair#getKeys()", "<absent>",
                        "name: getKeys"),
                new Mutation("a wrong generic parameter type", "parameters: [\"Iterable<?>\", String]",
                        "parameters: [\"Iterable<String>\", String]", MISMATCH, METHOD,
                        "org.apache.commons.lang3.StringUtils#join(Iterable<String>, String)", null,
                        "parameters: [\"Iterable<String>\", String]", -1),
                new Mutation("a varargs parameter where there is none", "parameters: [String, int]",
                        "parameters: [String...]", MISMATCH, METHOD,
                        "org.apache.commons.lang3.StringUtils#abbreviate(String...)", null, "- name: abbreviate"),
                new Mutation("swapped generic arguments of a return type",
                        "returns: org.apache.commons.lang3.tuple.Pair<L, R>",
                        "returns: org.apache.commons.lang3.tuple.Pair<R, L>", MISMATCH, METHOD,
                        "org.apache.commons.lang3.tuple.Pair#of(L, R)", "org.apache.commons.lang3.tuple.Pair<L, R>",
                        "returns: org.apache.commons.lang3.tuple.Pair<R, L>"),
                new Mutation("a wrong string constant", "value: \"\"", "value: \"empty\"",
                        MISMATCH, FIELD, "org.apache.commons.lang3.StringUtils.EMPTY", "\"\"", "value: \"empty\""),
                new Mutation("a wrong integer constant", "value: -1\n    constructors", "value: 0\n    constructors",
                        MISMATCH, FIELD, "org.apache.commons.lang3.StringUtils.INDEX_NOT_FOUND", "-1", "value: 0"),
                new Mutation("a wrong field type", "type: L", "type: R",
                        MISMATCH, FIELD, "org.apache.commons.lang3.tuple.ImmutablePair.left", "L", "type: R"),
                new Mutation("a wrong superclass", "extends: \"org.apache.commons.lang3.tuple.Pair<L, R>\"",
                        "extends: \"org.apache.commons.lang3.tuple.MutablePair<L, R>\"", MISMATCH, CLASS,
                        "org.apache.commons.lang3.tuple.ImmutablePair",
                        "extends org.apache.commons.lang3.tuple.Pair > java.lang.Object",
                        "extends: \"org.apache.commons.lang3.tuple.MutablePair"),
                new Mutation("swapped type arguments of a superclass", "extends: \"org.apache.commons.lang3.tuple.Pair<L, R>\"",
                        "extends: \"org.apache.commons.lang3.tuple.Pair<R, L>\"", MISMATCH, CLASS,
                        "org.apache.commons.lang3.tuple.ImmutablePair",
                        "extends org.apache.commons.lang3.tuple.Pair<L, R>", "extends: \"org.apache.commons.lang3.tuple.Pair<R, L>"),
                new Mutation("an interface it lacks", "Pair<L, R>>\", java.io.Serializable]",
                        "Pair<L, R>>\", java.io.Serializable, Iterable]", MISMATCH, CLASS,
                        "org.apache.commons.lang3.tuple.ImmutablePair", null, "java.io.Serializable, Iterable]"),
                new Mutation("other type arguments of an inherited interface", "\"java.util.Map$Entry<L, R>\"",
                        "\"java.util.Map$Entry<String, R>\"", MISMATCH, CLASS,
                        "org.apache.commons.lang3.tuple.ImmutablePair", "implements java.util.Map$Entry<L, R>",
                        "\"java.util.Map$Entry<String, R>\""),
                new Mutation("a subtype as the type argument of an inherited interface",
                        "\"Comparable<org.apache.commons.lang3.tuple.Pair<L, R>>\"",
                        "\"Comparable<org.apache.commons.lang3.tuple.ImmutablePair<L, R>>\"", MISMATCH, CLASS,
                        "org.apache.commons.lang3.tuple.ImmutablePair",
                        "implements java.lang.Comparable<org.apache.commons.lang3.tuple.Pair<L, R>>",
                        "\"Comparable<org.apache.commons.lang3.tuple.ImmutablePair<L, R>>\""),
                new Mutation("a missing class", "name: org.apache.commons.lang3.ArrayUtils",
                        "name: org.apache.commons.lang3.ArrayUtil", MISSING, CLASS, "org.apache.commons.lang3.ArrayUtil",
                        "<absent>", "name: org.apache.commons.lang3.ArrayUtil\n"),
                new Mutation("a module version outside the range", "version: \"[3.17,4)\"", "version: \"[3.18,4)\"",
                        MISMATCH, MODULE, "module.version", "3.17.0 (module-info, Bundle-Version, Implementation-Version, pom.properties)", "version: \"[3.18,4)\""),
                new Mutation("a file name that does not match", "filename: \"commons-lang3-*.jar\"",
                        "filename: \"commons-lang-*.jar\"", MISMATCH, MODULE, "module.filename",
                        "commons-lang3-3.17.0.jar", "filename: \"commons-lang-*.jar\""),
                new Mutation("an unmet Java version", "version: \"[17,)\"", "version: \"[99,)\"",
                        MISMATCH, JAVA, "java.version", Runtime.version().toString(), "version: \"[99,)\""));
    }

    /**
     * One edit of a compliant contract and the single violation it must cause.
     *
     * @param description what the edit breaks, for the test name
     * @param from        text that occurs exactly once in the contract
     * @param to          its replacement
     * @param found       the violation's {@code found}, or null when it is too long to be worth spelling out
     * @param at          text on the contract line the violation must point to (unique in the edited contract)
     * @param lineOffset  lines from {@code at} to the expected line (the kind of a class points at its name)
     */
    record Mutation(String description, String from, String to, Category category, Context context, String subject,
                    String found, String at, int lineOffset) {
        Mutation(String description, String from, String to, Category category, Context context, String subject,
                 String found, String at) {
            this(description, from, to, category, context, subject, found, at, 0);
        }

        void check(String contract, Path jar) {
            assertThat(occurrences(contract, from)).as("'%s' occurs once in the contract", from).isEqualTo(1);
            String edited = contract.replace(from, to);

            Report report = validate(edited, jar, RuntimeSource.current());

            List<Violation> violations = report.targets().get(0).violations();
            assertThat(violations).as("violations of %s", description).hasSize(1);
            Violation violation = violations.get(0);
            assertThat(violation.category()).isEqualTo(category);
            assertThat(violation.context()).isEqualTo(context);
            assertThat(violation.subject()).isEqualTo(subject);
            if (found != null) {
                assertThat(violation.found()).isEqualTo(found);
            }
            assertThat(violation.location().file()).isEqualTo("spymodel.yml");
            assertThat(violation.location().line()).isEqualTo(lineOf(edited, at) + lineOffset);
            assertThat(violation.message()).isNotBlank().doesNotContain("\n");
            assertThat(violation.solution()).isNotBlank().doesNotContain("\n");
            assertThat(report.isCompliant()).isFalse();
        }

        @Override
        public String toString() {
            return description;
        }
    }

    static Report validate(String contract, Path jar, RuntimeSource runtime) {
        return validate(contract, jar, runtime, Strictness.LENIENT);
    }

    static Report validate(String contract, Path jar, RuntimeSource runtime, Strictness strictness) {
        return Spy.validate(Contracts.parse(contract, "spymodel.yml"),
                ValidationOptions.defaults().withRuntime(runtime).withStrictness(strictness), List.of(jar));
    }

    /** The 1-based line on which {@code snippet} starts; it must occur exactly once. */
    static int lineOf(String text, String snippet) {
        assertThat(occurrences(text, snippet)).as("'%s' occurs once", snippet).isEqualTo(1);
        int index = text.indexOf(snippet);
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    static int occurrences(String text, String snippet) {
        int count = 0;
        for (int i = text.indexOf(snippet); i >= 0; i = text.indexOf(snippet, i + 1)) {
            count++;
        }
        return count;
    }

    static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = RealJarsIT.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
