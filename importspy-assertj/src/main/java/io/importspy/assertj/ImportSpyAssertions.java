package io.importspy.assertj;

import org.assertj.core.api.Assertions;

import java.nio.file.Path;

/**
 * The entry point of ImportSpy's AssertJ assertions; it extends AssertJ's {@link Assertions}, so one static
 * import gives both, without ambiguity:
 *
 * <pre>{@code
 * import static io.importspy.assertj.ImportSpyAssertions.assertThat;
 *
 * @Test
 * void the_plugin_meets_the_host_contract() {
 *     assertThat(Path.of("target/greeter-1.2.0.jar"))
 *             .withClasspath(Path.of("libs/greeter-api-1.0.jar"))
 *             .strictly()
 *             .compliesWith(Path.of("src/test/resources/spymodel.yml"));
 * }
 * }</pre>
 *
 * <p>Import this class's {@code assertThat} instead of AssertJ's, not beside it: two static imports of
 * {@code assertThat(Path)} are ambiguous to the compiler.
 */
public class ImportSpyAssertions extends Assertions {
    /** For subclasses that add assertions of their own, as AssertJ's entry points allow. */
    protected ImportSpyAssertions() {
    }

    /**
     * Assertions on a module (a JAR or a class directory): ImportSpy's {@code compliesWith} and all of
     * AssertJ's assertions on paths.
     */
    public static ModuleAssert assertThat(Path module) {
        return new ModuleAssert(module);
    }
}
