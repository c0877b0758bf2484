package org.portzero.suites.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.portzero.model.KernelAnswer;
import org.portzero.model.PlatformFacts;
import org.portzero.model.Verdict;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckExecution;
import org.portzero.suites.catalogue.PropertySettings;
import org.portzero.suites.checks.bind0.Bind0Checks;
import org.portzero.suites.checks.connected.ConnectedChecks;
import org.portzero.suites.checks.sockopt.SockoptChecks;
import org.portzero.suites.checks.unique.UniqueChecks;
import org.portzero.suites.checks.wildcard.WildcardChecks;
import org.portzero.suites.facts.PlatformFactsReader;
import org.portzero.suites.verdict.CheckResult;
import org.portzero.suites.verdict.Expectations;

/**
 * MPTCP rows run where the kernel opened an MPTCP socket for the runner, and skip, quoting the
 * kernel's answer, where it did not: the decision reads the platform's answer, never a version.
 * On this kernel (which offers MPTCP) the mission's MPTCP rows are judged and pass.
 */
class MptcpTest {

    private static final KernelAnswer REFUSED = KernelAnswer.refused("socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP)",
            "EPROTONOSUPPORT");

    private static Bench bench(PlatformFacts facts) {
        return new Bench(facts, Bench.realLayers(), Expectations.none(), new PropertySettings(1L, 1));
    }

    private static PlatformFacts withMptcp(PlatformFacts f, KernelAnswer mptcp) {
        return new PlatformFacts(f.kernel(), f.portRange(), f.reservedPorts(), f.unprivilegedPortStart(), f.bindV6Only(),
                f.ipv6Available(), f.ipv6Loopback(), f.uid(), f.distro(), f.javaVendor(), f.javaVersion(),
                f.javaVmVersion(), f.javaNetProperties(), mptcp);
    }

    /** Every MPTCP check of the five families that open MPTCP sockets. */
    private static List<CheckResult> mptcpRows(Bench bench) {
        return Stream.of(new Bind0Checks(bench).checks(), new UniqueChecks(bench).checks(), new WildcardChecks(bench).checks(),
                        new ConnectedChecks(bench).checks(), new SockoptChecks(bench).checks())
                .flatMap(s -> s)
                .filter(c -> c.id().variant().contains("mptcp"))
                .map((Check c) -> CheckExecution.run(c, bench.facts(), bench.expectations()))
                .collect(Collectors.toList());
    }

    @Test
    void aKernelWithoutMptcpSkipsEveryMptcpRowQuotingItsAnswer() {
        List<CheckResult> results = mptcpRows(bench(withMptcp(new PlatformFactsReader().read(), REFUSED)));
        assertThat(results).extracting(r -> r.family())
                .contains("bind0", "unique", "wildcard", "connected", "sockopt");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.verdict()).as(r.id().toString()).isEqualTo(Verdict.SKIP);
            assertThat(r.message()).as(r.id().toString())
                    .isEqualTo("no MPTCP in this kernel: socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP) → EPROTONOSUPPORT");
        });
    }

    @Test
    void aKernelWithMptcpJudgesTheMissionRows() {
        PlatformFacts facts = new PlatformFactsReader().read();
        assumeTrue(facts.mptcpOffered(), () -> "this kernel refused MPTCP: " + facts.mptcp());
        List<CheckResult> results = mptcpRows(bench(facts)).stream()
                .filter(r -> !r.family().equals("sockopt")) // per-option probes decide those
                .collect(Collectors.toList());
        assertThat(results).extracting(r -> r.family())
                .contains("bind0", "unique", "wildcard", "connected");
        assertThat(results).allSatisfy(r -> assertThat(r.verdict()).as(r.id() + ": " + r.message())
                .isIn(Verdict.PASS, Verdict.SKIP));
        assertThat(results).filteredOn(r -> r.verdict() == Verdict.PASS).hasSizeGreaterThan(results.size() / 2);
    }
}
