package org.portzero.suites.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.portzero.suites.checks.bind0.Bind0Checks;
import org.portzero.suites.checks.unique.UniqueChecks;
import org.portzero.suites.checks.unique.porttable.PortTableChecks;
import org.portzero.suites.checks.wildcard.WildcardChecks;
import org.portzero.suites.facts.PlatformFactsReader;
import org.portzero.suites.probe.AddressFamily;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.SocketShape;
import org.portzero.suites.probe.Transport;
import org.portzero.suites.verdict.CheckResult;
import org.portzero.suites.verdict.Expectations;

/**
 * With the default example counts, every property generates every socket shape its layer has
 * (and the stateful one every call kind), and records so in its result.
 */
class GeneratorReachTest {

    /** Every shape the layer opens here: MPTCP through the raw calls, where the kernel opened one for the runner. */
    private static List<String> shapes(Layer layer, Bench bench) {
        List<String> shapes = new ArrayList<>();
        for (Transport t : Transport.values()) {
            if (layer.opens(t) && (t != Transport.MPTCP || bench.facts().mptcpOffered())) {
                for (AddressFamily f : AddressFamily.values()) {
                    shapes.add(new SocketShape(f, t).id());
                }
            }
        }
        return shapes;
    }

    @Test
    void defaultRunsReachEveryShapeOnEveryLayer() {
        Bench bench = new Bench(new PlatformFactsReader().read(), Bench.realLayers(), Expectations.none(),
                new PropertySettings(20251121L, null));
        org.junit.jupiter.api.Assumptions.assumeTrue(bench.facts().ipv6Usable() && bench.facts().jdkUsesIpv6(),
                "IPv6 shapes are generated only where IPv6 works");
        List<Check> properties = Stream.of(new Bind0Checks(bench).properties(), new UniqueChecks(bench).properties(),
                new WildcardChecks(bench).properties()).flatMap(s -> s).toList();
        for (Check c : properties) {
            CheckResult r = CheckExecution.run(c, bench.facts(), bench.expectations());
            assertThat(r.generated()).as(r.id()).containsOnlyKeys(shapes(c.layer(), bench));
        }
        for (Check c : new PortTableChecks(bench).checks().toList()) {
            CheckResult r = CheckExecution.run(c, bench.facts(), bench.expectations());
            assertThat(r.generated()).as(r.id()).containsKeys("bindzero", "bindtoportof", "listen", "connect", "accept",
                    "shutdown", "close", "open tcp4", "open tcp6", "open tcp46");
            if (c.layer() != Layer.ASYNC) {
                assertThat(r.generated()).as(r.id()).containsKeys("open udp4", "open udp6", "open udp46");
            }
        }
    }
}
