package io.importspy.assertj;

import io.importspy.RuntimeSource;
import io.importspy.Spy;
import io.importspy.ValidationOptions;
import io.importspy.contract.SpyModel;
import io.importspy.report.TextReport;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import org.assertj.core.api.AbstractPathAssert;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Assertions on a module, a JAR or a class directory, against an import contract; a failure's message is
 * ImportSpy's text report, every violation with its contract line. The options ({@link #withClasspath},
 * {@link #strictly}, {@link #withRuntime}) apply to the {@code compliesWith} calls after them; by default
 * there is no class path, unverified checks are warnings, and deployments are checked against the JVM that
 * runs the test.
 *
 * <p>A contract that cannot be read or is invalid, or a module that cannot be read, is no assertion failure:
 * the call throws ImportSpy's exception for it ({@code ContractException}, {@code InspectionException}),
 * which names the file and, for a contract, the line.
 */
public class ModuleAssert extends AbstractPathAssert<ModuleAssert> {
    private ValidationOptions options = ValidationOptions.defaults();

    /** Assertions on {@code module}; {@link ImportSpyAssertions#assertThat(Path)} makes them. */
    protected ModuleAssert(Path module) {
        super(module, ModuleAssert.class);
    }

    /** Libraries beside the module: supertypes are resolved from them, and deployments may require them. */
    public ModuleAssert withClasspath(Path... entries) {
        return withClasspath(List.of(entries));
    }

    /** Libraries beside the module; see {@link #withClasspath(Path...)}. */
    public ModuleAssert withClasspath(List<Path> entries) {
        options = options.withClasspath(entries);
        return myself;
    }

    /** Unverified checks (a supertype not found, parameter names not in the bytecode) fail too. */
    public ModuleAssert strictly() {
        options = options.withStrictness(Strictness.STRICT);
        return myself;
    }

    /** The runtime deployments are checked against: {@link RuntimeSource#current()} by default. */
    public ModuleAssert withRuntime(RuntimeSource runtime) {
        options = options.withRuntime(Objects.requireNonNull(runtime, "runtime"));
        return myself;
    }

    /** Verifies that the module satisfies the contract in {@code contractFile}. */
    public ModuleAssert compliesWith(Path contractFile) {
        return compliesWith(Spy.contract(Objects.requireNonNull(contractFile, "contractFile")));
    }

    /**
     * Verifies that the module satisfies {@code contract}, e.g. one a host publishes:
     * {@code compliesWith(Spy.publishedContract(apiJar, "META-INF/importspy/greeter.yml"))}.
     */
    public ModuleAssert compliesWith(SpyModel contract) {
        Report report = validate(contract);
        if (!report.isCompliant()) {
            failWithMessage(escape(TextReport.render(report)));
        }
        return myself;
    }

    /** Verifies that the module violates the contract in {@code contractFile}: a host's test of a rogue plugin. */
    public ModuleAssert doesNotComplyWith(Path contractFile) {
        return doesNotComplyWith(Spy.contract(Objects.requireNonNull(contractFile, "contractFile")));
    }

    /** Verifies that the module violates {@code contract}. */
    public ModuleAssert doesNotComplyWith(SpyModel contract) {
        Report report = validate(contract);
        if (report.isCompliant()) {
            failWithMessage(escape("Expected " + actual + " to violate " + report.contract()
                    + ", but it complies:\n" + TextReport.render(report)));
        }
        return myself;
    }

    private Report validate(SpyModel contract) {
        Objects.requireNonNull(contract, "contract");
        isNotNull();
        return Spy.validate(contract, options, List.of(actual));
    }

    /** AssertJ formats failure messages with {@link String#format}: a report's {@code %} must stay as it is. */
    private static String escape(String message) {
        return message.replace("%", "%%");
    }
}
