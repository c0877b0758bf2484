package org.portzero.suites.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.portzero.model.Verdict;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckExecution;
import org.portzero.suites.catalogue.PropertySettings;
import org.portzero.suites.checks.exhaust.ExhaustChecks;
import org.portzero.suites.checks.unique.UniqueChecks;
import org.portzero.suites.facts.PlatformFactsReader;
import org.portzero.suites.probe.Endpoint;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.Operation;
import org.portzero.suites.probe.TamperedLayer;
import org.portzero.suites.verdict.CheckResult;
import org.portzero.suites.verdict.Expectations;

/**
 * A counterexample is final: a layer that hands out one port twice, once, in fifty binds makes
 * {@code ports_distinct} fail at once, although a second run would hold. Before, that second run
 * turned the duplicate into {@code flaky}, which never fails a build.
 */
class ProofIsFinalTest {

    /** Every fiftieth getsockname answers the port the one before it reported; only the first time. */
    private static TamperedLayer duplicatingOnceInFifty(AtomicInteger fired) {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger previous = new AtomicInteger(-1);
        return new TamperedLayer(Bench.realLayers().get(Layer.LIBC), (op, o) -> {
            if (op != Operation.GETSOCKNAME || o.endpoint() == null || o.endpoint().port() == 0) {
                return o;
            }
            int earlier = previous.getAndSet(o.endpoint().port());
            if (calls.incrementAndGet() % 50 != 0 || earlier < 0 || fired.get() > 0) {
                return o;
            }
            fired.incrementAndGet();
            Endpoint e = o.endpoint();
            return TamperedLayer.withEndpoint(o, new Endpoint(e.address(), earlier, e.family(), e.anyLocal(), e.v4Mapped()));
        });
    }

    @Test
    void aDuplicatePortThatASecondRunWouldMissIsAFailNotFlaky() {
        AtomicInteger fired = new AtomicInteger();
        Bench bench = new Bench(new PlatformFactsReader().read(), Bench.realLayers(), Expectations.none(),
                new PropertySettings(7L, 50)).withLayer(duplicatingOnceInFifty(fired));
        List<Check> rows = new UniqueChecks(bench).checks()
                .filter(c -> c.id().toString().equals("unique.udp4_loopback_libc.ports_distinct")).toList();
        assertThat(rows).as("the row under test").hasSize(1);

        CheckResult result = CheckExecution.run(rows.get(0), bench.facts(), bench.expectations());

        assertThat(fired.get()).as("duplicates handed out").isEqualTo(1);
        assertThat(result.verdict()).as(result.id() + ": " + result.message()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).contains("share ports");
        assertThat(rows.get(0).rerun()).as("ports_distinct declares no environment sensitivity").isEmpty();
    }

    @Test
    void aDuplicatePortInARangeFillIsFinalThoughTheCheckIsEnvironmentSensitive() {
        AtomicInteger fired = new AtomicInteger();
        Bench bench = new Bench(new PlatformFactsReader().read(), Bench.realLayers(), Expectations.none(),
                new PropertySettings(7L, 50)).withLayer(duplicatingOnceInFifty(fired));
        List<Check> rows = new ExhaustChecks(bench).checks()
                .filter(c -> c.id().toString().equals("exhaust.tcp4_bind0_libc.fills_range_then_refuses")).toList();
        assertThat(rows).as("the row under test").hasSize(1);
        assertThat(rows.get(0).rerun()).as("a range fill may be re-run for what the environment does").isPresent();

        CheckResult result = CheckExecution.run(rows.get(0), bench.facts(), bench.expectations());

        assumeTrue(result.verdict() != Verdict.SKIP, "no fillable window here: " + result.message());
        assertThat(fired.get()).as("duplicates handed out").isEqualTo(1);
        assertThat(result.verdict()).as(result.id() + ": " + result.message()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).contains("distinct ports among");
    }
}
