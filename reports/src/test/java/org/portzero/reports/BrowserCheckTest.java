package org.portzero.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portzero.reports.allure.AllureReport;
import org.portzero.reports.allure.AllureCommandline;
import org.portzero.reports.matrix.Matrix;
import org.portzero.reports.matrix.MatrixHtml;
import org.portzero.reports.run.PlatformRun;

/**
 * Renders matrix.html (from a file URL, offline) and the Allure report (served over HTTP from
 * 127.0.0.1, as it fetches its JSON) in headless Chromium; asserts on the rendered DOM and saves
 * screenshots under {@code target/portzero/screenshots/}. Skipped, saying so, without
 * {@code /usr/bin/chromium} (Debian's {@code chromium} package).
 */
class BrowserCheckTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path OUT = Path.of("target/browser-check").toAbsolutePath();
    private static final Path SHOTS = Path.of(System.getProperty("portzero.screenshots", "target/portzero/screenshots"));
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
        Files.writeString(OUT.resolve("matrix.html"), MatrixHtml.render(Matrix.of(RUNS, java.time.Instant.now()), RUNS));
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
    void allure_report_shows_each_platform_as_its_own_suite() throws Exception {
        HttpServer server = serve(OUT.resolve("allure-report"));
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/index.html";
            String overview = chromium("--virtual-time-budget=15000", "--dump-dom", base);
            assertThat(overview).contains("class=\"splash__title\">34</div>");
            String suites = chromium("--virtual-time-budget=15000", "--dump-dom", base + "#suites");
            assertThat(suites).contains("k618-jdk17", "k618-jdk25", "k61-jdk17", "truncated");
            chromium("--virtual-time-budget=15000", "--screenshot=" + SHOTS.resolve("allure-overview.png"), base);
            chromium("--virtual-time-budget=15000", "--screenshot=" + SHOTS.resolve("allure-suites.png"), base + "#suites");
            assertThat(SHOTS.resolve("allure-suites.png")).isNotEmptyFile();
        } finally {
            server.stop(0);
        }
    }

    private static HttpServer serve(Path root) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> types = Map.of("html", "text/html", "js", "application/javascript", "css", "text/css",
                "json", "application/json", "svg", "image/svg+xml", "ico", "image/x-icon", "txt", "text/plain");
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Path file = root.resolve(path.substring(1)).normalize();
            byte[] body;
            int status = 200;
            if (file.startsWith(root) && Files.isRegularFile(file)) {
                body = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                exchange.getResponseHeaders().set("Content-Type",
                        types.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
            } else {
                body = "not found".getBytes(StandardCharsets.UTF_8);
                status = 404;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
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
