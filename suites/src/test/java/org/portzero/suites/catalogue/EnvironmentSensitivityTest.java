package org.portzero.suites.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.portzero.model.Family;
import org.portzero.suites.facts.PlatformFactsReader;
import org.portzero.suites.verdict.Expectations;

/**
 * Which checks may be re-run: only those that say, in code, why their failure can be the
 * environment's — the range fills and the statistical parity shares. No mission check is among
 * them: a duplicate port or a wrong address is proof, final at once.
 */
class EnvironmentSensitivityTest {

    @Test
    void onlyRangeFillsAndParitySharesMayBeRerun() {
        Bench bench = new Bench(new PlatformFactsReader().read(), Bench.realLayers(), Expectations.none(),
                new PropertySettings(1L, 1));
        List<Check> all = Arrays.stream(Family.values()).flatMap(f -> CheckFamily.of(f).checks(bench)).toList();
        List<Check> rerun = all.stream().filter(c -> c.rerun().isPresent()).toList();

        assertThat(rerun.stream().map(Check::family).collect(Collectors.toSet()))
                .isEqualTo(Set.of(Family.EXHAUST, Family.PARITY));
        assertThat(all.stream().filter(c -> c.family() == Family.EXHAUST || c.family() == Family.PARITY))
                .allSatisfy(c -> assertThat(c.rerun()).as(c.id().toString()).isPresent());
        assertThat(rerun).allSatisfy(c -> assertThat(c.rerun().get().reason()).as(c.id().toString()).isNotBlank());
    }
}
