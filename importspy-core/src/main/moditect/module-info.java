/**
 * ImportSpy's core library: contracts, inspection, validation, reports and enforcement. Exports only the
 * packages users program against; the implementation ({@code io.importspy.internal.*}, with the bundled ASM
 * and SnakeYAML Engine) stays encapsulated.
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
