package io.importspy.validate;

import java.util.List;

/**
 * The phrases every fix shares: what to change in the module or runtime, then ", or" what to change in the
 * contract instead. Each contract-side phrase is written here once.
 */
final class Fixes {
    /** How to give a recorded runtime the values it lacks. */
    static final String RECORD_AGAIN = "record the runtime again with the contract (importspy inspect --runtime -c)";

    private Fixes() {
    }

    /** {@code change}, or remove the requirement from the contract. */
    static String orRemove(String change) {
        return orRemove(change, "it");
    }

    /** {@code change}, or remove {@code what} from the contract. */
    static String orRemove(String change, String what) {
        return or(change, "remove " + what + " from the contract");
    }

    /** {@code change}, or remove {@code what} from the contract's {@code key}. */
    static String orRemoveFrom(String change, String what, String key) {
        return or(change, "remove " + what + " from " + key + " in the contract");
    }

    /** {@code change}, or change the contract's {@code key}. */
    static String orChange(String change, String key) {
        return or(change, "change " + key + " in the contract");
    }

    /** {@code change}, or write {@code text} in the contract. */
    static String orWrite(String change, String text) {
        return or(change, "write " + text + " in the contract");
    }

    /** {@code change}, or remove {@code what} from the deployment. */
    static String orRemoveFromDeployment(String change, String what) {
        return or(change, "remove " + what + " from the deployment");
    }

    /** {@code change}, or change the deployment's {@code key}. */
    static String orChangeInDeployment(String change, String key) {
        return or(change, "change " + key + " in the deployment");
    }

    /** {@code change}, or add {@code value} to the deployment's {@code key}. */
    static String orAddToDeployment(String change, String value, String key) {
        return or(change, "add " + value + " to " + key + " in the deployment");
    }

    /** {@code change}, or {@code alternative}: the two ways out of a violation. */
    static String or(String change, String alternative) {
        return change + ", or " + alternative;
    }

    /** Put the classes that could not be read on the class path. */
    static String onClassPath(List<String> unread) {
        return "put the JAR that contains " + Texts.list(unread)
                + " on the class path (--classpath)";
    }
}
