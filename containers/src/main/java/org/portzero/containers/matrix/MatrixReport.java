package org.portzero.containers.matrix;

import org.portzero.containers.run.RunOutcome;
import org.portzero.containers.run.VerdictTally;
import org.portzero.model.PlatformRunsRecord;
import org.portzero.model.RunRecord;
import org.portzero.model.RunStatus;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the build log says about a matrix run — one line per platform (counts per verdict and
 * wall time), the checks that fail the gate — and {@code target/portzero/platform-runs.json}.
 * It counts verdicts; it never decides one.
 */
public final class MatrixReport {

    static final int FAILING_SHOWN_PER_PLATFORM = 40;

    private MatrixReport() {
    }

    /** {@code debian13-jdk25   PASS 180  FAIL 0 ...  wall 23.4 s (runner 20.1 s, overhead 3.3 s)}. */
    public static String line(RunOutcome outcome, int idWidth) {
        String id = String.format("%-" + idWidth + "s", outcome.platform());
        return switch (outcome.status()) {
            case SKIPPED -> id + "  SKIPPED: " + outcome.note();
            case COMPLETED -> id + "  " + outcome.tally().map(VerdictTally::countsLine).orElse("") + "  " + times(outcome);
            case BROKEN -> id + "  BROKEN PLATFORM: " + firstLine(outcome.note())
                    + outcome.tally().map(t -> "  (partial: " + t.countsLine() + ")").orElse("")
                    + (outcome.wallMillis() > 0 ? "  wall " + seconds(outcome.wallMillis()) : "");
        };
    }

    static String times(RunOutcome outcome) {
        String wall = "wall " + seconds(outcome.wallMillis());
        return outcome.tally()
                .map(t -> wall + " (runner " + seconds(t.wallMillis()) + ", overhead "
                        + seconds(outcome.overheadMillis().orElse(0L)) + ")")
                .orElse(wall);
    }

    /** The lines that explain a failed gate: broken platforms and failing checks, per platform. */
    public static List<String> gateFailures(List<RunOutcome> outcomes) {
        List<String> lines = new ArrayList<>();
        for (RunOutcome outcome : outcomes) {
            if (outcome.status() == RunStatus.BROKEN) {
                lines.add(outcome.platform() + ": platform broken: " + outcome.note());
            }
            List<String> failing = outcome.tally().map(VerdictTally::gateFailing).orElse(List.of());
            for (int i = 0; i < failing.size() && i < FAILING_SHOWN_PER_PLATFORM; i++) {
                lines.add(outcome.platform() + ": " + failing.get(i));
            }
            if (failing.size() > FAILING_SHOWN_PER_PLATFORM) {
                lines.add(outcome.platform() + ": ... and " + (failing.size() - FAILING_SHOWN_PER_PLATFORM)
                        + " more (runs/" + outcome.platform() + "/observations.json)");
            }
        }
        return lines;
    }

    /** "platform: check-id FLAKY: message" for every flaky result. */
    public static List<String> flaky(List<RunOutcome> outcomes) {
        List<String> lines = new ArrayList<>();
        for (RunOutcome outcome : outcomes) {
            outcome.tally().ifPresent(t -> t.flaky().forEach(f -> lines.add(outcome.platform() + ": " + f)));
        }
        return lines;
    }

    public static boolean gatePasses(List<RunOutcome> outcomes) {
        return outcomes.stream().noneMatch(RunOutcome::failsTheGate);
    }

    /** Writes platform-runs.json into {@code out}: the matrix's wall time and each platform's record. */
    public static void write(Path out, Instant started, long wallMillis, String engine, List<RunOutcome> outcomes)
            throws IOException {
        new PlatformRunsRecord(RunRecord.SCHEMA_VERSION, started.toString(), wallMillis, engine,
                outcomes.stream().map(RunOutcome::record).toList()).write(out);
    }

    static String seconds(long millis) {
        return String.format("%.1f s", millis / 1000.0);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }
}
