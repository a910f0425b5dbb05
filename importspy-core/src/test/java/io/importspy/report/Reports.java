package io.importspy.report;

import io.importspy.contract.Location;
import io.importspy.validate.Category;
import io.importspy.validate.Context;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;

import java.util.List;
import java.util.Optional;

/** Hand-built reports for the renderer tests. */
final class Reports {
    private Reports() {
    }

    static Violation missingMethod() {
        return new Violation(Category.MISSING, Context.METHOD, "com.acme.Plugin#init(Context)",
                "method init(Context)", "<absent>", "class com.acme.Plugin lacks method init(Context)",
                "add init(Context) to com.acme.Plugin, or remove it from the contract",
                new Location("spymodel.yml", 14, 5));
    }

    static Violation unverifiedParameterName() {
        return new Violation(Category.UNVERIFIED, Context.METHOD, "com.acme.Plugin#start(String)",
                "parameter name 'who'", "<no names in bytecode>",
                "the parameter names of com.acme.Plugin#start(String) are not in the class file",
                "compile the module with -parameters, or drop the name from the contract",
                new Location("spymodel.yml", 20, 9));
    }

    static Violation wrongOs() {
        return new Violation(Category.INVALID, Context.RUNTIME, "os", "one of [linux, macos]", "windows",
                "the operating system windows is not allowed", "run on linux or macos, or add windows to the contract",
                new Location("spymodel.yml", 30, 9));
    }

    static TargetReport compliantTarget() {
        return new TargetReport("libs/greeter-1.2.0.jar", Optional.of("com.acme.greeter"), Optional.of("1.2.0"),
                List.of(), 0);
    }

    static TargetReport failingTarget() {
        return new TargetReport("plugin.jar", Optional.of("com.acme.plugin"), Optional.empty(),
                List.of(missingMethod(), unverifiedParameterName(), wrongOs()), 3);
    }

    static Report twoTargets(Strictness strictness) {
        return new Report("spymodel.yml", List.of(compliantTarget(), failingTarget()), strictness);
    }
}
