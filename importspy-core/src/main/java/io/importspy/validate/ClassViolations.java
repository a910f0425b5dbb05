package io.importspy.validate;

import io.importspy.contract.Location;
import io.importspy.java.Modifier;

import java.util.List;
import java.util.Set;

/**
 * The wording of the violations of one {@code classes:} entry itself: presence, kind, modifiers, supertypes
 * and annotations. Member violations are {@link MemberViolations}.
 */
final class ClassViolations {
    private ClassViolations() {
    }

    static Violation classMissing(String name, Location at) {
        return Violation.missing(Context.CLASS, name).expected("class " + name)
                .message("module lacks class " + name)
                .fix(Fixes.orRemove("add class " + name + " to the module")).at(at);
    }

    /**
     * A dotted name that denotes several classes of the module ({@code a.b.Outer.Inner}: a nested class, and
     * class {@code Inner} of package {@code a.b.Outer}). Which one a host loads depends on the binary name it
     * asks for, so neither is judged in its place.
     */
    static Violation ambiguous(String name, List<String> classes, Location at) {
        return Violation.invalid(Context.CLASS, name).expected("one class named " + name)
                .found(String.join(", ", classes))
                .message("class name " + name + " is ambiguous: the module holds " + String.join(" and ", classes))
                .fix(binaryNameFix(classes)).at(at);
    }

    /**
     * A class of the module that the class path holds too: the host's class loader, which a plugin's loader asks
     * first, serves its copy, so the module's never runs and is not judged in its place.
     */
    static Violation shadowed(String name, String copy, String servedFirst, Location at) {
        return Violation.invalid(Context.CLASS, name).expected("class " + name + " served from the module")
                .found(servedFirst)
                .message(copy + " would never run: the class path serves " + servedFirst + " first, and a plugin's"
                        + " class loader asks the host's before its own")
                .fix("remove " + copy + " from the module, or rename its class").at(at);
    }

    /**
     * A dotted supertype name that denotes several classes the module, its class path or the JDK hold: which one
     * the class really extends or implements is not what the contract can say, so neither reading is judged.
     */
    static Violation ambiguousSupertype(String name, String relation, String supertype, List<String> classes,
                                        Location at) {
        return Violation.invalid(Context.CLASS, name).expected(relation + " one class named " + supertype)
                .found(String.join(", ", classes))
                .message("supertype name " + supertype + " of class " + name + " is ambiguous: " + String.join(" and ",
                        classes) + " both exist")
                .fix(binaryNameFix(classes)).at(at);
    }

    /**
     * A dotted class name in a selection's {@code key} that denotes several classes that exist: the selection selects
     * none, since which it means is not what the contract can say.
     */
    static Violation ambiguousSelector(String selector, String key, String written, List<String> classes,
                                       Location at) {
        return Violation.invalid(Context.CLASS, selector).expected(key + " one class named " + written)
                .found(String.join(", ", classes))
                .message("class name " + written + " in " + key + " of " + selector + " is ambiguous: "
                        + String.join(" and ", classes) + " both exist, so the selection selects no class")
                .fix(binaryNameFix(classes)).at(at);
    }

    static Violation kindMismatch(String name, String required, String actual, Location at) {
        return Violation.mismatch(Context.CLASS, name).expected(required).found(actual)
                .message("class " + name + " is " + Texts.withArticle(actual) + ", not " + Texts.withArticle(required))
                .fix(Fixes.orChange("make " + name + " " + Texts.withArticle(required), "its kind") + " to " + actual)
                .at(at);
    }

    /** The modifiers {@code what} (a class or member) lacks; {@code subject} names it in the report. */
    static Violation modifiersLacking(Context context, String subject, String what, Set<Modifier> required,
                                      Set<Modifier> actual, Set<Modifier> lacking, Location at) {
        String noun = lacking.size() == 1 ? "modifier " : "modifiers ";
        String lack = Texts.modifiers(lacking);
        return Violation.mismatch(context, subject).expected(Texts.modifiers(required)).found(Texts.modifiers(actual))
                .message(what + " lacks " + noun + lack)
                .fix(Fixes.orRemoveFrom("declare " + what + " " + lack, lack, "its modifiers")).at(at);
    }

    /** A class's superclass chain ({@code chain}, nearest first) does not reach the required one. */
    static Violation extendsMismatch(String name, String expected, List<String> chain, Location at) {
        return Violation.mismatch(Context.CLASS, name).expected("extends " + expected)
                .found(chain.isEmpty() ? "extends " + Texts.NONE : "extends " + String.join(" > ", chain))
                .message("class " + name + " does not extend " + expected)
                .fix(Fixes.orChange("make " + name + " extend " + expected, "extends")).at(at);
    }

    /** An interface or annotation type ({@code what}) whose super-interfaces lack the required one. */
    static Violation interfaceExtendsMismatch(String name, String what, String expected, List<String> all,
                                              Location at) {
        return Violation.mismatch(Context.CLASS, name).expected("extends " + expected)
                .found("extends " + Texts.list(all))
                .message(what + " does not extend " + expected)
                .fix(Fixes.orChange("make " + name + " extend " + expected, "extends")).at(at);
    }

    static Violation implementsMismatch(String name, String expected, List<String> all, Location at) {
        return Violation.mismatch(Context.CLASS, name).expected("implements " + expected)
                .found("implements " + Texts.list(all))
                .message("class " + name + " does not implement " + expected)
                .fix(Fixes.orRemoveFrom("make " + name + " implement " + expected, "it", "implements")).at(at);
    }

    /**
     * The class has the supertype, but the type arguments it gives it could not be told.
     *
     * @param keyword {@code extends} or {@code implements}
     * @param why     why they could not be told
     */
    static Violation typeArgumentsUnknown(String name, String keyword, String type, String rawType, String reached,
                                          String why, Location at) {
        return Violation.unverified(Context.CLASS, name).expected(keyword + " " + type)
                .found(keyword + " " + reached + " <type arguments unknown>")
                .message("class " + name + " " + keyword + " " + reached + ", but whether with the type arguments of "
                        + type + " is unknown: " + why)
                .fix(Fixes.orWrite("put the versions of its supertypes that " + name
                        + " was compiled against on the class path (--classpath)", rawType + " without type arguments"))
                .at(at);
    }

    /**
     * The class gives the supertype other type arguments than the contract writes.
     *
     * @param verb  {@code extend} or {@code implement}
     * @param found the supertype as the class gives it
     * @param raw   whether it gives it without type arguments
     */
    static Violation typeArgumentsMismatch(String name, String keyword, String verb, String type, String rawType,
                                           String found, boolean raw, Location at) {
        String how = raw ? found + " without type arguments" : found;
        return Violation.mismatch(Context.CLASS, name).expected(keyword + " " + type).found(keyword + " " + found)
                .message("class " + name + " does not " + verb + " " + type + ": it " + keyword + " " + how)
                .fix(Fixes.orWrite("make " + name + " " + verb + " " + type,
                        raw ? rawType + " without type arguments" : found))
                .at(at);
    }

    /** A check of class {@code name} that depends on supertypes that were not read ({@code unread}). */
    static Violation unresolved(String name, String expected, List<String> unread, String message, Location at) {
        return Violation.unverified(Context.CLASS, name).expected(expected).found(unresolvedFound(unread))
                .message(message).fix(Fixes.onClassPath(unread)).at(at);
    }

    /** What {@code found} says of checks that need classes that were not read. */
    static String unresolvedFound(List<String> unread) {
        return "<unresolved " + Texts.list(unread) + ">";
    }

    static Violation annotationMissing(String name, String type, List<String> present, Location at) {
        return Violation.missing(Context.CLASS, name).expected("@" + type).found(Texts.list(present))
                .message("class " + name + " lacks annotation @" + type)
                .fix(Fixes.orRemove("annotate " + name + " with @" + type)).at(at);
    }

    static Violation annotationInheritanceUnknown(String name, String type, String why, List<String> unread,
                                                  Location at) {
        return unresolved(name, "@" + type, unread,
                "whether class " + name + " inherits annotation @" + type + " is unknown: " + why, at);
    }

    /**
     * The annotation has other values than the contract writes.
     *
     * @param on       the annotation and the class it is on (and where it is inherited from)
     * @param expected the elements the contract writes, as {@code key = value}
     * @param actual   the same elements as the class has them
     * @param wrong    the names of those elements
     */
    static Violation annotationValuesMismatch(String name, String type, String on, List<String> expected,
                                              List<String> actual, List<String> wrong, Location at) {
        return Violation.mismatch(Context.CLASS, name)
                .expected("@" + type + "(" + String.join(", ", expected) + ")")
                .found("@" + type + "(" + String.join(", ", actual) + ")")
                .message(on + " has other values for " + Texts.list(wrong))
                .fix(Fixes.orChange("set " + String.join(", ", expected) + " on @" + type + " of " + name, "the values"))
                .at(at);
    }

    /** Elements the class does not write, so they hold the annotation's default, which is not read. */
    static Violation annotationDefaultsUnknown(String name, String type, String on, List<String> expected,
                                               List<String> defaulted, Location at) {
        String values = String.join(", ", expected);
        return Violation.unverified(Context.CLASS, name).expected("@" + type + "(" + values + ")")
                .found("@" + type + "(" + String.join(", ", defaulted.stream().map(k -> k + " = <default>").toList())
                        + ")")
                .message("whether " + on + " has " + values + " is unknown: the value is the annotation's default,"
                        + " which ImportSpy cannot read yet")
                .fix(Fixes.orRemoveFrom("write " + values + " explicitly on @" + type + " of " + name,
                        Texts.list(defaulted), "its values"))
                .at(at);
    }

    /** The fix for an ambiguous dotted name: the binary name of the nested reading (or of the last one). */
    private static String binaryNameFix(List<String> classes) {
        String nested = classes.stream().filter(n -> n.indexOf('$') >= 0).findFirst()
                .orElse(classes.get(classes.size() - 1));
        return "write the binary name in the contract (" + nested + " for the nested class), or rename one of them";
    }
}
