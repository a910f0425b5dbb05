package io.importspy.report;

import io.importspy.contract.Location;
import io.importspy.validate.Category;
import io.importspy.validate.Context;
import io.importspy.validate.Report;
import io.importspy.validate.Strictness;
import io.importspy.validate.TargetReport;
import io.importspy.validate.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JUnitReportTest {

    @Test
    void renders_a_suite_per_target_and_a_test_case_per_violation() {
        assertThat(JUnitReport.render(Reports.twoTargets(Strictness.LENIENT))).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="importspy" tests="4" failures="2" errors="0" skipped="1">
                  <testsuite name="importspy: libs/greeter-1.2.0.jar" tests="1" failures="0" errors="0" skipped="0" \
                time="0">
                    <properties>
                      <property name="module.name" value="com.acme.greeter"/>
                      <property name="module.version" value="1.2.0"/>
                    </properties>
                    <testcase classname="importspy.com.acme.greeter.contract" name="contract satisfied" time="0"/>
                  </testsuite>
                  <testsuite name="importspy: plugin.jar" tests="3" failures="2" errors="0" skipped="1" time="0">
                    <properties>
                      <property name="module.name" value="com.acme.plugin"/>
                    </properties>
                    <testcase classname="importspy.com.acme.plugin.method" name="com.acme.Plugin#init(Context) (method)" \
                time="0">
                      <failure type="missing" message="class com.acme.Plugin lacks method init(Context)">expected: \
                method init(Context)
                found: &lt;absent&gt;
                fix: add init(Context) to com.acme.Plugin, or remove it from the contract
                location: spymodel.yml:14:5</failure>
                    </testcase>
                    <testcase classname="importspy.com.acme.plugin.method" name="com.acme.Plugin#start(String) (method)" \
                time="0">
                      <skipped message="the parameter names of com.acme.Plugin#start(String) are not in the class \
                file">expected: parameter name 'who'
                found: &lt;no names in bytecode&gt;
                fix: compile the module with -parameters, or drop the name from the contract
                location: spymodel.yml:20:9</skipped>
                    </testcase>
                    <testcase classname="importspy.com.acme.plugin.runtime" name="os (runtime)" time="0">
                      <failure type="invalid" message="the operating system windows is not allowed">expected: \
                one of [linux, macos]
                found: windows
                fix: run on linux or macos, or add windows to the contract
                location: spymodel.yml:30:9
                note: no deployment matched; tried 3 entries, showing the closest</failure>
                    </testcase>
                  </testsuite>
                </testsuites>
                """);
    }

    @Test
    void an_empty_report_is_an_empty_well_formed_document() {
        Document xml = parse(JUnitReport.render(new Report("c.yml", List.of(), Strictness.LENIENT)));

        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("testsuites");
        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("0");
        assertThat(xml.getElementsByTagName("testsuite").getLength()).isZero();
    }

    @Nested
    class Strictness_of_unverified_checks {
        final TargetReport onlyUnverified = new TargetReport("a.jar", Optional.empty(), Optional.empty(),
                List.of(Reports.unverifiedParameterName()), 0);

        @Test
        void lenient_skips_them_and_the_target_still_passes() {
            Document xml = parse(JUnitReport.render(new Report("c.yml", List.of(onlyUnverified), Strictness.LENIENT)));

            Element suite = only(xml, "testsuite");
            assertThat(suite.getAttribute("tests")).isEqualTo("2");
            assertThat(suite.getAttribute("skipped")).isEqualTo("1");
            assertThat(suite.getAttribute("failures")).isEqualTo("0");
            assertThat(names(xml)).containsExactly("com.acme.Plugin#start(String) (method)", "contract satisfied");
            assertThat(only(xml, "skipped").getAttribute("message"))
                    .isEqualTo("the parameter names of com.acme.Plugin#start(String) are not in the class file");
            assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
        }

        @Test
        void strict_fails_them_with_type_unverified_and_no_passing_case() {
            Document xml = parse(JUnitReport.render(new Report("c.yml", List.of(onlyUnverified), Strictness.STRICT)));

            Element suite = only(xml, "testsuite");
            assertThat(suite.getAttribute("tests")).isEqualTo("1");
            assertThat(suite.getAttribute("skipped")).isEqualTo("0");
            assertThat(suite.getAttribute("failures")).isEqualTo("1");
            assertThat(names(xml)).containsExactly("com.acme.Plugin#start(String) (method)");
            assertThat(only(xml, "failure").getAttribute("type")).isEqualTo("unverified");
            assertThat(only(xml, "failure").getTextContent()).startsWith("expected: parameter name 'who'\n")
                    .endsWith("\nlocation: spymodel.yml:20:9");
            assertThat(xml.getElementsByTagName("skipped").getLength()).isZero();
        }
    }

    @Test
    void the_totals_of_the_document_add_up_the_suites() {
        Document xml = parse(JUnitReport.render(Reports.twoTargets(Strictness.STRICT)));

        Element root = xml.getDocumentElement();
        assertThat(root.getAttribute("tests")).isEqualTo("4");
        assertThat(root.getAttribute("failures")).isEqualTo("3");
        assertThat(root.getAttribute("skipped")).isEqualTo("0");
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(3);
    }

    @Nested
    class Class_names {
        private String className(String path, Optional<String> module, String context) {
            return JUnitReport.className(new TargetReport(path, module, Optional.empty(), List.of(), 0), context);
        }

        @Test
        void are_importspy_then_the_module_name_then_the_context() {
            assertThat(className("p.jar", Optional.of("com.acme.greeter"), "method"))
                    .isEqualTo("importspy.com.acme.greeter.method");
            assertThat(className("p.jar", Optional.of("com.acme:greeter-api"), "x-acme-license"))
                    .isEqualTo("importspy.com.acme.greeter-api.x-acme-license");
        }

        @Test
        void a_target_without_a_module_name_is_named_by_its_file_and_odd_characters_become_underscores() {
            assertThat(className("dir/greeter plugin.jar", Optional.empty(), "class"))
                    .isEqualTo("importspy.greeter_plugin.jar.class");
            assertThat(className("p.jar", Optional.of("a..b\u0000c/d"), "module")).isEqualTo("importspy.a.b_c.d.module");
        }
    }

    @Nested
    class Escaping {
        static final String HOSTILE = "\"q\" 'a' <b>&amp;</b> ]]> \u0000\u0001\u000b\u001f\u007f\u0085 \uFFFE "
                + "tab\tcr\rlf\n é \uD83D\uDE00 lone \uD800!";
        /** What a parser reads back: the characters XML 1.0 cannot carry are visible escapes, the rest intact. */
        static final String READ_BACK = "\"q\" 'a' <b>&amp;</b> ]]> \\u0000\\u0001\\u000b\\u001f\u007f\u0085 \\ufffe "
                + "tab\tcr\rlf\n é \uD83D\uDE00 lone \\ud800!";

        @Test
        void hostile_text_in_names_messages_and_bodies_is_well_formed_and_reads_back() {
            Violation violation = new Violation(Category.MISMATCH, Context.FIELD, "a.B#" + HOSTILE, HOSTILE, HOSTILE,
                    HOSTILE, HOSTILE, new Location("dir/" + HOSTILE + ".yml", 3, 7));
            TargetReport target = new TargetReport(HOSTILE + ".jar", Optional.of(HOSTILE), Optional.empty(),
                    List.of(violation), 0);

            String rendered = JUnitReport.render(new Report("c.yml", List.of(target), Strictness.LENIENT));
            Document xml = parse(rendered);

            assertThat(rendered).doesNotContain("]]>", "\u0000", "\u0001", "\uFFFE").contains("]]&gt;");
            assertThat(only(xml, "testsuite").getAttribute("name")).isEqualTo("importspy: " + READ_BACK + ".jar");
            assertThat(only(xml, "property").getAttribute("value")).isEqualTo(READ_BACK);
            Element testCase = only(xml, "testcase");
            assertThat(testCase.getAttribute("name")).isEqualTo("a.B#" + READ_BACK + " (field)");
            assertThat(testCase.getAttribute("classname")).matches("importspy(\\.[\\p{L}\\p{N}_$-]+)+\\.field")
                    .isEqualTo(JUnitReport.className(target, "field"));
            Element failure = only(xml, "failure");
            assertThat(failure.getAttribute("message")).isEqualTo(READ_BACK);
            assertThat(failure.getTextContent()).isEqualTo("expected: " + READ_BACK + "\nfound: " + READ_BACK
                    + "\nfix: " + READ_BACK + "\nlocation: dir/" + READ_BACK + ".yml:3:7");
        }

        @Test
        void markup_characters_become_entities() {
            assertThat(XmlText.attribute("a&b<c>d\"e'f\tg\nh\ri")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;i");
            assertThat(XmlText.content("a&b<c>d\"e'f\tg\nh\ri ]]>")).isEqualTo("a&amp;b&lt;c&gt;d\"e'f\tg\nh&#13;i ]]&gt;");
        }
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    private static Element only(Document xml, String tag) {
        NodeList nodes = xml.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as("number of <%s>", tag).isEqualTo(1);
        return (Element) nodes.item(0);
    }

    private static List<String> names(Document xml) {
        NodeList cases = xml.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        return names;
    }
}
