package org.portzero.reports;

import java.util.ArrayList;
import java.util.List;
import org.portzero.reports.diff.BaselineDiff;
import org.portzero.reports.diff.DiffEntry;
import org.portzero.reports.diff.DiffKind;
import org.portzero.reports.matrix.Matrix;
import org.portzero.reports.matrix.MatrixRow;
import org.portzero.reports.matrix.PlatformColumn;

/**
 * The build gate, decided after every report is written: a platform with a {@code fail} or
 * {@code broken} result, or a broken run, fails the build (exit 3); a newly failing cell
 * against the baseline fails it (exit 4), and so does a changed observation under strict diff.
 * The gate counts the suites' verdicts; it never re-judges an observation.
 */
public record ReportGate(List<String> reasons, int exitCode) {

    public static final int OK = 0;
    public static final int PLATFORM_FAILING = 3;
    public static final int NEWLY_FAILING = 4;

    public static ReportGate of(Matrix matrix, BaselineDiff diff, boolean strictDiff) {
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
        for (PlatformColumn p : matrix.platforms()) {
            if (p.broken()) {
                reasons.add("platform " + p.id() + " broken: " + p.note());
            }
            for (MatrixRow row : matrix.rows()) {
                var cell = row.cells().get(p.id());
                if (cell != null && cell.verdict().failsTheGate()) {
                    reasons.add(cell.verdict().id() + " on " + p.id() + ": " + row.id() + " — "
                            + oneLine(cell.message() == null ? cell.outcome() : cell.message()));
                }
            }
        }
        if (exit == OK && !reasons.isEmpty()) {
            exit = PLATFORM_FAILING;
        }
        return new ReportGate(List.copyOf(reasons), exit);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\n\\s*", " / ");
    }
}
