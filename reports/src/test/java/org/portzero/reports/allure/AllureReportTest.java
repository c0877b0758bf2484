package org.portzero.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.reports.FixtureRuns;
import org.portzero.reports.run.PlatformRun;

/** Generates real reports with allure-commandline 2.33.0 (unpacked by the build, or from ~/.m2). */
class AllureReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AllureCommandline allure(Path cache) throws Exception {
        return AllureCommandline.locate(System.getProperty("portzero.allure.home", ""), cache);
    }

    @Test
    void the_report_counts_every_platforms_results_and_carries_history(@TempDir Path out) throws Exception {
        List<PlatformRun> runs = FixtureRuns.read(FixtureRuns.K618_JDK17, FixtureRuns.K618_JDK25,
                FixtureRuns.K61_JDK17, FixtureRuns.TRUNCATED);
        AllureCommandline allure = allure(out.resolve("cache"));

        MergedAllureResults.Tally first = AllureReport.write(runs, out, allure);
        try (var files = Files.list(out.resolve("allure-report"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("one page that fetches nothing (opens from file://), and the history for the next report")
                    .containsExactlyInAnyOrder("index.html", "history");
        }
        Map<String, byte[]> report = SingleFileReport.files(out.resolve("allure-report/index.html"));
        JsonNode summary = JSON.readTree(report.get("widgets/summary.json"));
        assertThat(first.results()).isEqualTo(33);
        assertThat(summary.path("statistic").path("total").asInt())
                .as("33 results of three platforms + one broken 'platform run' for the truncated one")
                .isEqualTo(34);
        assertThat(summary.path("statistic").path("failed").asInt()).isEqualTo(1);
        assertThat(summary.path("statistic").path("broken").asInt()).isEqualTo(1);
        JsonNode categories = JSON.readTree(report.get("widgets/categories.json"));
        assertThat(categories.path("items").findValuesAsText("name"))
                .contains("Behaviour deviation (fail)", "Harness fault (broken)", "Known deviation (xfail)",
                        "Precondition unmet (skip)");
        JsonNode suites = JSON.readTree(report.get("data/suites.json"));
        assertThat(suites.path("children").findValuesAsText("name"))
                .contains("k618-jdk17", "k618-jdk25", "k61-jdk17", "truncated");
        assertThat(out.resolve("allure-results/environment.properties")).content().contains("platform.k61-jdk17 = kernel 6.1.0-28-cloud-amd64");

        AllureReport.write(runs, out, allure);
        JsonNode trend = JSON.readTree(out.resolve("allure-report/history/history-trend.json").toFile());
        assertThat(trend).as("history carried from the first report").hasSize(2);
        assertThat(JSON.readTree(SingleFileReport.files(out.resolve("allure-report/index.html"))
                .get("history/history-trend.json"))).as("the page shows the trend it wrote out").hasSize(2);
    }
}
