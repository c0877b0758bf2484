package org.portzero.reports.junit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.portzero.model.Gate;
import org.portzero.model.RecordedResult;
import org.portzero.model.Verdict;

/**
 * JUnit XML for CI's test reporters (GitHub actions, GitLab's {@code artifacts:reports:junit},
 * Jenkins' {@code junit}): one {@code TEST-<platform>.xml} per platform in {@code <out>/junit/},
 * one {@code <testsuite>} named after the platform, one {@code <testcase>} per check named
 * {@code <platform> › <check id>} with classname {@code portzero.<family>}. Verdicts map as
 * {@link JUnitStatus} says, so a reporter is red exactly when the gate fails; a broken platform
 * adds one test case, {@code <platform> › platform run} (classname {@value #PLATFORM_CLASS}), in
 * error with the reason.
 */
public final class JUnitReport {

    /** Between the platform and the check id in a test case's name. */
    public static final String SEPARATOR = " › ";
    /** The classname of a broken platform's own test case. */
    public static final String PLATFORM_CLASS = "portzero.platform";

    private JUnitReport() {
    }

    /** The test case name: {@code debian13-jdk25 › unique.tcp4_loopback_nio.ports_distinct}. */
    public static String testName(String platform, String checkId) {
        return platform + SEPARATOR + checkId;
    }

    /** The classname of a check's test case: {@code portzero.<family>}. */
    public static String className(RecordedResult result) {
        return "portzero." + result.family().id();
    }

    /** Writes one file per platform into {@code dir}, replacing the {@code TEST-*.xml} an earlier report left. */
    public static List<Path> write(List<Gate.Platform> platforms, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path f : old.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
                Files.delete(f);
            }
        }
        List<Path> files = new java.util.ArrayList<>();
        for (Gate.Platform platform : platforms) {
            Path file = dir.resolve("TEST-" + platform.id() + ".xml");
            try (OutputStream out = Files.newOutputStream(file)) {
                suite(platform, out);
            } catch (XMLStreamException e) {
                throw new IOException("could not write " + file + ": " + e.getMessage(), e);
            }
            files.add(file);
        }
        return files;
    }

    static void suite(Gate.Platform platform, OutputStream out) throws XMLStreamException {
        List<RecordedResult> results = platform.results();
        long failures = results.stream().filter(r -> JUnitStatus.of(r.verdict()) == JUnitStatus.FAILURE).count();
        long errors = results.stream().filter(r -> JUnitStatus.of(r.verdict()) == JUnitStatus.ERROR).count()
                + (platform.broken().isPresent() ? 1 : 0);
        long skipped = results.stream().filter(r -> JUnitStatus.of(r.verdict()) == JUnitStatus.SKIPPED).count();
        long millis = results.stream().mapToLong(r -> r.json().path("durationMillis").asLong(0)).sum();

        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", platform.id());
        x.writeAttribute("tests", String.valueOf(results.size() + (platform.broken().isPresent() ? 1 : 0)));
        x.writeAttribute("failures", String.valueOf(failures));
        x.writeAttribute("errors", String.valueOf(errors));
        x.writeAttribute("skipped", String.valueOf(skipped));
        x.writeAttribute("time", seconds(millis));
        x.writeCharacters("\n");
        if (platform.broken().isPresent()) {
            x.writeStartElement("testcase");
            x.writeAttribute("name", testName(platform.id(), "platform run"));
            x.writeAttribute("classname", PLATFORM_CLASS);
            x.writeAttribute("time", "0");
            x.writeStartElement("error");
            x.writeAttribute("type", "broken platform");
            x.writeAttribute("message", text(firstLine(platform.broken().get())));
            x.writeCharacters(text(platform.broken().get()));
            x.writeEndElement();
            x.writeEndElement();
            x.writeCharacters("\n");
        }
        for (RecordedResult r : results) {
            testCase(x, platform.id(), r);
            x.writeCharacters("\n");
        }
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndDocument();
        x.close();
    }

    private static void testCase(XMLStreamWriter x, String platform, RecordedResult r) throws XMLStreamException {
        x.writeStartElement("testcase");
        x.writeAttribute("name", testName(platform, r.id().toString()));
        x.writeAttribute("classname", className(r));
        x.writeAttribute("time", seconds(r.json().path("durationMillis").asLong(0)));
        x.writeStartElement("properties");
        property(x, "verdict", r.verdict().id());
        property(x, "layer", r.layer());
        property(x, "variant", r.text("variant"));
        if (!r.text("seed").isEmpty()) {
            property(x, "seed", r.text("seed"));
        }
        x.writeEndElement();
        String detail = detail(r);
        switch (JUnitStatus.of(r.verdict())) {
            case FAILURE -> element(x, "failure", Verdict.FAIL.id(), r.message(), detail);
            case ERROR -> element(x, "error", Verdict.BROKEN.id(), r.message(), detail);
            case SKIPPED -> {
                x.writeStartElement("skipped");
                x.writeAttribute("message", text(Verdict.SKIP.labelled(firstLine(r.message()))));
                x.writeEndElement();
            }
            case PASSED_FLAKY -> element(x, "flakyFailure", Verdict.FLAKY.id(), r.message(), detail);
            case PASSED -> { }
        }
        if (r.verdict() != Verdict.PASS) {
            // The verdict by name, where every reporter shows a green test's output.
            x.writeStartElement("system-out");
            x.writeCharacters(text(r.verdict().labelled(summary(r)) + "\n" + detail));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    /** What the verdict means, in one line. */
    private static String summary(RecordedResult r) {
        return switch (r.verdict()) {
            case XFAIL -> "known deviation, as expected here: " + r.text("reason") + " " + r.text("link");
            case XPASS -> "a known deviation did not happen (its expectation may be out of date): "
                    + r.text("reason") + " " + r.text("link");
            case FLAKY -> "failed once, held when re-run (declared environment-sensitive; not gating)";
            case SKIP -> "precondition unmet: " + firstLine(r.message());
            case FAIL -> "behaviour deviation: " + firstLine(r.message());
            case BROKEN -> "harness fault: " + firstLine(r.message());
            case PASS -> "";
        };
    }

    private static String detail(RecordedResult r) {
        StringBuilder d = new StringBuilder();
        line(d, "observed", r.observed());
        line(d, "expected", r.text("expected"));
        line(d, "figures", r.figures());
        line(d, "message", r.message());
        line(d, "layer", r.layer());
        line(d, "seed", r.text("seed"));
        return d.toString();
    }

    private static void line(StringBuilder d, String name, String value) {
        if (value != null && !value.isBlank()) {
            d.append(name).append(": ").append(value).append('\n');
        }
    }

    private static void element(XMLStreamWriter x, String name, String type, String message, String body)
            throws XMLStreamException {
        x.writeStartElement(name);
        x.writeAttribute("type", type);
        x.writeAttribute("message", text(firstLine(message)));
        x.writeCharacters(text(body));
        x.writeEndElement();
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeEmptyElement("property");
        x.writeAttribute("name", name);
        x.writeAttribute("value", text(value));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** The text without the characters XML 1.0 cannot hold (a raw errno message may carry them). */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            out.appendCodePoint(allowed ? c : 0xFFFD);
        });
        return out.toString();
    }
}
