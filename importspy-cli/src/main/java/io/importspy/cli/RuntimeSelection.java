package io.importspy.cli;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.contract.DeploymentSpec;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.contract.ValueSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of a runtime that {@code inspect --runtime} records. Environment variables are recorded only
 * when a contract names them, because a whole environment usually holds credentials; secrets are recorded
 * as present or absent, never with their value. Without a contract, system properties that may hold a
 * credential or a command line are left out too. The facts of installed fact sources are recorded, all of them
 * without a contract, those its deployments name with one.
 */
final class RuntimeSelection {
    /** Words in a property name that suggest a credential, compared without case, '.', '-' and '_'. */
    private static final List<String> CREDENTIAL_WORDS =
            List.of("password", "passwd", "secret", "token", "credential", "apikey", "privatekey");
    /** Name parts of properties that hold a command line, such as {@code sun.java.command}. */
    private static final Set<String> COMMAND_LINE_PARTS =
            Set.of("command", "commandline", "cmdline", "args", "arguments", "argv");
    /** A URL with a user and password, such as {@code jdbc:postgresql://app:hunter2@db/app}. */
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("://[^/\\s@:]*:[^/\\s@]*@");

    private RuntimeSelection() {
    }

    /**
     * Platform, Java, system properties and libraries; no environment variable, no secret, and none of the
     * properties {@link #omittedProperties} names.
     */
    static RuntimeFacts withoutEnvironment(RuntimeFacts facts) {
        Map<String, String> properties = new LinkedHashMap<>(facts.properties());
        properties.keySet().removeAll(omittedProperties(facts));
        return RuntimeFacts.builder(facts.os(), facts.arch(), facts.javaVersion(), facts.javaVendor(),
                facts.javaImplementation()).properties(properties).libraries(facts.libraries()).facts(facts.facts())
                .recorded().build();
    }

    /**
     * The system properties that a recording without a contract leaves out: those whose name suggests a
     * credential (password, passwd, secret, token, credential, API key, private key), those that hold a
     * command line ({@code sun.java.command}), and those whose value is a URL with a password.
     */
    static List<String> omittedProperties(RuntimeFacts facts) {
        List<String> omitted = new ArrayList<>();
        facts.properties().forEach((name, value) -> {
            if (mayHoldCredential(name, value)) {
                omitted.add(name);
            }
        });
        return omitted;
    }

    private static boolean mayHoldCredential(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        String joined = lower.replaceAll("[._-]", "");
        return CREDENTIAL_WORDS.stream().anyMatch(joined::contains)
                || Arrays.stream(lower.split("[._-]")).anyMatch(COMMAND_LINE_PARTS::contains)
                || URL_WITH_PASSWORD.matcher(value).find();
    }

    /**
     * Platform, Java and libraries, plus the variables and properties {@code model}'s deployments name: with
     * their value when set, as unset otherwise; and the presence of each secret they name.
     */
    static RuntimeFacts forContract(RuntimeFacts facts, SpyModel model) {
        Set<String> secretNames = new LinkedHashSet<>();
        Set<String> variableNames = new LinkedHashSet<>();
        Set<String> propertyNames = new LinkedHashSet<>();
        Set<String> factNames = new LinkedHashSet<>();
        for (DeploymentSpec deployment : Sections.deployments(model)) {
            deployment.facts().stream().map(ValueSpec::name).forEach(factNames::add);
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
        Map<String, String> named = new LinkedHashMap<>();
        factNames.stream().filter(facts.facts()::containsKey).forEach(name -> named.put(name, facts.facts().get(name)));
        return RuntimeFacts.builder(facts.os(), facts.arch(), facts.javaVersion(), facts.javaVendor(),
                        facts.javaImplementation())
                .variables(variables).properties(properties).secrets(secrets).libraries(facts.libraries()).recorded()
                .unsetVariables(unsetVariables).unsetProperties(unsetProperties).facts(named).build();
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
