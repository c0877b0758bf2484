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
import org.portzero.suites.probe.Layer;
import org.portzero.suites.verdict.CheckResult;
import org.portzero.suites.verdict.Expectations;

/**
 * With the default example counts, every property generates every socket shape its layer has
 * (and the stateful one every call kind), and records so in its result.
 */
class GeneratorReachTest {

    private static final List<String> SHAPES = List.of("tcp4", "tcp6", "tcp46", "udp4", "udp6", "udp46");

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
            List<String> expected = new ArrayList<>(SHAPES);
            if (c.layer() == Layer.ASYNC) {
                expected.removeIf(s -> s.startsWith("udp"));
            }
            assertThat(r.generated()).as(r.id()).containsOnlyKeys(expected);
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
