package org.portzero.reports.allure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
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
        JsonNode summary = JSON.readTree(out.resolve("allure-report/widgets/summary.json").toFile());
        assertThat(first.results()).isEqualTo(33);
        assertThat(summary.path("statistic").path("total").asInt())
                .as("33 results of three platforms + one broken 'platform run' for the truncated one")
                .isEqualTo(34);
        assertThat(summary.path("statistic").path("failed").asInt()).isEqualTo(1);
        assertThat(summary.path("statistic").path("broken").asInt()).isEqualTo(1);
        JsonNode categories = JSON.readTree(out.resolve("allure-report/widgets/categories.json").toFile());
        assertThat(categories.path("items").findValuesAsText("name"))
                .contains("Behaviour deviation (fail)", "Harness fault (broken)", "Known deviation (xfail)",
                        "Precondition unmet (skip)");
        JsonNode suites = JSON.readTree(out.resolve("allure-report/data/suites.json").toFile());
        assertThat(suites.path("children").findValuesAsText("name"))
                .contains("k618-jdk17", "k618-jdk25", "k61-jdk17", "truncated");
        assertThat(out.resolve("allure-results/environment.properties")).content().contains("platform.k61-jdk17 = kernel 6.1.0-28-cloud-amd64");

        AllureReport.write(runs, out, allure);
        JsonNode trend = JSON.readTree(out.resolve("allure-report/history/history-trend.json").toFile());
        assertThat(trend).as("history carried from the first report").hasSize(2);
    }
}
