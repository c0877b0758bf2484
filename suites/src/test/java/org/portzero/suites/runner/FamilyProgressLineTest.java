package org.portzero.suites.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portzero.model.Family;
import org.portzero.model.FamilyPlan;
import org.portzero.model.FamilyProgress;
import org.portzero.model.Verdict;
import org.portzero.suites.verdict.CheckResult;

/** The runner's line for a finished family counts that family's results against what it listed. */
class FamilyProgressLineTest {

    @Test
    void a_family_counts_its_own_results_and_those_failing_the_gate() {
        List<FamilyPlan> plans = List.of(FamilyPlan.listed(Family.UNIQUE, List.of("unique.a.x", "unique.b.x", "unique.c.x")),
                FamilyPlan.listed(Family.BIND0, List.of("bind0.a.x")));
        List<CheckResult> results = List.of(result("unique.a.x", "unique", Verdict.PASS),
                result("unique.b.x", "unique", Verdict.BROKEN), result("bind0.a.x", "bind0", Verdict.FAIL));
        FamilyProgress p = FamilyProgressLine.progress(Family.UNIQUE, plans, results, 6_200);
        assertThat(p).isEqualTo(new FamilyProgress(Family.UNIQUE, 2, 3, 1, 6_200));
        assertThat(FamilyProgress.parse(p.line())).contains(p);
    }

    private static CheckResult result(String id, String family, Verdict verdict) {
        return new CheckResult(id, family, "v", "x", "libc", verdict, "", "", "", null, null, null, 1,
                java.util.Map.of(), List.of(), List.of(), 0, null, null);
    }
}
