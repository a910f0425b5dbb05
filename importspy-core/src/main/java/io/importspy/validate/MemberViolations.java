package io.importspy.validate;

import io.importspy.contract.Location;

import java.util.List;
import java.util.Optional;

/** The wording of the violations of a class's fields, methods and constructors. */
final class MemberViolations {
    /** At most this many overloads are shown when none has the required parameters. */
    private static final int SHOWN = 5;
    /** The message lists the overloads only when there are at most this many. */
    private static final int LISTED = 3;

    private MemberViolations() {
    }

    /**
     * How violations name a method or constructor.
     *
     * @param subject its name in the report, e.g. {@code com.acme.Plugin#init(Context)}
     * @param noun    a noun phrase for messages, e.g. {@code method init(Context)}
     * @param what    its full name in messages, e.g. {@code method com.acme.Plugin#init(Context)}
     */
    record Member(Context context, String subject, String noun, String what) {
    }

    static Violation fieldInheritanceUnknown(String owner, String field, List<String> unread, Location at) {
        return Violation.unverified(Context.FIELD, owner + "." + field).expected("field " + field)
                .found(ClassViolations.unresolvedFound(unread))
                .message("whether class " + owner + " inherits field " + field + " is unknown: a supertype could not be read")
                .fix(Fixes.onClassPath(unread)).at(at);
    }

    static Violation fieldMissing(String owner, String field, Location at) {
        return Violation.missing(Context.FIELD, owner + "." + field).expected("field " + field)
                .message("class " + owner + " lacks field " + field)
                .fix(Fixes.orRemove("add field " + field + " to " + owner)).at(at);
    }

    /** {@code subject} is the field as {@code Owner.NAME}. */
    static Violation fieldTypeMismatch(String subject, String expected, String actual, Location at) {
        return Violation.mismatch(Context.FIELD, subject).expected(expected).found(actual)
                .message("field " + subject + " has type " + actual + ", not " + expected)
                .fix(Fixes.orChange("declare " + subject + " as " + expected, "its type")).at(at);
    }

    static Violation fieldConstantUnknown(String subject, String expected, Location at) {
        return Violation.unverified(Context.FIELD, subject).expected(expected).found("<no compiled constant>")
                .message("field " + subject + " has no compiled constant; its value is checked only in embedded mode")
                .fix(Fixes.or("check the value in embedded mode", "make " + subject + " a compile-time constant"))
                .at(at);
    }

    /** {@code why}: how YAML's reading of the value may explain the mismatch, when it may. */
    static Violation fieldValueMismatch(String subject, String expected, String actual, Optional<String> why,
                                        Location at) {
        return Violation.mismatch(Context.FIELD, subject).expected(expected).found(actual)
                .message("field " + subject + " is " + actual + ", not " + expected + why.map(w -> " (" + w + ")").orElse(""))
                .fix(Fixes.orChange("set " + subject + " to " + expected, "its value")).at(at);
    }

    static Violation memberInheritanceUnknown(String owner, Member member, List<String> unread, Location at) {
        List<String> names = unread;
        return Violation.unverified(member.context(), member.subject()).expected(member.noun())
                .found(ClassViolations.unresolvedFound(unread))
                .message("whether class " + owner + " has " + member.noun() + " is unknown: its supertype "
                        + Texts.list(names) + " could not be read")
                .fix(Fixes.onClassPath(unread)).at(at);
    }

    static Violation memberMissing(String owner, Member member, Location at) {
        return Violation.missing(member.context(), member.subject()).expected(member.noun())
                .message("class " + owner + " lacks " + member.noun())
                .fix(Fixes.orRemove("add " + member.noun() + " to " + owner)).at(at);
    }

    /**
     * No overload has the required parameters: {@code found} shows the closest few, the message lists them only
     * when there are few, and the fix does not repeat them.
     *
     * @param closest the overloads' signatures, closest first
     * @param name    the overloads' method name ({@code null} for constructors)
     */
    static Violation noOverloadMatches(String owner, Member member, List<String> closest, String name, Location at) {
        boolean constructor = name == null;
        String found = String.join(", ", closest.subList(0, Math.min(SHOWN, closest.size())))
                + (closest.size() > SHOWN ? ", and " + (closest.size() - SHOWN) + " more" : "");
        String has = closest.size() <= LISTED ? "it has only " + String.join(", ", closest)
                : "it has " + closest.size() + (constructor ? " constructors" : " overloads of " + name);
        return Violation.mismatch(member.context(), member.subject()).expected(member.noun()).found(found)
                .message("class " + owner + " lacks " + member.noun() + "; " + has)
                .fix(Fixes.orChange("add " + member.noun() + " to " + owner, "the parameters") + " to those"
                        + (closest.size() == 1 ? " of " + closest.get(0)
                        : " of an existing " + (constructor ? "constructor" : "overload")))
                .at(at);
    }

    /** @param position the parameter's position, from 1 */
    static Violation parameterNameMismatch(Member member, int position, String expected, String actual, Location at) {
        return Violation.mismatch(member.context(), member.subject())
                .expected("parameter " + position + " named " + expected)
                .found("parameter " + position + " named " + actual)
                .message(member.what() + " names parameter " + position + " " + actual + ", not " + expected)
                .fix(Fixes.orChange("rename the parameter to " + expected, "its name")).at(at);
    }

    static Violation parameterNamesUnknown(Member member, List<String> names, Location at) {
        return Violation.unverified(member.context(), member.subject())
                .expected("parameter names " + Texts.list(names)).found("<no parameter names in bytecode>")
                .message("the names of the parameters of " + member.what()
                        + " are unknown: the class file does not record them")
                .fix(Fixes.orRemove("compile the module with javac -parameters", "the parameter names")).at(at);
    }

    static Violation returnMismatch(Member member, String expected, String actual, Location at) {
        return Violation.mismatch(member.context(), member.subject()).expected(expected).found(actual)
                .message(member.what() + " returns " + actual + ", not " + expected)
                .fix(Fixes.orChange("make it return " + expected, "returns")).at(at);
    }

    /**
     * Whether a declared exception extends the listed one could not be told.
     *
     * @param declared the exceptions the member declares
     * @param unread   the classes that could not be read
     */
    static Violation throwsUnknown(Member member, String exception, String declared, String unread, Location at) {
        return Violation.unverified(member.context(), member.subject()).expected("throws " + exception)
                .found("throws " + declared)
                .message("whether " + member.what() + " declares throws " + exception + " is unknown: it declares"
                        + " throws " + declared + ", and class " + unread + " could not be read to tell whether"
                        + " it extends " + exception)
                .fix(Fixes.orRemoveFrom("declare throws " + exception + " itself", "it", "throws")).at(at);
    }

    static Violation throwsMismatch(Member member, String exception, String declared, Location at) {
        return Violation.mismatch(member.context(), member.subject()).expected("throws " + exception)
                .found("throws " + declared)
                .message(member.what() + " does not declare throws " + exception)
                .fix(Fixes.orRemoveFrom("declare throws " + exception, "it", "throws")).at(at);
    }
}
