package org.portzero.reports.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.model.CheckId;
import org.portzero.model.Gate;
import org.portzero.model.RecordedResult;
import org.portzero.model.Verdict;
import org.portzero.reports.FixtureRuns;
import org.portzero.reports.ReportGate;
import org.portzero.reports.run.PlatformRun;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** JUnit XML per platform: names, classnames, and a red test case exactly where the gate fails. */
class JUnitReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_test_case_is_red_exactly_when_its_verdict_fails_the_gate() {
        for (Verdict v : Verdict.values()) {
            assertThat(JUnitStatus.of(v).red()).as("JUnit status of %s", v).isEqualTo(v.failsTheGate());
        }
        assertThat(JUnitStatus.of(Verdict.SKIP)).isEqualTo(JUnitStatus.SKIPPED);
        assertThat(Arrays.stream(Verdict.values()).filter(v -> JUnitStatus.of(v) == JUnitStatus.SKIPPED))
                .as("only a check that judged nothing is skipped").containsExactly(Verdict.SKIP);
    }

    @Test
    void fixture_runs_give_one_file_per_platform_named_by_platform_and_check(@TempDir Path out) throws Exception {
        List<PlatformRun> runs = FixtureRuns.read(FixtureRuns.K618_JDK17, FixtureRuns.K61_JDK17, FixtureRuns.TRUNCATED);
        List<Gate.Platform> platforms = ReportGate.platforms(runs, List.of());
        List<Path> files = JUnitReport.write(platforms, out);

        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactly("TEST-k618-jdk17.xml", "TEST-k61-jdk17.xml", "TEST-truncated.xml");
        Document k61 = parse(out.resolve("TEST-k61-jdk17.xml"));
        Element suite = k61.getDocumentElement();
        assertThat(suite.getAttribute("name")).isEqualTo("k61-jdk17");
        assertThat(suite.getAttribute("tests")).isEqualTo("11");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        Element send = testCase(k61, "k61-jdk17 › connect0.udp4_loopback_send_libc.refused_by_kernel");
        assertThat(send.getAttribute("classname")).isEqualTo("portzero.connect0");
        assertThat(send.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(((Element) send.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .contains("sendto(127.0.0.1:0) was accepted by the kernel");
        Element xfail = testCase(k61, "k61-jdk17 › wildcard.tcp4_wildcard_socket.kernel_reports_family_wildcard");
        assertThat(xfail.getAttribute("classname")).isEqualTo("portzero.wildcard");
        assertThat(children(xfail)).as("xfail is green").doesNotContain("failure", "error", "skipped");
        assertThat(xfail.getElementsByTagName("system-out").item(0).getTextContent()).startsWith("xfail: known deviation");

        Document truncated = parse(out.resolve("TEST-truncated.xml"));
        Element platformRun = testCase(truncated, "truncated › platform run");
        assertThat(platformRun.getAttribute("classname")).isEqualTo(JUnitReport.PLATFORM_CLASS);
        assertThat(((Element) platformRun.getElementsByTagName("error").item(0)).getAttribute("message"))
                .contains("observations.json truncated");

        int red = 0;
        for (Path f : files) {
            Document d = parse(f);
            red += d.getElementsByTagName("failure").getLength() + d.getElementsByTagName("error").getLength();
        }
        assertThat(red).as("red test cases = the gate's failures").isEqualTo(Gate.of(platforms).failures().size());
    }

    @Test
    void every_verdict_maps_as_documented(@TempDir Path out) throws Exception {
        List<RecordedResult> results = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            ObjectNode json = JSON.createObjectNode().put("verdict", v.id()).put("layer", "libc")
                    .put("variant", "tcp4_loopback_libc").put("observed", "observed " + v.id())
                    .put("message", "message of " + v.id() + "\u0001").put("reason", "a known deviation")
                    .put("link", "https://example.org/bug").put("durationMillis", 1234);
            results.add(new RecordedResult(CheckId.parse("bind0.tcp4_loopback_libc." + v.id() + "_check"), v, json));
        }
        JUnitReport.write(List.of(new Gate.Platform("p", Optional.empty(), results)), out);
        Document d = parse(out.resolve("TEST-p.xml"));
        assertThat(d.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(d.getDocumentElement().getAttribute("errors")).isEqualTo("1");
        assertThat(d.getDocumentElement().getAttribute("skipped")).isEqualTo("1");
        assertThat(children(testCase(d, "p › bind0.tcp4_loopback_libc.pass_check"))).containsExactly("properties");
        assertThat(children(testCase(d, "p › bind0.tcp4_loopback_libc.fail_check"))).contains("failure");
        assertThat(children(testCase(d, "p › bind0.tcp4_loopback_libc.broken_check"))).contains("error");
        assertThat(children(testCase(d, "p › bind0.tcp4_loopback_libc.skip_check"))).contains("skipped");
        assertThat(children(testCase(d, "p › bind0.tcp4_loopback_libc.flaky_check")))
                .contains("flakyFailure", "system-out").doesNotContain("failure", "error", "skipped");
        assertThat(children(testCase(d, "p › bind0.tcp4_loopback_libc.xpass_check")))
                .containsExactly("properties", "system-out");
        assertThat(testCase(d, "p › bind0.tcp4_loopback_libc.xpass_check").getTextContent())
                .contains("xpass: a known deviation did not happen");
        assertThat(testCase(d, "p › bind0.tcp4_loopback_libc.pass_check").getAttribute("time")).isEqualTo("1.234");
        assertThat(testCase(d, "p › bind0.tcp4_loopback_libc.fail_check").getTextContent())
                .as("a character XML cannot hold is replaced, not written").contains("message of fail\uFFFD");
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static Element testCase(Document d, String name) {
        NodeList cases = d.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no test case " + name);
    }

    private static List<String> children(Element e) {
        List<String> names = new ArrayList<>();
        for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                names.add(child.getTagName());
            }
        }
        return names;
    }
}
