package org.portzero.containers.matrix;

import org.junit.jupiter.api.Test;
import org.portzero.containers.run.RunOutcome;
import org.portzero.containers.run.VerdictTally;
import org.portzero.model.RunStatus;
import org.portzero.model.Verdict;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import org.portzero.model.CheckId;
import org.portzero.model.Gate;
import org.portzero.model.RecordedResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One log line per platform; the gate's explanation names every failing check. */
class MatrixReportTest {

    @Test
    void aCompletedPlatformShowsCountsAndTimes() {
        RunOutcome outcome = new RunOutcome("narrow-range", "container", "", Optional.of("portzero/x:r1"),
                RunStatus.COMPLETED, "", Optional.of(0), 14_786,
                Optional.of(new VerdictTally(13_075, results(Map.of(Verdict.PASS, 460, Verdict.SKIP, 42)), List.of())));
        assertEquals("narrow-range    pass 460  fail   0  xfail   0  xpass   0  flaky   0  skip  42  broken   0"
                + "  wall 14.8 s (runner 13.1 s, overhead 1.7 s)", MatrixReport.line(outcome, 14));
    }

    @Test
    void brokenAndSkippedPlatformsSayWhy() {
        assertEquals("p  BROKEN PLATFORM: container exited with 137",
                MatrixReport.line(RunOutcome.broken("p", "container", "", "container exited with 137\nmore"), 1));
        assertEquals("t  SKIPPED: jdkHome /x is not a JDK on this machine",
                MatrixReport.line(RunOutcome.skipped("t", "container", "", "jdkHome /x is not a JDK on this machine"), 1));
    }

    @Test
    void theGateNamesEveryFailureUpToTheCapAndListsXpass() {
        List<RecordedResult> failing = new ArrayList<>();
        for (int i = 0; i < Gate.SHOWN + 5; i++) {
            failing.add(result("unique.v" + i + ".ports_distinct", Verdict.FAIL));
        }
        failing.add(result("dualstack.a_then_b.plain", Verdict.XPASS));
        RunOutcome many = new RunOutcome("p", "container", "", Optional.empty(), RunStatus.COMPLETED, "",
                Optional.of(0), 10, Optional.of(new VerdictTally(5, failing, List.of())));
        RunOutcome broken = RunOutcome.broken("q", "container", "", "timed out after 600 s");
        Gate.Decision gate = MatrixReport.gate(List.of(many, broken));
        List<String> lines = MatrixReport.gateLines(gate);
        assertEquals("GATE FAILED (" + (Gate.SHOWN + 6) + "):", lines.get(0));
        assertEquals("  p: fail unique.v0.ports_distinct", lines.get(1));
        assertTrue(lines.get(Gate.SHOWN + 1).contains("and 6 more"), lines.toString());
        assertTrue(gate.failures().contains("q: platform broken: timed out after 600 s"), gate.failures().toString());
        assertTrue(lines.contains("  p: xpass dualstack.a_then_b.plain"), lines.toString());
        assertFalse(gate.passes());
        assertTrue(MatrixReport.gate(List.of(RunOutcome.skipped("s", "container", "", "no engine"))).passes());
    }

    /** {@code n} results of each verdict, with distinct ids. */
    private static List<RecordedResult> results(Map<Verdict, Integer> counts) {
        List<RecordedResult> all = new ArrayList<>();
        counts.forEach((verdict, n) -> {
            for (int i = 0; i < n; i++) {
                all.add(result("bind0.v" + i + "." + verdict.id(), verdict));
            }
        });
        return all;
    }

    private static RecordedResult result(String id, Verdict verdict) {
        return new RecordedResult(CheckId.parse(id), verdict, JsonNodeFactory.instance.objectNode());
    }
}
