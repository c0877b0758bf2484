package org.portzero.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portzero.model.Gate;
import org.portzero.model.RunRecord;
import org.portzero.reports.diff.BaselineDiff;
import org.portzero.reports.diff.DiffEntry;
import org.portzero.reports.diff.DiffKind;
import org.portzero.reports.run.PlatformRun;

/**
 * The build gate, decided after every report is written. The platforms are judged by the one
 * {@link Gate} the platform matrix applies too: a broken run, or a {@code fail} or {@code broken}
 * result, fails the build (exit 3). Against a baseline, a newly failing cell fails it (exit 4), and
 * so does a changed observation under strict diff.
 *
 * @param reasons   every reason the gate failed, baseline reasons first
 * @param platforms the {@link Gate}'s decision on the runs (its flaky and xpass lists are shown, not gating)
 * @param exitCode  {@link #OK}, {@link #PLATFORM_FAILING} or {@link #NEWLY_FAILING}
 */
public record ReportGate(List<String> reasons, Gate.Decision platforms, int exitCode) {

    public static final int OK = 0;
    public static final int PLATFORM_FAILING = 3;
    public static final int NEWLY_FAILING = 4;

    public static ReportGate of(List<PlatformRun> runs, BaselineDiff diff, boolean strictDiff) {
        return of(runs, List.of(), diff, strictDiff);
    }

    /**
     * @param unread platforms the last matrix recorded as broken that left no run directory: the gate
     *               counts them though there is nothing to read
     */
    public static ReportGate of(List<PlatformRun> runs, List<RunRecord> unread, BaselineDiff diff, boolean strictDiff) {
        List<String> reasons = new ArrayList<>();
        int exit = OK;
        if (diff != null) {
            for (DiffEntry e : diff.of(DiffKind.NEWLY_FAILING)) {
                reasons.add("newly failing on " + e.platform() + ": " + e.id() + " (" + e.beforeVerdict() + " → "
                        + e.afterVerdict() + " " + e.afterOutcome() + ")");
                exit = NEWLY_FAILING;
            }
            if (strictDiff) {
                for (DiffEntry e : diff.of(DiffKind.CHANGED_OBSERVATION)) {
                    reasons.add("changed observation on " + e.platform() + ": " + e.id() + " (" + e.beforeOutcome()
                            + " → " + e.afterOutcome() + ")");
                    exit = NEWLY_FAILING;
                }
            }
        }
        Gate.Decision platforms = Gate.of(platforms(runs, unread));
        reasons.addAll(platforms.failures());
        if (exit == OK && !reasons.isEmpty()) {
            exit = PLATFORM_FAILING;
        }
        return new ReportGate(List.copyOf(reasons), platforms, exit);
    }

    /** Every platform as the gate sees it: the runs read, then the broken ones that left no run directory. */
    public static List<Gate.Platform> platforms(List<PlatformRun> runs, List<RunRecord> unread) {
        List<Gate.Platform> all = new ArrayList<>(runs.stream().map(PlatformRun::forGate).toList());
        unread.forEach(r -> all.add(new Gate.Platform(r.platform(), Optional.of(r.note().isBlank()
                ? "broken, no run directory" : r.note() + " (no run directory)"), List.of())));
        return all;
    }
}
