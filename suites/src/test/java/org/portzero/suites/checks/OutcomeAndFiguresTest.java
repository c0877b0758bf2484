package org.portzero.suites.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portzero.model.CheckId;
import org.portzero.model.Family;
import org.portzero.model.FamilyPlan;
import org.portzero.model.ObservationsFile;
import org.portzero.model.ObservationsHeader;
import org.portzero.model.RecordedResult;
import org.portzero.model.Verdict;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckExecution;
import org.portzero.suites.catalogue.CheckFamily;
import org.portzero.suites.catalogue.PropertySettings;
import org.portzero.suites.checks.common.SocketVariant;
import org.portzero.suites.checks.unique.UniqueChecks;
import org.portzero.suites.facts.PlatformFactsReader;
import org.portzero.suites.probe.Layer;
import org.portzero.suites.probe.TamperedLayer;
import org.portzero.suites.probe.Trace;
import org.portzero.suites.verdict.CheckResult;
import org.portzero.suites.verdict.Expectations;
import org.portzero.suites.verdict.Judgement;

/**
 * A check's outcome states the claim's result and holds none of the harness's parameters (how
 * many sockets): those are figures, recorded beside it; the failure message keeps every number.
 */
class OutcomeAndFiguresTest {

    private static final SocketVariant TCP4_LIBC = UniqueChecks.variants().stream()
            .filter(v -> v.name().equals("tcp4_loopback_libc")).findFirst().orElseThrow();

    private static Judgement distinct(Bench bench, int sockets) {
        try (Trace trace = new Trace()) {
            return UniqueChecks.portsDistinct(bench, TCP4_LIBC, sockets, trace);
        }
    }

    @Test
    void crowdsOfAnotherSizeHaveTheSameOutcomeAndOtherFigures() {
        Bench bench = Bench.current();
        Judgement few = distinct(bench, 4);
        Judgement more = distinct(bench, 16);
        assertThat(few.holds()).isTrue();
        assertThat(few.observed()).isEqualTo(more.observed()).isEqualTo("all distinct");
        assertThat(few.figures()).isEqualTo("4 distinct of 4 sockets");
        assertThat(more.figures()).isEqualTo("16 distinct of 16 sockets");
    }

    @Test
    void aSharedPortIsAnotherOutcomeAndTheMessageKeepsTheNumbers() {
        TamperedLayer onePort = new TamperedLayer(Bench.realLayers().get(Layer.LIBC), TamperedLayer.portAlways(45000));
        Bench bench = new Bench(new PlatformFactsReader().read(), Bench.realLayers(), Expectations.none(),
                new PropertySettings(1L, 10)).withLayer(onePort);
        Judgement shared = distinct(bench, 4);
        assertThat(shared.holds()).isFalse();
        assertThat(shared.observed()).isEqualTo("shared ports");
        assertThat(shared.message()).contains("tcp4_loopback_libc").contains("[libc]").contains("45000");
        assertThat(shared.figures()).contains("1 distinct of 4 sockets").contains("45000");
    }

    @Test
    void figuresTravelFromTheJudgementToObservationsJson(@TempDir Path dir) throws Exception {
        Check check = new Check(new CheckId(Family.UNIQUE, "fake_row_libc", "ports_distinct"), Layer.LIBC, "claim",
                Map.of(), List.of(), trace -> Judgement.held("all distinct", "all distinct").withFigures("32 sockets"));
        CheckResult result = CheckExecution.run(check, new PlatformFactsReader().read(), Expectations.none());
        assertThat(result.observed()).isEqualTo("all distinct");
        assertThat(result.figures()).isEqualTo("32 sockets");

        Path file = dir.resolve("observations.json");
        ObservationsFile.write(file, new ObservationsHeader(ObservationsFile.SCHEMA_VERSION, "dev",
                "2026-01-01T00:00:00Z", 1, List.of(Family.UNIQUE), Map.of(), Map.of(),
                List.of(FamilyPlan.listed(Family.UNIQUE, List.of(result.id())))), List.of(result));
        RecordedResult read = ObservationsFile.read(file).results().get(0);
        assertThat(read.observed()).isEqualTo("all distinct");
        assertThat(read.figures()).isEqualTo("32 sockets");
    }

    /**
     * The checks that judge a port the kernel picked name it port-free: two runs on one platform
     * have the same outcomes, and none holds a port number (which would differ across platforms
     * in the matrix); the figures keep the numbers.
     */
    @Test
    void checksAboutPickedPortsHavePortFreeOutcomes() {
        Bench bench = Bench.current();
        List<String> judgingPorts = List.of("bind0.tcp4_loopback_libc.", "bind0.tcp4_loopback_nio.",
                "bind0.udp6_loopback_socket.", "connected.tcp_loopback4_", "connected.udp_loopback4_",
                "connected.tcp_dual_", "sockopt.", "unique.tcp_udp_loopback_");
        List<Check> checks = Stream.of(Family.BIND0, Family.CONNECTED, Family.SOCKOPT, Family.UNIQUE)
                .flatMap(f -> CheckFamily.of(f).checks(bench))
                .filter(c -> judgingPorts.stream().anyMatch(c.id().toString()::startsWith))
                .filter(c -> !c.id().check().equals("ports_distinct"))
                .toList();
        assertThat(checks).hasSizeGreaterThan(20);
        int judged = 0;
        for (Check check : checks) {
            CheckResult first = CheckExecution.run(check, bench.facts(), bench.expectations());
            CheckResult second = CheckExecution.run(check, bench.facts(), bench.expectations());
            if (first.verdict() == Verdict.SKIP || second.verdict() == Verdict.SKIP) {
                continue;
            }
            judged++;
            assertThat(first.observed()).as(check.id() + ": " + first.figures())
                    .isEqualTo(second.observed()).doesNotContainPattern("\\b\\d{4,5}\\b");
        }
        assertThat(judged).as("port checks that ran here").isGreaterThan(10);
    }

    /**
     * A deviation whose outcome held a port number would differ on every run and could never be
     * expected: the outcome names ports port-free (P1, or 0), the figures and the message keep the
     * numbers, and one expectation names the deviation on every run.
     */
    @Test
    void aDeviationWithPortsHasOnePortFreeOutcomeThatAnExpectationNames() {
        Expectations known = Expectations.parse("""
                - check: wildcard.udp46_wildcard_nio.reports_wildcard
                  when: {ipv6: true}
                  observed: "0.0.0.0:P1"
                  reason: a JDK that spells the wildcard of an AF_INET6 socket 0.0.0.0
                  link: JDK-8224730
                - check: wildcard.udp46_wildcard_nio.kernel_reports_family_wildcard
                  when: {ipv6: true}
                  observed: "api=0.0.0.0:P1 kernel=[::]:P1"
                  reason: the same JDK, beside the kernel's view
                  link: JDK-8224730
                """, "expectations/test.yaml");
        TamperedLayer otherWildcard = new TamperedLayer(Bench.realLayers().get(Layer.NIO),
                (op, o) -> o.layer() == Layer.LIBC ? o : TamperedLayer.wildcardOfTheOtherFamily().apply(op, o));
        Bench bench = new Bench(new PlatformFactsReader().read(), Bench.realLayers(), known,
                new PropertySettings(1L, 10)).withLayer(otherWildcard);
        org.junit.jupiter.api.Assumptions.assumeTrue(bench.facts().ipv6Available(), "needs IPv6");
        for (String id : List.of("wildcard.udp46_wildcard_nio.reports_wildcard",
                "wildcard.udp46_wildcard_nio.kernel_reports_family_wildcard")) {
            Check check = CheckFamily.of(Family.WILDCARD).checks(bench).filter(c -> c.id().toString().equals(id))
                    .findFirst().orElseThrow();
            CheckResult first = CheckExecution.run(check, bench.facts(), known);
            CheckResult second = CheckExecution.run(check, bench.facts(), known);
            assertThat(first.verdict()).as(id + ": " + first.message()).isEqualTo(Verdict.XFAIL);
            assertThat(second.verdict()).as(id + ": " + second.message()).isEqualTo(Verdict.XFAIL);
            assertThat(first.observed()).isEqualTo(second.observed()).doesNotContainPattern("\\d{4,5}");
            assertThat(first.figures()).containsPattern("0\\.0\\.0\\.0:\\d{4,5}");
            assertThat(first.message()).containsPattern(":\\d{4,5}");
        }

        // Another deviation of the same check is still a fail, its outcome as port-free as the first.
        Bench itsOwnWildcard = new Bench(bench.facts(), Bench.realLayers(), known, new PropertySettings(1L, 10))
                .withLayer(new TamperedLayer(Bench.realLayers().get(Layer.NIO), TamperedLayer.sockname("10.1.2.3", false)));
        Check check = CheckFamily.of(Family.WILDCARD).checks(itsOwnWildcard)
                .filter(c -> c.id().toString().equals("wildcard.udp46_wildcard_nio.reports_wildcard")).findFirst().orElseThrow();
        CheckResult other = CheckExecution.run(check, bench.facts(), known);
        assertThat(other.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(other.observed()).isEqualTo("10.1.2.3:P1");
    }
}
