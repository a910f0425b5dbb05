package io.importspy.validate;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.contract.DeploymentSpec;
import io.importspy.internal.contract.JavaSpec;
import io.importspy.internal.contract.LibrarySpec;
import io.importspy.internal.contract.ModuleSpec;
import io.importspy.internal.contract.ValueMatcher;
import io.importspy.internal.contract.ValueSpec;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.importspy.validate.Facts.library;
import static io.importspy.validate.Facts.module;
import static io.importspy.validate.Facts.runtime;
import static io.importspy.validate.Specs.at;
import static io.importspy.validate.Specs.deployment;
import static io.importspy.validate.Specs.model;
import static io.importspy.validate.Specs.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DeploymentRulesTest {
    private static final String SECRET_VALUE = "s3cr3t-Pa55w0rd";
    private static final RuntimeFacts LINUX = runtime(Map.of("MODE", "production", "DB_PASSWORD", SECRET_VALUE,
            "EMPTY", ""), Map.of(), library("2.0.16", "org.slf4j:slf4j-api", "org.slf4j"));

    private static TargetReport check(RuntimeFacts runtime, DeploymentSpec... deployments) {
        SpyModel contract = model(ModuleSpec.empty(at(1)), List.of(), List.of(deployments));
        return Validator.validate(contract, module(), Optional.of(runtime));
    }

    private static DeploymentSpec environment(int line, List<ValueSpec> properties, List<LibrarySpec> libraries) {
        return new DeploymentSpec(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                properties, libraries, at(line));
    }

    private static DeploymentSpec java(int line, JavaSpec java) {
        return new DeploymentSpec(Optional.empty(), Optional.empty(), Optional.of(java), List.of(), List.of(),
                List.of(), List.of(), at(line));
    }

    @Nested
    class Skipping {
        @Test
        void no_runtime_means_no_deployment_checks() {
            SpyModel contract = model(ModuleSpec.empty(at(1)), List.of(),
                    List.of(deployment(10, List.of("s390x"), null, List.of(), List.of())));

            TargetReport report = Validator.validate(contract, module(), Optional.empty());

            assertThat(report.violations()).isEmpty();
            assertThat(report.deploymentsTried()).isZero();
        }

        @Test
        void no_deployments_means_nothing_tried() {
            assertThat(check(LINUX).deploymentsTried()).isZero();
        }
    }

    @Nested
    class Platform {
        @Test
        void the_architecture_and_os_must_be_listed_under_any_alias() {
            assertThat(check(LINUX, deployment(10, List.of("amd64"), List.of("linux", "macos"), List.of(), List.of()))
                    .violations()).isEmpty();
        }

        @Test
        void an_unlisted_os_is_invalid() {
            assertThat(check(LINUX, deployment(10, null, List.of("windows", "macos"), List.of(), List.of())).violations())
                    .singleElement().satisfies(v -> {
                        assertThat(v.category()).isEqualTo(Category.INVALID);
                        assertThat(v.context()).isEqualTo(Context.RUNTIME);
                        assertThat(v.subject()).isEqualTo("os");
                        assertThat(v.expected()).isEqualTo("one of windows, macos");
                        assertThat(v.found()).isEqualTo("linux");
                        assertThat(v.message()).isEqualTo("runtime operating system linux is not one of windows, macos");
                        assertThat(v.location()).isEqualTo(at(11));
                    });
        }
    }

    @Nested
    class Java {
        @Test
        void vendor_and_implementation_are_any_of_ignoring_case() {
            JavaSpec ok = new JavaSpec(Optional.empty(), Optional.of(at(List.of("Oracle Corporation", "eclipse adoptium"), 12)),
                    Optional.of(at(List.of("hotspot"), 13)), at(11));
            JavaSpec wrong = new JavaSpec(Optional.empty(), Optional.of(at(List.of("Oracle Corporation"), 12)),
                    Optional.of(at(List.of("OpenJ9"), 13)), at(11));

            assertThat(check(LINUX, java(10, ok)).violations()).isEmpty();
            assertThat(check(LINUX, java(10, wrong)).violations())
                    .extracting(Violation::category, Violation::context, Violation::subject, Violation::found,
                            Violation::message, v -> v.location().line())
                    .containsExactly(
                            tuple(Category.INVALID, Context.JAVA, "java.vendor", "Eclipse Adoptium",
                                    "Java vendor Eclipse Adoptium is not one of Oracle Corporation", 12),
                            tuple(Category.INVALID, Context.JAVA, "java.implementation", "HotSpot",
                                    "JVM implementation HotSpot is not one of OpenJ9", 13));
        }

        @Test
        void the_version_must_satisfy_the_constraint() {
            JavaSpec java21 = new JavaSpec(Optional.of(Specs.version("[21,)", 12)), Optional.empty(), Optional.empty(), at(11));
            JavaSpec java17 = new JavaSpec(Optional.of(Specs.version("17", 12)), Optional.empty(), Optional.empty(), at(11));

            assertThat(check(LINUX, java(10, java17)).violations()).isEmpty();
            assertThat(check(LINUX, java(10, java21)).violations())
                    .extracting(Violation::category, Violation::context, Violation::subject, Violation::expected,
                            Violation::found, Violation::message)
                    .containsExactly(tuple(Category.MISMATCH, Context.JAVA, "java.version", "[21,)", "17.0.15+6",
                            "Java 17.0.15+6 does not satisfy [21,)"));
        }
    }

    @Nested
    class Environment {
        @Test
        void variables_and_properties_compare_as_text() {
            DeploymentSpec spec = new DeploymentSpec(Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of(value("MODE", "production", 11), new ValueSpec("MODE", new ValueMatcher.Present(), at(12)),
                            value("MODE", "dev", 13), value("LOG_DIR", "/var/log", 14)),
                    List.of(), List.of(value("file.encoding", "UTF-8", 15), value("user.timezone", "UTC", 16)),
                    List.of(), at(10));

            assertThat(check(LINUX, spec).violations())
                    .extracting(Violation::category, Violation::context, Violation::subject, Violation::expected,
                            Violation::found, Violation::message, v -> v.location().line())
                    .containsExactly(
                            tuple(Category.MISMATCH, Context.ENVIRONMENT, "env MODE", "\"dev\"", "\"production\"",
                                    "environment variable MODE is \"production\", not \"dev\"", 13),
                            tuple(Category.MISSING, Context.ENVIRONMENT, "env LOG_DIR", "\"/var/log\"", "<absent>",
                                    "environment variable LOG_DIR is not set", 14),
                            tuple(Category.MISSING, Context.ENVIRONMENT, "property user.timezone", "\"UTC\"", "<absent>",
                                    "system property user.timezone is not set", 16));
        }

        @Test
        void violations_come_in_the_order_the_contract_writes_them() {
            DeploymentSpec spec = new DeploymentSpec(Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of(value("LOG_DIR", "/var/log", 14)), List.of(at("API_KEY", 13)),
                    List.of(value("user.timezone", "UTC", 11)), List.of(Specs.librarySpec("org.acme:missing", 12, null)),
                    at(10));

            assertThat(check(LINUX, spec).violations()).extracting(Violation::subject, v -> v.location().line())
                    .containsExactly(tuple("property user.timezone", 11), tuple("library org.acme:missing", 12),
                            tuple("secret API_KEY", 13), tuple("env LOG_DIR", 14));
        }

        @Test
        void secrets_are_present_absent_or_unverified_and_their_values_never_appear() {
            DeploymentSpec spec = deployment(10, null, null, List.of(), List.of("DB_PASSWORD", "EMPTY", "API_KEY"));
            RuntimeFacts recorded = runtime(Map.of(), Map.of("DB_PASSWORD", true, "EMPTY", false));

            List<Violation> live = check(LINUX, spec).violations();
            List<Violation> fromRecording = check(recorded, spec).violations();

            assertThat(live).extracting(Violation::category, Violation::subject, Violation::expected, Violation::found,
                            Violation::message)
                    .containsExactly(
                            tuple(Category.MISSING, "secret EMPTY", "<present>", "<absent>", "secret EMPTY is not set or empty"),
                            tuple(Category.MISSING, "secret API_KEY", "<present>", "<absent>",
                                    "secret API_KEY is not set or empty"));
            assertThat(fromRecording).extracting(Violation::category, Violation::subject, Violation::found)
                    .containsExactly(tuple(Category.MISSING, "secret EMPTY", "<absent>"),
                            tuple(Category.UNVERIFIED, "secret API_KEY", "<not recorded>"));
            assertThat(fromRecording).extracting(Violation::message)
                    .contains("whether secret API_KEY is set is unknown: the recorded runtime does not say");
        }

        @Test
        void a_secret_value_appears_in_no_field_of_any_violation() {
            DeploymentSpec failing = new DeploymentSpec(Optional.empty(), Optional.of(at(List.of("windows"), 11)),
                    Optional.empty(), List.of(value("DB_PASSWORD", "other", 12)), List.of(at("DB_PASSWORD", 13)),
                    List.of(), List.of(), at(10));

            List<Violation> violations = check(LINUX, failing).violations();

            assertThat(violations).extracting(Violation::subject)
                    .containsExactly("os", "env DB_PASSWORD");
            assertThat(violations.get(1).found()).isEqualTo("<present>");
            assertThat(violations.get(1).message()).isEqualTo("environment variable DB_PASSWORD is not \"other\"");
            assertThat(violations).allSatisfy(v -> assertThat(List.of(v.subject(), v.expected(),
                    v.found(), v.message(), v.solution(), v.location().file())).noneMatch(s -> s.contains(SECRET_VALUE)));
        }

        @Test
        void a_name_one_entry_lists_as_a_secret_has_its_value_hidden_in_every_entry() {
            DeploymentSpec asVariable = new DeploymentSpec(Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of(value("DB_PASSWORD", "other", 11)), List.of(), List.of(), List.of(), at(10));
            DeploymentSpec asSecret = new DeploymentSpec(Optional.empty(), Optional.of(at(List.of("aix"), 13)),
                    Optional.empty(), List.of(), List.of(at("DB_PASSWORD", 14)), List.of(), List.of(), at(12));

            List<Violation> violations = check(LINUX, asVariable, asSecret).violations();

            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.subject()).isEqualTo("env DB_PASSWORD");
                assertThat(v.found()).isEqualTo("<present>");
                assertThat(v.message()).isEqualTo("environment variable DB_PASSWORD is not \"other\""
                        + " (deployment 1 of 2, the closest of 2 tried)");
                assertThat(List.of(v.expected(), v.found(), v.message(), v.solution()))
                        .noneMatch(text -> text.contains(SECRET_VALUE));
            });
        }
    }

    @Nested
    class Libraries {
        @Test
        void a_library_is_found_by_any_of_its_names() {
            assertThat(check(LINUX, environment(10, List.of(), List.of(Specs.librarySpec("org.slf4j", 11, null))))
                    .violations()).isEmpty();
            assertThat(check(LINUX, environment(10, List.of(), List.of(Specs.librarySpec("com.google.guava", 11, null))))
                    .violations()).extracting(Violation::category, Violation::context, Violation::subject,
                            Violation::found, Violation::message)
                    .containsExactly(tuple(Category.MISSING, Context.LIBRARY, "library com.google.guava", "<absent>",
                            "library com.google.guava is not present"));
        }

        @Test
        void its_version_must_satisfy_the_constraint() {
            assertThat(check(LINUX, environment(10, List.of(), List.of(Specs.librarySpec("org.slf4j:slf4j-api", 11, "[2.0,)"))))
                    .violations()).isEmpty();
            assertThat(check(LINUX, environment(10, List.of(), List.of(Specs.librarySpec("org.slf4j:slf4j-api", 11, "[2.1,)"))))
                    .violations()).extracting(Violation::category, Violation::found, Violation::message, Violation::location)
                    .containsExactly(tuple(Category.MISMATCH, "2.0.16",
                            "library org.slf4j:slf4j-api 2.0.16 does not satisfy [2.1,)", at(12)));
        }
    }

    @Nested
    class Any_of {
        private final DeploymentSpec windows = deployment(10, List.of("aarch64"), List.of("windows"),
                List.of(value("MODE", "dev", 12)), List.of());
        private final DeploymentSpec macos = deployment(20, null, List.of("macos"), List.of(), List.of());
        private final DeploymentSpec linux = deployment(30, List.of("x86_64"), List.of("linux"), List.of(), List.of());

        @Test
        void one_holding_entry_makes_the_runtime_compliant() {
            TargetReport report = check(LINUX, windows, macos, linux);

            assertThat(report.violations()).isEmpty();
            assertThat(report.deploymentsTried()).isEqualTo(3);
        }

        @Test
        void otherwise_the_closest_entry_is_reported_and_says_how_many_were_tried() {
            TargetReport report = check(LINUX, windows, macos);

            assertThat(report.deploymentsTried()).isEqualTo(2);
            assertThat(report.violations()).extracting(Violation::subject, Violation::message, Violation::location)
                    .containsExactly(tuple("os", "runtime operating system linux is not one of macos"
                            + " (deployment 2 of 2, the closest of 2 tried)", at(21)));
        }

        @Test
        void ties_go_to_the_first_entry() {
            DeploymentSpec freebsd = deployment(40, null, List.of("freebsd"), List.of(), List.of());

            assertThat(check(LINUX, freebsd, macos).violations()).extracting(Violation::message)
                    .containsExactly("runtime operating system linux is not one of freebsd"
                            + " (deployment 1 of 2, the closest of 2 tried)");
        }

        @Test
        void an_entry_with_only_unverified_checks_holds_but_its_checks_are_reported() {
            RuntimeFacts recorded = runtime(Map.of(), Map.of("OTHER", true));
            DeploymentSpec needsSecret = deployment(50, null, List.of("linux"), List.of(), List.of("API_KEY"));

            TargetReport report = check(recorded, macos, needsSecret);

            assertThat(report.violations()).extracting(Violation::category, Violation::message)
                    .containsExactly(tuple(Category.UNVERIFIED, "whether secret API_KEY is set is unknown:"
                            + " the recorded runtime does not say (deployment 2 of 2)"));
            assertThat(report.isCompliant(Strictness.LENIENT)).isTrue();
            assertThat(report.isCompliant(Strictness.STRICT)).isFalse();
        }
    }
}
