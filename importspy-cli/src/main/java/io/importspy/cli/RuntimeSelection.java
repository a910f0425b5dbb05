package io.importspy.cli;

import io.importspy.contract.SpyModel;
import io.importspy.inspect.RuntimeFacts;
import io.importspy.internal.contract.DeploymentSpec;
import io.importspy.internal.contract.Located;
import io.importspy.internal.contract.Sections;
import io.importspy.internal.contract.ValueSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    // loops, not regular expressions or streams: java.util.regex and the JDK's streams link lambdas, whose first
    // link costs a command-line run milliseconds
    static boolean mayHoldCredential(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder joined = new StringBuilder(lower.length());
        int partStart = 0;
        boolean commandLine = false;
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : '.';
            if (c == '.' || c == '_' || c == '-') {
                commandLine |= COMMAND_LINE_PARTS.contains(lower.substring(partStart, i));
                partStart = i + 1;
            } else {
                joined.append(c);
            }
        }
        if (commandLine) {
            return true;
        }
        for (String word : CREDENTIAL_WORDS) {
            if (joined.indexOf(word) >= 0) {
                return true;
            }
        }
        return hasUrlWithPassword(value);
    }

    /** Whether {@code value} holds a URL with a user and a password: {@code ://[^/\s@:]*:[^/\s@]*@}. */
    static boolean hasUrlWithPassword(String value) {
        for (int at = value.indexOf("://"); at >= 0; at = value.indexOf("://", at + 1)) {
            int i = at + 3;
            while (i < value.length() && !endsUser(value.charAt(i)) && value.charAt(i) != ':') {
                i++;
            }
            if (i < value.length() && value.charAt(i) == ':') {
                i++;
                while (i < value.length() && !endsUser(value.charAt(i))) {
                    i++;
                }
                if (i < value.length() && value.charAt(i) == '@') {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code /}, {@code @} or a character of {@code \s}: none of them is in a URL's user or password. */
    private static boolean endsUser(char c) {
        return c == '/' || c == '@' || c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
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
