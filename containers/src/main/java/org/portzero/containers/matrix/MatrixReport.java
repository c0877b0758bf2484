package org.portzero.containers.matrix;

import org.portzero.containers.run.RunOutcome;
import org.portzero.containers.run.VerdictTally;
import org.portzero.model.Gate;
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
 * It counts verdicts and applies the {@link Gate}; it never decides a verdict.
 */
public final class MatrixReport {

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

    /** The {@link Gate}'s decision on these outcomes. */
    public static Gate.Decision gate(List<RunOutcome> outcomes) {
        return Gate.of(outcomes.stream().map(RunOutcome::forGate).toList());
    }

    /** What the log says of the gate: the failures, then the flaky and xpass results. */
    public static List<String> gateLines(Gate.Decision decision) {
        List<String> lines = new ArrayList<>(Gate.section("GATE FAILED", decision.failures()));
        lines.addAll(decision.notGating());
        if (decision.passes()) {
            lines.add("gate passed: no platform broke, no check is fail or broken");
        }
        return lines;
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
