package io.importspy.report;

import io.importspy.API;
import io.importspy.validate.Category;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;

import java.util.List;

import static io.importspy.API.Status.STABLE;

/**
 * Renders a {@link Report} as JUnit XML (the Ant/Surefire format), for the test tabs of CI servers.
 *
 * <pre>
 * &lt;testsuites name="importspy" tests="2" failures="1" errors="0" skipped="0"&gt;
 *   &lt;testsuite name="importspy: plugin.jar" tests="1" failures="1" errors="0" skipped="0" time="0"&gt;
 *     &lt;testcase classname="importspy.com.acme.plugin.method" name="com.acme.Plugin#init(Context) (method)" time="0"&gt;
 *       &lt;failure type="missing" message="class com.acme.Plugin lacks method init(Context)"&gt;expected: ...
 * </pre>
 *
 * <p>One test suite per target, one test case per violation, named by subject and context. Its
 * {@code classname} is dotted, {@code importspy.<target>.<context>}, where {@code <target>} is the target's
 * {@linkplain TargetReport#identity() identity} (its module name, {@code :} and characters outside Java names
 * made dots and underscores), so that test tabs, which read the part before the last dot as a package, group
 * a target's violations under one package and one class per context. Unverified checks are skipped test
 * cases unless the report is strict, where they fail. A compliant target also gets one passing test case,
 * {@code contract satisfied} (class {@code importspy.<target>.contract}), so the tab shows it. With a baseline,
 * each violation it suppresses is a skipped test case whose message gives the justification, and its stale
 * entries are a suite of their own ({@code importspy: baseline FILE}, class {@code importspy.baseline}): skipped,
 * or failures of type {@code stale} when strict.
 */
@API(status = STABLE, since = "0.1.0")
public final class JUnitReport {
    static final String SATISFIED = "contract satisfied";

    private final Report report;
    private final StringBuilder xml = new StringBuilder();

    private JUnitReport(Report report) {
        this.report = report;
    }

    /** The report as a JUnit XML document, UTF-8, indented with two spaces, ending with a newline. */
    public static String render(Report report) {
        return new JUnitReport(report).renderReport();
    }

    private String renderReport() {
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (TargetReport target : report.targets()) {
            tests += tests(target);
            failures += failures(target);
            skipped += skipped(target);
        }
        List<Report.Stale> stale = report.baseline().map(Report.Baseline::stale).orElse(List.of());
        boolean staleFails = report.strictness() == Strictness.STRICT;
        tests += stale.size();
        failures += staleFails ? stale.size() : 0;
        skipped += staleFails ? 0 : stale.size();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"importspy\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"").append(skipped).append("\">\n");
        for (TargetReport target : report.targets()) {
            suite(target);
        }
        if (!stale.isEmpty()) {
            staleSuite(report.baseline().get(), staleFails);
        }
        return xml.append("</testsuites>\n").toString();
    }

    private void suite(TargetReport target) {
        xml.append("  <testsuite name=\"").append(XmlText.attribute("importspy: " + target.target()))
                .append("\" tests=\"").append(tests(target)).append("\" failures=\"").append(failures(target))
                .append("\" errors=\"0\" skipped=\"").append(skipped(target)).append("\" time=\"0\">\n");
        if (target.moduleName().isPresent() || target.moduleVersion().isPresent()) {
            xml.append("    <properties>\n");
            target.moduleName().ifPresent(name -> property("module.name", name));
            target.moduleVersion().ifPresent(version -> property("module.version", version));
            xml.append("    </properties>\n");
        }
        for (Violation violation : target.violations()) {
            testCase(target, violation);
        }
        for (TargetReport.Suppressed suppressed : target.suppressed()) {
            Violation violation = suppressed.violation();
            xml.append("    <testcase classname=\"").append(XmlText.attribute(className(target,
                            violation.context().label())))
                    .append("\" name=\"").append(XmlText.attribute(violation.subject() + " ("
                            + violation.context().label() + ")")).append("\" time=\"0\">\n");
            xml.append("      <skipped message=\"").append(XmlText.attribute("suppressed by the baseline: "
                    + suppressed.justification())).append("\">");
            xml.append(XmlText.content(violation.category().label() + ": " + violation.message() + "\n"
                    + details(target, violation) + "\nbaseline: " + suppressed.entry()));
            xml.append("</skipped>\n");
            xml.append("    </testcase>\n");
        }
        if (target.isCompliant(report.strictness())) {
            xml.append("    <testcase classname=\"").append(XmlText.attribute(className(target, "contract")))
                    .append("\" name=\"").append(SATISFIED).append("\" time=\"0\"/>\n");
        }
        xml.append("  </testsuite>\n");
    }

    private void property(String name, String value) {
        xml.append("      <property name=\"").append(name).append("\" value=\"").append(XmlText.attribute(value))
                .append("\"/>\n");
    }

    private void testCase(TargetReport target, Violation violation) {
        String element = violation.fails(report.strictness()) ? "failure" : "skipped";
        xml.append("    <testcase classname=\"").append(XmlText.attribute(className(target,
                        violation.context().label())))
                .append("\" name=\"").append(XmlText.attribute(violation.subject() + " ("
                        + violation.context().label() + ")"))
                .append("\" time=\"0\">\n");
        xml.append("      <").append(element);
        if (element.equals("failure")) {
            xml.append(" type=\"").append(violation.category().label()).append('"');
        }
        xml.append(" message=\"").append(XmlText.attribute(violation.message())).append("\">");
        xml.append(XmlText.content(details(target, violation)));
        xml.append("</").append(element).append(">\n");
        xml.append("    </testcase>\n");
    }

    /** {@code importspy.<target identity>.<last>}, each part of the identity a dotted name of Java letters. */
    static String className(TargetReport target, String last) {
        StringBuilder name = new StringBuilder("importspy.");
        for (String part : target.identity().split("[.:/\\\\]")) {
            if (part.isEmpty()) {
                continue;
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                boolean keep = Character.isJavaIdentifierPart(c) && !Character.isIdentifierIgnorable(c) || c == '-';
                name.append(keep ? c : '_');
            }
            name.append('.');
        }
        return name.append(last).toString();
    }

    /** The body of a failure or skip: expected, found, fix and location, one per line. */
    private static String details(TargetReport target, Violation violation) {
        StringBuilder text = new StringBuilder();
        text.append("expected: ").append(violation.expected()).append('\n');
        text.append("found: ").append(violation.found()).append('\n');
        text.append("fix: ").append(violation.solution()).append('\n');
        text.append("location: ").append(violation.location());
        if (target.deploymentsTried() > 1 && Contexts.of(violation.context()).deployment()) {
            text.append('\n').append("note: no deployment matched; tried ").append(target.deploymentsTried())
                    .append(" entries, showing the closest");
        }
        return text.toString();
    }

    /** One suite for the baseline's stale entries: skipped test cases, or failures when strict. */
    private void staleSuite(Report.Baseline baseline, boolean fail) {
        int count = baseline.stale().size();
        xml.append("  <testsuite name=\"").append(XmlText.attribute("importspy: baseline " + baseline.file()))
                .append("\" tests=\"").append(count).append("\" failures=\"").append(fail ? count : 0)
                .append("\" errors=\"0\" skipped=\"").append(fail ? 0 : count).append("\" time=\"0\">\n");
        for (Report.Stale stale : baseline.stale()) {
            String element = fail ? "failure" : "skipped";
            xml.append("    <testcase classname=\"importspy.baseline\" name=\"").append(XmlText.attribute(
                    stale.target() + ": " + stale.category().label() + " " + stale.context().label() + " "
                            + stale.subject())).append("\" time=\"0\">\n");
            xml.append("      <").append(element).append(fail ? " type=\"stale\"" : "").append(" message=\"")
                    .append("stale baseline entry: it matches no violation\">");
            xml.append(XmlText.content("expected: " + stale.expected() + "\njustification: " + stale.justification()
                    + "\nfix: remove the entry from the baseline\nlocation: " + stale.location()));
            xml.append("</").append(element).append(">\n");
            xml.append("    </testcase>\n");
        }
        xml.append("  </testsuite>\n");
    }

    private int tests(TargetReport target) {
        return target.violations().size() + target.suppressed().size()
                + (target.isCompliant(report.strictness()) ? 1 : 0);
    }

    private int failures(TargetReport target) {
        return (int) target.violations().stream().filter(v -> v.fails(report.strictness())).count();
    }

    private int skipped(TargetReport target) {
        return target.suppressed().size() + (int) target.violations().stream()
                .filter(v -> v.category() == Category.UNVERIFIED && !v.fails(report.strictness())).count();
    }
}
