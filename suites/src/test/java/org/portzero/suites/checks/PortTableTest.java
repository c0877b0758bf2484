package org.portzero.suites.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.portzero.model.Verdict;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckExecution;
import org.portzero.suites.catalogue.PropertySettings;
import org.portzero.suites.checks.unique.porttable.PortTableChecks;
import org.portzero.suites.facts.PlatformFactsReader;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Operation;
import org.portzero.suites.probe.TamperedLayer;
import org.portzero.suites.verdict.CheckResult;
import org.portzero.suites.verdict.Expectations;

/**
 * The stateful port-table property catches a layer that hands out a live port twice, shrinks
 * the sequence to the few calls that show it, and replays from its seed.
 */
class PortTableTest {

    private static CheckResult run(long seed, Layer layer) {
        // Every socket that holds a port answers the same one: two live sockets appear to share it.
        TamperedLayer reusesALivePort = new TamperedLayer(Bench.realLayers().get(layer),
                (op, o) -> op == Operation.GETSOCKNAME && o.port() > 0 ? TamperedLayer.portAlways(45000).apply(op, o) : o);
        Bench bench = new Bench(new PlatformFactsReader().read(), Bench.realLayers(), Expectations.none(),
                new PropertySettings(seed, 200)).withLayer(reusesALivePort);
        Check check = new PortTableChecks(bench).checks().filter(c -> c.layer() == layer).findFirst().orElseThrow();
        return CheckExecution.run(check, bench.facts(), bench.expectations());
    }

    @Test
    void aLayerThatReusesALivePortIsCaughtAndShrunkToFiveCallsOrFewer() {
        CheckResult r = run(99L, Layer.LIBC);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.message()).contains("-Dportzero.seed=99").contains("share")
                .contains("-Dportzero.checks=unique.sequence_libc.port_table_holds -Dportzero.seed=99 -Dportzero.examples=200");
        assertThat(r.observed()).isEqualTo("falsified");
        int calls = Integer.parseInt(r.figures().replace("smallest sequence ", "").replace(" calls", ""));
        assertThat(calls).as(r.message()).isLessThanOrEqualTo(5);
        assertThat(r.message()).contains("socket(").contains("bind(");
        assertThat(r.observations()).isNotEmpty();
    }

    @Test
    void theSeedReplaysTheSameRecipe() {
        CheckResult first = run(1234L, Layer.NIO);
        CheckResult again = run(1234L, Layer.NIO);
        assertThat(first.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(smallest(again)).isEqualTo(smallest(first));
    }

    private static String smallest(CheckResult r) {
        return r.message().lines().filter(l -> l.startsWith("smallest sequence")).findFirst().orElse("");
    }
}
