package org.portzero.suites.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.portzero.model.Family;
import org.portzero.model.FamilyPlan;
import org.portzero.model.Verdict;
import org.portzero.suites.facts.PlatformFactsReader;
import org.portzero.suites.verdict.CheckResult;
import org.portzero.suites.verdict.Expectations;

/** Nothing vanishes: a family that cannot list its checks, and a listed check that never reports, are seen. */
class CatalogueListingTest {

    @Test
    void aFamilyWhoseFactoryThrowsIsOneFailingTestAndAnUnlistedPlanWithTheCause() {
        // No layers at all: listing exhaust's checks asks a layer what it supports, and throws.
        Bench noLayers = new Bench(new PlatformFactsReader().read(), Map.of(), Expectations.none(),
                new PropertySettings(1L, 1));
        var tests = CatalogueSuite.listed(Family.EXHAUST, noLayers).toList();

        assertThat(tests).singleElement().satisfies(t -> {
            assertThat(t.getDisplayName()).isEqualTo("exhaust lists its checks");
            assertThatThrownBy(() -> t.getExecutable().execute()).hasMessageContaining("could not list its checks");
        });
        FamilyPlan plan = ResultLog.plans().stream().filter(p -> p.family() == Family.EXHAUST && !p.listed())
                .findFirst().orElseThrow();
        assertThat(plan.fault()).contains("NullPointerException");
    }

    @Test
    void aListedCheckThatNeverRanIsBrokenWithTheCause() {
        Bench bench = new Bench(new PlatformFactsReader().read(), Bench.realLayers(), Expectations.none(),
                new PropertySettings(1L, 1));
        CatalogueSuite.listed(Family.CONNECT0, bench).toList();   // listed, never executed
        List<Check> silent = ResultLog.withoutResult().stream().filter(c -> c.family() == Family.CONNECT0).toList();
        assertThat(silent).isNotEmpty();

        CheckResult r = CheckExecution.withoutResult(silent.get(0), "its test never started");
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.id()).isEqualTo(silent.get(0).id().toString());
        assertThat(r.message()).isEqualTo("listed but no result was recorded: its test never started");
    }
}
