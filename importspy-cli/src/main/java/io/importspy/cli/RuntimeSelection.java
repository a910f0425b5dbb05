package io.importspy.cli;

import io.importspy.contract.DeploymentSpec;
import io.importspy.contract.Located;
import io.importspy.contract.SpyModel;
import io.importspy.contract.ValueSpec;
import io.importspy.inspect.RuntimeFacts;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The part of a runtime that {@code inspect --runtime} records. Environment variables are recorded only
 * when a contract names them, because a whole environment usually holds credentials; secrets are recorded
 * as present or absent, never with their value.
 */
final class RuntimeSelection {
    private RuntimeSelection() {
    }

    /** Platform, Java, system properties and libraries; no environment variable and no secret. */
    static RuntimeFacts withoutEnvironment(RuntimeFacts facts) {
        return new RuntimeFacts(facts.os(), facts.arch(), facts.javaVersion(), facts.javaVendor(),
                facts.javaImplementation(), Map.of(), facts.properties(), Map.of(), facts.libraries(),
                true, Set.of(), Set.of());
    }

    /**
     * Platform, Java and libraries, plus the variables and properties {@code model}'s deployments name: with
     * their value when set, as unset otherwise; and the presence of each secret they name.
     */
    static RuntimeFacts forContract(RuntimeFacts facts, SpyModel model) {
        Set<String> secretNames = new LinkedHashSet<>();
        Set<String> variableNames = new LinkedHashSet<>();
        Set<String> propertyNames = new LinkedHashSet<>();
        for (DeploymentSpec deployment : model.deployments()) {
            deployment.secrets().stream().map(Located::value).forEach(secretNames::add);
            deployment.variables().stream().map(ValueSpec::name).forEach(variableNames::add);
            deployment.properties().stream().map(ValueSpec::name).forEach(propertyNames::add);
        }
        variableNames.removeAll(secretNames); // a secret's value is never recorded, even when also a variable
        Map<String, String> variables = new LinkedHashMap<>();
        Set<String> unsetVariables = new LinkedHashSet<>();
        select(variableNames, facts.variables(), variables, unsetVariables);
        Map<String, String> properties = new LinkedHashMap<>();
        Set<String> unsetProperties = new LinkedHashSet<>();
        select(propertyNames, facts.properties(), properties, unsetProperties);
        Map<String, Boolean> secrets = new LinkedHashMap<>();
        secretNames.forEach(name -> secrets.put(name, facts.secretPresent(name).orElse(false)));
        return new RuntimeFacts(facts.os(), facts.arch(), facts.javaVersion(), facts.javaVendor(),
                facts.javaImplementation(), variables, properties, secrets, facts.libraries(),
                true, unsetVariables, unsetProperties);
    }

    /** Each of {@code names} into {@code values} when {@code all} has it, else into {@code unset}. */
    private static void select(Set<String> names, Map<String, String> all, Map<String, String> values,
                               Set<String> unset) {
        for (String name : names) {
            if (all.containsKey(name)) {
                values.put(name, all.get(name));
            } else {
                unset.add(name);
            }
        }
    }
}
