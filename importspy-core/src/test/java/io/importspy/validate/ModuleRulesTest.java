package io.importspy.validate;

import io.importspy.inspect.ModuleFacts;
import io.importspy.inspect.ModuleIdentity;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.ModuleSpec;
import io.importspy.internal.contract.ServiceSpec;
import io.importspy.internal.contract.ValueMatcher;
import io.importspy.internal.contract.ValueSpec;
import io.importspy.internal.contract.VersionConstraint;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.importspy.validate.Facts.module;
import static io.importspy.validate.Specs.at;
import static io.importspy.validate.Specs.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ModuleRulesTest {
    private static final ModuleFacts GREETER = module();

    private static List<Violation> check(ModuleSpec spec, ModuleFacts facts) {
        return Validator.validate(model(spec, List.of(), List.of()), facts, Optional.empty()).violations();
    }

    private static ModuleSpec spec(Located<String> name, Located<VersionConstraint> version, Located<String> filename) {
        return new ModuleSpec(Optional.ofNullable(name), Optional.ofNullable(version), Optional.ofNullable(filename),
                List.of(), List.of(), List.of(), at(2));
    }

    @Nested
    class Name_and_file_name {
        @Test
        void the_name_may_equal_any_of_the_module_names() {
            assertThat(check(spec(at("com.acme.greeter", 3), null, null), GREETER)).isEmpty();
            assertThat(check(spec(at("greeter", 3), null, null), GREETER)).isEmpty();
        }

        @Test
        void another_name_is_a_mismatch_listing_the_module_names() {
            assertThat(check(spec(at("com.acme.other", 3), null, null), GREETER)).singleElement().satisfies(v -> {
                assertThat(v.category()).isEqualTo(Category.MISMATCH);
                assertThat(v.context()).isEqualTo(Context.MODULE);
                assertThat(v.subject()).isEqualTo("module");
                assertThat(v.expected()).isEqualTo("com.acme.other");
                assertThat(v.found()).isEqualTo("com.acme.greeter, greeter");
                assertThat(v.message()).isEqualTo("module is not named com.acme.other; its names are com.acme.greeter, greeter");
                assertThat(v.location()).isEqualTo(at(3));
            });
        }

        @Test
        void the_file_name_is_matched_by_a_glob() {
            assertThat(check(spec(null, null, at("greeter-*.jar", 4)), GREETER)).isEmpty();
            assertThat(check(spec(null, null, at("greeter-?.?.?.{jar,zip}", 4)), GREETER)).isEmpty();
            assertThat(check(spec(null, null, at("greeter-[0-9]*.jar", 4)), GREETER)).isEmpty();
            assertThat(check(spec(null, null, at("plugin-*.jar", 4)), GREETER))
                    .extracting(Violation::category, Violation::subject, Violation::found, Violation::message)
                    .containsExactly(tuple(Category.MISMATCH, "module.filename", "greeter-1.4.0.jar",
                            "module file greeter-1.4.0.jar does not match plugin-*.jar"));
        }
    }

    @Nested
    class Versions {
        @Test
        void a_version_within_the_constraint_passes() {
            assertThat(check(spec(null, Specs.version("[1.2,2)", 5), null), GREETER)).isEmpty();
        }

        @Test
        void a_version_outside_the_constraint_is_a_mismatch() {
            assertThat(check(spec(null, Specs.version("[2.0,)", 5), null), GREETER))
                    .extracting(Violation::category, Violation::subject, Violation::expected, Violation::found,
                            Violation::message)
                    .containsExactly(tuple(Category.MISMATCH, "module.version", "[2.0,)",
                            "1.4.0 (Implementation-Version)",
                            "module version 1.4.0 (Implementation-Version) does not satisfy [2.0,)"));
        }

        private final ModuleFacts guava = new ModuleFacts("guava-33.3.1-jre.jar", new ModuleIdentity(List.of(),
                List.of(new ModuleIdentity.Declared("33.3.1.jre", "Bundle-Version"),
                        new ModuleIdentity.Declared("33.3.1-jre", "pom.properties")), "guava-33.3.1-jre.jar"),
                Map.of(), Map.of(), Set.of(), Map.of(), Set.of());

        @Test
        void any_declared_version_may_satisfy_the_constraint_and_the_report_shows_that_one() {
            ModuleSpec maven = spec(null, Specs.version("[33.3.1-jre]", 5), null);
            assertThat(check(maven, guava)).isEmpty();
            assertThat(check(spec(null, Specs.version("[33.3.1.jre]", 5), null), guava)).isEmpty();
            assertThat(ModuleRules.reportedVersion(maven, guava.identity())).contains("33.3.1-jre");
            assertThat(ModuleRules.reportedVersion(spec(null, null, null), guava.identity())).contains("33.3.1.jre");
        }

        @Test
        void a_mismatch_names_every_version_compared_and_where_it_was_declared() {
            assertThat(check(spec(null, Specs.version("[34,)", 5), null), guava))
                    .extracting(Violation::found, Violation::message)
                    .containsExactly(tuple("33.3.1.jre (Bundle-Version), 33.3.1-jre (pom.properties)",
                            "no version the module declares satisfies [34,): 33.3.1.jre (Bundle-Version),"
                                    + " 33.3.1-jre (pom.properties)"));
        }

        @Test
        void no_version_at_all_is_missing_and_needs_no_comparison() {
            ModuleFacts unversioned = new ModuleFacts("x.jar", new ModuleIdentity(List.of(), List.of(), "x.jar"),
                    Map.of(), Map.of(), Set.of(), Map.of(), Set.of());

            assertThat(check(spec(null, Specs.version("[1.2,2)", 5), null), unversioned))
                    .extracting(Violation::category, Violation::found, Violation::message)
                    .containsExactly(tuple(Category.MISSING, "<none>",
                            "module declares no version, so it cannot satisfy [1.2,2)"));
        }
    }

    @Nested
    class Manifest_services_and_resources {
        private ModuleSpec spec(List<ValueSpec> manifest, List<ServiceSpec> services, List<Located<String>> resources) {
            return new ModuleSpec(Optional.empty(), Optional.empty(), Optional.empty(), manifest, services, resources,
                    at(2));
        }

        @Test
        void manifest_attributes_are_missing_or_mismatched() {
            List<Violation> violations = check(spec(List.of(
                    Specs.value("Plugin-Id", "greeter", 6),
                    new ValueSpec("Plugin-Id", new ValueMatcher.Matches(Pattern.compile("gr.*")), at(7)),
                    Specs.value("Plugin-Id", "other", 8),
                    Specs.value("Plugin-Class", "com.acme.X", 9)), List.of(), List.of()), GREETER);

            assertThat(violations).extracting(Violation::category, Violation::subject, Violation::expected,
                            Violation::found, Violation::message, v -> v.location().line())
                    .containsExactly(
                            tuple(Category.MISMATCH, "manifest Plugin-Id", "\"other\"", "\"greeter\"",
                                    "module manifest attribute Plugin-Id is \"greeter\", not \"other\"", 8),
                            tuple(Category.MISSING, "manifest Plugin-Class", "\"com.acme.X\"", "<absent>",
                                    "module manifest lacks attribute Plugin-Class", 9));
        }

        @Test
        void manifest_attribute_names_are_case_insensitive() {
            List<Violation> violations = check(spec(List.of(
                    Specs.value("plugin-id", "greeter", 6),
                    Specs.value("PLUGIN-ID", "other", 7)), List.of(), List.of()), GREETER);

            assertThat(violations).extracting(Violation::category, Violation::found, v -> v.location().line())
                    .containsExactly(tuple(Category.MISMATCH, "\"greeter\"", 7));
        }

        @Test
        void every_listed_provider_must_be_listed_for_its_service() {
            List<Violation> violations = check(spec(List.of(), List.of(
                    new ServiceSpec("com.acme.spi.Greeter", List.of("com.acme.greeter.DefaultGreeter"), at(10)),
                    new ServiceSpec("com.acme.spi.Greeter", List.of(), at(11)),
                    new ServiceSpec("com.acme.spi.Greeter", List.of("com.acme.greeter.Loud"), at(12)),
                    new ServiceSpec("com.acme.spi.Farewell", List.of("com.acme.greeter.Bye"), at(13))), List.of()),
                    GREETER);

            assertThat(violations).extracting(Violation::category, Violation::subject, Violation::expected,
                            Violation::found, Violation::message, v -> v.location().line())
                    .containsExactly(
                            tuple(Category.MISSING, "service com.acme.spi.Greeter", "com.acme.greeter.Loud",
                                    "com.acme.greeter.DefaultGreeter",
                                    "module does not provide com.acme.spi.Greeter with com.acme.greeter.Loud", 12),
                            tuple(Category.MISSING, "service com.acme.spi.Farewell", "com.acme.greeter.Bye", "<absent>",
                                    "module provides no service com.acme.spi.Farewell", 13));
        }

        @Test
        void resources_must_be_entries_of_the_module() {
            List<Violation> violations = check(spec(List.of(), List.of(),
                    List.of(at("greeter.properties", 14), at("/greeter.properties", 15), at("missing.txt", 16))),
                    GREETER);

            assertThat(violations).extracting(Violation::category, Violation::subject, Violation::message,
                            Violation::location)
                    .containsExactly(tuple(Category.MISSING, "resource missing.txt", "module lacks resource missing.txt",
                            at(16)));
        }
    }
}
