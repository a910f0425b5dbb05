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
                facts.javaImplementation(), Map.of(), facts.properties(), Map.of(), facts.libraries());
    }

    /**
     * Platform, Java and libraries, plus the variables and properties {@code model}'s deployments name
     * (those present), and the presence of each secret they name.
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
        variableNames.stream().filter(facts.variables()::containsKey)
                .forEach(name -> variables.put(name, facts.variables().get(name)));
        Map<String, String> properties = new LinkedHashMap<>();
        propertyNames.stream().filter(facts.properties()::containsKey)
                .forEach(name -> properties.put(name, facts.properties().get(name)));
        Map<String, Boolean> secrets = new LinkedHashMap<>();
        secretNames.forEach(name -> secrets.put(name, facts.secretPresent(name).orElse(false)));
        return new RuntimeFacts(facts.os(), facts.arch(), facts.javaVersion(), facts.javaVendor(),
                facts.javaImplementation(), variables, properties, secrets, facts.libraries());
    }
}
