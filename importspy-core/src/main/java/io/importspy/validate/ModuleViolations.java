package io.importspy.validate;

import io.importspy.contract.Location;

import java.util.List;

/** The wording of the {@code module:} violations: one factory per way a module's identity or content fails. */
final class ModuleViolations {
    private ModuleViolations() {
    }

    static Violation filenameMismatch(String glob, String fileName, Location at) {
        return Violation.mismatch(Context.MODULE, "module.filename").expected(glob).found(fileName)
                .message("module file " + fileName + " does not match " + glob)
                .fix(Fixes.orChange("rename the module file to match " + glob, "module.filename")).at(at);
    }

    /**
     * A resource Java {@code java} (the one the module was read for) is not served; {@code newer}: the version
     * directories of newer Javas that hold it.
     */
    static Violation resourceMissing(String entry, List<Integer> newer, int java, Location at) {
        return Violation.missing(Context.MODULE, "resource " + entry).expected(entry)
                .message("module lacks resource " + entry + (newer.isEmpty() ? "" : " (only META-INF/versions/"
                        + newer.get(0) + "/ holds it, which Java " + newer.get(0) + " and later are served; this is Java "
                        + java + ")"))
                .fix(Fixes.orRemoveFrom("add " + entry + " to the module", "it", "module.resources")).at(at);
    }

    static Violation nameMissing(String name, Location at) {
        return Violation.missing(Context.MODULE, "module").expected(name).found(Texts.NONE)
                .message("module declares no name, so it cannot be " + name).fix(nameFix(name)).at(at);
    }

    static Violation nameMismatch(String name, List<String> names, Location at) {
        return Violation.mismatch(Context.MODULE, "module").expected(name).found(Texts.list(names))
                .message("module is not named " + name + "; its names are " + Texts.list(names))
                .fix(nameFix(name)).at(at);
    }

    private static String nameFix(String name) {
        return Fixes.orChange("set Automatic-Module-Name (or the module-info name) to " + name, "module.name");
    }

    static Violation versionMissing(String expected, Location at) {
        return Violation.missing(Context.MODULE, "module.version").expected(expected).found(Texts.NONE)
                .message("module declares no version, so it cannot satisfy " + expected)
                .fix(Fixes.orRemove("declare a version (Implementation-Version or pom.properties)", "module.version"))
                .at(at);
    }

    /** {@code compared}: each version the module declares, with where, e.g. {@code 1.0 (pom.properties)}. */
    static Violation versionMismatch(String expected, List<String> compared, Location at) {
        String found = String.join(", ", compared);
        return Violation.mismatch(Context.MODULE, "module.version").expected(expected).found(found)
                .message(compared.size() == 1 ? "module version " + found + " does not satisfy " + expected
                        : "no version the module declares satisfies " + expected + ": " + found)
                .fix(Fixes.orChange("use a module version within " + expected, "module.version")).at(at);
    }

    static Violation manifestMissing(String attribute, String expected, Location at) {
        return Violation.missing(Context.MODULE, "manifest " + attribute).expected(expected)
                .message("module manifest lacks attribute " + attribute)
                .fix(Fixes.orRemoveFrom("add " + attribute + " to META-INF/MANIFEST.MF", "it", "module.manifest"))
                .at(at);
    }

    static Violation manifestMismatch(String attribute, String expected, String value, Location at) {
        String shown = "\"" + value + "\"";
        return Violation.mismatch(Context.MODULE, "manifest " + attribute).expected(expected).found(shown)
                .message("module manifest attribute " + attribute + " is " + shown + ", not " + expected)
                .fix(Fixes.orChange("set " + attribute + " to " + expected + " in META-INF/MANIFEST.MF",
                        "module.manifest"))
                .at(at);
    }

    static Violation serviceMissing(String service, List<String> providers, Location at) {
        return Violation.missing(Context.MODULE, "service " + service)
                .expected(providers.isEmpty() ? "a provider" : Texts.list(providers))
                .message("module provides no service " + service)
                .fix(Fixes.orRemove("list a provider in META-INF/services/" + service + " (or module-info provides)",
                        "the service"))
                .at(at);
    }

    static Violation providerMissing(String service, String provider, List<String> providers, Location at) {
        return Violation.missing(Context.MODULE, "service " + service).expected(provider).found(Texts.list(providers))
                .message("module does not provide " + service + " with " + provider)
                .fix(Fixes.orRemove("add " + provider + " to META-INF/services/" + service
                        + " (or module-info provides)"))
                .at(at);
    }
}
