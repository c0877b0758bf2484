package org.portzero.suites.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.portzero.suites.checks.bind0.Bind0Checks;
import org.portzero.suites.facts.PlatformFactsReader;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.TamperedLayer;
import org.portzero.suites.verdict.CheckResult;
import org.portzero.suites.verdict.Expectations;

/** The seed in a property's failure replays it: the same seed falsifies the same smallest example. */
class PropertyReplayTest {

    private static CheckResult runOnce(long seed) {
        // Every fifth getsockname answers port 1: a fault that depends on which examples run.
        int[] calls = {0};
        TamperedLayer flaky = new TamperedLayer(Bench.realLayers().get(Layer.LIBC),
                (op, o) -> op == org.portzero.suites.probe.Operation.GETSOCKNAME && ++calls[0] % 5 == 0
                        ? TamperedLayer.portAlways(1).apply(op, o) : o);
        Bench bench = new Bench(new PlatformFactsReader().read(), Bench.realLayers(), Expectations.none(),
                new PropertySettings(seed, 40)).withLayer(flaky);
        Check property = new Bind0Checks(bench).properties().filter(c -> c.layer() == Layer.LIBC).findFirst().orElseThrow();
        return CheckExecution.run(property, bench.facts(), bench.expectations());
    }

    @Test
    void theSameSeedGivesTheSameCounterexample() {
        CheckResult first = runOnce(7L);
        CheckResult again = runOnce(7L);
        assertThat(first.verdict().id()).isEqualTo("fail");
        assertThat(first.seed()).isEqualTo(7L);
        assertThat(again.message()).isEqualTo(first.message());
    }
}
