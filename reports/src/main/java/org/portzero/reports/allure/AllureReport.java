package org.portzero.reports.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.portzero.reports.run.PlatformRun;

/**
 * The merged Allure report: {@code <out>/allure-results/} (every platform's results, kept
 * distinct, plus environment, executor, categories and the previous report's history) and
 * {@code <out>/allure-report/} generated from it: one {@code index.html} that opens from disk,
 * and {@code history/} beside it for the next report.
 */
public final class AllureReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AllureReport() {
    }

    /** Writes the merged results and generates the report; returns what the results hold. */
    public static MergedAllureResults.Tally write(List<PlatformRun> runs, Path out, AllureCommandline allure)
            throws IOException, InterruptedException {
        Path results = out.resolve("allure-results");
        Path report = out.resolve("allure-report");
        deleteTree(results);
        MergedAllureResults.Tally tally = MergedAllureResults.write(runs, results);
        AllureEnvironment.write(AllureEnvironment.of(runs, out), results.resolve("environment.properties"));
        JSON.writeValue(results.resolve("executor.json").toFile(), AllureExecutor.of(System.getenv()));
        JSON.writeValue(results.resolve("categories.json").toFile(), AllureCategories.all());
        AllureHistory.carry(report, results);
        allure.generate(results, report, out.resolve("allure-generate.log"));
        AllureHistory.writeOut(report);
        return tally;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
