package org.portzero.reports.matrix;

import java.util.List;
import java.util.Map;
import org.portzero.model.Verdict;

/**
 * What the matrix views mark of a baseline diff: each cell that moved since the baseline, how
 * (the diff's kind, as {@code diff.json} spells it), and what it was. Made by the diff
 * ({@code BaselineDiff.marks()}); the views only show it.
 *
 * @param baselineGeneratedAt when the baseline matrix was made
 * @param counts              cells per kind, in the diff's order of kinds
 * @param marks               one per moved cell
 */
public record BaselineMarks(String baselineGeneratedAt, Map<String, Integer> counts, List<Mark> marks) {

    /**
     * @param platform      the platform id
     * @param id            the check id
     * @param kind          how it moved: {@code newly_failing}, {@code verdict_changed}, …
     * @param beforeVerdict the baseline's verdict, or null when the cell is new
     * @param beforeOutcome the baseline's short-form outcome, or null when the cell is new
     */
    public record Mark(String platform, String id, String kind, Verdict beforeVerdict, String beforeOutcome) {
    }

    public BaselineMarks {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
        marks = List.copyOf(marks);
    }
}
