package org.portzero.suites.catalogue;

import org.portzero.model.CheckSelection;
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

/**
 * Nothing vanishes: a family that cannot list its checks, and a listed check that never reports, are
 * seen; a check selection lists only what it matches. The selection is stated in each test, never read
 * from {@code -Dportzero.checks}, which Surefire passes on from a user's {@code mvn verify}.
 */
class CatalogueListingTest {

    @Test
    void aFamilyWhoseFactoryThrowsIsOneFailingTestAndAnUnlistedPlanWithTheCause() {
        // No layers at all: listing exhaust's checks asks a layer what it supports, and throws.
        Bench noLayers = new Bench(new PlatformFactsReader().read(), Map.of(), Expectations.none(),
                new PropertySettings(1L, 1));
        var tests = CatalogueSuite.listed(Family.EXHAUST, noLayers, CheckSelection.EVERY_CHECK).toList();

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
        CatalogueSuite.listed(Family.CONNECT0, bench, CheckSelection.EVERY_CHECK).toList();   // listed, never executed
        List<Check> silent = ResultLog.withoutResult().stream().filter(c -> c.family() == Family.CONNECT0).toList();
        assertThat(silent).isNotEmpty();

        CheckResult r = CheckExecution.withoutResult(silent.get(0), "its test never started");
        assertThat(r.verdict()).isEqualTo(Verdict.BROKEN);
        assertThat(r.id()).isEqualTo(silent.get(0).id().toString());
        assertThat(r.message()).isEqualTo("listed but no result was recorded: its test never started");
    }

    @Test
    void aSelectionListsOnlyTheChecksItMatches() {
        Bench bench = new Bench(new PlatformFactsReader().read(), Bench.realLayers(), Expectations.none(),
                new PropertySettings(1L, 1));
        var tests = CatalogueSuite.listed(Family.CONNECT0, bench, CheckSelection.of("connect0.*_libc.*")).toList();

        FamilyPlan plan = ResultLog.plans().stream().filter(p -> p.family() == Family.CONNECT0).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(tests).hasSize(plan.ids().size()).isNotEmpty();
        assertThat(plan.ids()).allMatch(id -> id.startsWith("connect0.") && id.contains("_libc."));
        assertThat(CatalogueSuite.listed(Family.CONNECT0, bench, CheckSelection.of("bind0.*")).toList())
                .as("a family the selection does not reach lists nothing").isEmpty();
    }
}
