package org.portzero.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.portzero.model.Gate;
import org.portzero.model.MalformedInput;
import org.portzero.model.RunLayout;
import org.portzero.model.RunRecord;
import org.portzero.reports.allure.AllureCommandline;
import org.portzero.reports.allure.AllureReport;
import org.portzero.reports.allure.MergedAllureResults;
import org.portzero.reports.diff.BaselineDiff;
import org.portzero.reports.diff.DiffReport;
import org.portzero.reports.junit.JUnitReport;
import org.portzero.reports.matrix.Matrix;
import org.portzero.reports.matrix.MatrixHtml;
import org.portzero.reports.matrix.MatrixJson;
import org.portzero.reports.matrix.MatrixMarkdown;
import org.portzero.reports.run.PlatformRun;
import org.portzero.reports.run.RunDirectory;
import org.portzero.reports.run.RunSelection;

/**
 * The report command: merges run directories into the Allure report, {@code matrix.html/.md/.json},
 * JUnit XML ({@code junit/TEST-<platform>.xml}) and, given a baseline, {@code diff.md/.json}; then applies the {@link ReportGate}. Run by
 * {@code mvn verify} (module reports, phase verify) and as {@code java -jar portzero-reports.jar}
 * on saved runs. Every report is written before the exit code is decided.
 */
public final class ReportMain {

    private ReportMain() {
    }

    /** The reports jar's entry point: {@link ReportCommand}, whose exit code it exits with. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** {@link ReportCommand} on {@code args}: the exit code. */
    public static int run(String[] args) {
        return ReportCommand.commandLine().execute(args);
    }

    static void say(String line) {
        System.out.println("[portzero reports] " + line);
        System.out.flush();
    }

    /**
     * Every report of the run directories {@code options} names, then the gate's exit code.
     *
     * @throws IllegalArgumentException when the run directories named cannot be read
     */
    static int run(ReportOptions options) {
        List<Path> dirs = RunSelection.of(options.runs(), options.out());
        if (dirs.isEmpty()) {
            say("ERROR: no run directories under " + options.out().resolve("runs")
                    + " — run the platforms (mvn verify) or name saved runs with -Dportzero.runs=DIR,DIR");
            return 2;
        }
        try {
            return report(options, dirs);
        } catch (IOException e) {
            say("ERROR: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int report(ReportOptions options, List<Path> dirs) throws IOException, InterruptedException {
        Path out = options.out();
        Files.createDirectories(out);
        List<PlatformRun> runs = dirs.stream().map(RunDirectory::read).toList();
        for (PlatformRun run : runs) {
            say(String.format("%-28s %4d results  kernel %s  %s %s%s", run.id(), run.results().size(), run.fact("kernel"),
                    run.fact("javaVendor"), run.fact("javaVersion"), run.brokenNote().map(n -> "  BROKEN: " + n).orElse("")));
        }
        Matrix matrix = Matrix.of(runs, Instant.now());
        MatrixJson.write(matrix, out.resolve("matrix.json"));
        Files.writeString(out.resolve("matrix.md"), MatrixMarkdown.render(matrix));

        BaselineDiff diff = null;
        String badBaseline = null;
        if (!options.baseline().isEmpty()) {
            Path baseline = Path.of(options.baseline());
            Files.deleteIfExists(out.resolve(DiffReport.JSON_FILE));
            Files.deleteIfExists(out.resolve(DiffReport.MARKDOWN_FILE));
            try {
                diff = BaselineDiff.between(MatrixJson.read(baseline), matrix);
                DiffReport.write(diff, out);
                say("diff against " + baseline + ": " + diff.counts() + " → " + out.resolve(DiffReport.MARKDOWN_FILE));
            } catch (NoSuchFileException e) {
                badBaseline = "baseline " + baseline + " does not exist";
            } catch (MalformedInput e) {
                badBaseline = "baseline " + e.getMessage();
            }
            if (badBaseline != null) {
                // The other reports are still written; the exit code says the input was bad.
                say("ERROR: " + badBaseline + " — no diff written");
            }
        }
        // matrix.html marks the cells that moved since the baseline, so it is written after the diff.
        Files.writeString(out.resolve("matrix.html"), MatrixHtml.render(matrix, runs,
                java.util.Optional.ofNullable(diff).map(BaselineDiff::marks)));
        say("matrix: " + matrix.rows().size() + " checks × " + matrix.platforms().size() + " platforms, "
                + matrix.disagreements() + " rows where platforms disagree → " + out.resolve("matrix.html"));

        if (options.allure()) {
            AllureCommandline allure = AllureCommandline.locate(options.allureHome(), out.resolve(".allure-commandline"));
            MergedAllureResults.Tally tally = AllureReport.write(runs, out, allure);
            int sum = runs.stream().mapToInt(r -> r.results().size()).sum();
            say("allure: " + tally.results() + " results from " + runs.size() + " platforms (observations.json: " + sum
                    + ")" + (tally.unreported() > 0 ? " + " + tally.unreported() + " broken result(s) no Allure file reported" : "")
                    + (tally.platformRunResults() > 0 ? " + " + tally.platformRunResults() + " broken platform run(s)" : "")
                    + (tally.unreadable().isEmpty() ? "" : ", unreadable: " + tally.unreadable())
                    + " → " + out.resolve("allure-report/index.html"));
        }

        List<RunRecord> unread = RunSelection.brokenWithoutDirectory(options.runs(), out);
        List<Path> junit = JUnitReport.write(ReportGate.platforms(runs, unread), out.resolve(RunLayout.JUNIT));
        say("junit: " + junit.size() + " file(s), one test case per platform and check → " + out.resolve(RunLayout.JUNIT));

        ReportGate gate = ReportGate.of(runs, unread, diff, options.strictDiff());
        gate.platforms().notGating().forEach(ReportMain::say);
        if (gate.exitCode() != ReportGate.OK) {
            Gate.section("GATE FAILED", gate.reasons()).forEach(ReportMain::say);
        } else {
            say("gate passed: no fail, no broken" + (diff == null ? "" : ", nothing newly failing"));
        }
        if (badBaseline != null) {
            say("ERROR: " + badBaseline);
            return 2;
        }
        return gate.exitCode();
    }
}
