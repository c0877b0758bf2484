package org.portzero.containers.matrix;

import org.junit.jupiter.api.Test;
import org.portzero.containers.run.RunOutcome;
import org.portzero.containers.run.VerdictTally;
import org.portzero.model.RunStatus;
import org.portzero.model.Verdict;

import java.util.ArrayList;
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
                Optional.of(new VerdictTally(Map.of(Verdict.PASS, 460, Verdict.SKIP, 42), List.of(), 13_075)));
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
    void theGateExplanationIsCappedPerPlatform() {
        List<String> failing = new ArrayList<>();
        for (int i = 0; i < MatrixReport.FAILING_SHOWN_PER_PLATFORM + 5; i++) {
            failing.add("unique.v" + i + ".ports_distinct FAIL");
        }
        RunOutcome many = new RunOutcome("p", "container", "", Optional.empty(), RunStatus.COMPLETED, "",
                Optional.of(0), 10, Optional.of(new VerdictTally(Map.of(Verdict.FAIL, failing.size()), failing, 5)));
        RunOutcome broken = RunOutcome.broken("q", "container", "", "timed out after 600 s");
        List<String> lines = MatrixReport.gateFailures(List.of(many, broken));
        assertEquals(MatrixReport.FAILING_SHOWN_PER_PLATFORM + 2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("p: unique.v0.ports_distinct FAIL"), lines.get(0));
        assertTrue(lines.get(MatrixReport.FAILING_SHOWN_PER_PLATFORM).contains("and 5 more"), lines.toString());
        assertEquals("q: platform broken: timed out after 600 s", lines.get(lines.size() - 1));
        assertFalse(MatrixReport.gatePasses(List.of(many)));
        assertTrue(MatrixReport.gatePasses(List.of(RunOutcome.skipped("s", "container", "", "no engine"))));
    }
}
