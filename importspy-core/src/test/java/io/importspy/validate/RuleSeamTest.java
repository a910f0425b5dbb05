package io.importspy.validate;

import io.importspy.contract.Location;
import io.importspy.contract.SpyModel;
import io.importspy.inspect.ModuleFacts;
import io.importspy.internal.contract.ModuleSpec;
import io.importspy.internal.contract.Sections;
import io.importspy.report.JsonReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.importspy.validate.Facts.module;
import static io.importspy.validate.Specs.at;
import static io.importspy.validate.Specs.classSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A section added later plugs in as one rule: the contract model holds it, the validator runs it. */
class RuleSeamTest {
    private static final ModuleFacts GREETER = module();

    /** A section a later format could add: the plugin id the module's manifest must declare. */
    record PluginId(String id, Location location) {
    }

    /** Its rule, written as the javadoc of {@link Rule} says. */
    static final class PluginIdRule implements Rule<PluginId> {
        static final Context PLUGIN = Context.of("plugin");

        @Override
        public Class<PluginId> section() {
            return PluginId.class;
        }

        @Override
        public Set<String> classesToRead(PluginId section) {
            return Set.of("com.acme.plugin." + section.id());
        }

        @Override
        public void check(PluginId section, Facts facts, Sink sink) {
            String declared = facts.module().manifest().get("Plugin-Id");
            if (!section.id().equals(declared)) {
                sink.report(Violation.mismatch(PLUGIN, "plugin id").expected(section.id())
                        .found(String.valueOf(declared))
                        .message("module declares plugin id " + declared + ", not " + section.id())
                        .fix("set Plugin-Id to " + section.id() + ", or change plugin in the contract")
                        .at(section.location()));
            }
        }
    }

    private static final List<Rule<?>> RULES = withPluginId();

    private static List<Rule<?>> withPluginId() {
        List<Rule<?>> rules = new ArrayList<>(Validator.builtInRules());
        rules.add(new PluginIdRule());
        return List.copyOf(rules);
    }

    private static SpyModel contract(Object... extra) {
        List<Object> sections = new ArrayList<>(List.of(ModuleSpec.empty(at(1)),
                new Sections.Classes(List.of(classSpec("com.acme.Missing", 5).build())),
                new Sections.Deployments(List.of())));
        sections.addAll(List.of(extra));
        return SpyModel.of(1, at(1), sections);
    }

    @Test
    void the_built_in_sections_are_rules_of_the_same_shape_in_report_order() {
        assertThat(Validator.builtInRules()).extracting(r -> r.section().getSimpleName())
                .containsExactly("ModuleSpec", "IntegritySpec", "Classes", "ReferencesSpec", "Deployments", "Extended");
    }

    @Test
    void a_new_rule_reports_after_the_rules_before_it_in_the_list() {
        TargetReport report = Validator.validate(contract(new PluginId("other", at(9))), GREETER, Optional.empty(),
                RULES);
        assertThat(report.violations()).extracting(Violation::category, v -> v.context().label(), Violation::subject)
                .containsExactly(tuple(Category.MISSING, "class", "com.acme.Missing"),
                        tuple(Category.MISMATCH, "plugin", "plugin id"));
        assertThat(JsonReport.render(new Report("spymodel.yml", List.of(report), Strictness.LENIENT)))
                .contains("\"context\": \"plugin\"", "\"message\": \"module declares plugin id greeter, not other\"");
    }

    @Test
    void a_rule_whose_section_the_contract_lacks_is_skipped() {
        assertThat(Validator.validate(contract(), GREETER, Optional.empty(), RULES).violations())
                .extracting(Violation::subject).containsExactly("com.acme.Missing");
        assertThat(Validator.validate(contract(new PluginId("greeter", at(9))), GREETER, Optional.empty(), RULES)
                .violations()).extracting(Violation::subject).containsExactly("com.acme.Missing");
    }

    @Test
    void the_classes_to_read_are_those_every_rule_names() {
        assertThat(Validator.classesToRead(contract(new PluginId("Main", at(9))), RULES))
                .containsExactlyInAnyOrder("com.acme.Missing", "com.acme.plugin.Main");
        assertThat(Validator.classesToRead(contract(new PluginId("Main", at(9)))))
                .containsExactly("com.acme.Missing");
    }
}
