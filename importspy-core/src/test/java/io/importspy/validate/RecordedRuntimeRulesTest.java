package io.importspy.validate;

import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.contract.DeploymentSpec;
import io.importspy.internal.contract.ModuleSpec;
import io.importspy.internal.contract.ValueSpec;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.importspy.validate.Facts.module;
import static io.importspy.validate.Specs.at;
import static io.importspy.validate.Specs.model;
import static io.importspy.validate.Specs.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Variables and properties against a recorded runtime: recorded as unset is missing, not recorded is unverified. */
class RecordedRuntimeRulesTest {
    private static final RuntimeFacts RECORDED = RuntimeFacts.builder("linux", "x86_64", "17.0.15+6", "Debian",
                    "HotSpot")
            .variables(Map.of("MODE", "production")).properties(Map.of("file.encoding", "UTF-8"))
            .secrets(Map.of("DB_PASSWORD", false)).recorded().unsetVariables(Set.of("LOG_DIR"))
            .unsetProperties(Set.of("app.profile")).build();

    private static List<Violation> check(RuntimeFacts runtime, List<ValueSpec> variables, List<ValueSpec> properties) {
        DeploymentSpec spec = new DeploymentSpec(Optional.empty(), Optional.empty(), Optional.empty(), variables,
                List.of(), properties, List.of(), at(10));
        return Validator.validate(model(ModuleSpec.empty(at(1)), List.of(), List.of(spec)), module(),
                Optional.of(runtime)).violations();
    }

    @Test
    void a_name_recorded_as_unset_is_missing_and_a_name_not_recorded_is_unverified() {
        List<Violation> violations = check(RECORDED,
                List.of(value("MODE", "production", 11), value("LOG_DIR", "/var/log", 12), value("TAG", "v1", 13),
                        value("DB_PASSWORD", "x", 14)),
                List.of(value("app.profile", "prod", 15), value("user.timezone", "UTC", 16)));

        assertThat(violations).extracting(Violation::category, Violation::subject, Violation::found,
                        Violation::message, v -> v.location().line())
                .containsExactly(
                        tuple(Category.MISSING, "env LOG_DIR", "<absent>", "environment variable LOG_DIR is not set", 12),
                        tuple(Category.UNVERIFIED, "env TAG", "<not recorded>",
                                "environment variable TAG cannot be checked: the recorded runtime does not record "
                                        + "its value", 13),
                        tuple(Category.MISSING, "env DB_PASSWORD", "<absent>",
                                "environment variable DB_PASSWORD is not set", 14),
                        tuple(Category.MISSING, "property app.profile", "<absent>",
                                "system property app.profile is not set", 15),
                        tuple(Category.UNVERIFIED, "property user.timezone", "<not recorded>",
                                "system property user.timezone cannot be checked: the recorded runtime does not "
                                        + "record its value", 16));
        assertThat(violations.get(1).solution()).isEqualTo("record the runtime again with the contract "
                + "(importspy inspect --runtime -c), or remove TAG from the deployment");
    }

    @Test
    void a_live_runtime_reports_every_unset_name_missing() {
        RuntimeFacts live = RuntimeFacts.builder("linux", "x86_64", "17.0.15+6", "Debian", "HotSpot").build();

        assertThat(check(live, List.of(value("TAG", "v1", 13)), List.of(value("user.timezone", "UTC", 16))))
                .extracting(Violation::category).containsExactly(Category.MISSING, Category.MISSING);
    }
}
