package org.portzero.suites.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portzero.model.Family;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.CheckFamily;
import org.portzero.suites.catalogue.PropertySettings;
import org.portzero.suites.facts.PlatformFactsReader;

/**
 * The expectations the runner ships: they load (every entry with its condition and outcome, or the
 * load fails naming the file and line), and each names at least one check of the catalogue, so a
 * renamed check cannot leave a stale entry that silently stops applying.
 */
class BundledExpectationsTest {

    @Test
    void everyBundledEntryNamesACatalogueCheckAndStatesWhenAndWhat() {
        Expectations bundled = Expectations.loadBundled();
        assertThat(bundled.entries()).as("bundled entries").isNotEmpty();

        Bench bench = new Bench(new PlatformFactsReader().read(), Bench.realLayers(), Expectations.none(),
                new PropertySettings(1L, 1));
        List<String> ids = Arrays.stream(Family.values()).flatMap(f -> CheckFamily.of(f).checks(bench))
                .map(c -> c.id().toString()).toList();
        assertThat(ids).as("catalogue ids").hasSizeGreaterThan(500);

        for (Expectation e : bundled.entries()) {
            assertThat(ids.stream().filter(e::matches)).as(e.check() + " names no check of the catalogue").isNotEmpty();
            assertThat(e.when()).as(e.check() + ": when").isNotEqualTo(Condition.always());
            assertThat(e.observed()).as(e.check() + ": observed").isNotBlank();
        }
    }
}
