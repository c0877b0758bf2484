package org.portzero.reports.allure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The report's {@code history/} (trends, each test's earlier statuses), carried from one report to
 * the next. A {@link SingleFileReport} keeps them inside {@code index.html}; they are written out beside it, into
 * {@code allure-report/history/}, which the next report (or CI, from the previous run's artifact)
 * copies into its results before generating.
 */
public final class AllureHistory {

    /** The folder name, in a report and in a results directory alike. */
    public static final String HISTORY = "history";

    private AllureHistory() {
    }

    /** Writes the history a single-file report embeds into {@code report/history/}; returns how many files. */
    public static int writeOut(Path report) throws IOException {
        int written = 0;
        for (Map.Entry<String, byte[]> f : SingleFileReport.files(report.resolve("index.html")).entrySet()) {
            if (f.getKey().startsWith(HISTORY + "/") && f.getKey().indexOf('/', HISTORY.length() + 1) < 0) {
                Path into = Files.createDirectories(report.resolve(HISTORY));
                Files.write(into.resolve(f.getKey().substring(HISTORY.length() + 1)), f.getValue());
                written++;
            }
        }
        return written;
    }

    /** Copies the previous report's history/ into the new results, so trends span runs. */
    static void carry(Path previousReport, Path results) throws IOException {
        Path previous = previousReport.resolve(HISTORY);
        if (!Files.isDirectory(previous)) {
            return;
        }
        Path into = Files.createDirectories(results.resolve(HISTORY));
        try (Stream<Path> files = Files.list(previous)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, into.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
