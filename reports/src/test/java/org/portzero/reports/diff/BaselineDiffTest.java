package org.portzero.reports.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.portzero.model.Verdict;
import org.portzero.reports.FixtureRuns;
import org.portzero.reports.matrix.Matrix;
import org.portzero.reports.matrix.MatrixCell;
import org.portzero.reports.matrix.MatrixRow;

class BaselineDiffTest {

    private static final Matrix CURRENT = Matrix.of(FixtureRuns.read(
            FixtureRuns.K618_JDK17, FixtureRuns.K618_JDK25, FixtureRuns.K61_JDK17), Instant.parse("2026-02-01T00:00:00Z"));

    /** The current matrix with one cell replaced: a baseline "edited to flip one cell". */
    static Matrix withCell(Matrix m, String platform, String id, MatrixCell replacement) {
        List<MatrixRow> rows = m.rows().stream().map(r -> {
            if (!r.id().equals(id)) {
                return r;
            }
            Map<String, MatrixCell> cells = new LinkedHashMap<>(r.cells());
            if (replacement == null) {
                cells.remove(platform);
            } else {
                cells.put(platform, replacement);
            }
            return new MatrixRow(r.id(), r.family(), r.variant(), r.check(), r.layer(), r.disagree(), cells);
        }).toList();
        return new Matrix(m.schema(), m.schemaVersion(), "2026-01-01T00:00:00Z", m.platforms(), m.families(), rows);
    }

    static MatrixCell cell(Matrix m, String platform, String id) {
        return m.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().cells().get(platform);
    }

    static MatrixCell withVerdict(MatrixCell c, String verdict, String outcome) {
        return withVerdict(c, Verdict.parse(verdict).orElseThrow(), outcome);
    }

    static MatrixCell withVerdict(MatrixCell c, Verdict verdict, String outcome) {
        return new MatrixCell(verdict, outcome, c.observed(), c.expected(), c.message(), c.reason(), c.link(), c.seed());
    }

    @Test
    void an_identical_baseline_has_no_entries() {
        BaselineDiff diff = BaselineDiff.between(CURRENT, CURRENT);
        assertThat(diff.entries()).isEmpty();
        assertThat(diff.counts().values()).containsOnly(0);
    }

    @Test
    void a_cell_that_passed_in_the_baseline_and_fails_now_is_the_one_newly_failing_entry() {
        String id = "connect0.udp4_loopback_send_libc.refused_by_kernel";
        Matrix baseline = withCell(CURRENT, "k61-jdk17", id, withVerdict(cell(CURRENT, "k61-jdk17", id), "pass", "EINVAL"));
        BaselineDiff diff = BaselineDiff.between(baseline, CURRENT);
        assertThat(diff.entries()).containsExactly(new DiffEntry(DiffKind.NEWLY_FAILING, "k61-jdk17", id,
                Verdict.PASS, "EINVAL", Verdict.FAIL, "sendto -> 0 (sent)"));
    }

    @Test
    void a_cell_that_failed_in_the_baseline_and_passes_now_is_newly_passing() {
        String id = "bind0.tcp4_loopback_libc.port_in_range";
        Matrix baseline = withCell(CURRENT, "k618-jdk25", id, withVerdict(cell(CURRENT, "k618-jdk25", id), "fail", "1023"));
        assertThat(BaselineDiff.between(baseline, CURRENT).entries()).singleElement()
                .extracting(DiffEntry::kind, DiffEntry::platform, DiffEntry::id)
                .containsExactly(DiffKind.NEWLY_PASSING, "k618-jdk25", id);
    }

    @Test
    void same_verdict_with_another_outcome_is_a_changed_observation() {
        String id = "connect0.tcp4_loopback_connect_socket.refused_by_kernel";
        MatrixCell now = cell(CURRENT, "k618-jdk17", id);
        Matrix baseline = withCell(CURRENT, "k618-jdk17", id, withVerdict(now, "pass", "ConnectException \"Connection timed out\""));
        assertThat(BaselineDiff.between(baseline, CURRENT).entries()).singleElement()
                .extracting(DiffEntry::kind, DiffEntry::beforeOutcome, DiffEntry::afterOutcome)
                .containsExactly(DiffKind.CHANGED_OBSERVATION, "ConnectException \"Connection timed out\"", now.outcome());
    }

    @Test
    void cells_only_in_one_matrix_are_added_or_removed() {
        String id = "connected.tcp_loopback4_socket.client_local_specific";
        Matrix without = withCell(CURRENT, "k618-jdk25", id, null);
        assertThat(BaselineDiff.between(without, CURRENT).entries()).singleElement()
                .extracting(DiffEntry::kind).isEqualTo(DiffKind.ADDED);
        assertThat(BaselineDiff.between(CURRENT, without).entries()).singleElement()
                .extracting(DiffEntry::kind).isEqualTo(DiffKind.REMOVED);
    }

    @Test
    void other_verdict_changes_are_reported_as_such() {
        String id = "bind0.tcp4_loopback_socket.port_not_reserved";
        Matrix baseline = withCell(CURRENT, "k618-jdk17", id, withVerdict(cell(CURRENT, "k618-jdk17", id), "pass", "40000"));
        assertThat(BaselineDiff.between(baseline, CURRENT).entries()).singleElement()
                .extracting(DiffEntry::kind).isEqualTo(DiffKind.VERDICT_CHANGED);
    }
}
