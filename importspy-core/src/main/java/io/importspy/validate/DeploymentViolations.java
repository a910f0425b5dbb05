package io.importspy.validate;

import io.importspy.contract.Location;

import java.util.List;

/** The wording of the {@code deployments:} violations: platform, Java, environment and libraries. */
final class DeploymentViolations {
    private static final String PRESENT = "<present>";
    private static final String NOT_RECORDED = "<not recorded>";

    private DeploymentViolations() {
    }

    /**
     * A violation of entry {@code entry} (from 0) of {@code tried} entries, saying which; {@code holds} when the
     * entry holds but for unverified checks.
     */
    static Violation inEntry(Violation violation, int entry, int tried, boolean holds) {
        return violation.withMessageSuffix(" (deployment " + (entry + 1) + " of " + tried
                + (holds ? ")" : ", the closest of " + tried + " tried)"));
    }

    /**
     * @param key       the deployment key, {@code arch} or {@code os}
     * @param noun      what it names, e.g. {@code operating system}
     * @param canonical the runtime's value as the contract would write it
     */
    static Violation platformInvalid(String key, String noun, List<String> allowed, String actual, String canonical,
                                     Location at) {
        String list = Texts.list(allowed);
        return Violation.invalid(Context.RUNTIME, key).expected("one of " + list).found(actual)
                .message("runtime " + noun + " " + actual + " is not one of " + list)
                .fix(Fixes.orAddToDeployment("run on one of " + list, canonical, key)).at(at);
    }

    static Violation javaVersionMismatch(String expected, String actual, Location at) {
        return Violation.mismatch(Context.JAVA, "java.version").expected(expected).found(actual)
                .message("Java " + actual + " does not satisfy " + expected)
                .fix(Fixes.orChangeInDeployment("run on a Java version within " + expected, "java.version")).at(at);
    }

    /** @param key {@code java.vendor} or {@code java.implementation} */
    static Violation javaInvalid(String key, String noun, List<String> allowed, String actual, Location at) {
        String list = Texts.list(allowed);
        return Violation.invalid(Context.JAVA, key).expected("one of " + list).found(actual)
                .message(noun + " " + actual + " is not one of " + list)
                .fix(Fixes.orAddToDeployment("run on a JVM whose " + key + " is one of " + list, actual, key)).at(at);
    }

    /**
     * An environment variable or system property.
     *
     * @param subject its name in the report, e.g. {@code env MODE}
     * @param named   its name in messages, e.g. {@code environment variable MODE}
     */
    record Entry(String name, String subject, String named) {
    }

    static Violation valueUnrecorded(Entry entry, String expected, Location at) {
        return Violation.unverified(Context.ENVIRONMENT, entry.subject()).expected(expected).found(NOT_RECORDED)
                .message(entry.named() + " cannot be checked: the recorded runtime does not record its value")
                .fix(Fixes.orRemoveFromDeployment(Fixes.RECORD_AGAIN, entry.name())).at(at);
    }

    static Violation factUnrecorded(String name, String expected, Location at) {
        return Violation.unverified(Context.RUNTIME, "fact " + name).expected(expected).found(NOT_RECORDED)
                .message("runtime fact " + name + " cannot be checked: the recorded runtime does not record it")
                .fix(Fixes.orRemoveFromDeployment("record the runtime again where the fact source '" + namespace(name)
                        + "' is installed (importspy inspect --runtime --extensions ...)", name)).at(at);
    }

    static Violation factMissing(String name, String expected, Location at) {
        return Violation.missing(Context.RUNTIME, "fact " + name).expected(expected)
                .message("runtime fact " + name + " is not known: no installed fact source gives it")
                .fix(Fixes.orRemoveFromDeployment("install the extension whose fact source '" + namespace(name)
                        + "' gives it (--extensions, or on the class path)", name)).at(at);
    }

    static Violation factMismatch(String name, String expected, String value, Location at) {
        return Violation.mismatch(Context.RUNTIME, "fact " + name).expected(expected).found("\"" + value + "\"")
                .message("runtime fact " + name + " is \"" + value + "\", not " + expected)
                .fix(Fixes.orChangeInDeployment("run where " + name + " is " + expected, name)).at(at);
    }

    private static String namespace(String fact) {
        int dot = fact.indexOf('.');
        return dot < 0 ? fact : fact.substring(0, dot);
    }

    static Violation valueMissing(Entry entry, String expected, Location at) {
        return Violation.missing(Context.ENVIRONMENT, entry.subject()).expected(expected)
                .message(entry.named() + " is not set")
                .fix(Fixes.orRemoveFromDeployment("set " + entry.named() + " to " + expected, "it")).at(at);
    }

    /** A secret's value ({@code secret}) is never shown. */
    static Violation valueMismatch(Entry entry, String expected, String value, boolean secret, Location at) {
        String shown = secret ? PRESENT : "\"" + value + "\"";
        return Violation.mismatch(Context.ENVIRONMENT, entry.subject()).expected(expected).found(shown)
                .message(entry.named() + (secret ? " is not " + expected : " is " + shown + ", not " + expected))
                .fix(Fixes.orChangeInDeployment("set " + entry.named() + " to " + expected, "it")).at(at);
    }

    static Violation secretUnrecorded(String name, Location at) {
        return Violation.unverified(Context.ENVIRONMENT, "secret " + name).expected(PRESENT).found(NOT_RECORDED)
                .message("whether secret " + name + " is set is unknown: the recorded runtime does not say")
                .fix(Fixes.or(Fixes.RECORD_AGAIN, "remove " + name + " from secrets")).at(at);
    }

    static Violation secretMissing(String name, Location at) {
        return Violation.missing(Context.ENVIRONMENT, "secret " + name).expected(PRESENT)
                .message("secret " + name + " is not set or empty")
                .fix(Fixes.or("set the environment variable " + name + " to a non-empty value", "remove it from secrets"))
                .at(at);
    }

    static Violation libraryMissing(String name, String expected, Location at) {
        return Violation.missing(Context.LIBRARY, "library " + name).expected(expected)
                .message("library " + name + " is not present")
                .fix(Fixes.or("put " + name + " on the class path", "remove it from the deployment's libraries")).at(at);
    }

    static Violation libraryUnversioned(String name, String expected, Location at) {
        return Violation.missing(Context.LIBRARY, "library " + name).expected(expected).found("<no version>")
                .message("library " + name + " declares no version, so it cannot satisfy " + expected)
                .fix(Fixes.orRemoveFromDeployment("use a build of " + name + " that declares its version", "the version"))
                .at(at);
    }

    static Violation libraryMismatch(String name, String expected, List<String> versions, Location at) {
        return Violation.mismatch(Context.LIBRARY, "library " + name).expected(expected).found(Texts.list(versions))
                .message("library " + name + " " + Texts.list(versions) + " does not satisfy " + expected)
                .fix(Fixes.orChangeInDeployment("use " + name + " within " + expected, "its version")).at(at);
    }
}
