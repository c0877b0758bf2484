package org.portzero.reports.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.portzero.reports.matrix.BaselineMarks;
import org.portzero.reports.matrix.Matrix;
import org.portzero.reports.matrix.MatrixCell;
import org.portzero.reports.matrix.MatrixRow;

/**
 * The difference between a baseline {@code matrix.json} and the current matrix, cell by cell
 * (platform id × check id): newly failing, newly passing, other verdict changes, changed
 * observations (same verdict, different short-form outcome), added and removed. Cells that
 * are equal produce nothing; figures (how many sockets, which window) and the numbers in a
 * skip's reason are never compared ({@link MatrixCell#comparedOutcome()}). This is {@code diff.json}.
 *
 * @param baselineGeneratedAt when the baseline matrix was made
 * @param currentGeneratedAt  when the current matrix was made
 * @param counts              entries per kind (every kind present, zeros included)
 * @param entries             the entries, by kind, then platform, then check id
 */
public record BaselineDiff(
        String baselineGeneratedAt,
        String currentGeneratedAt,
        Map<DiffKind, Integer> counts,
        List<DiffEntry> entries) {

    public static BaselineDiff between(Matrix baseline, Matrix current) {
        Map<String, MatrixCell> before = cells(baseline);
        Map<String, MatrixCell> after = cells(current);
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<DiffEntry> entries = new ArrayList<>();
        for (String key : keys) {
            MatrixCell b = before.get(key);
            MatrixCell a = after.get(key);
            DiffKind kind = kind(b, a);
            if (kind != null) {
                String[] pk = key.split("\u0000", 2);
                entries.add(new DiffEntry(kind, pk[0], pk[1],
                        b == null ? null : b.verdict(), b == null ? null : b.outcome(),
                        a == null ? null : a.verdict(), a == null ? null : a.outcome(),
                        b == null ? null : b.figures(), a == null ? null : a.figures()));
            }
        }
        entries.sort(Comparator.comparing(DiffEntry::kind).thenComparing(DiffEntry::platform)
                .thenComparing(DiffEntry::id));
        Map<DiffKind, Integer> counts = new EnumMap<>(DiffKind.class);
        for (DiffKind k : DiffKind.values()) {
            counts.put(k, (int) entries.stream().filter(e -> e.kind() == k).count());
        }
        return new BaselineDiff(baseline.generatedAt(), current.generatedAt(), counts, List.copyOf(entries));
    }

    /** The moved cells as the matrix views mark them. */
    public BaselineMarks marks() {
        Map<String, Integer> byKind = new LinkedHashMap<>();
        counts.forEach((kind, n) -> byKind.put(kind.id(), n));
        return new BaselineMarks(baselineGeneratedAt, byKind, entries.stream()
                .map(e -> new BaselineMarks.Mark(e.platform(), e.id(), e.kind().id(), e.beforeVerdict(), e.beforeOutcome()))
                .toList());
    }

    public List<DiffEntry> of(DiffKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    private static DiffKind kind(MatrixCell before, MatrixCell after) {
        if (after == null) {
            return DiffKind.REMOVED;
        }
        if (before == null) {
            return after.verdict().failsTheGate() ? DiffKind.NEWLY_FAILING : DiffKind.ADDED;
        }
        if (before.verdict() != after.verdict()) {
            if (after.verdict().failsTheGate() && !before.verdict().failsTheGate()) {
                return DiffKind.NEWLY_FAILING;
            }
            if (before.verdict().failsTheGate() && after.verdict().holds()) {
                return DiffKind.NEWLY_PASSING;
            }
            return DiffKind.VERDICT_CHANGED;
        }
        return Objects.equals(before.comparedOutcome(), after.comparedOutcome()) ? null : DiffKind.CHANGED_OBSERVATION;
    }

    private static Map<String, MatrixCell> cells(Matrix matrix) {
        Map<String, MatrixCell> cells = new LinkedHashMap<>();
        for (MatrixRow row : matrix.rows()) {
            row.cells().forEach((platform, cell) -> cells.put(platform + "\u0000" + row.id(), cell));
        }
        return cells;
    }
}
