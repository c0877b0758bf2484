package org.portzero.suites.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.portzero.model.PlatformFacts;
import org.portzero.model.Verdict;
import org.portzero.suites.catalogue.Bench;
import org.portzero.suites.catalogue.Check;
import org.portzero.suites.catalogue.CheckExecution;
import org.portzero.suites.catalogue.PortBudget;
import org.portzero.suites.catalogue.PropertySettings;
import org.portzero.suites.checks.connected.ConnectedChecks;
import org.portzero.suites.checks.unique.ConcurrencyChecks;
import org.portzero.suites.facts.PlatformFactsReader;
import org.portzero.suites.verdict.CheckResult;
import org.portzero.suites.verdict.Expectations;

/**
 * A platform short of ports skips the checks that need more than it has, with "needs N free
 * ports, M are free", and runs them when it has enough: the checks ask the bench's budget, here
 * a fake one over the live range with all but a few ports marked in use.
 */
class ScarcePortsTest {

    private static final PlatformFacts FACTS = new PlatformFactsReader().read();

    /** A budget over the live range with exactly {@code free} ports of each transport not in use. */
    private static PortBudget budgetWith(int free) {
        Set<Integer> inUse = new java.util.HashSet<>();
        int left = free;
        for (int p = FACTS.portRange().low(); p <= FACTS.portRange().high(); p++) {
            if (FACTS.reservedPorts().contains(p)) {
                continue;
            }
            if (left > 0) {
                left--;
            } else {
                inUse.add(p);
            }
        }
        return new PortBudget(FACTS.portRange(), FACTS.reservedPorts(), inUse, inUse, 1 << 20);
    }

    private static Bench bench(PortBudget budget) {
        return new Bench(FACTS, Bench.realLayers(), Expectations.none(), new PropertySettings(1L, 5)).withBudget(budget);
    }

    /** Runs the checks whose id holds {@code idPart} as whole parts ({@code tcp_x} never matches {@code mptcp_x}). */
    private static List<CheckResult> run(Bench bench, Stream<Check> checks, String idPart) {
        return checks.filter(c -> ("." + c.id() + ".").contains("." + idPart + "."))
                .map(c -> CheckExecution.run(c, bench.facts(), bench.expectations()))
                .collect(Collectors.toList());
    }

    @Test
    void threadsShortByOnePortSkipWithTheExactMessage() {
        Bench bench = bench(budgetWith(7));
        List<CheckResult> results = run(bench, new ConcurrencyChecks(bench).checks(), "threads_tcp4_loopback_libc");
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.SKIP);
            assertThat(r.message()).isEqualTo("needs 8 free ports, 7 are free: 8 threads x 1 tcp4_loopback_libc"
                    + " sockets bound to port 0 at once (tcp ports " + FACTS.portRange() + " less "
                    + FACTS.reservedPorts().countIn(FACTS.portRange().low(), FACTS.portRange().high()) + " reserved and "
                    + (FACTS.portRange().size() - FACTS.reservedPorts().countIn(FACTS.portRange().low(),
                    FACTS.portRange().high()) - 7) + " in use)");
            assertThat(r.observations()).as("nothing opened before the budget said no").isEmpty();
        });
    }

    @Test
    void threadsWithEnoughPortsRun() {
        Bench bench = bench(budgetWith(16));
        List<CheckResult> results = run(bench, new ConcurrencyChecks(bench).checks(), "threads_tcp4_loopback_libc");
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.PASS);
            assertThat(r.observed()).isEqualTo("all distinct");
            assertThat(r.figures()).contains("8 distinct of 8");
        });
    }

    @Test
    void connectedRowsShortOfTheirTwoPortsSkipAndRunWithTwo() {
        Bench shortOne = bench(budgetWith(1));
        assertThat(run(shortOne, new ConnectedChecks(shortOne).checks(), "tcp_loopback4_libc.client_local_specific"))
                .singleElement().satisfies(r -> {
                    assertThat(r.verdict()).isEqualTo(Verdict.SKIP);
                    assertThat(r.message()).startsWith("needs 2 free ports, 1 are free: a listener bound to port 0"
                            + " and a client autobound by connect (tcp ports " + FACTS.portRange());
                });
        Bench enough = bench(budgetWith(2));
        assertThat(run(enough, new ConnectedChecks(enough).checks(), "tcp_loopback4_libc.client_local_specific"))
                .singleElement().satisfies(r -> assertThat(r.verdict()).as(r.message()).isEqualTo(Verdict.PASS));
    }

    @Test
    void aBenchWithoutAFixedBudgetReadsTheLiveOne() {
        Bench live = new Bench(FACTS, Bench.realLayers(), Expectations.none(), new PropertySettings(1L, 5));
        assertThat(live.budget().range()).isEqualTo(FACTS.portRange());
        assertThat(live.budget().reserved().text()).isEqualTo(FACTS.reservedPorts().text());
    }
}
