package org.portzero.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portzero.reports.allure.AllureReport;
import org.portzero.reports.allure.AllureCommandline;
import org.portzero.reports.diff.BaselineDiff;
import org.portzero.reports.matrix.Matrix;
import org.portzero.reports.matrix.MatrixJson;
import org.portzero.reports.matrix.MatrixHtml;
import org.portzero.reports.run.PlatformRun;

/**
 * Renders matrix.html (with and without a baseline diff) and the single-file Allure report in
 * headless Chromium, both from {@code file://} URLs, offline, as a downloaded CI artifact is opened;
 * asserts on the rendered DOM and saves screenshots under {@code target/portzero/screenshots/}.
 * Skipped, saying so, without {@code /usr/bin/chromium} (Debian's {@code chromium} package).
 */
class BrowserCheckTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path OUT = Path.of("target/browser-check").toAbsolutePath();
    private static final Path SHOTS = Path.of(System.getProperty("portzero.screenshots", "target/portzero/screenshots"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FLIPPED = "connect0.udp4_loopback_send_libc.refused_by_kernel";
    private static final List<PlatformRun> RUNS = FixtureRuns.read(
            FixtureRuns.K618_JDK17, FixtureRuns.K618_JDK25, FixtureRuns.K61_JDK17, FixtureRuns.TRUNCATED);

    @BeforeAll
    static void reports() throws Exception {
        String missing = "no " + CHROMIUM + ": install Debian's chromium package to run the browser check";
        if ("true".equals(System.getenv("CI"))) {
            // CI installs chromium (.ci/run): a missing browser there is a fault, not a reason to skip.
            org.junit.jupiter.api.Assertions.assertTrue(Files.isExecutable(CHROMIUM), missing);
        }
        assumeTrue(Files.isExecutable(CHROMIUM), missing);
        Files.createDirectories(OUT);
        Files.createDirectories(SHOTS);
        Matrix matrix = Matrix.of(RUNS, java.time.Instant.now());
        Files.writeString(OUT.resolve("matrix.html"), MatrixHtml.render(matrix, RUNS));
        // A baseline where one cell was a pass: the current matrix marks it newly failing.
        MatrixJson.write(matrix, OUT.resolve("baseline.json"));
        ObjectNode baseline = (ObjectNode) JSON.readTree(OUT.resolve("baseline.json").toFile());
        for (JsonNode row : baseline.path("rows")) {
            if (row.path("id").asText().equals(FLIPPED)) {
                ((ObjectNode) row.path("cells").path(FixtureRuns.K61_JDK17)).put("verdict", "pass").put("outcome", "EINVAL");
            }
        }
        JSON.writeValue(OUT.resolve("baseline.json").toFile(), baseline);
        Files.writeString(OUT.resolve("matrix-diff.html"), MatrixHtml.render(matrix, RUNS,
                Optional.of(BaselineDiff.between(MatrixJson.read(OUT.resolve("baseline.json")), matrix).marks())));
        AllureReport.write(RUNS, OUT, AllureCommandline.locate(System.getProperty("portzero.allure.home", ""),
                OUT.resolve(".allure-commandline")));
    }

    @Test
    void matrix_shows_every_platform_and_a_known_cell_offline() throws Exception {
        String url = OUT.resolve("matrix.html").toUri().toString();
        String dom = chromium("--dump-dom", url + "?open=k618-jdk25/connect0.udp4_loopback_connect_socket.refused_by_jdk");
        assertThat(dom).contains("data-platform=\"k618-jdk17\"", "data-platform=\"k618-jdk25\"",
                "data-platform=\"k61-jdk17\"", "data-platform=\"truncated\"");
        assertThat(dom).contains("kernel 6.1.0-28-cloud-amd64", "Eclipse Adoptium 25.0.3");
        assertThat(dom).contains("<b>fail</b> sendto -&gt; 0 (sent)");
        assertThat(dom).as("the opened cell's dialog lists its socket calls")
                .contains("<dialog id=\"cell\" open=\"\"", "connect0.udp4_loopback_connect_socket.refused_by_jdk on k618-jdk25",
                        "Can't connect to port 0");
        assertThat(dom).contains("rows shown");
        chromium("--screenshot=" + SHOTS.resolve("matrix.png"), url);
        chromium("--screenshot=" + SHOTS.resolve("matrix-disagree.png"), url + "?disagree=1");
        chromium("--screenshot=" + SHOTS.resolve("matrix-cell.png"),
                url + "?open=k61-jdk17/connect0.udp4_loopback_send_libc.refused_by_kernel");
        assertThat(SHOTS.resolve("matrix.png")).isNotEmptyFile();
    }

    @Test
    void matrix_marks_the_cells_changed_since_the_baseline_and_filters_to_their_rows() throws Exception {
        String url = OUT.resolve("matrix-diff.html").toUri().toString();
        String dom = chromium("--dump-dom", url + "?changed=1");
        assertThat(dom).contains("<input type=\"checkbox\" id=\"only-changed\">", "1 cell changed since the baseline");
        assertThat(dom).as("the filter, set from the URL, leaves the one changed row").contains("1 rows shown");
        assertThat(dom).contains("data-change=\"newly_failing\" data-platform=\"k61-jdk17\"",
                "<span class=\"delta\">newly_failing, was pass</span>");
        chromium("--screenshot=" + SHOTS.resolve("matrix-changed.png"), url + "?changed=1");
        assertThat(SHOTS.resolve("matrix-changed.png")).isNotEmptyFile();
    }

    @Test
    void allure_report_opens_from_a_file_url_and_shows_each_platform_as_its_own_suite() throws Exception {
        String base = OUT.resolve("allure-report/index.html").toUri().toString();
        String overview = chromium("--virtual-time-budget=15000", "--dump-dom", base);
        assertThat(overview).as("the overview rendered from file://, not stuck on 'Loading'")
                .contains("class=\"splash__title\">34</div>");
        String suites = chromium("--virtual-time-budget=15000", "--dump-dom", base + "#suites");
        assertThat(suites).contains("k618-jdk17", "k618-jdk25", "k61-jdk17", "truncated");
        chromium("--virtual-time-budget=15000", "--screenshot=" + SHOTS.resolve("allure-overview.png"), base);
        chromium("--virtual-time-budget=15000", "--screenshot=" + SHOTS.resolve("allure-suites.png"), base + "#suites");
        assertThat(SHOTS.resolve("allure-suites.png")).isNotEmptyFile();
    }

    /** Runs headless Chromium with a fresh profile; returns what it printed on stdout (the DOM). */
    private static String chromium(String... args) throws Exception {
        Path profile = Files.createTempDirectory("portzero-chromium");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=1400,900"));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile("portzero-chromium", ".out");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s: " + command);
        }
        assertThat(p.exitValue()).as("chromium exit for %s", command).isZero();
        String out = Files.readString(stdout);
        Files.delete(stdout);
        try (var walk = Files.walk(profile)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        return out;
    }
}
