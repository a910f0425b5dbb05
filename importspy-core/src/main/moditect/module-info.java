/**
 * ImportSpy's core library: contracts, inspection, validation, reports and enforcement. Exports only the
 * packages users program against; the implementation ({@code io.importspy.internal.*}, with the bundled ASM
 * and SnakeYAML Engine) stays encapsulated.
 *
 * <p>ImportSpy's own tools use internal packages and get no qualified export: the command line and the agent
 * bundle this module's classes into their own JARs, and Maven runs the plugin on a class path, so none of them
 * reads this module through its descriptor. A tool that did (a named module on a module path) would need
 * {@code exports io.importspy.internal.x to that.module} here.
 */
module io.importspy.core {
    exports io.importspy;
    exports io.importspy.contract;
    exports io.importspy.inspect;
    exports io.importspy.java;
    exports io.importspy.validate;
    exports io.importspy.report;
    exports io.importspy.enforce;
    exports io.importspy.spi;

    uses io.importspy.spi.Extension;
}
