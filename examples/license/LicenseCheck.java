import io.importspy.Spy;
import io.importspy.contract.SpyModel;
import io.importspy.report.TextReport;
import io.importspy.validate.Report;

import java.nio.file.Path;

/**
 * A host that uses ImportSpy as a library: the licence extension is on its class path beside ImportSpy, so
 * Spy.contract finds the x-license section's owner with ServiceLoader. Run from the repository's root:
 *
 *   java -cp importspy-core/target/importspy-core-0.1.0-SNAPSHOT.jar:examples/license/extension/target/license-extension-1.0.0.jar \
 *       examples/license/LicenseCheck.java examples/license/license.yml examples/license/extension/target/modules/postgresql.jar
 */
public final class LicenseCheck {
    public static void main(String[] args) {
        SpyModel contract = Spy.contract(Path.of(args[0]));
        Report report = Spy.validate(Path.of(args[1]), contract);
        System.out.print(TextReport.render(report));
        System.exit(report.isCompliant() ? 0 : 1);
    }
}
