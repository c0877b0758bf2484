package org.portzero.reports.diff;

import org.portzero.model.Verdict;

/**
 * One changed cell between the baseline and the current matrix.
 *
 * @param kind           how it moved
 * @param platform       the platform id
 * @param id             the check id
 * @param beforeVerdict  the baseline's verdict, or null when added
 * @param beforeOutcome  the baseline's short-form outcome, or null when added
 * @param afterVerdict   the current verdict, or null when removed
 * @param afterOutcome   the current short-form outcome, or null when removed
 * @param beforeFigures  the baseline's figures (shown, not compared), or null
 * @param afterFigures   the current figures (shown, not compared), or null
 */
public record DiffEntry(
        DiffKind kind,
        String platform,
        String id,
        Verdict beforeVerdict,
        String beforeOutcome,
        Verdict afterVerdict,
        String afterOutcome,
        String beforeFigures,
        String afterFigures) {

    public DiffEntry(DiffKind kind, String platform, String id, Verdict beforeVerdict, String beforeOutcome,
                     Verdict afterVerdict, String afterOutcome) {
        this(kind, platform, id, beforeVerdict, beforeOutcome, afterVerdict, afterOutcome, null, null);
    }
}
